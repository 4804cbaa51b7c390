import { describe, expect, it } from 'vitest';
import { readReportMarker } from '../../lib/core/status-report';
import { notesOn } from '../sandbox/gitlab/api/notes.ts';
import { seriousViolations } from './support/axe.ts';
import { browserForFile } from './support/browser.ts';
import { planBudgetMilestone } from './support/milestone.ts';

const PATH = 'acme/platform/billing-service';
const PROJECT = `gitlab:gitlab.com/${PATH}`;

/** The status report page in real Chromium on sandbox data: the popup's figures, then one comment on GitLab. */
describe('Status report', () => {
  const file = browserForFile();
  const { send } = file;
  const gitlab = () => file.harness.sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
  const project = () => gitlab().projects.find((p) => p.pathWithNamespace === PATH)!;

  it('a milestone’s report has the popup’s percent and money, and posted on an issue through a dropped connection leaves exactly one note', async () => {
    // A milestone due in 6 working days, 40 h at 85 €/h, with 36 h logged on its three open issues (as budgets.e2e).
    const { milestone, planned } = planBudgetMilestone(project());
    const token = gitlab().tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
    await send('connections.add', { provider: 'gitlab', host: 'gitlab.com', token });
    const issue = planned[0]!;
    const itemPage = await file.harness.openPage(`https://gitlab.com/${PATH}/-/issues/${issue.iid}`);
    await expect.poll(() => itemPage.locator('stint-overlay .total').textContent(), { timeout: 15_000 }).toMatch(/^12h \/ 16h/);
    await itemPage.close();
    const scope = `${PROJECT}#milestone:${milestone.id}`;
    await send('rates.save', { id: 'billing', person: null, projectKey: PROJECT, perHour: 8500, currency: 'EUR' });
    await send('budgets.save', { id: 'm', scope: { kind: 'container', key: scope }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] });

    // The popup's figures for the milestone.
    const popup = await file.harness.openExtensionPage('popup');
    const row = popup.getByTestId('budget-overview').first();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(`${milestone.title} 90 % · €3,060.00`);
    const figures = (await row.locator('.budget-figures').textContent()) ?? '';
    const [, percent, money] = /^(\d+ %) · (\S+) —/.exec(figures) ?? [];
    await popup.close();

    // The report page, opened on the milestone: the same percent and money.
    const page = await file.harness.context.newPage();
    await page.goto(`chrome-extension://${file.harness.extensionId}/report.html?scope=${encodeURIComponent(scope)}`);
    await expect.poll(() => page.getByTestId('report-percent').textContent(), { timeout: 10_000 }).toBe(percent);
    expect(await page.getByTestId('report-money').textContent()).toBe(money);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Status report: ${milestone.title}`);
    expect(await page.getByRole('combobox', { name: 'Project or milestone / sprint' }).inputValue()).toBe(scope);
    expect(await page.getByRole('row').count()).toBe(2); // the header and Ben
    expect(await page.getByRole('rowheader').textContent()).toBe('ben.okafor');

    // Post it on the first issue, by keyboard; GitLab commits the note, then the connection drops before the answer.
    const fault = file.harness.sandbox.faults.add({ route: 'gitlab.issues.notes.create', kind: 'dropAfterCommit', times: 1 });
    const address = page.getByRole('textbox', { name: /Issue, merge request or Jira issue address/ });
    await address.fill(`https://gitlab.com/${PATH}/-/issues/${issue.iid}`);
    await address.press('Enter');
    const status = page.getByTestId('post-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('posted');
    expect(await status.textContent()).toBe(`Posted on #${issue.iid}.`);
    expect(file.harness.sandbox.faults.fired(fault)).toBe(1);
    const reports = notesOn(issue).filter((note) => readReportMarker(note.body) !== null);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.body).toContain(`## Status report: ${milestone.title}`);
    expect(reports[0]!.body).toContain('| ben.okafor | 36h | €3,060.00 |');

    await page.setViewportSize({ width: 1000, height: 1150 });
    expect(await seriousViolations(page)).toEqual([]);
    await file.harness.screenshot(page, 'report');
    // Printed, only the report: the controls and the post form are hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Copy Markdown' }).isHidden()).toBe(true);
    expect(await address.isHidden()).toBe(true);
    expect(await page.getByTestId('report').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    expect(await seriousViolations(page)).toEqual([]);
    await file.harness.screenshot(page, 'report-dark');

    // A milestone's own address is refused with what to paste instead.
    await address.fill(`https://gitlab.com/${PATH}/-/milestones/${milestone.iid}`);
    await address.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/Milestones and sprints take no comments/);
    await page.close();
  });
});
