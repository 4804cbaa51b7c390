import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { browserForFile } from './support/browser.ts';
import { planBudgetMilestone } from './support/milestone.ts';

const PATH = 'acme/platform/billing-service';
const PROJECT = `gitlab:gitlab.com/${PATH}`;

/** The side panel in real Chromium on sandbox data, opened as a tab beside the provider pages it follows. */
describe('Side panel timeline', () => {
  const file = browserForFile();
  const { send } = file;
  const gitlab = () => file.harness.sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
  const project = () => gitlab().projects.find((p) => p.pathWithNamespace === PATH)!;

  it('follows the tab from a GitHub item to a GitLab project, shows its lanes and items, opens an item in that tab, and its milestone figures equal the popup’s and the item page’s', async () => {
    // The budgets fixture: an active milestone due in 6 working days, three open issues with 36 h over 12 working days.
    const { milestone, planned } = planBudgetMilestone(project(), { assignee: 'ben.okafor' });
    // Ben's load is counted over every active milestone / iteration of every tracked project: he carries only these
    // three here, so the figure checked below is the fixture's alone, whatever the seed gave him.
    for (const other of gitlab().projects.flatMap((p) => [...p.issues, ...p.mergeRequests])) if (!planned.includes(other)) other.assignees = other.assignees.filter((a) => a !== 'ben.okafor');
    for (const other of file.harness.sandbox.data.github.flatMap((g) => g.repos).flatMap((r) => r.issues)) other.assignees = other.assignees.filter((a) => a !== 'bokafor');
    const glToken = gitlab().tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
    await send('connections.add', { provider: 'gitlab', host: 'gitlab.com', token: glToken });
    const ghToken = file.harness.sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    await send('connections.add', { provider: 'github', host: 'github.com', token: ghToken });
    const issue = planned[0]!;
    const item = await file.harness.openPage(`https://gitlab.com/${PATH}/-/issues/${issue.iid}`);
    await expect.poll(() => item.locator('stint-overlay .total').textContent(), { timeout: 15_000 }).toMatch(/^12h \/ 16h/);
    await send('rates.save', { id: 'billing', person: null, projectKey: PROJECT, perHour: 8500, currency: 'EUR' });
    await send('budgets.save', { id: 'invoicing', scope: { kind: 'container', key: `${PROJECT}#milestone:${milestone.id}` }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] });
    const plan = item.locator('stint-overlay .plan');
    await expect.poll(() => plan.textContent(), { timeout: 10_000 }).toBe(`${milestone.title} 90 % · €3,060.00`);

    // The panel opened beside a GitHub issue describes that issue's repository.
    const github = await file.harness.openPage('https://github.com/acme/checkout-web/issues/3');
    await github.locator('stint-overlay').waitFor({ state: 'attached' });
    const panel = await file.harness.openExtensionPage('sidepanel');
    const heading = panel.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe('acme/checkout-web');

    // Switching to the GitLab project's issue list switches the timeline, without touching the panel.
    const list = await file.harness.openPage(`https://gitlab.com/${PATH}/-/issues`);
    await list.bringToFront();
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(PATH);
    const timeline = panel.getByRole('list', { name: `Items of ${PATH} by milestone or sprint` });
    await expect.poll(() => timeline.getByRole('heading', { level: 3, name: new RegExp(`^${milestone.title}`) }).count(), { timeout: 10_000 }).toBe(1);
    const bar = panel.locator(`[data-testid="timeline-item"][data-item="${PROJECT}#${issue.iid}"] a`);
    await bar.waitFor({ state: 'attached' });
    expect(await bar.textContent()).toContain(`#${issue.iid} ${issue.title}`);
    expect(await bar.textContent()).toContain('12h spent of 16h');
    expect(await panel.getByTestId('logged-per-day').getAttribute('aria-label')).toMatch(/^Time logged per day: \d+h/);

    // The milestone's burn-up: the same figures as the item page's plan chip and the popup's budget overview.
    await panel.getByLabel('For', { exact: true }).selectOption(`${PROJECT}#milestone:${milestone.id}`);
    const figures = (await panel.getByTestId('burnup-figures').textContent()) ?? '';
    expect(figures).toBe(`${milestone.title} 90 % · €3,060.00 — nearly spent`);
    expect(figures.startsWith((await plan.textContent()) ?? '-')).toBe(true);
    expect(await panel.getByTestId('burnup-spent').textContent()).toMatch(new RegExp(`^36h spent of 40h, due ${milestone.dueDate};`));
    expect(await panel.getByTestId('burnup-chart').locator('canvas').count()).toBe(1);
    const popup = await file.harness.openExtensionPage('popup');
    const row = popup.getByTestId('budget-overview').filter({ hasText: milestone.title });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(figures);
    await popup.close();
    // Ben carries the three issues (16 h each, 12 h spent on each): 12 h left, this week's time beside it.
    const ben = panel.getByTestId('team-load-row').filter({ hasText: 'ben.okafor' });
    expect(await ben.locator('td').nth(1).textContent()).toBe('12h');

    await list.bringToFront();
    await file.harness.screenshot(panel, 'sidepanel-timeline');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await file.harness.screenshot(panel, 'sidepanel-timeline-dark');
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'light' });
    expect(await seriousViolations(panel)).toEqual([]);

    // A click opens the item in the tab the panel follows.
    await bar.click();
    await list.waitForURL(`https://gitlab.com/${PATH}/-/issues/${issue.iid}`);

    // Back to the GitHub tab, then to the GitLab project's home (no item, no list: the address says the project).
    await github.bringToFront();
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe('acme/checkout-web');
    const home = await file.harness.openPage(`https://gitlab.com/${PATH}`);
    await home.bringToFront();
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(PATH);
    for (const page of [panel, github, list, item, home]) await page.close();
  });
});
