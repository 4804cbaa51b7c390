import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { TimeEntry } from '../../../lib/core/entry';
import { closeDatabase, database, keepRescueCopiesIn } from '../../../lib/db/open';
import { rescueBeforeUpgrade, type RescueCopy, type RescueStore } from '../../../lib/db/rescue';
import { restoreRescueCopy } from '../../../lib/db/rescue-restore';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';
import { takeDataLoss } from '../../../lib/services/data-loss';
import { RESCUE_KEY, rescueStore } from '../../../lib/services/rescue-store';
import { restoreDatabase, type DbDump } from './schema-dump';

/**
 * The rescue copy: before an upgrade, what only the database holds goes to storage.local (no tokens); when the open
 * then finds the database empty (the browser reset it, or its files are gone), the copy is put back, once.
 */
const T0 = Date.UTC(2026, 10, 26, 9);
const fixture = (version: number) => JSON.parse(readFileSync(`tests/fixtures/db/v${version}.json`, 'utf8')) as DbDump;
const valuesOf = (dump: DbDump, store: string) => dump.stores[store]!.records.map((r) => r.value);
const TOKEN = 'ghp_fixture_not_a_real_token_000000000000';

/** The real store (the fake browser's storage.local), with every write seen. */
function watchedStore(refuse?: (copy: RescueCopy) => boolean): RescueStore & { writes: RescueCopy[] } {
  const writes: RescueCopy[] = [];
  return {
    writes,
    read: () => rescueStore.read(),
    write: async (copy) => {
      // What Chrome says when storage.local is over its 10 MB (QUOTA_BYTES).
      if (refuse?.(copy)) throw new Error('Resource::kQuotaBytes quota exceeded');
      writes.push(copy);
      await rescueStore.write(copy);
    },
    clear: () => rescueStore.clear(),
  };
}

const stored = async () => (await browser.storage.local.get(RESCUE_KEY))[RESCUE_KEY] as RescueCopy | undefined;

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

/** Take the copy of an old database, then lose the database (what Chrome's reset leaves: nothing). */
async function copyThenLose(version: number, store: RescueStore): Promise<void> {
  await restoreDatabase(DB_NAME, fixture(version));
  expect((await rescueBeforeUpgrade(store, T0)).outcome).toBe('taken');
  await deleteDatabase();
}

