import { randomUUID } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import type { IDBPDatabase, StoreNames } from 'idb';
import type { Budget } from '../lib/core/budget.ts';
import { entrySeconds, LOCAL_AUTHOR, type TimeEntry } from '../lib/core/entry.ts';
import { itemKeyPrefixes } from '../lib/core/item-ref.ts';
import { counts, dayKey, foldRollups, rollupDelta, rowKey, type RollupBasis } from '../lib/core/rollup.ts';
import { closeDatabase, database } from '../lib/db/open.ts';
import { rebuildRollups, ROLLUP_BASIS, rollupRow } from '../lib/db/rollups.ts';
import type { StintDb } from '../lib/db/schema.ts';
import { readOnce, sharedReads } from '../lib/db/reader.ts';
import { budgetOverview, budgetView, containerItems, type BudgetView } from '../lib/services/budgets.ts';
import { editTimeEntry, startTimerFor, stopRunningTimer, type Clock } from '../lib/services/timer.ts';
import { formatMs, mean, median, p95, timedTable, type TimedRow } from './stats.ts';
import { budgets, container, CONTAINERS_PER_PROJECT, context, entries, FROM, item, itemKeyOf, ITEMS_PER_PROJECT, NOW, PROJECTS, random, RATES, ZONE } from './world.ts';
import type { Benchmark } from './types.ts';

/**
 * The budgets issue's speed targets, in Node over fake-indexeddb (not Chromium's IndexedDB): a full rollup rebuild, the
 * rollup update each entry write pays, and the dashboard query, each beside a reference from the same run.
 *
 * `BENCH_ROLLUP_ENTRIES=10000,100000` picks the store sizes (default 10,000 and 1,000,000); `BENCH_ROLLUP_WRITES` the
 * timed writes per mode and kind (default 200); `BENCH_ROLLUP_DASHBOARD_RUNS` the dashboard runs (default 30).
 */
const SIZES = (process.env.BENCH_ROLLUP_ENTRIES ?? '10000,1000000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const WRITES = Number(process.env.BENCH_ROLLUP_WRITES ?? 200);
const DASHBOARD_RUNS = Number(process.env.BENCH_ROLLUP_DASHBOARD_RUNS ?? 30);
/** The naive dashboard reads every entry of every budgeted scope: a few runs are enough at 1M. */
const NAIVE_RUNS = (entries: number) => (entries >= 200_000 ? 3 : DASHBOARD_RUNS);
/** Writes alternate between rollups on and off in blocks of this many, so both modes see the same heap and store. */
const BLOCK = 20;
/** Bulk writes per transaction: fake-indexeddb's request queue is an array it `shift()`s, quadratic in one transaction. */
const BULK = 5_000;
/** The rebuild's read chunk (lib/db/rollups.ts). */
const REBUILD_CHUNK = 10_000;

type Db = IDBPDatabase<StintDb>;

/** A fresh fake-indexeddb with the store filled: entries in bulk (no rollups yet), items, containers, budgets, rates. */
async function buildStore(total: number): Promise<{ db: Db; ownEntries: TimeEntry[]; lastOwnEnd: number; ms: number }> {
  const { IDBFactory } = await import('fake-indexeddb');
  globalThis.indexedDB = new IDBFactory();
  await closeDatabase();
  const started = performance.now();
  const db = await database();
  const rand = random(total);
  const tx = db.transaction(['items', 'containers', 'projects', 'budgets', 'rates', 'baselines'], 'readwrite');
  for (const project of PROJECTS) {
    void tx.objectStore('projects').put({ key: project.key, provider: project.provider, host: project.host, project: project.project, writeBack: project.provider === 'github', addedAt: FROM });
    for (let id = 1; id <= CONTAINERS_PER_PROJECT; id++) void tx.objectStore('containers').put(container(project, id));
    for (let o = 0; o < ITEMS_PER_PROJECT; o++) void tx.objectStore('items').put(item(project, o, rand));
  }
  const plan = budgets();
  for (const budget of plan.budgets) void tx.objectStore('budgets').put(budget);
  for (const baseline of plan.baselines) void tx.objectStore('baselines').put(baseline);
  for (const rate of RATES) void tx.objectStore('rates').put(rate);
  await tx.done;
  const ownEntries: TimeEntry[] = [];
  let lastOwnEnd = 0;
  let batch: TimeEntry[] = [];
  const flush = async () => {
    const write = db.transaction('entries', 'readwrite');
    for (const entry of batch) void write.store.put(entry);
    await write.done;
    batch = [];
  };
  for (const entry of entries(total, rand)) {
    if (entry.author === LOCAL_AUTHOR) {
      ownEntries.push(entry);
      lastOwnEnd = Math.max(lastOwnEnd, entry.end!);
    }
    batch.push(entry);
    if (batch.length === BULK) await flush();
  }
  if (batch.length > 0) await flush();
  return { db, ownEntries, lastOwnEnd, ms: performance.now() - started };
}

type Span = readonly [from: number, to: number];

async function time<T>(run: () => Promise<T>): Promise<[number, T, Span]> {
  const started = performance.now();
  const result = await run();
  const ended = performance.now();
  return [ended - started, result, [started, ended]];
}

/**
 * Garbage-collector pauses, to tell them apart: fake-indexeddb keeps the whole store on the same V8 heap (2.7 GB at
 * 1M entries), so every major collection during a measurement walks it; Chromium keeps IndexedDB out of the page's heap.
 */
const gcPauses: { start: number; duration: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, duration: entry.duration });
});

