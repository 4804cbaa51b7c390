import { describe, expect, it } from 'vitest';
import { mondayOf, projectPageUrl, topRisks } from '../../../lib/core/dashboard';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { LOCAL_AUTHOR, type TimeEntry } from '../../../lib/core/entry';
import type { Risk } from '../../../lib/core/risk';
import type { WorkItem } from '../../../lib/core/work-item';
import { database } from '../../../lib/db/open';
import { rebuildRollups } from '../../../lib/db/rollups';
import { dashboard } from '../../../lib/services/dashboard';

const H = 3600;
const NOW = Date.parse('2026-11-26T15:00:00Z'); // Thursday
const context = { now: NOW, timeZone: 'UTC', week: STANDARD_WORK_WEEK };
const today = { dayStart: Date.parse('2026-11-26T00:00:00Z'), dayEnd: Date.parse('2026-11-27T00:00:00Z') };
const GITLAB = 'gitlab:gitlab.com/acme/platform/billing-service';
const GITHUB = 'github:github.com/acme/checkout-web';
const MILESTONE = { kind: 'milestone' as const, id: '7', title: 'Invoicing v2', startsAt: Date.parse('2026-11-02T00:00:00Z'), dueAt: Date.parse('2026-12-04T00:00:00Z') };

const item = (key: string, url: string, over: Partial<WorkItem> = {}): WorkItem => ({ key, provider: key.startsWith('github') ? 'github' : 'gitlab', kind: 'issue', url, title: `Title of ${key}`, updatedAt: NOW, state: 'open', ...over });

let ids = 0;
const entry = (itemKey: string, startIso: string, hours: number, author = LOCAL_AUTHOR): TimeEntry => ({
  id: `e-${++ids}`,
  itemKey,
  start: Date.parse(startIso),
  end: Date.parse(startIso) + hours * H * 1000,
  note: '',
  billable: true,
  author,
  origin: author === LOCAL_AUTHOR ? 'local' : 'gitlab',
  remote: {},
  sync: 'synced',
  updatedAt: NOW,
  deletedAt: null,
});

