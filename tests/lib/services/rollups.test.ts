import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { entrySeconds, LOCAL_AUTHOR, type TimeEntry } from '../../../lib/core/entry';
import { containerKeyOf, containerOfItem, counts, foldRollups, RollupFold, rowKey } from '../../../lib/core/rollup';
import type { WorkItem } from '../../../lib/core/work-item';
import { closeDatabase, database } from '../../../lib/db/open';
import { ensureRollups, rebuildRollups, ROLLUP_BASIS, rollupRow, rollupRows } from '../../../lib/db/rollups';
import type { PullResult, SyncAdapter } from '../../../lib/providers/types';
import { scopeSpend } from '../../../lib/services/budgets';
import { syncProject, type SyncDeps } from '../../../lib/services/sync/engine';
import { deleteTimeEntry, editTimeEntry, startTimerFor, stopRunningTimer, type Clock } from '../../../lib/services/timer';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../../lib/core/estimate-labels';

const T0 = Date.UTC(2026, 10, 2, 8);
const ZONE = 'Europe/Madrid';
const PROJECTS = ['acme/app', 'acme/web'];
const ITEMS = ['acme/app#1', 'acme/app#2', 'acme/app#3', 'acme/web#1'].map((k) => `github:github.com/${k}`);
const TEAM = ['ben', 'dana'];

/**
 * What a read-back from the provider brings: entries of teammates (ids from a small pool, so reads repeat and change),
 * and items, each planned in milestone 1 or 2 or in none (so items move between milestones, in and out).
 */
type ReadBack = {
  entries: { id: number; item: number; author: number; startMin: number; minutes: number }[];
  replaced: number[];
  removed: number[];
  items: { item: number; milestone: number | null }[];
};

type Op =
  | { kind: 'work'; item: number; minutes: number; gap: number }
  | { kind: 'edit'; entry: number; item: number | null; startShift: number; endShift: number }
  | { kind: 'delete'; entry: number }
  | { kind: 'readBack'; project: number; read: ReadBack };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('work' as const), item: fc.nat(ITEMS.length - 1), minutes: fc.integer({ min: 0, max: 600 }), gap: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ kind: fc.constant('edit' as const), entry: fc.nat(20), item: fc.option(fc.nat(ITEMS.length - 1)), startShift: fc.integer({ min: -120, max: 120 }), endShift: fc.integer({ min: -120, max: 120 }) }),
  fc.record({ kind: fc.constant('delete' as const), entry: fc.nat(20) }),
  fc.record({
    kind: fc.constant('readBack' as const),
    project: fc.nat(PROJECTS.length - 1),
    read: fc.record({
      entries: fc.array(fc.record({ id: fc.nat(8), item: fc.nat(ITEMS.length - 1), author: fc.nat(TEAM.length - 1), startMin: fc.integer({ min: -5000, max: 5000 }), minutes: fc.integer({ min: 0, max: 300 }) }), { maxLength: 6 }),
      replaced: fc.array(fc.nat(ITEMS.length - 1), { maxLength: 2 }),
      removed: fc.array(fc.nat(8), { maxLength: 3 }),
      items: fc.array(fc.record({ item: fc.nat(ITEMS.length - 1), milestone: fc.option(fc.integer({ min: 1, max: 2 })) }), { maxLength: 3 }),
    }),
  }),
);

/** A provider read that hands back exactly what the generated op says (a stand-in for a provider, not for a client library). */
function readBackAdapter(next: () => PullResult): SyncAdapter {
  return { scopes: (key) => [`${key}#all`], pull: () => Promise.resolve(next()), push: () => Promise.reject(new Error('not written here')), remove: () => Promise.resolve() };
}

const teamEntry = (e: ReadBack['entries'][number]): TimeEntry => ({
  id: `team-${e.id}`,
  itemKey: ITEMS[e.item]!,
  start: T0 + e.startMin * 60_000,
  end: T0 + (e.startMin + e.minutes) * 60_000,
  note: '',
  billable: true,
  author: TEAM[e.author]!,
  origin: 'github',
  remote: { github: { id: String(e.id), version: null } },
  sync: 'synced',
  updatedAt: T0,
  deletedAt: null,
});