/** Milliseconds of GC pauses that began within the spans (observer entries arrive a tick late: wait for them). */
async function gcIn(spans: readonly Span[]): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return gcPauses.filter((p) => spans.some(([from, to]) => p.start >= from && p.start < to)).reduce((sum, p) => sum + p.duration, 0);
}

const gcNote = (ms: number, runs = 1, each = 'run') => `GC ${formatMs(ms / runs)} ms${runs > 1 ? ` a ${each}` : ''}`;

export interface RollupsRow extends TimedRow {
  readonly section: 'build' | 'rebuild' | 'write' | 'dashboard';
}

/**
 * The naive dashboard: every budget's spend summed from its items' entries (the `byItem` index), not from rollups, in
 * one read-only transaction (fake-indexeddb schedules each transaction against every open one: thousands of small ones
 * would measure its scheduler, not the reads).
 */
async function naiveDashboard(db: Db, list: readonly Budget[]): Promise<Map<string, number>> {
  const month = dayKey(NOW, ZONE).slice(0, 7);
  const tx = db.transaction(['items', 'entries'], 'readonly');
  const itemsOf = async (projectKey: string) => (await Promise.all(itemKeyPrefixes(projectKey).map((prefix) => tx.objectStore('items').getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`))))).flat();
  const spent = await Promise.all(
    list.map(async (budget) => {
      const { kind, key } = budget.scope;
      let keys: string[];
      if (kind === 'item') keys = [key];
      else if (kind === 'project') keys = (await itemsOf(key)).map((i) => i.key);
      else {
        const projectKey = key.slice(0, key.lastIndexOf('#'));
        keys = (await itemsOf(projectKey)).filter((i) => i.container && `${projectKey}#${i.container.kind}:${i.container.id}` === key).map((i) => i.key);
      }
      let seconds = 0;
      for (const entries of await Promise.all(keys.map((k) => tx.objectStore('entries').index('byItem').getAll(k)))) {
        for (const entry of entries) {
          if (!counts(entry)) continue;
          if (budget.period === 'monthly' && !dayKey(entry.start, ZONE).startsWith(month)) continue;
          seconds += entrySeconds(entry, entry.end!);
        }
      }
      return [budget.id, seconds] as const;
    }),
  );
  await tx.done;
  return new Map(spent);
}

type Read = readonly [method: 'get' | 'getAll' | 'getAllFromIndex' | 'getAllKeys', store: string, ...args: unknown[]];

