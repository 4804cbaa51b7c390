import type { IDBPDatabase } from 'idb';
import type { WorkWeek } from '../core/duration';
import { estimateFromLabels, type EstimateLabelConvention } from '../core/estimate-labels';
import type { StintDb } from '../db/schema';

/**
 * Read again every label-derived estimate (GitHub items) from the labels already stored, after the person changed the
 * label convention or the working week: no provider request, and a later sync that answers 304 changes nothing.
 * Returns how many items changed.
 */
export async function reestimateFromLabels(db: IDBPDatabase<StintDb>, convention: EstimateLabelConvention, week: WorkWeek): Promise<number> {
  const tx = db.transaction('items', 'readwrite');
  let changed = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const item = cursor.value;
    if (item.provider !== 'github' || !item.labels) continue;
    const estimateSeconds = estimateFromLabels(item.labels, convention, week);
    if (estimateSeconds === (item.estimateSeconds ?? null)) continue;
    await cursor.update({ ...item, estimateSeconds });
    changed++;
  }
  await tx.done;
  return changed;
}