describe('the rescue copy', () => {
  afterEach(async () => {
    await closeDatabase();
    keepRescueCopiesIn(null);
  });

  for (const version of [3, 4]) {
    it(`is taken before upgrading a v${version} database, without tokens, and cleared after the upgrade`, async () => {
      const dump = fixture(version);
      await restoreDatabase(DB_NAME, dump);
      const store = watchedStore();
      keepRescueCopiesIn(store);
      const db = await database();
      expect(db.version).toBe(DB_VERSION);
      expect(store.writes).toHaveLength(1);
      const copy = store.writes[0]!;
      expect(copy.fromVersion).toBe(version);
      // Every entry of the fixture exists only here (local, pending, the running one, a local tombstone).
      expect([...copy.entries].sort((a, b) => a.id.localeCompare(b.id))).toEqual(valuesOf(dump, 'entries'));
      expect(copy.entries.filter((e) => e.end === null)).toHaveLength(1);
      expect(copy.outbox).toEqual(valuesOf(dump, 'outbox'));
      expect(copy.projects).toEqual(valuesOf(dump, 'projects'));
      expect(copy.connections).toEqual(valuesOf(dump, 'connections'));
      expect(copy.cut).toBe(0);
      expect(JSON.stringify(copy)).not.toContain(TOKEN);
      expect(JSON.stringify(copy)).not.toContain('token');
      expect(await stored()).toBeUndefined();
      // The upgrade kept everything itself: nothing is restored, nothing noted.
      expect(await takeDataLoss(db)).toBeNull();
    });
  }

  it('is not taken for a database that does not exist or is current, and the look creates none', async () => {
    const store = watchedStore();
    expect(await rescueBeforeUpgrade(store, T0)).toEqual({ outcome: 'none', reset: null });
    expect(await indexedDB.databases()).toEqual([]);
    await database();
    await closeDatabase();
    expect(await rescueBeforeUpgrade(store, T0)).toEqual({ outcome: 'none', reset: null });
    expect(store.writes).toEqual([]);
  });

  it('is restored when the database comes back empty: entries, timer, outbox with its attempts, projects — once', async () => {
    const dump = fixture(3);
    const store = watchedStore();
    await copyThenLose(3, store);
    keepRescueCopiesIn(store);
    const db = await database();
    const entries = await db.getAll('entries');
    expect(entries).toEqual(valuesOf(dump, 'entries'));
    expect(entries.find((e) => e.end === null)).toMatchObject({ id: '5f0c1a52-0000-4000-8000-000000000003', start: 1795172400000 });
    // The op exactly as it was: its attempt count makes the next try look for an earlier write before writing.
    expect(await db.getAll('outbox')).toEqual(valuesOf(dump, 'outbox'));
    expect((await db.getAll('outbox'))[0]).toMatchObject({ attempts: 1 });
    expect(await db.getAll('projects')).toEqual(valuesOf(dump, 'projects'));
    // Tokens were never copied: no connection comes back looking connected without one.
    expect(await db.getAll('secrets')).toEqual([]);
    expect(await db.getAll('connections')).toEqual([]);
    expect(await takeDataLoss(db)).toEqual({ at: expect.any(Number), detail: '', restored: { entries: 2, writeBacks: 1, timer: true, projects: 1, reconnect: ['github.com'], cut: 0 } });
    expect(await stored()).toBeUndefined();

    // Run again over the restored database: nothing doubled, nothing noted again.
    const again = await restoreRescueCopy(db, store.writes[0]!, T0);
    expect(again).toMatchObject({ entries: 0, writeBacks: 0, timer: false, projects: 0 });
    expect(await db.getAll('entries')).toEqual(valuesOf(dump, 'entries'));
    expect(await db.getAll('outbox')).toEqual(valuesOf(dump, 'outbox'));
    expect(await takeDataLoss(db)).toBeNull();
  });

  it('keeps what changed since: an entry newer in the database is not overwritten by the copy', async () => {
    const store = watchedStore();
    await copyThenLose(4, store);
    const copy = store.writes[0]!;
    const db = await database(); // no rescue store set: the database comes up empty
    const running = copy.entries.find((e) => e.end === null)!;
    const stopped: TimeEntry = { ...running, end: running.start + 60_000, updatedAt: running.updatedAt + 60_000 };
    await db.put('entries', stopped);
    await restoreRescueCopy(db, copy, T0);
    expect(await db.get('entries', running.id)).toEqual(stopped);
    expect(await db.count('entries')).toBe(copy.entries.length);
  });

  it('is restored at the next open when a restore was cut short, and a stale copy is cleared', async () => {
    const store = watchedStore();
    await copyThenLose(3, store);
    const copy = store.writes[0]!;
    await closeDatabase();
    // The worker died after marking the restore and before its transaction: the database is already current.
    await (await database()).clear('meta');
    await closeDatabase();
    await rescueStore.write({ ...copy, restoring: true });
    keepRescueCopiesIn(store);
    const restored = await database();
    expect(await restored.count('entries')).toBe(copy.entries.length);
    expect(await takeDataLoss(restored)).toMatchObject({ restored: { writeBacks: 1 } });
    expect(await stored()).toBeUndefined();
    await closeDatabase();
    // A copy left by an upgrade that went through (the worker died before clearing it) is only cleared.
    await rescueStore.write(copy);
    const db = await database();
    expect(await stored()).toBeUndefined();
    expect(await takeDataLoss(db)).toBeNull();
  });

  it('counts a reset the browser reports while Stint looks, and restores into the fresh database', async () => {
    const store = watchedStore();
    await copyThenLose(3, store);
    // Chrome still lists the damaged database at its old version; the look's open then finds it needing an upgrade
    // from 0 (here: gone; in Chrome: reset) and aborts that upgrade.
    const listed = indexedDB.databases.bind(indexedDB);
    indexedDB.databases = () => Promise.resolve([{ name: DB_NAME, version: 3 }]);
    const proto = globalThis.IDBVersionChangeEvent.prototype as object;
    Object.defineProperty(proto, 'dataLoss', { configurable: true, get: () => 'total' });
    Object.defineProperty(proto, 'dataLossMessage', { configurable: true, get: () => 'IndexedDB (database was corrupt): checksum mismatch' });
    try {
      const seen = await rescueBeforeUpgrade(store, T0);
      indexedDB.databases = listed;
      expect(seen.outcome).toBe('none');
      expect(seen.reset).not.toBeNull();
      expect(await indexedDB.databases()).toEqual([]);
      expect(store.writes).toHaveLength(1); // the copy of the intact database is the one kept
      keepRescueCopiesIn(store);
      const db = await database();
      expect(await takeDataLoss(db)).toMatchObject({ detail: 'IndexedDB (database was corrupt): checksum mismatch', restored: { writeBacks: 1, timer: true } });
    } finally {
      delete (proto as { dataLoss?: unknown }).dataLoss;
      delete (proto as { dataLossMessage?: unknown }).dataLossMessage;
    }
  });
});