describe('the popup dashboard', () => {
  it('a fresh install is a first run: nothing connected, nothing tracked', async () => {
    const data = await dashboard(await database(), context, today);
    expect(data).toMatchObject({ firstRun: true, recent: [], budgets: [], unbudgeted: [], risks: [], week: { from: '2026-11-23', ownSeconds: 0, teamSeconds: 0 } });
  });

  it('sums today, this week (own and team) from the rollups, lists recent items newest first and projects without a budget', async () => {
    const db = await database();
    const gl1 = `${GITLAB}#1`;
    const gh3 = `${GITHUB}#3`;
    await db.put('items', item(gl1, 'https://gitlab.com/acme/platform/billing-service/-/issues/1', { container: MILESTONE, dueAt: Date.parse('2026-11-20T00:00:00Z'), assignees: ['me'] }));
    await db.put('items', item(gh3, 'https://github.com/acme/checkout-web/issues/3'));
    for (const e of [
      entry(gl1, '2026-11-26T08:00:00Z', 2), // today, mine
      entry(gh3, '2026-11-24T09:00:00Z', 1.5), // this week, mine
      entry(gl1, '2026-11-25T09:00:00Z', 3, 'dana.k'), // this week, the team's
      entry(gl1, '2026-11-20T09:00:00Z', 4, 'dana.k'), // last week: not this week
      entry(gh3, '2026-11-10T09:00:00Z', 1), // a fortnight ago: still recent, older
    ]) await db.put('entries', e);
    await db.put('budgets', { id: 'b', scope: { kind: 'container', key: `${GITLAB}#milestone:7` }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] });
    await rebuildRollups(db, 'UTC');

    const data = await dashboard(db, context, today);
    expect(data.firstRun).toBe(false);
    expect(data.todayEntries.map((e) => e.itemKey)).toEqual([gl1]);
    expect(data.week).toEqual({ from: '2026-11-23', ownSeconds: 3.5 * H, teamSeconds: 3 * H });
    expect(data.recent.map((r) => r.key)).toEqual([gl1, gh3]);
    expect(data.recent[0]).toMatchObject({ title: `Title of ${gl1}`, url: 'https://gitlab.com/acme/platform/billing-service/-/issues/1' });
    expect(data.budgets.map((v) => v.name)).toEqual(['Invoicing v2']);
    // The milestone has a budget, but neither project does: both are listed with this week's and all their time.
    expect(data.unbudgeted).toEqual([
      { key: GITLAB, name: 'acme/platform/billing-service', weekSeconds: 5 * H, totalSeconds: 9 * H },
      { key: GITHUB, name: 'acme/checkout-web', weekSeconds: 1.5 * H, totalSeconds: 2.5 * H },
    ]);
    // The recent GitLab issue is overdue: a top risk that opens the item itself.
    const overdue = data.risks.find((r) => r.rule === 'overdue');
    expect(overdue).toMatchObject({ subject: gl1, label: '#1', url: 'https://gitlab.com/acme/platform/billing-service/-/issues/1' });
  });

  it('recent items: the person’s own six latest over the last fortnight, newest first, never the team’s or deleted ones', async () => {
    const db = await database();
    const key = (n: number) => `${GITHUB}#${n}`;
    for (let n = 1; n <= 9; n++) await db.put('items', item(key(n), `https://github.com/acme/checkout-web/issues/${n}`));
    for (const e of [
      entry(key(1), '2026-11-26T13:00:00Z', 1, 'dana.k'), // the team's, newest of all
      { ...entry(key(2), '2026-11-26T12:00:00Z', 1), deletedAt: NOW }, // deleted
      entry(key(3), '2026-11-26T09:00:00Z', 1),
      entry(key(4), '2026-11-25T09:00:00Z', 1),
      entry(key(3), '2026-11-24T09:00:00Z', 1), // #3 again, older: counted once, at its latest
      entry(key(5), '2026-11-21T09:00:00Z', 1),
      entry(key(6), '2026-11-18T09:00:00Z', 1),
      entry(key(7), '2026-11-14T09:00:00Z', 1),
      entry(key(8), '2026-11-13T09:00:00Z', 1),
      entry(key(9), '2026-11-11T09:00:00Z', 1), // the seventh item: not listed
      entry(key(2), '2026-11-01T09:00:00Z', 1), // over a fortnight ago
    ]) await db.put('entries', e);
    const data = await dashboard(db, context, today);
    expect(data.recent.map((r) => [r.key, new Date(r.lastWorkedAt).toISOString()])).toEqual([
      [key(3), '2026-11-26T10:00:00.000Z'],
      [key(4), '2026-11-25T10:00:00.000Z'],
      [key(5), '2026-11-21T10:00:00.000Z'],
      [key(6), '2026-11-18T10:00:00.000Z'],
      [key(7), '2026-11-14T10:00:00.000Z'],
      [key(8), '2026-11-13T10:00:00.000Z'],
    ]);
  });

  it('a budget-level risk opens its project’s plan and is named by its budget', async () => {
    const db = await database();
    const gl1 = `${GITLAB}#1`;
    await db.put('items', item(gl1, 'https://gitlab.com/acme/platform/billing-service/-/issues/1', { container: MILESTONE }));
    await db.put('entries', entry(gl1, '2026-11-25T08:00:00Z', 5));
    await db.put('budgets', { id: 'b', scope: { kind: 'container', key: `${GITLAB}#milestone:7` }, hours: 4, money: null, period: 'total', thresholds: [50, 80, 100] });
    await rebuildRollups(db, 'UTC');
    const data = await dashboard(db, context, today);
    expect(data.risks[0]).toMatchObject({ rule: 'over-budget', severity: 'critical', label: 'Invoicing v2', url: 'https://gitlab.com/acme/platform/billing-service/-/milestones' });
  });
});

describe('dashboard helpers', () => {
  it('finds the Monday of a day’s week, across month and year ends', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('opens each provider’s plan page for a project', () => {
    expect(projectPageUrl('github:github.example.test/eng/portal')).toBe('https://github.example.test/eng/portal/milestones');
    expect(projectPageUrl('gitlab:gitlab.com/acme/infra/deploy-tools')).toBe('https://gitlab.com/acme/infra/deploy-tools/-/milestones');
    expect(projectPageUrl('jira:acme.atlassian.net/PAY')).toBe('https://acme.atlassian.net/browse/PAY');
    expect(projectPageUrl('nonsense')).toBeNull();
  });

  it('keeps each rule and subject once, most severe first, up to the limit', () => {
    const r = (rule: Risk['rule'], severity: Risk['severity'], subject: string): Risk => ({ rule, severity, subject, reason: `${rule} ${subject}` });
    const picked = topRisks([r('stale', 'info', 'a'), r('overdue', 'warning', 'a'), r('over-budget', 'critical', 'b'), r('overdue', 'warning', 'a'), r('blocked', 'warning', 'c')], 3);
    expect(picked.map((x) => `${x.rule}|${x.subject}`)).toEqual(['over-budget|b', 'blocked|c', 'overdue|a']);
  });
});
