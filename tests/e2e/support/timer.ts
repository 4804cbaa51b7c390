import type { Page } from 'playwright-core';
import { formatDuration } from '../../../lib/core/duration';
import type { Harness } from './harness.ts';

/** Stint's timer button in a provider page's overlay. */
export const timerButton = (page: Page) => page.locator('stint-overlay').getByRole('button', { name: /timer/ });

export interface StoredEntry {
  id: string;
  itemKey: string;
  start: number;
  end: number | null;
  deletedAt: number | null;
}

/** The entries as the background stored them (IndexedDB, read in the service worker). */
export async function storedEntries(harness: Harness): Promise<StoredEntry[]> {
  const worker = await harness.worker();
  return worker.evaluate(
    () =>
      new Promise<StoredEntry[]>((resolve, reject) => {
        const open = indexedDB.open('stint');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
        open.onsuccess = () => {
          const request = open.result.transaction('entries').objectStore('entries').getAll();
          request.onsuccess = () => {
            resolve(request.result as StoredEntry[]);
            open.result.close();
          };
        };
      }),
  );
}

/** What the timer's total reads: `1h 30m / 4h · 38 %` (the share of the estimate once anything is tracked), or `5h`. */
export function totalText(trackedSeconds: number, estimateSeconds: number | null): string {
  if (!estimateSeconds) return formatDuration(trackedSeconds);
  const share = trackedSeconds > 0 ? ` · ${Math.round((trackedSeconds / estimateSeconds) * 100)} %` : '';
  return `${formatDuration(trackedSeconds)} / ${formatDuration(estimateSeconds)}${share}`;
}

/** Move the service worker's clock (its `Date.now`) by `ms`: the timer's start and end are decided there. */
export async function moveWorkerClock(harness: Harness, ms: number): Promise<void> {
  const worker = await harness.worker();
  await worker.evaluate((by) => {
    const g = globalThis as unknown as { __realNow?: () => number; __offset?: number; Date: DateConstructor };
    g.__realNow ??= g.Date.now.bind(g.Date);
    g.__offset = (g.__offset ?? 0) + by;
    g.Date.now = () => g.__realNow!() + g.__offset!;
  }, ms);
}