const workItem = (key: string, milestone: number | null): WorkItem => ({
  key,
  provider: 'github',
  kind: 'issue',
  url: `https://github.com/${key.slice('github:github.com/'.length).replace('#', '/issues/')}`,
  title: key,
  updatedAt: T0,
  state: 'open',
  container: milestone === null ? null : { kind: 'milestone', id: String(milestone), title: `Milestone ${milestone}`, startsAt: null, dueAt: null },
});

describe('rollups', () => {
  it('after any sequence of work, edits, deletions, read-backs and item moves between milestones, the incremental rollups equal a full rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        globalThis.indexedDB = new IDBFactory();
        await closeDatabase();
        const db = await database();
        await ensureRollups(db, ZONE);
        let now = T0;
        let ids = 0;
        const clock: Clock = { now: () => now, newId: () => `own-${++ids}` };
        for (const [i, project] of PROJECTS.entries()) {
          await db.put('connections', { id: `c${i}`, provider: 'github', host: 'github.com', apiBase: 'https://api.github.com', login: 'ana', selfHosted: false, addedAt: T0 });
          await db.put('secrets', { connectionId: `c${i}`, token: 'token-0000' });
          await db.put('projects', { key: `github:github.com/${project}`, provider: 'github', host: 'github.com', project, writeBack: false, addedAt: T0 });
        }
        let pending: PullResult = { items: [], teamEntries: [], scopes: [] };
        const deps: SyncDeps = { adapters: { github: readBackAdapter(() => pending) }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS };
        const own = async () => (await db.getAll('entries')).filter((e) => e.author === LOCAL_AUTHOR).sort((a, b) => a.start - b.start);
        for (const step of ops) {
          if (step.kind === 'work') {
            now += step.gap * 60_000;
            await startTimerFor(db, clock, ITEMS[step.item]!);
            now += step.minutes * 60_000;
            await stopRunningTimer(db, clock);
          } else if (step.kind === 'edit' || step.kind === 'delete') {
            const entries = await own();
            const entry = entries[step.entry % Math.max(1, entries.length)];
            if (!entry) continue;
            if (step.kind === 'delete') await deleteTimeEntry(db, clock, entry.id).catch(() => undefined);
            else {
              const patch = { start: entry.start + step.startShift * 60_000, end: (entry.end ?? now) + step.endShift * 60_000, ...(step.item === null ? {} : { itemKey: ITEMS[step.item]! }) };
              await editTimeEntry(db, clock, entry.id, patch).catch(() => undefined); // refusals (overlap, future) write nothing
            }
          } else {
            const project = `github:github.com/${PROJECTS[step.project]!}`;
            const mine = (key: string) => key.startsWith(`${project}#`);
            pending = {
              items: step.read.items.map((i) => workItem(ITEMS[i.item]!, i.milestone)).filter((i) => mine(i.key)),
              teamEntries: step.read.entries.map(teamEntry).filter((e) => mine(e.itemKey)),
              replacedItems: step.read.replaced.map((i) => ITEMS[i]!).filter(mine),
              removedEntries: step.read.removed.map((id) => `team-${id}`),
              scopes: [],
            };
            await syncProject(db, project, deps);
          }
        }
        const incremental = new Map((await db.getAll('rollups')).map((row) => [row.key, row]));
        const items = await db.getAll('items');
        const rebuilt = foldRollups(await db.getAll('entries'), ZONE, items);
        expect(incremental).toEqual(rebuilt);
        // Each milestone's spend, as a budget reads it, is its items' entries summed directly (wherever they were planned
        // when the entries were written).
        const entries = await db.getAll('entries');
        for (const project of PROJECTS.map((p) => `github:github.com/${p}`)) {
          for (const milestone of ['1', '2']) {
            const scope = { kind: 'container' as const, key: containerKeyOf(project, { kind: 'milestone', id: milestone }) };
            const planned = new Set(items.filter((i) => containerOfItem(i) === scope.key).map((i) => i.key));
            const direct = entries.filter((e) => counts(e) && planned.has(e.itemKey)).reduce((sum, e) => sum + entrySeconds(e, e.end!), 0);
            expect((await scopeSpend(db, { scope, period: 'total' }, '2026-11-02', STANDARD_WORK_WEEK)).seconds).toBe(direct);
          }
        }
        // The rebuild reads the entries in key-range chunks: three at a time crosses many chunk boundaries.
        await rebuildRollups(db, ZONE, 3);
        expect(new Map((await db.getAll('rollups')).map((row) => [row.key, row]))).toEqual(rebuilt);
      }),
      { numRuns: 150 },
    );
  }, 30_000); // 150 databases, each rebuilt twice

  it('answers an item’s total, a project’s days and people from rows, and rebuilds when the time zone changes', async () => {
    const db = await database();
    await ensureRollups(db, ZONE);
    let now = Date.UTC(2026, 10, 2, 22, 30); // 23:30 in Madrid on the 2nd
    const clock: Clock = { now: () => now, newId: () => crypto.randomUUID() };
    await startTimerFor(db, clock, ITEMS[0]!);
    now += 60 * 60_000; // across local midnight: counted on the day it started
    await stopRunningTimer(db, clock);
    expect(await rollupRow(db, rowKey('item', ITEMS[0]!))).toEqual({ key: `item|${ITEMS[0]}`, seconds: 3600, entries: 1 });
    expect((await rollupRows(db, rowKey('project-day', 'github:github.com/acme/app'))).map((r) => r.key)).toEqual(['project-day|github:github.com/acme/app|2026-11-02']);
    expect(await rollupRows(db, rowKey('project-person', 'github:github.com/acme/app'))).toEqual([{ key: 'project-person|github:github.com/acme/app|me', seconds: 3600, entries: 1 }]);
    // A running timer is not in the sums (views add its live seconds).
    await startTimerFor(db, clock, ITEMS[1]!);
    expect(await rollupRow(db, rowKey('item', ITEMS[1]!))).toBeUndefined();
    // The person moved to New York: days are rebuilt in the new zone.
    expect(await ensureRollups(db, 'America/New_York')).toBe(true);
    expect((await rollupRows(db, rowKey('person-day', 'me'))).map((r) => r.key)).toEqual(['person-day|me|2026-11-02']);
    expect(await ensureRollups(db, 'America/New_York')).toBe(false);
    expect(await rebuildRollups(db, ZONE)).toBe(7); // item, item-day, item-person, project, project-day, project-person, person-day
  });
});

