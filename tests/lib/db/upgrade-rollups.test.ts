import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../lib/core/entry';
import { foldRollups, rowKey } from '../../../lib/core/rollup';
import type { WorkItem } from '../../../lib/core/work-item';
import { database } from '../../../lib/db/open';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';
import { containerItems } from '../../../lib/services/budgets';
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
const itemsOf = (d: DbDump) => (d.stores.items?.records ?? []).map((r) => r.value as WorkItem);
const sorted = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
/**
 * The current fixture's rows, in today's layout: they were written with rollup version 1, which kept an item's days as
 * `item-day|<item>|<day>` (version 2 kept them as `project-day-item|<project>|<day>|<item>`); version 3 keeps them as
 * version 1 did, and container rows, which these entries have none of (their items are in no container).
 */
const currentRows = () => (current.stores.rollups?.records ?? []).map((r) => r.value as { key: string; seconds: number; entries: number });

describe('rollups after an upgrade', () => {
  for (let version = 1; version < DB_VERSION; version++) {
    it(`a version ${version} database gets its rollups built from its entries, as version ${DB_VERSION} keeps them`, async () => {
      const old = dump(version);
      await restoreDatabase(DB_NAME, old);
      const db = await database();
      // No rollups before version 5; a version 5 store keeps its rows (built with an older layout) until the rebuild.
      expect(await db.count('rollups')).toBe(old.stores.rollups?.records.length ?? 0);
      expect(await keepRollupsCurrent(db, ZONE)).toBe(true);
      const rows = sorted(await db.getAll('rollups'));
      expect(rows).toEqual(sorted([...foldRollups(entriesOf(old), ZONE, itemsOf(old)).values()]));
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
      expect(sorted(await db.getAll('rollups'))).toEqual(sorted([...foldRollups(await db.getAll('entries'), ZONE, await db.getAll('items')).values()]));
    });
  }

  it(`a version ${DB_VERSION} database rebuilds its version 1 rollups once, in today's layout with the same sums`, async () => {
    await restoreDatabase(DB_NAME, current);
    const db = await database();
    expect(await keepRollupsCurrent(db, ZONE)).toBe(true);
    expect(sorted(await db.getAll('rollups'))).toEqual(sorted([...foldRollups(entriesOf(current), ZONE, itemsOf(current)).values()]));
    expect(sorted(await db.getAll('rollups'))).toEqual(sorted(currentRows()));
    expect(await keepRollupsCurrent(db, ZONE)).toBe(false);
  });

  it('a version 5 database becomes version 6 with every item found by its sprint, and its time counted in the sprint', async () => {
    const v5 = dump(5);
    await restoreDatabase(DB_NAME, v5);
    const db = await database();
    expect(db.version).toBe(6);
    expect(await db.getAll('items')).toEqual(itemsOf(v5)); // data intact
    const sprint = 'jira:acme.atlassian.net/PAY#sprint:4';
    // The new index answers the sprint's own items (PAY-42 is the fixture's only item in a container).
    expect((await containerItems(db, sprint)).map((i) => i.key)).toEqual(['jira:acme.atlassian.net/PAY-42']);
    expect(await keepRollupsCurrent(db, ZONE)).toBe(true);
    const at = Date.UTC(2026, 10, 26, 9);
    const clock = { now: () => at, newId: () => '00000000-0000-4000-8000-000000000042' };
    await startTimerFor(db, clock, 'jira:acme.atlassian.net/PAY-42');
    await stopRunningTimer(db, { ...clock, now: () => at + 30 * 60_000 });
    expect(await db.get('rollups', rowKey('container', sprint))).toEqual({ key: rowKey('container', sprint), seconds: 1800, entries: 1 });
    expect(sorted(await db.getAll('rollups'))).toEqual(sorted([...foldRollups(await db.getAll('entries'), ZONE, await db.getAll('items')).values()]));
  });
});