/** What one budgetOverview reads: its IndexedDB calls, the rollup rows and entries they return, the calls to replay. */
async function overviewReads(db: Db): Promise<{ reads: Read[]; rollupRows: number; itemsRead: number; entriesRead: number }> {
  const reads: Read[] = [];
  let rollupRows = 0;
  let itemsRead = 0;
  let entriesRead = 0;
  const proxy = new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (property !== 'get' && property !== 'getAll' && property !== 'getAllFromIndex' && property !== 'getAllKeys') return result;
        reads.push([property, ...(args as [string, ...unknown[]])]);
        return (result as Promise<unknown>).then((found) => {
          const n = Array.isArray(found) ? found.length : found === undefined ? 0 : 1;
          if (args[0] === 'rollups') rollupRows += n;
          if (args[0] === 'items') itemsRead += n;
          if (args[0] === 'entries') entriesRead += n;
          return found;
        });
      };
    },
  });
  // budgetOverview reads through one transaction, each distinct read once; its views are replayed through the proxy.
  const shared = sharedReads(proxy);
  const [budgets, rates] = await Promise.all([db.getAll('budgets'), db.getAll('rates')]);
  for (const budget of budgets) await budgetView(shared, budget, rates, context);
  return { reads, rollupRows, itemsRead, entriesRead };
}

/** The same reads, all in one read-only transaction: what the data costs without a transaction per read. */
async function replayInOneTransaction(db: Db, reads: readonly Read[]): Promise<void> {
  const stores = [...new Set(reads.map((r) => r[1]))] as StoreNames<StintDb>[];
  const tx = db.transaction(stores, 'readonly');
  const done = reads.map(([method, name, ...args]) => {
    const store = tx.objectStore(name as StoreNames<StintDb>);
    const [query, rest] = args as [IDBKeyRange | string | undefined, unknown];
    if (method === 'get') return store.get(query!);
    if (method === 'getAll') return store.getAll(query, rest as number | undefined);
    if (method === 'getAllKeys') return store.getAllKeys(query, rest as number | undefined);
    const [index, indexQuery, count] = args as [string, IDBKeyRange | string | undefined, number | undefined];
    return (store.index as (name: string) => { getAll(q?: unknown, c?: number): Promise<unknown> })(index).getAll(indexQuery, count);
  });
  await Promise.all([...done, tx.done]);
}

/**
 * Wait until every transaction opened so far has completed: a read-write transaction over the stores the dashboard reads
 * starts only after all of them. A read's promise resolves before fake-indexeddb completes its transaction (one
 * macrotask per transaction, each scheduled in time linear in the open ones), so back-to-back runs of a query that opens
 * a thousand-odd transactions would otherwise pile them up and time the backlog (146 ms → 6 s over 60 runs at 10k).
 */
async function settle(db: Db): Promise<number> {
  const started = performance.now();
  await db.transaction(['rollups', 'items', 'entries', 'budgets', 'rates', 'meta', 'containers', 'baselines'], 'readwrite').done;
  return performance.now() - started;
}

