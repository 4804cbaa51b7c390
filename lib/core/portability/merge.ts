import type { TimeEntry } from '../entry';
import { stableJson } from './ids';

export type Outcome = 'new' | 'changed' | 'unchanged';

export interface MergeCounts {
  new: number;
  changed: number;
  unchanged: number;
}

export const noCounts = (): MergeCounts => ({ new: 0, changed: 0, unchanged: 0 });

/** What importing a record over the one stored under its key does. */
export type Decide<T> = (stored: T | undefined, incoming: T) => Outcome;

/** Records with an `updatedAt` (entries, items): the newer one wins; the same content, or an older one, changes nothing. */
export const newerWins = <T extends { readonly updatedAt: number }>(stored: T | undefined, incoming: T): Outcome => {
  if (!stored) return 'new';
  if (stableJson(stored) === stableJson(incoming)) return 'unchanged';
  return incoming.updatedAt > stored.updatedAt ? 'changed' : 'unchanged';
};

/** Records without one (budgets, rates, projects…): a restore puts the backup's version back. */
export const backupWins: Decide<unknown> = (stored, incoming) => (stored === undefined ? 'new' : stableJson(stored) === stableJson(incoming) ? 'unchanged' : 'changed');

/** Imported CSV rows: an entry already made from the same row is kept as it is (edited or deleted since, it stays so). */
export const keepStored: Decide<TimeEntry> = (stored) => (stored ? 'unchanged' : 'new');

/**
 * The writes that merge `incoming` into `stored` by key, and their counts. A key given twice in the file counts once:
 * the later record wins between them as it would over a stored one.
 */
export function mergePlan<T>(stored: ReadonlyMap<string, T>, incoming: readonly T[], keyOf: (record: T) => string, decide: Decide<T>): { writes: T[]; counts: MergeCounts } {
  const chosen = new Map<string, T>();
  for (const record of incoming) {
    const key = keyOf(record);
    const earlier = chosen.get(key);
    if (!earlier || decide(earlier, record) === 'changed') chosen.set(key, record);
  }
  const counts = noCounts();
  const writes: T[] = [];
  for (const [key, record] of chosen) {
    const outcome = decide(stored.get(key), record);
    counts[outcome]++;
    if (outcome !== 'unchanged') writes.push(record);
  }
  return { writes, counts };
}
