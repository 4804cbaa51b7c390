import type { Worker } from 'playwright-core';
import { budgets, container, CONTAINERS_PER_PROJECT, entries, item, ITEMS_PER_PROJECT, PROJECTS, random, RATES } from './world.ts';

const BATCH = 10_000;

/** Write `rows` into one store of the extension's IndexedDB from its worker, in one transaction. */
function put(worker: Worker, store: string, rows: unknown[]): Promise<void> {
  return worker.evaluate(
    ([name, values]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('stint');
        open.onerror = () => fail(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const value of values) tx.objectStore(name).put(value);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error ?? new Error('write failed'));
        };
      }),
    [store, rows] as const,
  );
}

/**
 * Fill the extension's IndexedDB (Chromium's own, through its worker) with the benchmark company: items, milestones,
 * budgets, baselines, rates and `count` entries, written around the rollups — their basis is deleted afterwards, so the
 * worker's next budget query rebuilds them. The database must exist (the worker opens it on its first request).
 */
export async function seedExtension(worker: Worker, count: number): Promise<void> {
  const rand = random(7);
  await put(worker, 'items', PROJECTS.flatMap((p) => Array.from({ length: ITEMS_PER_PROJECT }, (_, o) => item(p, o, rand))));
  await put(worker, 'containers', PROJECTS.flatMap((p) => Array.from({ length: CONTAINERS_PER_PROJECT }, (_, i) => container(p, i + 1))));
  const world = budgets();
  await put(worker, 'budgets', world.budgets);
  await put(worker, 'baselines', world.baselines);
  await put(worker, 'rates', RATES);
  let batch: unknown[] = [];
  for (const entry of entries(count, rand)) {
    batch.push(entry);
    if (batch.length === BATCH) {
      await put(worker, 'entries', batch);
      batch = [];
    }
  }
  if (batch.length > 0) await put(worker, 'entries', batch);
  await worker.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('stint');
        open.onerror = () => fail(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').delete('rollups.basis');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
        };
      }),
  );
}
