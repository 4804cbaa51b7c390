import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Budget } from '../../../lib/core/budget';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { entrySeconds, type TimeEntry } from '../../../lib/core/entry';
import { counts, dayKey, rollupProjectOf } from '../../../lib/core/rollup';
import type { WorkItem } from '../../../lib/core/work-item';
import { closeDatabase, database } from '../../../lib/db/open';
import { rebuildRollups } from '../../../lib/db/rollups';
import { budgetOverview, budgetView, containerItems, containerKeyOf, itemBudgetFacts, scopeSpend } from '../../../lib/services/budgets';

/**
 * The budget views read a milestone's time with a few key-range reads of its project's rows (not three reads per item).
 * Whatever the entries, items and plans, what they read must equal summing the entries themselves.
 */
const ZONE = 'Europe/Madrid';
const NOW = Date.UTC(2026, 10, 26, 15);
const TODAY = dayKey(NOW, ZONE);
const DAY = 86_400_000;
const PROJECTS = ['github:github.com/acme/app', 'gitlab:gitlab.com/acme/web'];
/** Item keys of both projects (the GitLab one has issues and merge requests: two key prefixes). */
const ITEM_KEYS = ['github:github.com/acme/app#1', 'github:github.com/acme/app#2', 'github:github.com/acme/app#12', 'gitlab:gitlab.com/acme/web#1', 'gitlab:gitlab.com/acme/web!2', 'gitlab:gitlab.com/acme/web#3'];
const PEOPLE = ['me', 'ben', 'dana'];
const context = { now: NOW, timeZone: ZONE, week: STANDARD_WORK_WEEK };

