import type { TimeEntry } from '../core/entry';
import { putEntries, type TxWith } from '../db/entries';
import { enqueueEntryWrites } from './sync/outbox';

/**
 * The stores every entry write touches: the entries, the outbox (with the projects' write-back opt-in), and the
 * rollups (with their basis in meta, and the items, read for the container each entry's time counts in).
 */
export const ENTRY_WRITE_STORES = ['entries', 'projects', 'outbox', 'rollups', 'meta', 'items'] as const;

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