describe('the rescue copy’s bounds', () => {
  afterEach(async () => {
    await closeDatabase();
    keepRescueCopiesIn(null);
  });

  /** The v4 fixture plus `extra` local-only finished entries, one a minute before the fixture's first. */
  async function withLocalEntries(extra: number): Promise<DbDump> {
    const dump = fixture(4);
    const base = valuesOf(dump, 'entries')[0] as TimeEntry;
    const added = Array.from({ length: extra }, (_, n): TimeEntry => {
      const start = base.start - (n + 1) * 60_000;
      return { ...base, id: `0ld00000-0000-4000-8000-${String(n).padStart(12, '0')}`, start, end: start + 30_000, updatedAt: start + 30_000 };
    });
    dump.stores.entries!.records.push(...added.map((value) => ({ key: value.id, value })));
    await restoreDatabase(DB_NAME, dump);
    return dump;
  }

  it('keeps the outbox’s entries and the timer, then the newest local entries under the cap, and says how many were cut', async () => {
    const dump = await withLocalEntries(400);
    const store = watchedStore();
    expect((await rescueBeforeUpgrade(store, T0, 40_000)).outcome).toBe('cut');
    const copy = store.writes[0]!;
    expect(JSON.stringify(copy).length).toBeLessThanOrEqual(40_000);
    expect(copy.entries.map((e) => e.id)).toEqual(expect.arrayContaining(['5f0c1a52-0000-4000-8000-000000000002', '5f0c1a52-0000-4000-8000-000000000003']));
    const isLocalDone = (e: TimeEntry) => e.sync === 'local' && e.end !== null;
    const kept = copy.entries.filter(isLocalDone);
    const allLocal = (valuesOf(dump, 'entries') as TimeEntry[]).filter(isLocalDone);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length + copy.cut).toBe(allLocal.length);
    // The newest were kept.
    const newestFirst = allLocal.map((e) => e.start).sort((a, b) => b - a);
    expect(kept.map((e) => e.start).sort((a, b) => b - a)).toEqual(newestFirst.slice(0, kept.length));
  });

  it('when storage is full keeps only what the outbox and the timer need; when even that fails, the upgrade still runs', async () => {
    const dump = await withLocalEntries(50);
    const essentialOnly = watchedStore((copy) => copy.entries.length > 3);
    expect((await rescueBeforeUpgrade(essentialOnly, T0)).outcome).toBe('essential');
    const copy = essentialOnly.writes[0]!;
    expect(copy.entries.map((e) => e.id).sort()).toEqual(['5f0c1a52-0000-4000-8000-000000000002', '5f0c1a52-0000-4000-8000-000000000003']);
    expect(copy.cut).toBe(52);
    expect(copy.outbox).toEqual(valuesOf(dump, 'outbox'));

    await rescueStore.clear();
    const full = watchedStore(() => true);
    expect((await rescueBeforeUpgrade(full, T0)).outcome).toBe('failed');
    keepRescueCopiesIn(full);
    const db = await database();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('entries')).toBe(dump.stores.entries!.records.length);
    expect(await stored()).toBeUndefined();
  });
});
