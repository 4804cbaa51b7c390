import type { Worker } from 'playwright-core';
import { ROLLUP_BASIS } from '../lib/db/rollups.ts';
import { budgets, container, CONTAINERS_PER_PROJECT, entries, item, ITEMS_PER_PROJECT, PROJECTS, random, RATES } from './world.ts';

const BATCH = 10_000;

/** Put `rows` into one store of the extension's IndexedDB and delete `keys` from it, from its worker, in one transaction. */
function write(worker: Worker, store: string, rows: unknown[], keys: string[] = []): Promise<void> {
  return worker.evaluate(
    ([name, values, gone]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('stint');
        open.onerror = () => fail(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const value of values) tx.objectStore(name).put(value);
          for (const key of gone) tx.objectStore(name).delete(key);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error ?? new Error('write failed'));
        };
      }),
    [store, rows, keys] as const,
  );
}

/**
 * Fill the extension's IndexedDB (Chromium's own, through its worker) with the benchmark company: items, milestones,
 * budgets, baselines, rates and `count` entries, written around the rollups — their basis is deleted afterwards, so the
 * worker's next budget query rebuilds them. The database must exist (the worker opens it on its first request).
 */
export async function seedExtension(worker: Worker, count: number): Promise<void> {
  const rand = random(7);
  await write(worker, 'items', PROJECTS.flatMap((p) => Array.from({ length: ITEMS_PER_PROJECT }, (_, o) => item(p, o, rand))));
  await write(worker, 'containers', PROJECTS.flatMap((p) => Array.from({ length: CONTAINERS_PER_PROJECT }, (_, i) => container(p, i + 1))));
  const world = budgets();
  await write(worker, 'budgets', world.budgets);
  await write(worker, 'baselines', world.baselines);
  await write(worker, 'rates', RATES);
  let batch: unknown[] = [];
  for (const entry of entries(count, rand)) {
    batch.push(entry);
    if (batch.length === BATCH) {
      await write(worker, 'entries', batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(worker, 'entries', batch);
  // Entries were written around the rollups: forget their basis, so the worker's next budget query rebuilds them.
  await write(worker, 'meta', [], [ROLLUP_BASIS]);
}
