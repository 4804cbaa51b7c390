import type { TimeEntry } from '../core/entry';
import { PUT_ENTRIES_STORES, putEntries, type TxWith } from '../db/entries';
import { enqueueEntryWrites } from './sync/outbox';

/** The stores every entry write touches: `putEntries`' own, and the outbox with the projects' write-back opt-in. */
export const ENTRY_WRITE_STORES = [...PUT_ENTRIES_STORES, 'projects', 'outbox'] as const;

/**
 * Write entries and, in the same transaction, update the rollups and queue their remote writes (the transactional
 * outbox): all happen or none, so a crash can neither lose a remote write nor make one for an entry that was never
 * saved, and the sums always match the entries.
 */
export async function writeEntries(tx: TxWith<'readwrite'>, writes: readonly TimeEntry[], now: number): Promise<void> {
  if (writes.length === 0) return;
  await putEntries(tx, writes);
  await enqueueEntryWrites(tx, writes, now);
}
