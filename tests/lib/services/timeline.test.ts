import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { trailingWorkingDays } from '../../../lib/core/forecast';
import type { TrackedProject } from '../../../lib/core/sync';
import type { WorkItem } from '../../../lib/core/work-item';
import { database } from '../../../lib/db/open';
import { rebuildRollups } from '../../../lib/db/rollups';
import { budgetOverview } from '../../../lib/services/budgets';
import { projectOfUrl, projectTimeline, teamLoadView, timelineProjects } from '../../../lib/services/timeline';
import { H, MILESTONE, NOW, PATH, PROJECT, TODAY, ZONE, context, milestoneItem, putMilestoneBudget, timeEntry } from './support/milestone';

const tracked: TrackedProject = { key: PROJECT, provider: 'gitlab', host: 'gitlab.com', project: PATH, writeBack: false, addedAt: NOW };
const item = (iid: number, over: Partial<WorkItem> = {}): WorkItem => milestoneItem(iid, { createdAt: Date.parse('2026-10-01T10:00:00Z'), ...over });

/** The budgets fixture: three issues in a 40 h milestone, 36 h spent over the last 12 working days; one unplanned, overdue issue. */
async function seed() {
  const db = await database();
  await db.put('projects', tracked);
  await db.put('containers', { ...MILESTONE, key: `${PROJECT}#milestone:7`, projectKey: PROJECT, state: 'active', completedAt: null });
  await db.put('containers', { kind: 'milestone', id: '8', title: 'Usage billing', startsAt: Date.parse('2026-12-07T00:00:00Z'), dueAt: Date.parse('2027-01-15T00:00:00Z'), key: `${PROJECT}#milestone:8`, projectKey: PROJECT, state: 'active', completedAt: null });
  for (const iid of [1, 2, 3]) await db.put('items', item(iid));
  await db.put('items', item(4, { container: null, dueAt: Date.parse('2026-11-20T00:00:00Z'), estimateSeconds: null, title: 'Overdue fix' }));
  await db.put('items', item(5, { container: null, state: 'closed', closedAt: Date.parse('2026-11-10T12:00:00Z'), assignees: ['dana.k'] }));
  // Another project whose key shares the prefix: never read as this one's.
  await db.put('items', { ...item(1), key: `${PROJECT}-v2#1`, url: 'https://gitlab.com/acme/platform/billing-service-v2/-/issues/1' });
  const days = trailingWorkingDays(TODAY, 13, STANDARD_WORK_WEEK).slice(0, 12); // not today
  await putMilestoneBudget(db, days);
  await db.put('entries', timeEntry(`${PROJECT}-v2#1`, '2026-11-20', 7, 'ben.okafor'));
  await rebuildRollups(db, ZONE);
  return { db, days };
}

