import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Harness } from './harness.ts';

/**
 * SIGKILL every process of the browser using this profile: no shutdown, no flush, as a crash or a power cut. Found in
 * /proc (no pkill needed on a bare machine).
 */
export function killBrowser(profileDir: string): void {
  const mark = `--user-data-dir=${profileDir}`;
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(mark);
      } catch {
        return false; // gone meanwhile
      }
    });
  if (pids.length === 0) throw new Error(`No browser process uses ${profileDir}`);
  for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
}

/** After a kill Playwright's context is gone: closing it must not wait for a browser that no longer answers. */
export async function forget(harness: Harness): Promise<void> {
  await Promise.race([harness.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000))]);
}

export interface Consistency {
  readonly entries: number;
  readonly running: number;
  /** Items whose `item|` rollup differs from the sum of their counted entries. */
  readonly rollupMismatches: string[];
  /** How many `item|` rollup rows exist (0: never built). */
  readonly itemRollups: number;
}

/** Read in the worker: how many live entries, how many run, and whether every item rollup equals its entries' sum. */
export async function consistency(harness: Harness): Promise<Consistency> {
  const worker = await harness.worker();
  return worker.evaluate(
    () =>
      new Promise<Consistency>((resolve, reject) => {
        const open = indexedDB.open('stint');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['entries', 'rollups'], 'readonly');
          const entries = tx.objectStore('entries').getAll();
          const rows = tx.objectStore('rollups').getAll(IDBKeyRange.bound('item|', 'item|\uffff'));
          tx.oncomplete = () => {
            type E = { itemKey: string; start: number; end: number | null; deletedAt: number | null };
            const live = (entries.result as E[]).filter((e) => e.deletedAt === null);
            const sums = new Map<string, number>();
            // What lib/core/rollup.ts counts: finished, live entries of at least a second.
            for (const e of live) if (e.end !== null && e.end - e.start >= 1000) sums.set(e.itemKey, (sums.get(e.itemKey) ?? 0) + Math.floor((e.end - e.start) / 1000));
            const stored = new Map((rows.result as { key: string; seconds: number }[]).map((r) => [r.key.slice('item|'.length), r.seconds]));
            const keys = new Set([...sums.keys(), ...stored.keys()]);
            const rollupMismatches = [...keys].filter((k) => (sums.get(k) ?? 0) !== (stored.get(k) ?? 0));
            open.result.close();
            resolve({ entries: live.length, running: live.filter((e) => e.end === null).length, rollupMismatches, itemRollups: stored.size });
          };
        };
      }),
  );
}

/**
 * Delete an extension origin's IndexedDB files from a (closed) profile: exactly what Chrome leaves when it finds the
 * database corrupt and resets it — the next open upgrades from version 0. Returns the names deleted.
 */
export function deleteExtensionIndexedDb(profileDir: string, extensionId: string): string[] {
  const dir = join(profileDir, 'Default', 'IndexedDB');
  const mine = readdirSync(dir).filter((name) => name.startsWith(`chrome-extension_${extensionId}_0.indexeddb.`));
  for (const name of mine) rmSync(join(dir, name), { recursive: true, force: true });
  return mine;
}

/** What the worker's notifications said, recorded from before the background's housekeeping (it waits 2 s). */
export interface ShownNotice {
  readonly id: string;
  readonly title: string;
  readonly message: string;
}

/** Record every notification the worker creates (ids, titles and messages cannot be read back from Chrome). */
export async function recordNotifications(harness: Harness): Promise<void> {
  await (await harness.worker()).evaluate(() => {
    type Options = { title?: string; message?: string };
    const g = globalThis as unknown as { shown: ShownNotice[]; chrome: { notifications: { create(id: string, options: Options): Promise<string> } } };
    g.shown = [];
    const create = g.chrome.notifications.create.bind(g.chrome.notifications);
    g.chrome.notifications.create = (id: string, options: Options) => {
      g.shown.push({ id, title: options.title ?? '', message: options.message ?? '' });
      return create(id, options);
    };
  });
}

export async function shownNotifications(harness: Harness): Promise<ShownNotice[]> {
  return (await harness.worker()).evaluate(() => (globalThis as unknown as { shown?: ShownNotice[] }).shown ?? []);
}
