import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { TimeEntry } from '../core/entry';
import { containerOfItem, plannedOf, rollupDelta, RollupFold, ROLLUP_VERSION, type RollupBasis, type RollupRow } from '../core/rollup';
import type { WorkItem } from '../core/work-item';
import type { TxWith } from './entries';
import type { Reader } from './reader';
import type { StintDb } from './schema';

/** The meta record naming what the rollups were built with. */
export const ROLLUP_BASIS = 'rollups.basis';

type RollupTx = IDBPTransaction<StintDb, ['rollups', 'meta', 'items', 'entries'], 'readwrite'>;
const storesOf = (tx: TxWith<'readwrite'>) => tx as unknown as RollupTx;

/**
 * Collects the entry changes of one transaction, and the items it writes, and applies their rollup deltas in it
 * before it commits: the rows, the entries and the items change together or not at all. The transaction must span
 * `rollups`, `meta`, `items` and `entries`. A store whose rollups were never built (no basis) is left to
 * `ensureRollups`.
 *
 * An entry counts in its item's container as the items store says; so every write of an item in a transaction that
 * keeps rollups must be told here (`item`), or a changed container would leave its time behind.
 */
export class RollupChanges {
  private readonly changes: [TimeEntry | undefined, TimeEntry | undefined][] = [];
  /** Items written in this transaction whose container changed: from where, to where. */
  private readonly moves = new Map<string, { readonly from: string | null; to: string | null }>();

  change(before: TimeEntry | undefined, after: TimeEntry | undefined): void {
    this.changes.push([before, after]);
  }

  /** An item written in this transaction (`before` as stored until now): its entries' time follows its container. */
  item(before: WorkItem | undefined, after: WorkItem): void {
    const known = this.moves.get(after.key);
    if (known) known.to = containerOfItem(after);
    else this.moves.set(after.key, { from: containerOfItem(before), to: containerOfItem(after) });
  }

  async apply(anyTx: TxWith<'readwrite'>): Promise<void> {
    const moved = [...this.moves].filter(([, m]) => m.from !== m.to);
    if (this.changes.length === 0 && moved.length === 0) return;
    const tx = storesOf(anyTx);
    const basis = (await tx.objectStore('meta').get(ROLLUP_BASIS)) as RollupBasis | undefined;
    if (!basis) return;
    // One change per entry, from before this transaction to after it: an entry written then removed in one sync read
    // changed from nothing to nothing, whatever container its item moved to in between.
    const net = new Map<string, [TimeEntry | undefined, TimeEntry | undefined]>();
    for (const [before, after] of this.changes) {
      const id = (before ?? after)!.id;
      const first = net.get(id);
      net.set(id, [first ? first[0] : before, after]);
    }
    const changes = [...net.values()];
    // Where each entry's item was planned before this transaction and is now: written items say; the others are as stored.
    const unwritten = [...new Set(changes.flatMap(([b, a]) => [b?.itemKey, a?.itemKey]))].filter((k): k is string => k !== undefined && !this.moves.has(k));
    const stored = await Promise.all(unwritten.map((key) => tx.objectStore('items').get(key)));
    const now = new Map(unwritten.map((key, i) => [key, containerOfItem(stored[i])]));
    const was = (itemKey: string) => (this.moves.has(itemKey) ? this.moves.get(itemKey)!.from : (now.get(itemKey) ?? null));
    const is = (itemKey: string) => (this.moves.has(itemKey) ? this.moves.get(itemKey)!.to : (now.get(itemKey) ?? null));
    const total = new Map<string, { seconds: number; entries: number }>();
    const addDelta = (delta: Map<string, { seconds: number; entries: number }>) => {
      for (const [key, d] of delta) {
        const sum = total.get(key) ?? { seconds: 0, entries: 0 };
        total.set(key, { seconds: sum.seconds + d.seconds, entries: sum.entries + d.entries });
      }
    };
    for (const [before, after] of changes) addDelta(rollupDelta(before, after, basis.timeZone, before ? was(before.itemKey) : null, after ? is(after.itemKey) : null));
    // A moved item's other entries (those this transaction did not change) move from its old container to its new one.
    const changed = new Set(net.keys());
    const ofMoved = await Promise.all(moved.map(([itemKey]) => tx.objectStore('entries').index('byItem').getAll(itemKey)));
    moved.forEach(([, { from, to }], i) => {
      for (const entry of ofMoved[i] ?? []) if (!changed.has(entry.id)) addDelta(rollupDelta(entry, entry, basis.timeZone, from, to));
    });
    const store = tx.objectStore('rollups');
    const keys = [...total.keys()];
    const rows = await Promise.all(keys.map((key) => store.get(key)));
    await Promise.all(
      keys.map((key, i) => {
        const d = total.get(key)!;
        const entries = (rows[i]?.entries ?? 0) + d.entries;
        const seconds = (rows[i]?.seconds ?? 0) + d.seconds;
        return entries <= 0 ? store.delete(key) : store.put({ key, seconds, entries });
      }),
    );
  }
}

