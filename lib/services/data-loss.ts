import type { IDBPDatabase } from 'idb';
import { DATA_LOSS_KEY, type DataLoss } from '../db/data-loss';
import type { StintDb } from '../db/schema';
import { t } from '../i18n';

/** The browser's reset of the database, if one was noted and not yet told, taken in one transaction so it is told once. */
export async function takeDataLoss(db: IDBPDatabase<StintDb>): Promise<DataLoss | null> {
  const tx = db.transaction('meta', 'readwrite');
  const noted = (await tx.store.get(DATA_LOSS_KEY)) as DataLoss | undefined;
  if (noted) await tx.store.delete(DATA_LOSS_KEY);
  await tx.done;
  return noted ?? null;
}

/** The notification's words: what the rescue copy put back and what the person must do, or the plain reset notice. */
export function dataLossWords(loss: DataLoss): { title: string; message: string } {
  const restored = loss.restored;
  if (!restored) return { title: t('notice.dataLossTitle'), message: t('notice.dataLossMessage') };
  const parts = [
    t('notice.dataLossRestored', { entries: String(restored.entries), writeBacks: String(restored.writeBacks), projects: String(restored.projects) }),
    ...(restored.timer ? [t('notice.dataLossRestoredTimer')] : []),
    ...(restored.reconnect.length > 0 ? [t('notice.dataLossReconnect', { hosts: restored.reconnect.join(', ') })] : []),
    ...(restored.cut > 0 ? [t('notice.dataLossCut', { count: String(restored.cut) })] : []),
    t('notice.dataLossRestoredRest'),
  ];
  return { title: t('notice.dataLossRestoredTitle'), message: parts.join(' ') };
}
