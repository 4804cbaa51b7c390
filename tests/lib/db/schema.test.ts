import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { closeDatabase, database } from '../../../lib/db/open';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';
import { dumpDatabase, restoreDatabase, type DbDump } from './schema-dump';

/**
 * Every released schema version has a fixture (structure and sample records) in tests/fixtures/db/. Opening any of them
 * with the current code must upgrade it with all data intact; and the current code must create the current version's
 * structure exactly, so a released migration step is never edited by accident.
 */
const FIXTURES = [1, 2, 3, 4, 5, 6].map((version) => ({ version, dump: JSON.parse(readFileSync(`tests/fixtures/db/v${version}.json`, 'utf8')) as DbDump }));
const structure = (dump: DbDump) => Object.fromEntries(Object.entries(dump.stores).map(([name, s]) => [name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes: s.indexes }]));

describe('database schema', () => {
  afterEach(() => closeDatabase());

  it(`creates version ${DB_VERSION} exactly as its fixture records`, async () => {
    const db = await database();
    const current = FIXTURES.find((f) => f.version === DB_VERSION);
    expect(current, `add tests/fixtures/db/v${DB_VERSION}.json for the new version`).toBeDefined();
    expect(structure(await dumpDatabase(unwrap(db)))).toEqual(structure(current!.dump));
  });

  for (const { version, dump } of FIXTURES) {
    it(`upgrades a version ${version} database with every record intact`, async () => {
      await restoreDatabase(DB_NAME, dump);
      const db = await database();
      expect(db.version).toBe(DB_VERSION);
      const after = await dumpDatabase(unwrap(db));
      for (const [store, { records }] of Object.entries(dump.stores)) {
        expect(after.stores[store]?.records, store).toEqual(records);
      }
    });
  }
});
