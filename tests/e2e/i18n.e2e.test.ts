import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/harness.ts';

const GITHUB = 'https://github.com/acme/checkout-web/issues/3';

/**
 * Stint in German: Chromium started with its UI language set to German picks `_locales/de`, and every surface speaks
 * it. English (the default) is what every other e2e file checks, by the accessible names they select with.
 */
describe('Stint in a German browser', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness({ lang: 'de' });
  });
  afterAll(() => harness?.close());

  it('the timer button on a GitHub issue: ▶ Start, named "Timer starten", then "Timer stoppen, läuft seit …"', async () => {
    const page = await harness.openPage(GITHUB);
    const start = page.locator('stint-overlay').getByRole('button', { name: 'Timer starten' });
    await expect.poll(() => start.textContent()).toBe('▶Start');
    await expect.poll(() => page.locator('stint-overlay').getByRole('button', { name: 'Schätzung festlegen' }).count()).toBe(1);
    await start.click();
    const stop = page.locator('stint-overlay').getByRole('button', { name: /^Timer stoppen, läuft seit \d/ });
    await expect.poll(() => stop.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('stint-overlay .total').getAttribute('title')).toMatch(/^Vom Team erfasst: .+\nVon dir: /);
    await stop.click();
    await expect.poll(() => start.getAttribute('aria-pressed')).toBe('false');
  });

  it('the popup: its headings, the idle timer and its links in German', async () => {
    const popup = await harness.openExtensionPage('popup');
    await expect.poll(() => popup.getByTestId('timer-idle').textContent()).toBe(
      'Kein Timer läuft. Klicke ▶ Start neben einem Issue, Pull Request, Merge Request oder Jira-Ticket.',
    );
    await expect.poll(() => popup.getByRole('heading', { name: 'Heute' }).count()).toBe(1);
    expect(await popup.getByRole('navigation', { name: 'Stint-Seiten' }).getByRole('button', { name: 'Zeitleiste öffnen' }).count()).toBe(1);
    expect(await popup.getByRole('link', { name: 'Stundenzettel' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Einstellungen' }).count()).toBe(1);
    await harness.screenshot(popup, 'i18n-popup-de');
  });

  it('settings, side panel and timesheet: titles, headings and buttons in German', async () => {
    const options = await harness.openExtensionPage('options');
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('Stint-Einstellungen');
    expect(await options.title()).toBe('Stint — Einstellungen');
    expect(await options.getByRole('button', { name: 'Verbindung testen' }).count()).toBe(1);
    // A provider's refusal, worded by the background in the person's language (the provider layer keeps English for logs).
    const form = options.getByRole('form', { name: 'GitHub verbinden' });
    const wrong = 'ghp_wrong_token_000000000000000000000000000';
    await form.getByLabel('Persönliches Zugriffstoken').fill(wrong);
    await form.getByRole('button', { name: 'Verbindung testen' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('github.com hat das Token abgelehnt (401 Bad credentials). Erstelle ein neues Token und füge es erneut ein.');
    const panel = await harness.openExtensionPage('sidepanel');
    expect(await panel.title()).toBe('Stint — Zeitleiste');
    const timesheet = await harness.context.newPage();
    await timesheet.goto(`chrome-extension://${harness.extensionId}/timesheet.html`);
    await expect.poll(() => timesheet.getByRole('heading', { level: 1 }).textContent()).toBe('Stundenzettel');
    expect(await timesheet.title()).toBe('Stint — Stundenzettel');
    expect(await timesheet.getByRole('button', { name: '← Vorige Woche' }).count()).toBe(1);
    await harness.screenshot(timesheet, 'i18n-timesheet-de');
  });
});
