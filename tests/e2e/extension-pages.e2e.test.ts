import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/harness.ts';

/** Stint's own pages as chrome-extension:// pages, the worker's state, and SPA navigation on a real fixture. */
describe('extension pages and navigation', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness();
  });
  afterAll(() => harness.close());

  it('options: saves the working week, refuses nonsense with a readable message, and keeps it across reloads', async () => {
    const options = await harness.openExtensionPage('options');
    const week = options.getByRole('form', { name: 'Working week' });
    await week.getByLabel('Hours per day').fill('7.5');
    await week.getByRole('button', { name: 'Save' }).click();
    await week.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await week.getByLabel('Days per week').fill('9');
    await week.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => week.getByRole('alert').textContent()).toMatch(/days per week a whole number 1–7/);
    await options.reload();
    expect(await week.getByLabel('Hours per day').inputValue()).toBe('7.5');
    expect(await week.getByLabel('Days per week').inputValue()).toBe('5');
    expect(await harness.readStorage('local', 'settings.workWeek')).toEqual({ 'settings.workWeek': { hoursPerDay: 7.5, daysPerWeek: 5 } });

    const timer = options.getByRole('form', { name: 'Timer' });
    await timer.getByLabel('Away after').fill('10');
    await timer.getByLabel('When I come back').selectOption('discard');
    await timer.getByLabel('Stop a running timer at').fill('18:30');
    await timer.getByLabel('Work in focus / break cycles').check();
    await timer.getByLabel('Focus (minutes)').fill('50');
    await timer.getByRole('button', { name: 'Save' }).click();
    await timer.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await harness.readStorage('local', 'settings.timerRules')).toEqual({
      'settings.timerRules': { idle: { thresholdMinutes: 10, onReturn: 'discard' }, longTimerHours: 8, autoStopAt: '18:30', pomodoro: { enabled: true, focusMinutes: 50, breakMinutes: 5 } },
    });
    await harness.screenshot(options, 'options');
    await options.close();
  });

  it('side panel: follows the tab the person is on', async () => {
    const github = await harness.openPage('https://github.com/acme/checkout-web/issues/3');
    await github.locator('stint-overlay').waitFor({ state: 'attached' });
    const jira = await harness.openPage('https://acme.atlassian.net/browse/PAY-10');
    await jira.locator('stint-overlay').waitFor({ state: 'attached' });
    const panel = await harness.openExtensionPage('sidepanel');
    await expect.poll(() => panel.getByTestId('tab-item-key').textContent()).toBe('jira:acme.atlassian.net/PAY-10');
    await github.bringToFront();
    await panel.bringToFront(); // the panel describes the tab used just before it
    await panel.reload();
    await expect.poll(() => panel.getByTestId('tab-item-key').textContent()).toBe('github:github.com/acme/checkout-web#3');
    await harness.screenshot(panel, 'sidepanel');
    for (const page of [panel, github, jira]) await page.close();
  });

  it('follows GitHub soft navigation: one overlay, for the new item, without a reload', async () => {
    const page = await harness.openPage('https://github.com/acme/checkout-web/issues');
    const documentsLoaded = harness.sandbox.log.filter((r) => r.route === 'github.pages.issue').length;
    await page.locator('[data-testid="issue-pr-title-link"]').first().click();
    await page.waitForURL(/\/acme\/checkout-web\/(issues|pull)\/\d+$/);
    const key = `github:github.com/acme/checkout-web#${new URL(page.url()).pathname.split('/').pop()}`;
    await page.locator(`stint-overlay[data-stint-item="${key}"]`).waitFor({ state: 'attached' });
    expect(await page.locator('stint-overlay').count()).toBe(1);
    expect(await page.locator('stint-overlay').getAttribute('data-floating')).toBeNull();
    // The page fetched the item once (soft navigation), it was not reloaded by the browser.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(harness.sandbox.log.filter((r) => r.route === 'github.pages.issue' || r.route === 'github.pages.pull').length).toBeGreaterThan(documentsLoaded);
    // The timer works for the new item: the background judges the page by the tab's current URL.
    const button = page.locator('stint-overlay').getByRole('button', { name: 'Start timer' });
    await button.click();
    await expect.poll(() => page.locator('stint-overlay').getByRole('button').first().getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('stint-overlay .total').getAttribute('title')).not.toBeNull();
    expect(await page.locator('stint-overlay [data-error]').count()).toBe(0);
    await page.close();
  });

  it('opens a Jira board card in the side panel without a reload and mounts in the panel', async () => {
    const page = await harness.openPage('https://acme.atlassian.net/jira/software/projects/PAY/boards/1');
    expect(await page.locator('stint-overlay').count()).toBe(0);
    const card = page.locator('[data-testid="platform-board-kit.ui.card.card"]').first();
    await card.click();
    await page.waitForURL(/selectedIssue=PAY-\d+/);
    const key = new URL(page.url()).searchParams.get('selectedIssue');
    await page.locator(`stint-overlay[data-stint-item="jira:acme.atlassian.net/${key}"]`).waitFor({ state: 'attached' });
    expect(await page.locator('stint-overlay').getAttribute('data-floating')).toBeNull();
    await harness.screenshot(page, 'jira-board-selected');
    await page.close();
  });
});
