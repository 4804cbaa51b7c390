import type { IDBPTransaction, StoreNames } from 'idb';
import type { StintDb } from './schema';

/** Where a reset of the database by the browser is remembered until the person has been told. */
export const DATA_LOSS_KEY = 'dataLoss';

export interface DataLoss {
  readonly at: number;
  /** The browser's own words for what it found (Chromium's `dataLossMessage`), for the record; may be empty. */
  readonly detail: string;
  /** What a rescue copy (lib/db/rescue.ts) put back, when there was one. */
  readonly restored?: Restored;
}

/** What came back from the rescue copy after a reset, and which hosts need their token again. */
export interface Restored {
  /** Finished entries (not the running one). */
  readonly entries: number;
  readonly writeBacks: number;
  readonly timer: boolean;
  readonly projects: number;
  /** Hosts whose connection must be made again: tokens are never copied. */
  readonly reconnect: readonly string[];
  /** Old local-only entries that did not fit the copy. */
  readonly cut: number;
}

/**
 * Chromium sets `dataLoss: 'total'` on the upgrade event when it found the database damaged (a disk error, a profile
 * copied mid-write) and started it again empty; the upgrade then runs from version 0. Nothing else says so, and
 * Stint would look as if every entry had vanished without a word: keep it for the background to tell.
 */
export function noteDataLoss(tx: IDBPTransaction<StintDb, StoreNames<StintDb>[], 'versionchange'>, event: Event | undefined, now: number): void {
  const { dataLoss, dataLossMessage } = (event ?? {}) as { dataLoss?: unknown; dataLossMessage?: unknown };
  if (dataLoss !== 'total') return;
  const loss: DataLoss = { at: now, detail: typeof dataLossMessage === 'string' ? dataLossMessage.slice(0, 300) : '' };
  void tx.objectStore('meta').put(loss, DATA_LOSS_KEY);
}
