import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/harness.ts';
import { seriousViolations } from './support/axe.ts';
import { timerButton } from './support/timer.ts';

const GITHUB = 'https://github.com/acme/checkout-web/issues/3';
const GITLAB = 'https://gitlab.com/acme/platform/billing-service/-/issues/1';
const GITHUB_KEY = 'github:github.com/acme/checkout-web#3';
const GITLAB_KEY = 'gitlab:gitlab.com/acme/platform/billing-service#1';

/** The popup dashboard in real Chromium: first run, recent items that start timers, live agreement with the pages. */
describe('popup dashboard', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness();
  });
  afterAll(() => harness.close());

  it('first run: offers to connect a provider or open the demo project, with no serious accessibility violation', async () => {
    const popup = await harness.openExtensionPage('popup');
    const card = popup.getByTestId('first-run');
    await card.waitFor();
    expect(await card.getByRole('link', { name: 'Open the demo project' }).getAttribute('href')).toBe('https://github.com/acme/checkout-web/issues');
    expect(await card.getByRole('button', { name: 'Connect GitHub, GitLab or Jira' }).count()).toBe(1);
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'popup-first-run');
    await popup.close();
  });

  it('a recent item starts from the popup and the page’s button follows within a second; a start on the page shows in the popup', async () => {
    const github = await harness.openPage(GITHUB);
    await timerButton(github).click();
    await expect.poll(() => timerButton(github).getAttribute('aria-pressed')).toBe('true');
    const gitlab = await harness.openPage(GITLAB);
    await timerButton(gitlab).click();
    await expect.poll(() => timerButton(gitlab).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => timerButton(github).getAttribute('aria-pressed')).toBe('false');

    const popup = await harness.openExtensionPage('popup');
    const recent = popup.getByTestId('recent-item');
    await expect.poll(() => recent.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item')))).toEqual([GITLAB_KEY, GITHUB_KEY]);
    expect(await popup.getByTestId('first-run').count()).toBe(0);

    // From the popup: restart the GitHub issue. Its page's button turns on, the GitLab one off, within one second.
    await popup.locator(`[data-item="${GITHUB_KEY}"]`).getByRole('button').click();
    await expect.poll(() => timerButton(github).getAttribute('aria-pressed'), { interval: 50, timeout: 1000 }).toBe('true');
    await expect.poll(() => timerButton(gitlab).getAttribute('aria-pressed'), { interval: 50, timeout: 1000 }).toBe('false');
    const githubRow = popup.locator(`[data-item="${GITHUB_KEY}"]`).getByRole('button');
    await expect.poll(() => githubRow.getAttribute('aria-pressed')).toBe('true');

    // From the page: start GitLab again. The open popup shows it running, within one second.
    await timerButton(gitlab).click();
    const gitlabRow = popup.locator(`[data-item="${GITLAB_KEY}"]`).getByRole('button');
    await expect.poll(() => gitlabRow.getAttribute('aria-pressed'), { interval: 50, timeout: 1000 }).toBe('true');
    await expect.poll(() => githubRow.getAttribute('aria-pressed'), { interval: 50, timeout: 1000 }).toBe('false');
    const gitlabTitle = (await popup.locator(`[data-item="${GITLAB_KEY}"] a`).textContent()) ?? '';
    await expect.poll(() => popup.getByTestId('running-item').textContent()).toBe(gitlabTitle);

    // Today and this week count what ran; the dashboard is cached for the next opening's first paint.
    await expect.poll(() => popup.getByTestId('week-own').textContent()).toMatch(/^\d+s$|^\d+m/);
    expect(await popup.evaluate(() => localStorage.getItem('stint:dashboard:v1'))).toContain(GITHUB_KEY);
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'popup');
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(popup)).toEqual([]);
    await harness.screenshot(popup, 'popup-dark');
    await popup.getByRole('button', { name: '■ Stop' }).click();
    await expect.poll(() => timerButton(gitlab).getAttribute('aria-pressed'), { interval: 50, timeout: 1000 }).toBe('false');
    for (const page of [popup, github, gitlab]) await page.close();
  });

  it('the options page has no serious accessibility violation, light or dark', async () => {
    const options = await harness.openExtensionPage('options');
    await options.getByRole('form', { name: 'Working week' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(options)).toEqual([]);
    // The check itself sees a violation when there is one: a button without a name.
    await options.evaluate(() => document.body.append(document.createElement('button')));
    expect((await seriousViolations(options)).map((v) => v.id)).toContain('button-name');
    await options.close();
  });
});
