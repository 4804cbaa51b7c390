import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { JiraIssue } from '../sandbox/data/model.ts';
import { CLOUD_HOST } from '../sandbox/jira/api/test-clients.ts';
import { browserForFile } from './support/browser.ts';

const PROJECT = `jira:${CLOUD_HOST}/PAY`;

/**
 * The timesheet in real Chromium against the Jira sandbox: an entry added by pasting an issue's address is written
 * back as one worklog; editing it in the timesheet updates that worklog exactly once; delete + Undo leaves one.
 */
describe('Timesheet in real Chromium', () => {
  const file = browserForFile();
  const { send } = file;
  const site = () => file.harness.sandbox.data.jira.find((s) => s.host === CLOUD_HOST)!;
  const stintLogs = (issue: JiraIssue) => issue.worklogs.filter((w) => 'stint' in w.properties);
  const writesSince = (from: number) => file.harness.sandbox.log.slice(from).filter((r) => r.host === CLOUD_HOST && r.method !== 'GET').map((r) => r.route);
  const settled = async () => (await send<{ pending: number; failed: unknown[] }>('sync.status', {})).pending;
  let page: Page;
  let issue: JiraIssue;

  it('connects Jira and turns write-back on for the project', async () => {
    const ana = file.harness.sandbox.data.people.find((p) => p.id === 'ana')!;
    await file.options.getByRole('form', { name: /^Connect (GitHub|GitLab|Jira)$/ }).getByLabel('Provider').selectOption('jira');
    const jira = file.options.getByRole('form', { name: 'Connect Jira' });
    await jira.getByLabel('Jira host').fill(CLOUD_HOST);
    await jira.getByLabel(/e-mail/).fill(ana.email);
    await jira.getByLabel(/API token/).fill(site().tokens.find((t) => t.personId === 'ana')!.value);
    await jira.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => jira.getByRole('status').textContent()).toBe(`Connected to ${CLOUD_HOST} as Ana Ruiz.`);
    // Stint keeps a project in sync once one of its items is seen; then write-back can be turned on.
    issue = site().issues.filter((i) => i.projectKey === 'PAY' && i.worklogs.every((w) => !('stint' in w.properties)))[4]!;
    const jiraPage = await file.harness.openPage(`https://${CLOUD_HOST}/browse/${issue.key}`);
    await jiraPage.locator('stint-overlay').waitFor({ state: 'attached' });
    await expect.poll(() => send('sync.setWriteBack', { projectKey: PROJECT, writeBack: true }).then(() => true, () => false), { timeout: 15_000 }).toBe(true);
    await jiraPage.close();
  });

  it('adds an entry by pasting the issue’s address: one worklog is written', async () => {
    page = await file.harness.context.newPage();
    await page.goto(`chrome-extension://${file.harness.extensionId}/timesheet.html`);
    await page.getByRole('heading', { name: 'Timesheet' }).waitFor();
    // Last week, so the entry is in the past whatever the time of day; the page's own zone decides the date.
    const lastWeek = await page.evaluate(() => {
      const d = new Date(Date.now() - 7 * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const add = page.getByRole('form', { name: 'Add an entry' });
    await add.getByLabel('Item address').fill(`https://${CLOUD_HOST}/browse/${issue.key}`);
    await add.getByLabel('Date').fill(lastWeek);
    await add.getByLabel('Start').fill('09:00');
    await add.getByLabel('Duration').fill('1h');
    await add.getByLabel('Note').fill('first pass');
    await add.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Entry added\./);
    await expect.poll(() => stintLogs(issue).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(settled, { timeout: 15_000 }).toBe(0);
    expect(stintLogs(issue)[0]).toMatchObject({ personId: 'ana', timeSpentSeconds: 3600 });
  });

  it('edits duration and note in the timesheet: the same worklog is updated, once (one PUT, no second POST)', async () => {
    const first = stintLogs(issue)[0]!.id;
    await page.keyboard.press('['); // last week
    const row = page.locator('tr', { has: page.locator(`th[title="jira:${CLOUD_HOST}/${issue.key}"]`) });
    await expect.poll(() => row.getByTestId('row-total').textContent()).toBe('1h');
    const cell = row.getByTestId('grid-cell').filter({ hasText: '1h' });
    await cell.focus();
    await page.keyboard.press('Enter');
    const entry = page.getByTestId('timesheet-entry');
    await expect.poll(() => entry.count()).toBe(1);
    const from = file.harness.sandbox.log.length;
    await entry.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit entry' });
    await edit.getByLabel('Duration').fill('1h 30m');
    await edit.getByLabel('Note').fill('pairing on the refund flow');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Entry saved\./);
    await expect.poll(() => stintLogs(issue)[0]?.timeSpentSeconds, { timeout: 15_000 }).toBe(5400);
    await expect.poll(settled, { timeout: 15_000 }).toBe(0);
    expect(stintLogs(issue).map((w) => w.id)).toEqual([first]);
    expect(JSON.stringify(stintLogs(issue)[0]!.comment)).toContain('pairing on the refund flow');
    expect(writesSince(from)).toEqual(['jira.worklogs.update']);
    await expect.poll(() => row.getByTestId('row-total').textContent()).toBe('1h 30m');
    await file.harness.screenshot(page, 'timesheet');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await file.harness.screenshot(page, 'timesheet-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it('delete, then Undo: the worklog is removed and comes back as exactly one', async () => {
    const entry = page.getByTestId('timesheet-entry');
    await entry.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Entry deleted\./);
    await expect.poll(() => stintLogs(issue).length, { timeout: 15_000 }).toBe(0);
    await expect.poll(settled, { timeout: 15_000 }).toBe(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Entry restored\./);
    await expect.poll(() => stintLogs(issue).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(settled, { timeout: 15_000 }).toBe(0);
    await send('sync.now', {}); // another full sync and drain changes nothing
    expect(stintLogs(issue)).toHaveLength(1);
    expect(stintLogs(issue)[0]).toMatchObject({ timeSpentSeconds: 5400 });
    await page.close();
  });
});
