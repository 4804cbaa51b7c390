import { describe, expect, it } from 'vitest';
import { browserForFile } from './support/browser.ts';
import { planBudgetMilestone } from './support/milestone.ts';

const PATH = 'acme/platform/billing-service';
const PROJECT = `gitlab:gitlab.com/${PATH}`;
const DAY = 86_400_000;

/** Budgets in real Chromium on sandbox data: a milestone's budget, rates, the forecast, on the item page and its row. */
describe('Budgets and risks on the page', () => {
  const file = browserForFile();
  const { send } = file;
  const gitlab = () => file.harness.sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
  const project = () => gitlab().projects.find((p) => p.pathWithNamespace === PATH)!;

  it('a milestone with 40 h at 85 €/h, 36 h spent and a burn that runs out before its due date: 80 % level and “forecast overrun” with its date and amount, on the item page, its list row and the popup; scope creep names the late item; a removed blocked label clears the flag', async () => {
    // The milestone is due in 6 working days; its three open issues carry 36 h, 3 h on each of the last 12 working days.
    const { milestone, planned, dueDay } = planBudgetMilestone(project());
    const token = gitlab().tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
    await send('connections.add', { provider: 'gitlab', host: 'gitlab.com', token });
    const issue = planned[0]!;
    const page = await file.harness.openPage(`https://gitlab.com/${PATH}/-/issues/${issue.iid}`);
    await page.locator(`stint-overlay[data-stint-item="${PROJECT}#${issue.iid}"]`).waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('stint-overlay .total').textContent(), { timeout: 15_000 }).toMatch(/^12h \/ 16h/);

    await send('rates.save', { id: 'billing', person: null, projectKey: PROJECT, perHour: 8500, currency: 'EUR' });
    // The milestone's budget is quick-set from the item page, by keyboard: ⚑, type 40h, Enter.
    const flag = page.locator('stint-overlay').getByRole('button', { name: `Set the budget of Milestone ${milestone.title}` });
    await flag.focus();
    await page.keyboard.press('Enter');
    const field = page.locator('stint-overlay').getByRole('textbox', { name: /^Budget in hours/ });
    await field.fill('40h');
    await field.press('Enter');
    await expect.poll(() => field.isHidden()).toBe(true);
    expect(await send('budgets.list', {})).toEqual([{ id: `container:${PROJECT}#milestone:${milestone.id}`, scope: { kind: 'container', key: `${PROJECT}#milestone:${milestone.id}` }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] }]);

    // The item page: the milestone's budget at the 80 % level, and the forecast overrun with its date and amount.
    const plan = page.locator('stint-overlay .plan');
    await expect.poll(() => plan.textContent(), { timeout: 10_000 }).toBe(`${milestone.title} 90 % · €3,060.00`);
    expect(await plan.getAttribute('data-level')).toBe('warn');
    const overrun = page.locator('stint-overlay .risk', { hasText: 'Forecast overrun' });
    const reason = (await overrun.getAttribute('aria-label')) ?? '';
    expect(reason).toMatch(new RegExp(`^${milestone.title}: at 2h 34m a working day, the budget runs out on \\d{4}-\\d{2}-\\d{2}, \\d+h( \\d+m)? \\(€[\\d,.]+\\) over by its due date ${dueDay}\\.$`));
    // Colour is never alone: the chip says what it is.
    expect(await overrun.textContent()).toBe('⚠ Forecast overrun');
    // An item of its own past its due date says so too, most severe first.
    issue.dueDate = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10);
    issue.updatedAt = Date.now();
    await send('sync.now', {});
    await expect.poll(() => page.locator('stint-overlay .risk').first().textContent(), { timeout: 10_000 }).toBe('⛔ Overdue');
    issue.dueDate = null;
    issue.updatedAt = Date.now();
    await send('sync.now', {});
    await expect.poll(() => page.locator('stint-overlay .risk').first().textContent(), { timeout: 10_000 }).toBe('⚠ Forecast overrun');

    // Scope creep: an issue added to the milestone after it started (and after its baseline was taken) is named.
    const late = project().issues.find((i) => i.state === 'opened' && !planned.includes(i))!;
    late.milestoneId = milestone.id;
    late.timelogs = [];
    late.timeEstimate = 0;
    late.updatedAt = Date.now();
    // Blocked: a label says so; removing it clears the flag at the next sync.
    issue.labels = [...issue.labels, 'blocked'];
    issue.updatedAt = Date.now();
    await send('sync.now', {});
    const chip = (name: string) => page.locator('stint-overlay .risk', { hasText: name });
    await expect.poll(() => chip('Scope creep').getAttribute('aria-label'), { timeout: 10_000 }).toBe(`${milestone.title}: #${late.iid} added after it started.`);
    await expect.poll(() => chip('Blocked').getAttribute('aria-label'), { timeout: 10_000 }).toBe(`#${issue.iid} is labelled “blocked”.`);
    issue.labels = issue.labels.filter((l) => l !== 'blocked');
    issue.updatedAt = Date.now();
    await send('sync.now', {});
    await expect.poll(() => chip('Blocked').count(), { timeout: 10_000 }).toBe(0);
    await file.harness.screenshot(page, 'budget-on-item-page');

    // In GitLab's dark mode the chips follow the page, and their words stay readable (WCAG AA) on its background.
    const dark = await file.harness.openPage(`https://gitlab.com/${PATH}/-/issues/${issue.iid}?theme=dark`);
    await expect.poll(() => dark.locator('stint-overlay').getAttribute('data-theme'), { timeout: 10_000 }).toBe('dark');
    await expect.poll(() => dark.locator('stint-overlay .plan').getAttribute('data-level'), { timeout: 10_000 }).toBe('warn');
    for (const selector of ['.plan', '.risk']) {
      const [fg, bg] = await dark.locator(`stint-overlay ${selector}`).first().evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor]);
      expect(contrastRatio(fg, bg), `${selector}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    await file.harness.screenshot(dark, 'budget-on-item-page-dark');
    await dark.close();

    // The list row: the same risk leads its badge, with the same reason.
    const list = await file.harness.openPage(`https://gitlab.com/${PATH}/-/issues`);
    const badge = list.locator(`stint-badge[data-stint-item="${PROJECT}#${issue.iid}"] span`);
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toMatch(/^⚠ 12h \/ 16h$/);
    expect(await badge.getAttribute('title')).toContain(`⚠ ${reason}`);

    // The popup: the same budget, the same numbers, the same forecast.
    const popup = await file.harness.openExtensionPage('popup');
    const row = popup.getByTestId('budget-overview').first();
    await expect.poll(() => row.getAttribute('data-level'), { timeout: 10_000 }).toBe('warn');
    expect(await row.textContent()).toContain(`${milestone.title} 90 % · €3,060.00 — nearly spent`);
    expect(await row.textContent()).toContain(reason);
    await file.harness.screenshot(popup, 'popup-budgets');
    await popup.close();
    await page.close();
    await list.close();
  });
});

/** WCAG contrast of two CSS `rgb()` colours. */
function contrastRatio(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
