import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../lib/core/duration';
import type { JiraIssue } from '../sandbox/data/model.ts';
import { CLOUD_HOST, DC_HOST, jiraFetch } from '../sandbox/jira/api/test-clients.ts';
import { browserForFile } from './support/browser.ts';
import { moveWorkerClock, totalText } from './support/timer.ts';

const PROJECT = `jira:${CLOUD_HOST}/PAY`;
const HOUR = 3_600_000;

/** Jira end to end in real Chromium: connect from options, Jira's own totals, worklogs written in the person's zone. */
describe('Jira sync in real Chromium', () => {
  const file = browserForFile();
  const { send } = file;
  const site = (host = CLOUD_HOST) => file.harness.sandbox.data.jira.find((s) => s.host === host)!;
  const tokenOf = (host: string, personId: string) => site(host).tokens.find((t) => t.personId === personId)!.value;
  const ana = () => file.harness.sandbox.data.people.find((p) => p.id === 'ana')!;
  const stintLogs = (issue: JiraIssue) => issue.worklogs.filter((w) => 'stint' in w.properties);
  const spent = (issue: JiraIssue) => issue.worklogs.reduce((n, w) => n + w.timeSpentSeconds, 0);
  const timer = (page: Page) => page.locator('stint-overlay').getByRole('button', { name: /timer/ });
  const total = (page: Page) => page.locator('stint-overlay .total');
  /**
   * Start the timer on a page and stop it a second later. Real time, not the worker's clock: a minute heartbeat landing
   * while the clock is moved would read the jump as the computer sleeping.
   */
  const workBriefly = async (page: Page) => {
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(1100);
    await timer(page).click();
  };
  const form = () => file.options.getByRole('form', { name: /^Connect (GitHub|GitLab|Jira)$/ });

  it('connects Jira Cloud from the options page: the e-mail is asked for, a bad token is named', async () => {
    // Ana works from Brisbane (UTC+10, no daylight saving) this month: her Jira profile says so.
    const index = file.harness.sandbox.data.people.findIndex((p) => p.id === 'ana');
    file.harness.sandbox.data.people[index] = { ...ana(), timeZone: 'Australia/Brisbane' };
    await form().getByLabel('Provider').selectOption('jira');
    const jira = file.options.getByRole('form', { name: 'Connect Jira' });
    await jira.getByLabel('Jira host').fill(CLOUD_HOST);
    await jira.getByLabel(/API token/).fill(tokenOf(CLOUD_HOST, 'ana'));
    const from = file.harness.sandbox.log.length;
    await jira.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => jira.getByRole('alert').textContent()).toMatch(/Jira Cloud signs in with your Atlassian account e-mail/);
    expect(file.harness.sandbox.log.length).toBe(from); // nothing sent without it
    await jira.getByLabel(/e-mail/).fill(ana().email);
    await jira.getByLabel(/API token/).fill('ATATT3x-wrong-token-0000000000');
    await jira.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => jira.getByRole('alert').textContent()).toMatch(/refused the e-mail and API token \(401/);
    await jira.getByLabel(/API token/).fill(tokenOf(CLOUD_HOST, 'ana'));
    await jira.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => jira.getByRole('status').textContent()).toBe(`Connected to ${CLOUD_HOST} as Ana Ruiz.`);
  });

  it('a user in UTC+10 logs 30 min at 08:15 local: the worklog starts at 08:15 with +1000, and Jira’s total agrees', async () => {
    const issue = site().issues.find((i) => i.projectKey === 'PAY' && i.originalEstimateSeconds !== null && i.worklogs.length > 0)!;
    const page = await file.harness.openPage(`https://${CLOUD_HOST}/browse/${issue.key}`);
    await page.locator(`stint-overlay[data-stint-item="jira:${CLOUD_HOST}/${issue.key}"]`).waitFor({ state: 'attached' });
    await expect.poll(() => total(page).textContent(), { timeout: 15_000 }).toBe(totalText(spent(issue), issue.originalEstimateSeconds));
    expect(await total(page).getAttribute('title')).toContain(`Jira agrees: ${formatDuration(spent(issue))} spent`);

    await send('sync.setWriteBack', { projectKey: PROJECT, writeBack: true });
    // 08:15 in Brisbane yesterday is 22:15 UTC the day before.
    const day = 24 * HOUR;
    const at = Math.floor(Date.now() / day) * day - 2 * day + 22 * HOUR + 15 * 60_000;
    const shift = at - Date.now();
    await moveWorkerClock(file.harness, shift);
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await moveWorkerClock(file.harness, 30 * 60_000);
    await timer(page).click();
    await expect.poll(() => stintLogs(issue).length, { timeout: 15_000 }).toBe(1);
    await moveWorkerClock(file.harness, -shift - 30 * 60_000);
    const [log] = stintLogs(issue);
    expect(log).toMatchObject({ personId: 'ana', timeSpentSeconds: 1800 });
    expect(log!.started - at).toBeGreaterThanOrEqual(0);
    expect(log!.started - at).toBeLessThan(5000); // the click came a moment after the clock was set
    const read = await jiraFetch(file.harness.sandbox, CLOUD_HOST, `/rest/api/3/issue/${issue.key}/worklog/${log!.id}`);
    const localDay = new Date(at + 10 * HOUR).toISOString().slice(0, 10);
    expect((read.body as { started: string }).started).toMatch(new RegExp(`^${localDay}T08:15:0\\d\\.\\d{3}\\+1000$`));
    // Stint re-reads the project after its write: Jira's total includes it, and nothing is counted twice.
    await expect.poll(async () => (await total(page).getAttribute('title')) ?? '', { timeout: 15_000 }).toContain(`Jira agrees: ${formatDuration(spent(issue))} spent`);
    await file.harness.screenshot(page, 'jira-issue-synced');
    await page.close();
  });

  it('drop-after-commit on the worklog POST, then recovery: exactly one worklog, found again through its property', async () => {
    const issue = site().issues.filter((i) => i.projectKey === 'PAY')[9]!;
    const page = await file.harness.openPage(`https://${CLOUD_HOST}/browse/${issue.key}`);
    await page.locator('stint-overlay').waitFor({ state: 'attached' });
    file.harness.sandbox.faults.add({ route: 'jira.worklogs.create', kind: 'dropAfterCommit', times: 1 });
    await workBriefly(page);
    await expect.poll(() => stintLogs(issue).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await send<{ pending: number; failed: unknown[] }>('sync.status', {})).pending, { timeout: 45_000 }).toBe(0);
    expect(stintLogs(issue)).toHaveLength(1);
    expect(file.harness.sandbox.log.some((r) => r.route === 'jira.worklogs.create' && r.status === 'dropped')).toBe(true);
    await page.close();
  }, 90_000);

  it('a Data Center host (API v2, bearer token) works through the same code path', async () => {
    await form().getByLabel('Provider').selectOption('jira');
    const jira = file.options.getByRole('form', { name: 'Connect Jira' });
    await jira.getByLabel('Jira host').fill(DC_HOST);
    await jira.getByLabel(/e-mail/).fill('');
    await jira.getByLabel(/API token/).fill(tokenOf(DC_HOST, 'ben'));
    await jira.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => jira.getByRole('status').textContent()).toBe(`Connected to ${DC_HOST} as Ben Okafor.`);
    const issue = site(DC_HOST).issues.find((i) => i.worklogs.length > 0)!;
    const page = await file.harness.openPage(`https://${DC_HOST}/browse/${issue.key}`);
    await page.locator(`stint-overlay[data-stint-item="jira:${DC_HOST}/${issue.key}"]`).waitFor({ state: 'attached' });
    const figure = totalText(spent(issue), issue.originalEstimateSeconds);
    await expect.poll(() => total(page).textContent(), { timeout: 15_000 }).toBe(figure);
    await send('sync.setWriteBack', { projectKey: `jira:${DC_HOST}/${issue.projectKey}`, writeBack: true });
    await workBriefly(page);
    await expect.poll(() => stintLogs(issue).length, { timeout: 15_000 }).toBe(1);
    expect(stintLogs(issue)[0]).toMatchObject({ personId: 'ben' });
    const calls = file.harness.sandbox.log.filter((r) => r.host === DC_HOST && r.path.startsWith('/rest/'));
    // API v2 and the Agile API only: Data Center has no v3.
    expect(calls.filter((r) => !/^\/rest\/(api\/2|agile\/1\.0)\//.test(r.path)).map((r) => r.path)).toEqual([]);
    await page.close();
  });

  it('sent Jira credentials only to the Jira site each belongs to, and stored none where pages can read', async () => {
    const carried = file.harness.sandbox.log.filter((r) => r.authorized && (r.host === CLOUD_HOST || r.host === DC_HOST));
    expect(carried.length).toBeGreaterThan(0);
    for (const request of carried) {
      const where = `${request.method} ${request.host}${request.path}`;
      expect(request.path, where).toMatch(/^\/rest\/(api\/[23]|agile\/1\.0)\//);
      // The wrong token typed on purpose is `unknown`; every other credential belongs to the host it went to.
      if (request.credentialOf !== 'unknown') expect(request.credentialOf?.split('/')[0], where).toBe(request.host);
    }
    const local = JSON.stringify(await file.harness.readStorage('local'));
    for (const s of file.harness.sandbox.data.jira) for (const t of s.tokens) expect(local).not.toContain(t.value);
  });
});
