import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { TxWith } from '../../db/entries';
import { LOCAL_AUTHOR, type RemoteRef, type TimeEntry } from '../../core/entry';
import { parseItemKey, projectKeyOfItem } from '../../core/item-ref';
import { backoffMs, queuedOp, type OutboxOp } from '../../core/sync';
import type { StintDb } from '../../db/schema';

type WriteTx = IDBPTransaction<StintDb, ['entries', 'projects', 'outbox'], 'readwrite'>;

/**
 * In the same transaction as an entry write (the transactional outbox): queue the remote write when the entry's
 * project has write-back on. Running entries wait until they stop. One op per entry; a newer change replaces the
 * waiting one but keeps its attempt count, so a retry still looks for an earlier write whose answer was lost.
 */
export async function enqueueEntryWrites(anyTx: TxWith<'readwrite'>, writes: readonly TimeEntry[], now: number): Promise<void> {
  const tx = anyTx as unknown as WriteTx; // callers' transactions span these stores (ENTRY_WRITE_STORES)
  for (const entry of writes) {
    if (entry.author !== LOCAL_AUTHOR || (entry.end === null && entry.deletedAt === null)) continue;
    const ref = parseItemKey(entry.itemKey);
    const project = projectKeyOfItem(entry.itemKey);
    if (!ref || !project) continue;
    const writeBack = (await tx.objectStore('projects').get(project))?.writeBack === true;
    const existing = await tx.objectStore('outbox').get(entry.id);
    const hasRemote = Object.keys(entry.remote).length > 0;
    if (entry.deletedAt !== null && !hasRemote && !existing) continue; // never written: nothing to remove
    if (!writeBack && !hasRemote && !existing) continue;
    await tx.objectStore('outbox').put(queuedOp({ entryId: entry.id, kind: entry.deletedAt !== null ? 'delete' : 'push', provider: ref.provider, itemKey: entry.itemKey }, existing, now));
    await tx.objectStore('entries').put({ ...entry, sync: 'pending' });
  }
}

/** Ops whose time has come (pending, next try reached), oldest first. */
export async function dueOps(db: IDBPDatabase<StintDb>, now: number): Promise<OutboxOp[]> {
  const ops = await db.getAllFromIndex('outbox', 'byNextAt', IDBKeyRange.upperBound(now));
  return ops.filter((op) => op.state === 'pending');
}

/** The earliest moment any pending op may run (for the alarm), or null. */
export async function nextOpAt(db: IDBPDatabase<StintDb>): Promise<number | null> {
  const cursor = await db.transaction('outbox').store.index('byNextAt').openCursor();
  let found: number | null = null;
  for (let c = cursor; c; c = await c.continue()) {
    if (c.value.state === 'pending') {
      found = c.value.nextAt;
      break;
    }
  }
  return found;
}

/** How long a claimed op is left alone: if the worker dies mid-write, the op becomes due again after this. */
export const LEASE_MS = 2 * 60_000;

/**
 * Claim a due op before writing (one transaction): only one runner wins it, even if two drains overlap. The attempt is
 * counted now, before the network call, so if anything is lost from here on, the next attempt looks for an earlier
 * write before writing. Returns the claimed op, or null when it is no longer due (someone else took it, or it changed).
 */
export async function claimOp(db: IDBPDatabase<StintDb>, op: OutboxOp, now: number): Promise<OutboxOp | null> {
  const tx = db.transaction('outbox', 'readwrite');
  const current = await tx.store.get(op.entryId);
  if (!current || current.state !== 'pending' || current.nextAt > now) {
    await tx.done;
    return null;
  }
  const claimed = { ...current, attempts: current.attempts + 1, nextAt: now + LEASE_MS };
  await tx.store.put(claimed);
  await tx.done;
  return claimed;
}

/** The write happened: record where the entry lives remotely and drop the op — unless a newer change replaced it. */
export async function completeOp(db: IDBPDatabase<StintDb>, op: OutboxOp, remote: RemoteRef | null): Promise<void> {
  const tx = db.transaction(['entries', 'outbox'], 'readwrite');
  const current = await tx.objectStore('outbox').get(op.entryId);
  const entry = await tx.objectStore('entries').get(op.entryId);
  const newer = current !== undefined && (current.revision ?? 0) !== (op.revision ?? 0);
  if (entry) {
    const remoteRefs = { ...entry.remote };
    if (remote) remoteRefs[op.provider] = remote;
    else delete remoteRefs[op.provider];
    await tx.objectStore('entries').put({ ...entry, remote: remoteRefs, sync: newer ? 'pending' : 'synced' });
  }
  if (newer && current) await tx.objectStore('outbox').put({ ...current, attempts: Math.max(current.attempts, op.attempts) });
  else await tx.objectStore('outbox').delete(op.entryId);
  await tx.done;
}

/**
 * The write failed. Errors that need the person (token, scope) stop the op until they act; anything else is retried
 * later: at the provider's Retry-After, or with exponential backoff and jitter.
 */
export async function failOp(db: IDBPDatabase<StintDb>, op: OutboxOp, reason: string, retry: { needsPerson: boolean; notBefore: number | null }, now: number, random: number): Promise<void> {
  const tx = db.transaction(['entries', 'outbox'], 'readwrite');
  const current = await tx.objectStore('outbox').get(op.entryId);
  if (current && (current.revision ?? 0) === (op.revision ?? 0)) {
    // `op` is the claimed op: its attempt is already counted.
    const nextAt = Math.max(retry.notBefore ?? 0, now + backoffMs(op.attempts, random));
    await tx.objectStore('outbox').put({ ...current, attempts: op.attempts, nextAt, lastError: reason, state: retry.needsPerson ? 'failed' : 'pending' });
    const entry = await tx.objectStore('entries').get(op.entryId);
    if (entry && retry.needsPerson) await tx.objectStore('entries').put({ ...entry, sync: 'failed' });
  } else if (current) {
    // A newer change is waiting: it inherits the knowledge that an earlier attempt may have written.
    await tx.objectStore('outbox').put({ ...current, attempts: Math.max(current.attempts, op.attempts) });
  }
  await tx.done;
}

/** The person fixed what blocked failed ops (a new token): try them again now. */
export async function retryFailedOps(db: IDBPDatabase<StintDb>, now: number): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  const failed = (await tx.store.getAll()).filter((op) => op.state === 'failed');
  await Promise.all(failed.map((op) => tx.store.put({ ...op, state: 'pending', nextAt: now })));
  await tx.done;
  return failed.length;
}
