import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { launchHarness, type Harness } from './support/harness.ts';
import { storedEntries, timerButton } from './support/timer.ts';

const GITHUB = 'https://github.com/acme/checkout-web/issues/3';
const JIRA = 'https://acme.atlassian.net/browse/PAY-10';
const GITHUB_KEY = 'github:github.com/acme/checkout-web#3';
const JIRA_KEY = 'jira:acme.atlassian.net/PAY-10';

describe('one-click timers in real Chromium', () => {
  let sandbox: Sandbox;
  let harness: Harness;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  afterEach(() => harness?.close());

  it('start on GitHub in tab 1, then on Jira in tab 2: one timer runs, the first stopped with its duration, all views agree', async () => {
    harness = await launchHarness({ sandbox });
    const github = await harness.openPage(GITHUB);
    await timerButton(github).click();
    await expect.poll(() => timerButton(github).getAttribute('aria-pressed')).toBe('true');
    const jira = await harness.openPage(JIRA);
    await timerButton(jira).click();
    await expect.poll(() => timerButton(jira).getAttribute('aria-pressed')).toBe('true');
    // The GitHub tab learns of the switch by itself, within the one second the timer promises.
    await expect.poll(() => timerButton(github).getAttribute('aria-pressed'), { interval: 50, timeout: 1000 }).toBe('false');

    const entries = await storedEntries(harness);
    const running = entries.filter((e) => e.end === null);
    expect(running.map((e) => e.itemKey)).toEqual([JIRA_KEY]);
    const stopped = entries.find((e) => e.itemKey === GITHUB_KEY)!;
    expect(stopped.end).toBe(running[0]!.start);
    expect(stopped.end! - stopped.start).toBeGreaterThan(0);

    // The toolbar badge shows the elapsed h:mm and its title names the running item.
    const badge = await (await harness.worker()).evaluate(async () => {
      const action = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome.action;
      return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
    });
    expect(badge.text).toMatch(/^0:0\d$/);
    const jiraTitle = (await jira.locator('[data-testid="issue.views.issue-base.foundation.summary.heading"]').textContent())?.trim() ?? '';
    expect(badge.title).toContain(jiraTitle);

    const popup = await harness.openExtensionPage('popup');
    await expect.poll(() => popup.getByTestId('running-item').textContent()).toBe(jiraTitle);
    await expect.poll(() => popup.getByTestId('today-entry').count()).toBe(2); // the dashboard may still be on its way
    await popup.getByRole('button', { name: '■ Stop' }).click();
    await expect.poll(() => timerButton(jira).getAttribute('aria-pressed'), { interval: 50 }).toBe('false');
    await expect.poll(() => popup.getByTestId('timer-idle').count()).toBe(1);
    expect((await storedEntries(harness)).filter((e) => e.end === null)).toEqual([]);
  });

  it('survives the service worker being stopped, and the browser being closed and relaunched', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'stint-relaunch-'));
    try {
      harness = await launchHarness({ sandbox, profileDir });
      const github = await harness.openPage(GITHUB);
      await timerButton(github).click();
      await expect.poll(() => timerButton(github).getAttribute('aria-pressed')).toBe('true');
      const [started] = (await storedEntries(harness)).filter((e) => e.end === null);

      // Kill the worker as Chrome does after 30 s idle; in-memory state is gone.
      const keepAlive = await harness.openPage('https://github.com/acme/checkout-web/issues/4');
      const cdp = await harness.context.newCDPSession(keepAlive);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await github.reload();
      await expect.poll(() => timerButton(github).getAttribute('aria-pressed')).toBe('true');
      const label = (await timerButton(github).textContent()) ?? '';
      const [h, m, s] = label.replace('■', '').split(':').map(Number);
      const shownSeconds = (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
      expect(Math.abs(shownSeconds - (Date.now() - started!.start) / 1000)).toBeLessThan(3);

      await harness.close();
      harness = await launchHarness({ sandbox, profileDir });
      const again = await harness.openPage(GITHUB);
      await expect.poll(() => timerButton(again).getAttribute('aria-pressed')).toBe('true');
      const [still] = (await storedEntries(harness)).filter((e) => e.end === null);
      expect(still).toMatchObject({ id: started!.id, start: started!.start, itemKey: GITHUB_KEY });
    } finally {
      await harness.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it('puts the button back when a page script removes it', async () => {
    harness = await launchHarness({ sandbox });
    const page = await harness.openPage(GITHUB);
    await timerButton(page).waitFor();
    await page.evaluate(() => document.querySelector('stint-overlay')?.remove());
    await expect.poll(() => page.locator('stint-overlay').count()).toBe(1);
    await timerButton(page).waitFor();
  });

  it('sets the item’s own estimate from the ✎ beside the timer, by keyboard; other tabs of the item show it', async () => {
    harness = await launchHarness({ sandbox });
    const page = await harness.openPage(GITHUB);
    const other = await harness.openPage(GITHUB);
    const overlay = page.locator('stint-overlay');
    await overlay.getByRole('button', { name: 'Set estimate' }).click();
    const field = overlay.getByRole('textbox', { name: /Estimate/ });
    await field.fill('half a day');
    await field.press('Enter');
    await expect.poll(() => overlay.getByRole('alert').textContent()).toMatch(/not an estimate Stint can read/);
    await field.fill('1d 2h');
    await field.press('Enter');
    await expect.poll(() => overlay.locator('.total').textContent()).toMatch(/ \/ 10h$/); // 1d = 8 h in the default week
    await expect.poll(() => other.locator('stint-overlay .total').textContent()).toMatch(/ \/ 10h$/);
    // Focus returns to the ✎, so the keyboard user is where they were.
    expect(await page.evaluate(() => document.querySelector('stint-overlay')?.shadowRoot?.activeElement?.getAttribute('aria-label'))).toBe('Set estimate');
  });

  const HOSTILE_TITLES = {
    markup: 'Receipt <img src=x onerror="window.__stintPwned=1"> and <script>window.__stintPwned=2</script>',
    long: `${'Very long title '.repeat(625)}`.slice(0, 10_000),
    rtl: 'تحسين صفحة الدفع للعملاء — checkout',
  };
  for (const [name, title] of Object.entries(HOSTILE_TITLES)) {
    it(`shows a ${name} title as text, never as markup, in the page and the popup`, async () => {
      harness = await launchHarness({ sandbox });
      const page = await harness.context.newPage();
      // Serve the real fixture with this title, escaped as GitHub escapes it.
      const fixture = await (await fetch(GITHUB.replace('github.com', `github.com:${sandbox.port}`))).text();
      const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const body = fixture.replace(/(<bdi class="markdown-title" data-testid="issue-title">)[^<]*(<\/bdi>)/, `$1${escaped}$2`);
      expect(body).not.toBe(fixture);
      await page.route(GITHUB, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
      await page.goto(GITHUB);
      await timerButton(page).click();
      await expect.poll(() => timerButton(page).getAttribute('aria-pressed')).toBe('true');
      const popup = await harness.openExtensionPage('popup');
      await expect.poll(() => popup.getByTestId('running-item').textContent()).toBe(title.trim().slice(0, 500));
      for (const view of [page, popup]) {
        expect(await view.evaluate(() => (window as unknown as { __stintPwned?: number }).__stintPwned)).toBeUndefined();
      }
      expect(await popup.locator('main img').count()).toBe(0);
      expect(await page.locator('stint-overlay img').count()).toBe(0);
      if (name === 'rtl') await harness.screenshot(popup, 'popup-rtl-title');
    });
  }
});