async function measureSize(total: number): Promise<RollupsRow[]> {
  const rows: RollupsRow[] = [];
  const wallStarted = performance.now();
  const row = (r: Omit<RollupsRow, 'entries'>) => {
    rows.push({ entries: total, ...r });
    console.log(`  ${total.toLocaleString('en')} · ${r.measure}: ${formatMs(r.medianMs)} ms${r.p95Ms !== null ? ` (p95 ${formatMs(r.p95Ms)})` : ''}`);
  };

  // 1. The store, written in bulk (no rollups yet).
  const { db, ownEntries, lastOwnEnd, ms: buildMs } = await buildStore(total);
  row({ section: 'build', measure: `bulk write ${total.toLocaleString('en')} entries (${BULK.toLocaleString('en')} a tx) + 4,000 items, 40 budgets`, role: 'info', runs: 1, medianMs: buildMs, p95Ms: null, limitMs: null, note: `heap ${heapMb()} MB` });

  // 2. Full rebuild, then what it is made of: reading every entry (the floor), the pure fold, and writing the rows.
  const [rebuildMs, rollupCount, rebuildSpan] = await time(() => rebuildRollups(db, ZONE));
  row({ section: 'rebuild', measure: 'rebuildRollups (one transaction: chunked reads, fold, 500 writes in flight)', role: 'target', runs: 1, medianMs: rebuildMs, p95Ms: null, limitMs: total >= 1_000_000 ? 5_000 : null, note: `${rollupCount.toLocaleString('en')} rollup rows; ${gcNote(await gcIn([rebuildSpan]))}` });
  const basis = (await db.get('meta', ROLLUP_BASIS)) as RollupBasis;
  {
    const [readMs, all, readSpan] = await time(() => db.getAll('entries'));
    row({ section: 'rebuild', measure: "  ref: db.getAll('entries') (the floor of any rebuild)", role: 'reference', runs: 1, medianMs: readMs, p95Ms: null, limitMs: null, note: `${all.length.toLocaleString('en')} entries; ${gcNote(await gcIn([readSpan]))}; heap ${heapMb()} MB` });
    const [chunkedMs, chunked, chunkedSpan] = await time(async () => {
      const tx = db.transaction('entries', 'readonly');
      let n = 0;
      for (let after: string | null = null; ; ) {
        const batch = await tx.store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), REBUILD_CHUNK);
        n += batch.length;
        if (batch.length < REBUILD_CHUNK) return n;
        after = batch[batch.length - 1]!.id;
      }
    });
    row({ section: 'rebuild', measure: `  ref: getAll in ${REBUILD_CHUNK.toLocaleString('en')}-entry key-range chunks (what the rebuild reads, no fold)`, role: 'reference', runs: 1, medianMs: chunkedMs, p95Ms: null, limitMs: null, note: `${chunked.toLocaleString('en')} entries; ${gcNote(await gcIn([chunkedSpan]))}` });
    const items = await db.getAll('items');
    const [foldMs, folded, foldSpan] = await time(() => Promise.resolve(foldRollups(all, ZONE, items)));
    row({ section: 'rebuild', measure: '  ref: foldRollups in memory (the computation)', role: 'reference', runs: 1, medianMs: foldMs, p95Ms: null, limitMs: null, note: `${((foldMs * 1000) / all.length).toFixed(2)} µs an entry; ${gcNote(await gcIn([foldSpan]))}` });
    const [dayMs] = await time(() => Promise.resolve(all.reduce((n, e) => n + dayKey(e.start, ZONE).length, 0)));
    row({ section: 'rebuild', measure: '    of which dayKey (Intl.DateTimeFormat) alone', role: 'reference', runs: 1, medianMs: dayMs, p95Ms: null, limitMs: null, note: 'one format an entry' });
    row({ section: 'rebuild', measure: '  → the rest: clear + put the rows, in the same transaction', role: 'overhead', runs: 1, medianMs: rebuildMs - chunkedMs - foldMs, p95Ms: null, limitMs: null, note: 'rebuild − chunked read − fold' });
    const values = [...folded.values()];
    all.length = 0;
    const [batchedMs, , batchedSpan] = await time(async () => {
      for (let from = 0; from < values.length; from += BULK) {
        const tx = db.transaction('rollups', 'readwrite');
        if (from === 0) void tx.store.clear();
        for (const value of values.slice(from, from + BULK)) void tx.store.put(value);
        await tx.done;
      }
    });
    row({ section: 'rebuild', measure: `  ref: clear + put the same rows, ${BULK.toLocaleString('en')} a transaction`, role: 'reference', runs: 1, medianMs: batchedMs, p95Ms: null, limitMs: null, note: `fake-indexeddb shift()s each request off an array: one big transaction is quadratic; ${gcNote(await gcIn([batchedSpan]))}` });
  }

  // 3. The dashboard: budgetOverview (rollups only) against a naive one that sums the entries, on the same budgets.
  const list = await db.getAll('budgets');
  let views: BudgetView[] = [];
  const overviewMs: number[] = [];
  const overviewSpans: Span[] = [];
  const settleMs: number[] = [];
  for (let i = 0; i < DASHBOARD_RUNS + 3; i++) {
    const [ms, result, span] = await time(() => budgetOverview(db, context));
    const drain = await settle(db);
    if (i >= 3) {
      overviewMs.push(ms); // after three warm-up runs
      overviewSpans.push(span);
      settleMs.push(drain);
    }
    views = result;
  }
  const overviewGc = await gcIn(overviewSpans);
  const naiveMs: number[] = [];
  const naiveSpans: Span[] = [];
  let naive = new Map<string, number>();
  const naiveRuns = NAIVE_RUNS(total);
  for (let i = 0; i < naiveRuns + (naiveRuns >= 10 ? 1 : 0); i++) {
    const [ms, result, span] = await time(() => naiveDashboard(db, list));
    await settle(db);
    if (naiveRuns < 10 || i >= 1) {
      naiveMs.push(ms); // a warm-up run unless it is one of only a few long ones
      naiveSpans.push(span);
    }
    naive = result;
  }
  const naiveGc = await gcIn(naiveSpans);
  const reads = await overviewReads(db);
  await settle(db);
  const replayMs: number[] = [];
  const replaySpans: Span[] = [];
  for (let i = 0; i < DASHBOARD_RUNS + 3; i++) {
    const [ms, , span] = await time(() => replayInOneTransaction(db, reads.reads));
    await settle(db);
    if (i >= 3) {
      replayMs.push(ms);
      replaySpans.push(span);
    }
  }
  const replayGc = await gcIn(replaySpans);
  // The items the overview must read (each budgeted milestone's / sprint's own items, for its remaining estimate and
  // scope, through the items' container index): the same at any entry count.
  const containerKeys = list.flatMap((b) => (b.scope.kind === 'container' ? [b.scope.key] : []));
  const itemsMs: number[] = [];
  let itemsCount = 0;
  for (let i = 0; i < DASHBOARD_RUNS + 3; i++) {
    const read = readOnce(db, ['items']);
    const [ms, found] = await time(() => Promise.all(containerKeys.map((key) => containerItems(read, key))));
    await settle(db);
    if (i >= 3) itemsMs.push(ms);
    itemsCount = found.reduce((n, items) => n + items.length, 0);
  }
  const agree = views.filter((v) => naive.get(v.budget.id) === v.status.spentSeconds).length;
  const levels = ['over', 'warn', 'watch', 'ok'].map((level) => `${views.filter((v) => v.status.level === level).length} ${level}`).join(', ');
  const risks = views.reduce((n, v) => n + v.risks.length, 0);
  row({ section: 'dashboard', measure: `budgetOverview: ${views.length} budgets' status, forecast, risks`, role: 'target', runs: overviewMs.length, medianMs: median(overviewMs), p95Ms: p95(overviewMs), limitMs: 20, note: `mean ${formatMs(mean(overviewMs))} ms; ${levels}; ${risks} risks; ${reads.reads.length.toLocaleString('en')} reads in one read-only transaction: ${reads.rollupRows.toLocaleString('en')} rollup rows, ${reads.itemsRead.toLocaleString('en')} items, ${reads.entriesRead} entries; ${gcNote(overviewGc, overviewMs.length)}; then ${formatMs(median(settleMs))} ms until its transactions complete` });
  row({ section: 'dashboard', measure: '  ref: the same reads in one read-only transaction (no computation)', role: 'reference', runs: replayMs.length, medianMs: median(replayMs), p95Ms: p95(replayMs), limitMs: null, note: `what the data costs without a transaction per read; ${gcNote(replayGc, replayMs.length)}` });
  row({ section: 'dashboard', measure: '  ref: only the items it reads (budgeted containers’ own, one transaction)', role: 'reference', runs: itemsMs.length, medianMs: median(itemsMs), p95Ms: p95(itemsMs), limitMs: null, note: `${itemsCount.toLocaleString('en')} items of ${containerKeys.length} milestones / sprints: the same at any entry count` });
  row({ section: 'dashboard', measure: '  ref: naive — sum each scope’s entries (byItem index, one transaction)', role: 'reference', runs: naiveMs.length, medianMs: median(naiveMs), p95Ms: p95(naiveMs), limitMs: null, note: `spent agrees with budgetOverview on ${agree}/${views.length} budgets; ${gcNote(naiveGc, naiveMs.length)}` });

  // 4. Entry writes through the timer service, rollups on (basis present) and off (basis deleted), in alternating blocks.
  // Rollups-on writes use the even items, rollups-off the odd ones, so the on items' rows can be checked afterwards.
  let now = lastOwnEnd + 60_000;
  const clock: Clock = { now: () => now, newId: () => randomUUID() };
  const samples = { on: { start: [] as number[], stop: [] as number[], edit: [] as number[] }, off: { start: [] as number[], stop: [] as number[], edit: [] as number[] } };
  const writeSpans: Span[] = [];
  const timed = async (run: () => Promise<void>) => {
    const [ms, , span] = await time(run);
    writeSpans.push(span);
    return ms;
  };
  const touched = new Set<string>();
  const setMode = async (mode: 'on' | 'off') => (mode === 'on' ? db.put('meta', basis, ROLLUP_BASIS) : db.delete('meta', ROLLUP_BASIS));
  const parity = (key: string) => Number(/\d+$/.exec(key)![0]) % 2;
  const editable = {
    on: ownEntries.filter((e) => parity(e.itemKey) === 0 && e.end! - e.start > 120_000),
    off: ownEntries.filter((e) => parity(e.itemKey) === 1 && e.end! - e.start > 120_000),
  };
  const pickRand = random(7);
  let counter = 0;
  for (let block = 0; block < Math.ceil(WRITES / BLOCK); block++) {
    for (const mode of block % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      await setMode(mode);
      for (let i = 0; i < BLOCK; i++) {
        const project = PROJECTS[counter % PROJECTS.length]!;
        const ordinal = 2 * Math.floor(pickRand() * (ITEMS_PER_PROJECT / 2)) + (mode === 'on' ? 1 : 0); // key number = ordinal + 1
        counter++;
        const key = itemKeyOf(project, ordinal);
        if (mode === 'on') touched.add(key);
        now += 60_000;
        samples[mode].start.push(await timed(() => startTimerFor(db, clock, key)));
        now += 25 * 60_000;
        samples[mode].stop.push(await timed(() => stopRunningTimer(db, clock)));
        // An own entry from the past: its end a minute earlier, and a note.
        const pool = editable[mode];
        const entry = pool.splice(Math.floor(pickRand() * pool.length), 1)[0]!;
        if (mode === 'on') touched.add(entry.itemKey);
        now += 1_000;
        samples[mode].edit.push(await timed(() => editTimeEntry(db, clock, entry.id, { end: entry.end! - 60_000, note: 'Edited after review' })));
      }
    }
  }
  await db.put('meta', basis, ROLLUP_BASIS);
  // The items written with rollups on: their totals must equal their entries' sums.
  let correct = 0;
  for (const key of touched) {
    const sum = (await db.getAllFromIndex('entries', 'byItem', key)).filter(counts).reduce((n, e) => n + entrySeconds(e, e.end!), 0);
    if (((await rollupRow(db, rowKey('item', key)))?.seconds ?? 0) === sum) correct++;
  }
  const check = `item totals = entry sums on ${correct}/${touched.size} items written with rollups on`;
  const writeGc = await gcIn(writeSpans);
  const kinds = [
    ['stop', 'stopRunningTimer (finishes an entry: 7 rows change, 10 in a milestone / sprint)'],
    ['edit', 'editTimeEntry (end −1 min + note: 7 rows change, 10 in a milestone / sprint)'],
    ['start', 'startTimerFor (a running entry: no row changes)'],
  ] as const;
  for (const [kind, label] of kinds) {
    const on = samples.on[kind];
    const off = samples.off[kind];
    row({ section: 'write', measure: `${label}, rollups on`, role: 'info', runs: on.length, medianMs: median(on), p95Ms: p95(on), limitMs: null, note: kind === 'stop' ? check : kind === 'edit' ? `whole transactions; all ${writeSpans.length.toLocaleString('en')} timed writes: ${gcNote(writeGc, writeSpans.length, 'write')}` : 'the whole write transaction' });
    row({ section: 'write', measure: '  ref: the same, rollups off (no basis)', role: 'reference', runs: off.length, medianMs: median(off), p95Ms: p95(off), limitMs: null, note: 'the whole write transaction' });
    row({ section: 'write', measure: '  → rollup update per write (on − off)', role: 'overhead', runs: on.length, medianMs: median(on) - median(off), p95Ms: null, limitMs: kind === 'start' ? null : 1, note: 'median on − median off' });
  }
  // The pure part of the rollup update: the delta of one finished entry (no IndexedDB).
  {
    const sample = ownEntries.slice(0, 2_000);
    const reps = 10;
    const [ms] = await time(() => {
      for (let r = 0; r < reps; r++) for (const e of sample) rollupDelta({ ...e, end: null }, e, ZONE);
      return Promise.resolve();
    });
    row({ section: 'write', measure: '  ref: rollupDelta alone (pure, one finished entry)', role: 'reference', runs: reps * sample.length, medianMs: ms / (reps * sample.length), p95Ms: null, limitMs: null, note: 'mean' });
  }

  row({ section: 'build', measure: 'wall time for this size', role: 'info', runs: 1, medianMs: performance.now() - wallStarted, p95Ms: null, limitMs: null, note: `heap ${heapMb()} MB` });
  db.close();
  await closeDatabase();
  return rows;
}

