import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/harness.ts';
import { storedEntries, timerButton } from './support/timer.ts';

const ISSUE = 'https://github.com/acme/checkout-web/issues/3';
const ISSUES = 'https://github.com/acme/checkout-web/issues';

/**
 * A page Stint does not control, acting against it from the page's own scripts (the main world): spoofed messages,
 * synthetic events on Stint's controls, its host element restyled and replaced, and 50,000 rows at once. Stint acts
 * only on trusted gestures in its own UI, never runs page markup, and keeps working.
 */
describe('hostile page scripts', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness();
  });
  afterAll(() => harness.close());

  it('ignores spoofed messages and synthetic clicks, keys and submits on its controls', async () => {
    const page = await harness.openPage(ISSUE);
    await timerButton(page).waitFor();
    await page.evaluate(() => {
      // What an extension bridge might listen for: Stint has none, and must not react.
      for (const type of ['item.toggle', 'timer.start', 'stint:toggle']) window.postMessage({ type, payload: { itemKey: 'github:github.com/acme/checkout-web#3' } }, '*');
      document.dispatchEvent(new CustomEvent('stint:toggle', { detail: {} }));
      const root = document.querySelector('stint-overlay')?.shadowRoot;
      const button = root?.querySelector('button');
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const edit = root?.querySelector<HTMLButtonElement>('.estimate-edit');
      edit?.click();
      root?.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      // A shortcut the page cannot send: commands come from the browser, not the page.
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', altKey: true, shiftKey: true, bubbles: true }));
    });
    // Give anything that would have reacted the time to do it, then check nothing did.
    await page.waitForTimeout(500);
    expect(await storedEntries(harness)).toEqual([]);
    expect(await timerButton(page).getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('stint-overlay input').count()).toBe(0); // the estimate field never opened
    // A real click still works.
    await timerButton(page).click();
    await expect.poll(() => timerButton(page).getAttribute('aria-pressed')).toBe('true');
    await timerButton(page).click();
    await expect.poll(() => timerButton(page).getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('its shadow root is closed to the page’s styles; a replaced or emptied host element is put back, working', async () => {
    const page = await harness.openPage(ISSUE);
    await timerButton(page).waitFor();
    await page.addStyleTag({ content: 'button { display: none !important; } * { color: transparent !important; }' });
    expect(await timerButton(page).isVisible()).toBe(true); // page styles do not reach into Stint's shadow root
    await page.evaluate(() => {
      const host = document.querySelector('stint-overlay')!;
      const fake = document.createElement('stint-overlay'); // a look-alike without Stint's shadow root
      fake.innerHTML = '<button aria-pressed="false">Start timer</button>';
      host.replaceWith(fake);
    });
    await expect.poll(() => page.locator('stint-overlay').evaluateAll((hosts) => hosts.filter((h) => h.shadowRoot !== null).length)).toBe(1);
    await timerButton(page).first().waitFor();
    await page.close();
  });

  it('50,000 rows added at once: rows are badged as they come into view, and the page keeps answering', async () => {
    const page = await harness.openPage(ISSUES);
    await page.locator('stint-badge').first().waitFor({ state: 'attached', timeout: 15_000 });
    const rows = await page.evaluate(() => {
      const list = document.querySelector('[data-listview-component="items-list"]')!;
      const template = list.firstElementChild!.cloneNode(true) as Element;
      template.querySelectorAll('stint-badge').forEach((b) => b.remove());
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < 50_000; i++) {
        const row = template.cloneNode(true) as Element;
        row.querySelector('a[data-testid="issue-pr-title-link"]')!.setAttribute('href', `/acme/checkout-web/issues/${(i % 40) + 1}`);
        fragment.append(row);
      }
      list.append(fragment);
      return list.childElementCount;
    });
    expect(rows).toBeGreaterThanOrEqual(50_000);
    const badged = () => page.evaluate(() => document.querySelectorAll('[data-listview-component="items-list"] stint-badge').length);
    // Scrolled to the end: the last rows get their badges; the 50,000 off-screen ones are not all written.
    await page.evaluate(() => document.querySelector('[data-listview-component="items-list"]')!.lastElementChild!.scrollIntoView());
    const last = page.locator('[data-listview-component="items-list"] > :last-child stint-badge');
    await last.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await badged()).toBeLessThan(5_000);
    // The page's own scripts still run: a task queued now runs (Stint's work is cut into slices between tasks).
    expect(await page.evaluate(() => new Promise<string>((resolve) => setTimeout(() => resolve('ran'), 0)))).toBe('ran');
    await page.close();
  });
});
