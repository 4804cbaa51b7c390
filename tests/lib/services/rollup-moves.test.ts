import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { foldRollups, rowKey } from '../../../lib/core/rollup';
import type { WorkItem } from '../../../lib/core/work-item';
import { database } from '../../../lib/db/open';
import { rebuildRollups } from '../../../lib/db/rollups';
import { containerItems, scopeSpend } from '../../../lib/services/budgets';
import { applyImport, exportBackup, previewImport, type ImportContext } from '../../../lib/services/portability';
import { rememberItem, startTimerFor, stopRunningTimer, type Clock } from '../../../lib/services/timer';

/**
 * A milestone's time lives in its own rollup rows, so every way an item's container can change must move its
 * entries' time with it (the sync's is in the property test of rollups.test.ts): an import that brings the item in
 * another milestone, and never a page visit, which knows no container.
 */
const ZONE = 'UTC';
const NOW = Date.parse('2026-11-26T15:00:00Z');
const PROJECT = 'github:github.com/acme/checkout-web';
const KEY = `${PROJECT}#12`;
const URL = 'https://github.com/acme/checkout-web/issues/12';
const milestone = (id: string) => `${PROJECT}#milestone:${id}`;
const context: ImportContext = { now: NOW, timeZone: ZONE, match: { itemKeyOfUrl: (url) => (url === URL ? KEY : null), jiraProjects: [] } };
const planned = (id: string, updatedAt: number): WorkItem => ({
  key: KEY,
  provider: 'github',
  kind: 'issue',
  url: URL,
  title: 'Rounding',
  updatedAt,
  project: 'acme/checkout-web',
  state: 'open',
  container: { kind: 'milestone', id, title: `v${id}`, startsAt: null, dueAt: null },
});

/** Rollups built, the item in milestone 3 with 90 minutes of the person's time. */
async function seed() {
  const db = await database();
  await rebuildRollups(db, ZONE);
  await db.put('items', planned('3', 5));
  let now = Date.parse('2026-11-24T09:00:00Z');
  const clock: Clock = { now: () => now, newId: () => crypto.randomUUID() };
  for (const minutes of [60, 30]) {
    await startTimerFor(db, clock, KEY);
    now += minutes * 60_000;
    await stopRunningTimer(db, clock);
    now += 60 * 60_000;
  }
  return db;
}

const asRebuilt = async () => {
  const db = await database();
  return new Map(foldRollups(await db.getAll('entries'), ZONE, await db.getAll('items')));
};
const rows = async () => new Map((await (await database()).getAll('rollups')).map((row) => [row.key, row]));
const spent = async (id: string) => (await scopeSpend(await database(), { scope: { kind: 'container', key: milestone(id) }, period: 'total' }, '2026-11-26', STANDARD_WORK_WEEK)).seconds;

describe('an item’s time follows its container', () => {
  it('an imported backup that plans the item in another milestone moves its time there, in the same transaction', async () => {
    const db = await seed();
    expect(await spent('3')).toBe(90 * 60);
    const backup = await exportBackup(db, NOW);
    const file = JSON.stringify({ ...backup, items: backup.items.map((item) => (item.key === KEY ? planned('4', 50) : item)) });
    const preview = await previewImport(db, { text: file, writeBack: false }, context);
    expect(preview.counts.items).toMatchObject({ changed: 1 });
    await applyImport(db, { text: file, writeBack: false, token: preview.token }, context);

    expect(await spent('3')).toBe(0);
    expect(await spent('4')).toBe(90 * 60);
    expect(await db.get('rollups', rowKey('container', milestone('3')))).toBeUndefined();
    expect(await rows()).toEqual(await asRebuilt());
    expect((await containerItems(db, milestone('4'))).map((i) => i.key)).toEqual([KEY]);
    expect(await containerItems(db, milestone('3'))).toEqual([]);
  });

  it('a page visit (which knows no container, even when it says none) keeps the item where the sync planned it', async () => {
    const db = await seed();
    await rememberItem(db, { key: KEY, provider: 'github', kind: 'issue', url: URL, title: 'Rounding (renamed)', updatedAt: NOW, container: null });
    expect((await db.get('items', KEY))?.container?.id).toBe('3');
    expect((await db.get('items', KEY))?.title).toBe('Rounding (renamed)');
    expect(await spent('3')).toBe(90 * 60);
    expect(await rows()).toEqual(await asRebuilt());
  });
});
