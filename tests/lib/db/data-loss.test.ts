import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { noteDataLoss } from '../../../lib/db/data-loss';
import { takeDataLoss } from '../../../lib/services/data-loss';
import { closeDatabase, database } from '../../../lib/db/open';
import { DB_VERSION, type StintDb } from '../../../lib/db/schema';
import { upgrade } from '../../../lib/db/upgrade';

/**
 * Chromium resets a damaged database and says so only on the upgrade event (`dataLoss: 'total'`). Stint keeps that
 * until the background has told the person, once.
 */
const T0 = Date.UTC(2026, 10, 26, 9);

async function openWith(event: object, name: string) {
  return openDB<StintDb>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => {
      upgrade(db, oldVersion, tx);
      noteDataLoss(tx, event as Event, T0);
    },
  });
}

describe('a database the browser reset', () => {
  afterEach(() => closeDatabase());

  it('is noted with the browser’s words and told once', async () => {
    const db = await openWith({ dataLoss: 'total', dataLossMessage: 'Corruption: block checksum mismatch' }, 'reset-total');
    expect(await takeDataLoss(db)).toEqual({ at: T0, detail: 'Corruption: block checksum mismatch' });
    expect(await takeDataLoss(db)).toBeNull();
    db.close();
  });

  it('is not noted when the browser lost nothing, or says nothing (other browsers)', async () => {
    for (const [name, event] of [['reset-none', { dataLoss: 'none', dataLossMessage: '' }], ['reset-silent', {}]] as const) {
      const db = await openWith(event, name);
      expect(await takeDataLoss(db)).toBeNull();
      db.close();
    }
  });

  it('is noted by the real open when the upgrade event says so', async () => {
    const proto = globalThis.IDBVersionChangeEvent.prototype as object;
    Object.defineProperty(proto, 'dataLoss', { configurable: true, get: () => 'total' });
    try {
      const db = await database();
      expect(await takeDataLoss(db)).toMatchObject({ detail: '' });
    } finally {
      delete (proto as { dataLoss?: unknown }).dataLoss;
    }
    await closeDatabase();
    expect(await takeDataLoss(await database())).toBeNull();
  });
});