const item = (key: string, milestone: number | null): WorkItem => ({
  key,
  provider: key.startsWith('github:') ? 'github' : 'gitlab',
  kind: 'issue',
  url: `https://example.test/${encodeURIComponent(key)}`,
  title: key,
  updatedAt: NOW,
  project: key.replace(/^[a-z]+:[^/]+\//, '').replace(/[#!].*$/, ''),
  state: 'open',
  labels: [],
  assignees: [],
  container: milestone === null ? null : { kind: 'milestone', id: String(milestone), title: `Milestone ${milestone}`, startsAt: NOW - 30 * DAY, dueAt: NOW + 10 * DAY },
  estimateSeconds: 10 * 3600,
  remainingEstimateSeconds: null,
  remoteUpdatedAt: NOW,
});

/**
 * The first day a view needs, found by walking back over the calendar: the 14th working day back (the first
 * `daysPerWeek` days from Monday work) and, for a monthly budget, the first of the month if earlier.
 */
function firstDayNeeded(period: Budget['period'], daysPerWeek: number): string {
  let day = TODAY;
  for (let working = 0; ; day = new Date(Date.parse(`${day}T00:00:00Z`) - DAY).toISOString().slice(0, 10)) {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    if (weekday < daysPerWeek && ++working === 14) break;
  }
  const month = `${TODAY.slice(0, 7)}-01`;
  return period === 'monthly' && month < day ? month : day;
}

/** What a scope spent, summed from its entries: the total, per person, and per local day from the first day needed. */
function fromEntries(entries: readonly TimeEntry[], inScope: (itemKey: string) => boolean, period: Budget['period'], daysPerWeek: number) {
  const perPerson = new Map<string, number>();
  const byDay = new Map<string, number>();
  const from = firstDayNeeded(period, daysPerWeek);
  let seconds = 0;
  for (const e of entries) {
    if (!counts(e) || !inScope(e.itemKey)) continue;
    const s = entrySeconds(e, e.end!);
    const day = dayKey(e.start, ZONE);
    seconds += s;
    perPerson.set(e.author, (perPerson.get(e.author) ?? 0) + s);
    if (day >= from && day <= TODAY) byDay.set(day, (byDay.get(day) ?? 0) + s);
  }
  if (period === 'total') return { seconds, perPerson, byDay };
  const month = [...byDay].filter(([day]) => day.startsWith(TODAY.slice(0, 7))).reduce((sum, [, s]) => sum + s, 0);
  return { seconds: month, perPerson: new Map([...perPerson].map(([p, s]) => [p, Math.round((s * (seconds > 0 ? month / seconds : 0)))])), byDay };
}

const world = fc.record({
  /** Each item's milestone (1 or 2) or none. */
  plan: fc.array(fc.option(fc.integer({ min: 1, max: 2 })), { minLength: ITEM_KEYS.length, maxLength: ITEM_KEYS.length }),
  entries: fc.array(
    fc.record({ item: fc.nat(ITEM_KEYS.length - 1), person: fc.nat(PEOPLE.length - 1), daysAgo: fc.integer({ min: 0, max: 110 }), minute: fc.nat(1439), minutes: fc.integer({ min: 0, max: 300 }), deleted: fc.boolean(), running: fc.boolean() }),
    { maxLength: 40 },
  ),
  period: fc.constantFrom('total' as const, 'monthly' as const),
  /** A one-day week's 14 working days reach 14 weeks back; a five-day week's, under three. */
  daysPerWeek: fc.integer({ min: 1, max: 7 }),
});

describe('budget reads (rollups by key range)', () => {
  it('a milestone’s, an item’s and a project’s spend (total, per person, per day the figures need, in any work week) equal their entries summed', async () => {
    await fc.assert(
      fc.asyncProperty(world, async ({ plan, entries: spec, period, daysPerWeek }) => {
        globalThis.indexedDB = new IDBFactory();
        await closeDatabase();
        const db = await database();
        const items = ITEM_KEYS.map((key, i) => item(key, plan[i] ?? null));
        const entries: TimeEntry[] = spec.map((s, i) => {
          const start = NOW - s.daysAgo * DAY - s.minute * 60_000;
          return { id: `e${i}`, itemKey: ITEM_KEYS[s.item]!, start, end: s.running && i === 0 ? null : start + s.minutes * 60_000, note: '', billable: true, author: PEOPLE[s.person]!, origin: 'local', remote: {}, sync: 'local', updatedAt: start, deletedAt: s.deleted && s.minutes % 3 === 0 ? start + DAY : null };
        });
        const tx = db.transaction(['items', 'entries'], 'readwrite');
        for (const i of items) void tx.objectStore('items').put(i);
        for (const e of entries) void tx.objectStore('entries').put(e);
        await tx.done;
        await rebuildRollups(db, ZONE);

        const scopes: Budget['scope'][] = [
          ...PROJECTS.flatMap((p) => [1, 2].map((m) => ({ kind: 'container' as const, key: containerKeyOf(p, { kind: 'milestone', id: String(m) }) }))),
          ...ITEM_KEYS.map((key) => ({ kind: 'item' as const, key })),
          ...PROJECTS.map((key) => ({ kind: 'project' as const, key })),
        ];
        for (const scope of scopes) {
          const inScope = (itemKey: string) =>
            scope.kind === 'item' ? itemKey === scope.key : scope.kind === 'project' ? rollupProjectOf(itemKey) === scope.key : items.some((i) => i.key === itemKey && i.container && containerKeyOf(rollupProjectOf(i.key), i.container) === scope.key);
          const expected = fromEntries(entries, inScope, period, daysPerWeek);
          expect(await scopeSpend(db, { scope, period }, TODAY, { daysPerWeek })).toEqual(expected);
          if (scope.kind === 'container') expect(new Set((await containerItems(db, scope.key)).map((i) => i.key))).toEqual(new Set(items.filter((i) => inScope(i.key)).map((i) => i.key)));
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('the overview (each project’s items read once) equals each budget’s own view', async () => {
    const db = await database();
    const milestone = (key: string) => containerKeyOf(PROJECTS[0]!, { kind: 'milestone', id: key });
    for (const [i, key] of ITEM_KEYS.entries()) await db.put('items', item(key, (i % 2) + 1));
    for (const [i, key] of ITEM_KEYS.entries()) {
      const start = NOW - (i + 1) * DAY;
      await db.put('entries', { id: `e${i}`, itemKey: key, start, end: start + (i + 1) * 3_600_000, note: '', billable: true, author: PEOPLE[i % 3]!, origin: 'local', remote: {}, sync: 'local', updatedAt: start, deletedAt: null });
    }
    const budgets: Budget[] = [
      { id: 'm1', scope: { kind: 'container', key: milestone('1') }, hours: 3, money: null, period: 'total', thresholds: [50, 80, 100] },
      { id: 'm2', scope: { kind: 'container', key: milestone('2') }, hours: 30, money: null, period: 'total', thresholds: [50, 80, 100] },
      { id: 'p', scope: { kind: 'project', key: PROJECTS[1]! }, hours: 100, money: null, period: 'monthly', thresholds: [] },
      { id: 'i', scope: { kind: 'item', key: ITEM_KEYS[4]! }, hours: 2, money: null, period: 'total', thresholds: [] },
    ];
    for (const b of budgets) await db.put('budgets', b);
    await db.put('rates', { id: 'r', person: null, projectKey: null, perHour: 9000, currency: 'EUR' });
    await db.put('rates', { id: 'me', person: 'me', projectKey: null, perHour: 7000, currency: 'EUR' });
    const overview = await budgetOverview(db, context);
    const rates = await db.getAll('rates');
    const one = await Promise.all(budgets.map((b) => budgetView(db, b, rates, context)));
    expect(new Map(overview.map((v) => [v.budget.id, v]))).toEqual(new Map(one.map((v) => [v.budget.id, v])));
    // Not a vacuous comparison: both milestones have time, one is over its budget.
    expect(overview.find((v) => v.budget.id === 'm1')?.status.spentSeconds).toBe((1 + 3) * 3600); // #1 and #12
    expect(overview.find((v) => v.budget.id === 'm1')?.status.level).toBe('over');
    expect(overview.find((v) => v.budget.id === 'm2')?.status.spentSeconds).toBe(2 * 3600); // #2

    // An item page's facts, read in one transaction: its estimate used (1 h of 10 h), its milestone's budget (over).
    const facts = await itemBudgetFacts(db, ITEM_KEYS[0]!, context);
    expect(facts.budget).toMatchObject({ percent: 10, level: 'ok', against: 'estimate' });
    expect(facts.plan).toMatchObject({ name: 'Milestone 1', level: 'over', budgetSeconds: 3 * 3600, percent: overview.find((v) => v.budget.id === 'm1')?.status.percent });
    expect(facts.risks.map((r) => r.subject)).toContain(milestone('1'));
  });
});