describe('a rebuild that fails part-way', () => {
  it('leaves the rows and their basis as they were, so the next start rebuilds them', async () => {
    globalThis.indexedDB = new IDBFactory();
    await closeDatabase();
    const db = await database();
    let now = T0;
    const clock: Clock = { now: () => now, newId: () => crypto.randomUUID() };
    for (let i = 0; i < 7; i++) {
      now = T0 + i * 3_600_000;
      await startTimerFor(db, clock, ITEMS[i % ITEMS.length]!);
      now += 1_800_000;
      await stopRunningTimer(db, clock);
    }
    await ensureRollups(db, ZONE);
    const before = await db.getAll('rollups');
    const basis = await db.get('meta', ROLLUP_BASIS);
    expect(before.length).toBeGreaterThan(0);
    // A throw while folding the second chunk (not a request error, which would abort the transaction by itself).
    const real = Object.getOwnPropertyDescriptor(RollupFold.prototype, 'add')!.value as (this: RollupFold, batch: readonly TimeEntry[]) => void;
    let calls = 0;
    RollupFold.prototype.add = function (this: RollupFold, batch: readonly TimeEntry[]) {
      if (++calls === 2) throw new Error('a malformed entry');
      return real.call(this, batch);
    };
    try {
      await expect(rebuildRollups(db, 'Asia/Tokyo', 3)).rejects.toThrow('a malformed entry');
    } finally {
      RollupFold.prototype.add = real;
    }
    expect(calls).toBe(2);
    expect(await db.getAll('rollups')).toEqual(before);
    expect(await db.get('meta', ROLLUP_BASIS)).toEqual(basis);
  });
});