describe('project timeline (side panel)', () => {
  it('lists lanes, items with their start, due date and worst risk, and the time logged per day, from rollups only', async () => {
    const { db, days } = await seed();
    const t = await projectTimeline(db, PROJECT, context);
    expect(t).toMatchObject({ projectKey: PROJECT, name: PATH, tracked: true, today: '2026-11-26', omitted: 0 });
    expect(t.containers.map((c) => [c.title, c.startDay, c.dueDay])).toEqual([
      ['Invoicing v2', '2026-11-02', '2026-12-04'],
      ['Usage billing', '2026-12-07', '2027-01-15'],
    ]);
    const byLabel = new Map(t.items.map((i) => [i.label, i]));
    expect([...byLabel.keys()].sort()).toEqual(['#1', '#2', '#3', '#4', '#5']);
    // #1 was first worked on the first of the twelve days; its due date is its milestone's.
    expect(byLabel.get('#1')).toMatchObject({ containerKey: `${PROJECT}#milestone:7`, startDay: days[0], dueDay: '2026-12-04', open: true, spentSeconds: 12 * H, estimateSeconds: 8 * H });
    expect(byLabel.get('#1')!.risk).toMatchObject({ rule: 'over-estimate', severity: 'warning' });
    // Never worked on: starts on its creation day; overdue and open: critical.
    expect(byLabel.get('#4')).toMatchObject({ containerKey: null, startDay: '2026-10-01', dueDay: '2026-11-20', risk: { rule: 'overdue', severity: 'critical' } });
    expect(byLabel.get('#5')).toMatchObject({ open: false, dueDay: null, endDay: '2026-11-10' });
    expect(t.loggedByDay).toEqual(days.map((day) => ({ day, seconds: 3 * H })));
  });

  it('burn-ups: the milestone’s spent and budget equal the popup’s budget overview; the forecast line ends at budget + overrun', async () => {
    const { db } = await seed();
    const t = await projectTimeline(db, PROJECT, context);
    const [overview] = await budgetOverview(db, context);
    const milestone = t.burnUps.find((b) => b.scopeKey === `${PROJECT}#milestone:7`)!;
    expect(milestone).toMatchObject({ kind: 'container', name: 'Invoicing v2', budgetSeconds: 40 * H, spentSeconds: overview!.status.spentSeconds, dueDay: '2026-12-04' });
    expect(milestone.budget).toMatchObject({ id: 'b', percent: overview!.status.percent, level: 'warn', spentMoney: '€3,060.00', risk: { rule: 'forecast-overrun', reason: overview!.risks[0]!.reason } });
    expect(milestone.overrunSeconds).toBe(overview!.forecast.overrunSeconds);
    expect(milestone.spent.filter((s) => s !== null).at(-1)).toBe(36 * H);
    expect(milestone.projected.at(-1)).toBe(40 * H + milestone.overrunSeconds!);
    expect(milestone.days[0]).toBe('2026-11-02');
    // The project's burn-up: all its time (not the other project's), to its last planned due date; no budget line.
    const project = t.burnUps.find((b) => b.kind === 'project')!;
    expect(project).toMatchObject({ spentSeconds: 36 * H, budgetSeconds: null, budget: null, dueDay: '2027-01-15' });
    // A milestone with neither time nor a budget has nothing to draw.
    expect(t.burnUps.map((b) => b.scopeKey)).toEqual([PROJECT, `${PROJECT}#milestone:7`]);
  });

  it('an unknown project is an empty, untracked timeline', async () => {
    const db = await database();
    const t = await projectTimeline(db, 'github:github.com/acme/nothing', context);
    expect(t).toMatchObject({ tracked: false, name: 'acme/nothing', items: [], containers: [] });
    expect(await timelineProjects(db)).toEqual([]);
  });

  it('team load of a project’s people, with over-allocation marked', async () => {
    const { db } = await seed();
    await db.put('items', item(6, { estimateSeconds: 60 * H }));
    await rebuildRollups(db, ZONE);
    const load = await teamLoadView(db, context, PROJECT);
    expect(load).toEqual([
      { person: 'ben.okafor', weekSeconds: 3 * H, remainingSeconds: 60 * H, capacitySeconds: 48 * H, until: '2026-12-04', overAllocated: true, reason: 'ben.okafor has 60h of work left and 48h of working time until 2026-12-04.' },
    ]);
    expect(await teamLoadView(db, context, 'github:github.com/acme/nothing')).toEqual([]);
  });
});

describe('the project of a tab', () => {
  const jira: TrackedProject = { key: 'jira:acme.atlassian.net/PAY', provider: 'jira', host: 'acme.atlassian.net', project: 'PAY', writeBack: false, addedAt: NOW };
  const of = (url: string) => projectOfUrl(new URL(url), [tracked, jira]);

  it('an item page, a list or a tracked project’s other pages', () => {
    expect(of(`https://gitlab.com/${PATH}/-/issues/3`)).toBe(PROJECT);
    expect(of(`https://gitlab.com/${PATH}/-/merge_requests`)).toBe(PROJECT);
    expect(of(`https://gitlab.com/${PATH}`)).toBe(PROJECT);
    expect(of(`https://gitlab.com/${PATH}/-/milestones/7`)).toBe(PROJECT);
    expect(of('https://github.com/acme/checkout-web/issues/3')).toBe('github:github.com/acme/checkout-web');
    expect(of('https://acme.atlassian.net/browse/PAY-10')).toBe('jira:acme.atlassian.net/PAY');
    expect(of('https://acme.atlassian.net/jira/software/projects/PAY/boards/1')).toBe('jira:acme.atlassian.net/PAY');
  });

  it('nothing for pages of no project', () => {
    expect(of('https://gitlab.com/dashboard/issues')).toBeNull();
    expect(of(`https://gitlab.com/${PATH}-v2`)).toBeNull();
    expect(of('https://example.com/acme')).toBeNull();
  });
});