const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1e6);


export const rollups: Benchmark<RollupsRow> = {
  name: 'rollups',
  description: `Budgets' speed targets in Node over fake-indexeddb 6 (not Chromium's IndexedDB; the store shares the V8 heap, so GC pauses are shown), at ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} entries (8 people over a year, 20 projects, 4,000 items, 40 budgets, zone ${ZONE}): full rollup rebuild vs reading all entries and the pure fold; the rollup update per entry write as the same timer-service writes with rollups on minus off (${WRITES} each, alternating blocks of ${BLOCK}); budgetOverview (median of ${DASHBOARD_RUNS}) vs its own reads in one transaction and a naive dashboard summing entries.`,
  async run() {
    // fake-indexeddb's classes as globals (idb's wrappers and lib/db use IDBKeyRange, IDBRequest…), set only when this
    // benchmark runs; each store size gets its own IDBFactory.
    const fake = await import('fake-indexeddb');
    const { IDBCursor, IDBCursorWithValue, IDBDatabase, IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore, IDBOpenDBRequest, IDBRecord, IDBRequest, IDBTransaction, IDBVersionChangeEvent } = fake;
    Object.assign(globalThis, { IDBCursor, IDBCursorWithValue, IDBDatabase, IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore, IDBOpenDBRequest, IDBRecord, IDBRequest, IDBTransaction, IDBVersionChangeEvent });
    const rows: RollupsRow[] = [];
    gcObserver.observe({ entryTypes: ['gc'] });
    try {
      for (const total of SIZES) {
        console.log(`  building ${total.toLocaleString('en')} entries…`);
        rows.push(...(await measureSize(total)));
      }
    } finally {
      gcObserver.disconnect();
    }
    // The dashboard query at the largest size against the smallest: what "independent of the number of entries" means.
    const overview = rows.filter((r) => r.section === 'dashboard' && r.role === 'target');
    const [small, large] = [overview[0], overview[overview.length - 1]];
    if (small && large && large.entries > small.entries) {
      const reference = (size: number) => rows.find((r) => r.entries === size && r.measure.startsWith('  ref: the same reads'))?.medianMs ?? Number.NaN;
      rows.push({ entries: large.entries, section: 'dashboard', measure: `budgetOverview at ${large.entries.toLocaleString('en')} ÷ at ${small.entries.toLocaleString('en')} entries`, role: 'info', runs: large.runs, medianMs: large.medianMs / small.medianMs, p95Ms: null, limitMs: null, note: `a ratio, not ms; its own reads in one transaction: ${formatMs(reference(large.entries) / reference(small.entries))}×` });
    }
    return rows;
  },
  format(rows) {
    return timedTable(rows);
  },
};