/** Entries read per request while rebuilding: each chunk is folded and dropped, so a million never sit in memory at once. */
const REBUILD_CHUNK = 10_000;
/** Row writes a rebuild keeps in flight (a queue of hundreds of thousands is slow to drain in some IndexedDB engines). */
const REBUILD_WINDOW = 500;

/**
 * Recompute every row from the entries (a first build, a time-zone change, a new rollup version), in one transaction:
 * nothing else writes entries meanwhile, and a crash or a closed browser mid-way leaves the old rows and basis as they
 * were (the next start rebuilds again). The entries are read in key-range chunks and folded as they come; the rows are
 * written a window at a time.
 */
export async function rebuildRollups(db: IDBPDatabase<StintDb>, timeZone: string, chunk = REBUILD_CHUNK): Promise<number> {
  const tx = db.transaction(['entries', 'items', 'rollups', 'meta'], 'readwrite');
  const entries = tx.objectStore('entries');
  const store = tx.objectStore('rollups');
  try {
    // Where each item is planned (a few thousand items, read once): an entry counts in its item's container.
    const fold = new RollupFold(timeZone, plannedOf(await tx.objectStore('items').getAll()));
    const cleared = store.clear();
    for (let after: string | null = null; ; ) {
      const batch: TimeEntry[] = await entries.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), chunk);
      fold.add(batch);
      if (batch.length < chunk) break;
      after = batch[batch.length - 1]!.id;
    }
    await cleared;
    const rows = fold.rows();
    const pending = rows.values();
    const writeNext = async () => {
      for (let row = pending.next(); !row.done; row = pending.next()) await store.put(row.value);
    };
    const basis: RollupBasis = { version: ROLLUP_VERSION, timeZone };
    await Promise.all([...Array.from({ length: REBUILD_WINDOW }, writeNext), tx.objectStore('meta').put(basis, ROLLUP_BASIS), tx.done]);
    return rows.size;
  } catch (error) {
    // A failure that is not a request's own (a throw while folding) would otherwise let the transaction commit the
    // cleared store under the old basis: rows gone, and nothing to say they must be rebuilt. Abort: all or nothing.
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request, or finished
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** Build the rollups if they were built with another basis (or never). Returns whether it rebuilt. */
export async function ensureRollups(db: IDBPDatabase<StintDb>, timeZone: string): Promise<boolean> {
  const basis = (await db.get('meta', ROLLUP_BASIS)) as RollupBasis | undefined;
  if (basis?.version === ROLLUP_VERSION && basis.timeZone === timeZone) return false;
  await rebuildRollups(db, timeZone);
  return true;
}

/** One row, or none. */
export async function rollupRow(db: Reader, key: string): Promise<RollupRow | undefined> {
  return db.get('rollups', key);
}

/** Rows whose key starts with `prefix` + `|`, optionally from / to a suffix (days: `2026-11-01` … `2026-11-30`). */
export async function rollupRows(db: Reader, prefix: string, from = '', to = '\uffff'): Promise<RollupRow[]> {
  return db.getAll('rollups', IDBKeyRange.bound(`${prefix}|${from}`, `${prefix}|${to}\uffff`));
}
