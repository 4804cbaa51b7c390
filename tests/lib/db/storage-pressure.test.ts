import { readFileSync } from 'node:fs';
import { unwrap, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { database } from '../../../lib/db/open';
import { storageErrorText } from '../../../lib/services/failure-text';
import { DB_NAME, DB_VERSION, type StintDb } from '../../../lib/db/schema';
import { dispatch, type Caller } from '../../../lib/messaging/server';
import { startTimerFor, stopRunningTimer, timerState, type Clock } from '../../../lib/services/timer';
import { dumpDatabase, restoreDatabase, type DbDump } from './schema-dump';

/**
 * Storage under pressure: the disk is full when an entry is written, or an older Stint holds the database open while
 * this one must upgrade it. The person gets a message they can act on (through the real background dispatch, as the
 * popup would), and nothing is lost: the running timer keeps running, every existing record stays as it was.
 */
const T0 = Date.UTC(2026, 10, 26, 9);
const GH = 'github:github.com/acme/checkout-web#3';
const JIRA = 'jira:acme.atlassian.net/PAY-10';
const popup: Caller = { kind: 'extension', url: new URL('chrome-extension://stint-id/popup.html') };

/** The browser refuses writes to `store` the way Chrome does when the origin's quota is used up. */
function fillDisk(store: string): () => void {
  const proto = globalThis.IDBObjectStore.prototype as unknown as { put: (...args: unknown[]) => unknown; name: string; transaction: { _execRequestAsync(r: { operation: () => never; source: unknown }): unknown } };
  const put = proto.put;
  proto.put = function (this: typeof proto, ...args: unknown[]) {
    if (this.name !== store) return put.apply(this, args);
    return this.transaction._execRequestAsync({
      operation: () => {
        throw new DOMException('', 'QuotaExceededError');
      },
      source: this,
    });
  };
  return () => {
    proto.put = put;
  };
}

function clockAt(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  let id = 0;
  return { now: () => now, newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`, advance: (ms) => (now += ms) };
}

function handlersWith(clock: Clock) {
  return createHandlers({
    clock,
    connections: { whoAmI: () => Promise.reject(new Error('offline')), hasHostPermission: () => Promise.resolve(false), registerContentScript: () => Promise.resolve(), unregisterContentScript: () => Promise.resolve(), removeHostPermission: () => Promise.resolve() },
    sync: { syncAll: () => Promise.resolve(), kickOutbox: () => Promise.resolve(), visited: () => Promise.resolve() },
    afterTimerChange: () => Promise.resolve(),
  });
}

const everything = async (db: IDBPDatabase<StintDb>) => (await dumpDatabase(unwrap(db))).stores;

describe('a full disk', () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  it('stopping the timer: the person reads what to do, the timer keeps running, and no record changes', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await db.put('items', { key: GH, provider: 'github', kind: 'issue', url: 'https://github.com/acme/checkout-web/issues/3', title: 'Payment sheet', updatedAt: T0 });
    await startTimerFor(db, clock, JIRA);
    clock.advance(20 * 60_000);
    await stopRunningTimer(db, clock);
    await startTimerFor(db, clock, GH);
    clock.advance(45 * 60_000);
    const before = await everything(db);

    restore = fillDisk('entries');
    const reply = await dispatch(handlersWith(clock), { type: 'timer.stop', payload: {} }, popup, storageErrorText);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/storage for Stint is full.*Nothing was changed.*free some disk space/s) as string });
    expect(await everything(db)).toEqual(before);
    expect((await timerState(db)).running).toMatchObject({ itemKey: GH, start: T0 + 20 * 60_000 });

    // Space again: the same stop now works, with the time counted to the moment of stopping.
    restore();
    clock.advance(60_000);
    expect(await dispatch(handlersWith(clock), { type: 'timer.stop', payload: {} }, popup, storageErrorText)).toMatchObject({ ok: true, data: { running: null } });
    expect((await db.getAll('entries')).map((e) => [e.itemKey, (e.end! - e.start) / 60_000])).toEqual([
      [JIRA, 20],
      [GH, 46],
    ]);
  });

  it('switching timers: the first keeps running, no second one appears, and the rollups are untouched', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await db.put('items', { key: JIRA, provider: 'jira', kind: 'issue', url: 'https://acme.atlassian.net/browse/PAY-10', title: 'Refunds', updatedAt: T0 });
    await startTimerFor(db, clock, GH);
    clock.advance(10 * 60_000);
    const before = await everything(db);
    restore = fillDisk('entries');
    const reply = await dispatch(handlersWith(clock), { type: 'timer.start', payload: { itemKey: JIRA } }, popup, storageErrorText);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/storage for Stint is full/);
    expect(await everything(db)).toEqual(before);
    expect((await timerState(db)).running?.itemKey).toBe(GH);
  });

  it('a full disk while a rollup row is written fails the entry write with it: entries and sums never disagree', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await startTimerFor(db, clock, GH);
    clock.advance(5 * 60_000);
    const { keepRollupsCurrent } = await import('../../../lib/services/rollups');
    await keepRollupsCurrent(db, 'UTC');
    const before = await everything(db);
    restore = fillDisk('rollups');
    await expect(stopRunningTimer(db, clock)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await everything(db)).toEqual(before);
  });
});

describe('an upgrade blocked by an older Stint holding the database', () => {
  const v4 = JSON.parse(readFileSync('tests/fixtures/db/v4.json', 'utf8')) as DbDump;
  let old: IDBDatabase | null = null;
  beforeEach(async () => {
    await restoreDatabase(DB_NAME, v4);
    // The older version's connection, which (unlike Stint's own) does not step aside when asked.
    old = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, v4.version);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
  });
  afterEach(() => old?.close());

  it('answers with what to do instead of hanging, then upgrades with every record once the old one lets go', async () => {
    const clock = clockAt(T0);
    const reply = await dispatch(handlersWith(clock), { type: 'timer.state', payload: {} }, popup, storageErrorText);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/older Stint.*Close.*restart.*Nothing is lost/is) as string });
    // Later requests are told the same while it lasts.
    await expect(database()).rejects.toThrow(/older Stint/);

    old!.close();
    old = null;
    // The upgrade goes on by itself once the old connection is gone; a person's next try finds it done.
    const db = await vi.waitFor(() => database());
    expect(db.version).toBe(DB_VERSION);
    const after = await dumpDatabase(unwrap(db));
    for (const [store, { records }] of Object.entries(v4.stores)) expect(after.stores[store]?.records, store).toEqual(records);
    expect(await dispatch(handlersWith(clock), { type: 'timer.state', payload: {} }, popup, storageErrorText)).toMatchObject({ ok: true });
  });
});

describe('storage errors as people read them', () => {
  it('names a full disk, a broken or closed database, and leaves other errors to their own message', () => {
    expect(storageErrorText(new DOMException('', 'QuotaExceededError'))).toMatch(/full/);
    expect(storageErrorText(new DOMException('Internal error opening backing store', 'UnknownError'))).toMatch(/could not read or write its data/);
    expect(storageErrorText(new DOMException('The database connection is closing.', 'InvalidStateError'))).toMatch(/try again/);
    expect(storageErrorText(new Error('That entry no longer exists'))).toBeNull();
    expect(storageErrorText('nonsense')).toBeNull();
  });
});
