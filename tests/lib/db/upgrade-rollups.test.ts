import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../lib/core/entry';
import { foldRollups, rollupProjectOf } from '../../../lib/core/rollup';
import { database } from '../../../lib/db/open';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';
import { keepRollupsCurrent } from '../../../lib/services/rollups';
import { startTimerFor, stopRunningTimer } from '../../../lib/services/timer';
import { restoreDatabase, type DbDump } from './schema-dump';

/**
 * Every earlier schema version upgraded to the current one has its rollups built from its entries at the first
 * housekeeping (what the background runs at start), equal to the sums the current version's fixture holds for the same
 * entries, and kept right by the next entry write. (schema.test.ts proves every record survives the upgrade.)
 */
const ZONE = 'Europe/Madrid';
const dump = (version: number) => JSON.parse(readFileSync(`tests/fixtures/db/v${version}.json`, 'utf8')) as DbDump;
const current = dump(DB_VERSION);
const entriesOf = (d: DbDump) => (d.stores.entries?.records ?? []).map((r) => r.value as TimeEntry);
const sorted = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
/**
 * The version 5 fixture's rows, in today's layout: they were written with rollup version 1, which kept an item's days as
 * `item-day|<item>|<day>`; version 2 keeps the same sums as `project-day-item|<project>|<day>|<item>`.
 */
const currentRows = () =>
  (current.stores.rollups?.records ?? []).map((r) => {
    const row = r.value as { key: string; seconds: number; entries: number };
    const [kind, item, day] = row.key.split('|');
    return kind === 'item-day' ? { ...row, key: `project-day-item|${rollupProjectOf(item!)}|${day}|${item}` } : row;
  });

describe('rollups after an upgrade', () => {
  for (let version = 1; version < DB_VERSION; version++) {
    it(`a version ${version} database gets its rollups built from its entries, as version ${DB_VERSION} keeps them`, async () => {
      const old = dump(version);
      await restoreDatabase(DB_NAME, old);
      const db = await database();
      expect(await db.count('rollups')).toBe(0);
      expect(await keepRollupsCurrent(db, ZONE)).toBe(true);
      const rows = sorted(await db.getAll('rollups'));
      expect(rows).toEqual(sorted([...foldRollups(entriesOf(old), ZONE).values()]));
      expect(rows.length).toBeGreaterThan(0);
      // The fixtures share their entries: the sums are the ones a version 5 database holds for them.
      expect(entriesOf(old)).toEqual(entriesOf(current));
      expect(rows).toEqual(sorted(currentRows()));
      expect(await keepRollupsCurrent(db, ZONE)).toBe(false); // built once, not at every start

      // The next entry write keeps them equal to a full rebuild.
      const at = Date.UTC(2026, 10, 26, 9);
      const clock = { now: () => at, newId: () => '00000000-0000-4000-8000-000000000099' };
      await startTimerFor(db, clock, 'gitlab:gitlab.com/acme/platform/billing-service#5');
      await stopRunningTimer(db, { ...clock, now: () => at + 25 * 60_000 });
      expect(sorted(await db.getAll('rollups'))).toEqual(sorted([...foldRollups(await db.getAll('entries'), ZONE).values()]));
    });
  }

  it(`a version ${DB_VERSION} database rebuilds its version 1 rollups once, in today's layout with the same sums`, async () => {
    await restoreDatabase(DB_NAME, current);
    const db = await database();
    expect(await keepRollupsCurrent(db, ZONE)).toBe(true);
    expect(sorted(await db.getAll('rollups'))).toEqual(sorted([...foldRollups(entriesOf(current), ZONE).values()]));
    expect(sorted(await db.getAll('rollups'))).toEqual(sorted(currentRows()));
    expect(await keepRollupsCurrent(db, ZONE)).toBe(false);
  });
});
