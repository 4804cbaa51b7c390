import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { TimeEntry } from '../core/entry';
import { foldRollups, rollupDelta, ROLLUP_VERSION, type RollupBasis, type RollupRow } from '../core/rollup';
import type { TxWith } from './entries';
import type { Reader } from './reader';
import type { StintDb } from './schema';

/** The meta record naming what the rollups were built with. */
export const ROLLUP_BASIS = 'rollups.basis';

type RollupTx = IDBPTransaction<StintDb, ['rollups', 'meta'], 'readwrite'>;
const storesOf = (tx: TxWith<'readwrite'>) => tx as unknown as RollupTx;

/**
 * Collects the entry changes of one transaction and applies their rollup deltas in it, before it commits: the rows
 * and the entries change together or not at all. A store whose rollups were never built (no basis) is left to
 * `ensureRollups`.
 */
export class RollupChanges {
  private readonly changes: [TimeEntry | undefined, TimeEntry | undefined][] = [];

  change(before: TimeEntry | undefined, after: TimeEntry | undefined): void {
    this.changes.push([before, after]);
  }

  async apply(anyTx: TxWith<'readwrite'>): Promise<void> {
    if (this.changes.length === 0) return;
    const tx = storesOf(anyTx);
    const basis = (await tx.objectStore('meta').get(ROLLUP_BASIS)) as RollupBasis | undefined;
    if (!basis) return;
    const total = new Map<string, { seconds: number; entries: number }>();
    for (const [before, after] of this.changes) {
      for (const [key, d] of rollupDelta(before, after, basis.timeZone)) {
        const sum = total.get(key) ?? { seconds: 0, entries: 0 };
        total.set(key, { seconds: sum.seconds + d.seconds, entries: sum.entries + d.entries });
      }
    }
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

/** Recompute every row from the entries, in one transaction (a first build, a time-zone change, a new rollup version). */
export async function rebuildRollups(db: IDBPDatabase<StintDb>, timeZone: string): Promise<number> {
  const tx = db.transaction(['entries', 'rollups', 'meta'], 'readwrite');
  const entries = await tx.objectStore('entries').getAll();
  const rows = foldRollups(entries, timeZone);
  const store = tx.objectStore('rollups');
  await store.clear();
  const basis: RollupBasis = { version: ROLLUP_VERSION, timeZone };
  await Promise.all([...[...rows.values()].map((row) => store.put(row)), tx.objectStore('meta').put(basis, ROLLUP_BASIS), tx.done]);
  return rows.size;
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
