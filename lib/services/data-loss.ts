import type { IDBPDatabase } from 'idb';
import { DATA_LOSS_KEY, type DataLoss } from '../db/data-loss';
import type { StintDb } from '../db/schema';

/** The browser's reset of the database, if one was noted and not yet told, taken in one transaction so it is told once. */
export async function takeDataLoss(db: IDBPDatabase<StintDb>): Promise<DataLoss | null> {
  const tx = db.transaction('meta', 'readwrite');
  const noted = (await tx.store.get(DATA_LOSS_KEY)) as DataLoss | undefined;
  if (noted) await tx.store.delete(DATA_LOSS_KEY);
  await tx.done;
  return noted ?? null;
}
