import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import type { TimeEntry } from '../../../lib/core/entry';
import { foldRollups } from '../../../lib/core/rollup';
import { closeDatabase, database } from '../../../lib/db/open';
import { ensureRollups, rebuildRollups } from '../../../lib/db/rollups';
import { applyImport, exportBackup, exportEntriesCsv, previewImport, type ImportContext } from '../../../lib/services/portability';
import { readSetting, SETTINGS } from '../../../lib/services/portability-settings';
import { enqueueEntryWrites } from '../../../lib/services/sync/outbox';
import { timerRulesSetting, DEFAULT_TIMER_RULES } from '../../../lib/settings/timer-rules';
import { workWeekSetting } from '../../../lib/settings/work-week';

const NOW = Date.parse('2026-11-26T15:00:00Z');
const GH_PROJECT = 'github:github.com/acme/checkout-web';
const GH = `${GH_PROJECT}#12`;
const GH_URL = 'https://github.com/acme/checkout-web/issues/12';
const JIRA = 'jira:acme.atlassian.net/PAY-7';
const ZONE = 'UTC';

const context: ImportContext = {
  now: NOW,
  timeZone: ZONE,
  match: { itemKeyOfUrl: (url) => (url === GH_URL ? GH : null), jiraProjects: [{ host: 'acme.atlassian.net', project: 'PAY' }] },
};

const entry = (id: string, over: Partial<TimeEntry> = {}): TimeEntry => ({
  id,
  itemKey: GH,
  start: Date.parse('2026-11-02T09:00:00Z'),
  end: Date.parse('2026-11-02T10:00:00Z'),
  note: '',
  billable: true,
  author: 'me',
  origin: 'local',
  remote: {},
  sync: 'local',
  updatedAt: NOW - 1000,
  deletedAt: null,
  ...over,
});

/** A store with something in every store a backup carries, rollups built, and settings changed from their defaults. */
async function seed() {
  const db = await database();
  await rebuildRollups(db, ZONE);
  await db.put('projects', { key: GH_PROJECT, provider: 'github', host: 'github.com', project: 'acme/checkout-web', writeBack: true, addedAt: 1 });
  await db.put('projects', { key: 'jira:acme.atlassian.net/PAY', provider: 'jira', host: 'acme.atlassian.net', project: 'PAY', writeBack: false, addedAt: 2 });
  await db.put('items', { key: GH, provider: 'github', kind: 'issue', url: GH_URL, title: 'Rounding', updatedAt: 5, state: 'open', labels: ['bug'], localEstimateSeconds: 7200 });
  await db.put('items', { key: JIRA, provider: 'jira', kind: 'issue', url: 'https://acme.atlassian.net/browse/PAY-7', title: 'Refunds', updatedAt: 6 });
  await db.put('containers', { key: `${GH_PROJECT}#milestone:3`, projectKey: GH_PROJECT, kind: 'milestone', id: '3', title: 'v2', startsAt: 1, dueAt: 2, state: 'active', completedAt: null });
  await db.put('budgets', { id: 'b1', scope: { kind: 'project', key: GH_PROJECT }, hours: 40, money: { amount: 340_000, currency: 'EUR' }, period: 'monthly', thresholds: [50, 80, 100] });
  await db.put('rates', { id: 'r1', person: null, projectKey: GH_PROJECT, perHour: 8500, currency: 'EUR' });
  await db.put('baselines', { containerKey: `${GH_PROJECT}#milestone:3`, takenAt: 1, itemKeys: [GH], estimateSeconds: 3600 });
  const tx = db.transaction(['entries', 'projects', 'outbox', 'rollups', 'meta', 'items'], 'readwrite');
  const { putEntries } = await import('../../../lib/db/entries');
  const entries = [
    entry('synced', { sync: 'synced', remote: { github: { id: 'c-1', version: '2026-11-02T10:00:00Z' } }, note: 'Fix, "again"' }),
    entry('teammate', { author: 'ben.okafor', origin: 'jira', itemKey: JIRA, sync: 'synced', remote: { jira: { id: '900', version: '3' } } }),
    entry('tombstone', { deletedAt: NOW - 500, start: Date.parse('2026-11-03T09:00:00Z'), end: Date.parse('2026-11-03T09:30:00Z') }),
    entry('waiting', { start: Date.parse('2026-11-04T09:00:00Z'), end: Date.parse('2026-11-04T11:00:00Z') }),
    entry('running', { start: NOW - 600_000, end: null }),
  ];
  await putEntries(tx, entries);
  await enqueueEntryWrites(tx, [entries[3]!], NOW - 900);
  await tx.done;
  await workWeekSetting.setValue({ hoursPerDay: 7, daysPerWeek: 4 });
  // As a browser holds it after its first save: the value and the version wxt recorded (the item's own record of
  // having done so outlives the storage resets between tests, so it is written here).
  await storage.setItem(timerRulesSetting.key, { ...DEFAULT_TIMER_RULES, longTimerHours: 10 });
  await storage.setMeta(timerRulesSetting.key, { v: 2 });
  return db;
}

/** Everything the acceptance compares: the stores, the rollups, the waiting writes, the settings with their versions. */
async function snapshot() {
  const db = await database();
  await ensureRollups(db, ZONE);
  const [entries, items, projects, containers, budgets, rates, baselines, rollups] = await Promise.all([
    db.getAll('entries'),
    db.getAll('items'),
    db.getAll('projects'),
    db.getAll('containers'),
    db.getAll('budgets'),
    db.getAll('rates'),
    db.getAll('baselines'),
    db.getAll('rollups'),
  ]);
  const outbox = (await db.getAll('outbox')).map((op) => [op.entryId, op.kind, op.state]);
  const settings = await Promise.all(SETTINGS.map(readSetting));
  return { entries, items, projects, containers, budgets, rates, baselines, rollups, outbox, settings };
}

async function wipe() {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
}

async function importText(text: string, writeBack = false) {
  const db = await database();
  const preview = await previewImport(db, { text, writeBack }, context);
  const result = await applyImport(db, { text, writeBack, token: preview.token }, context);
  return { preview, result };
}

describe('export and import (IndexedDB)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('round trip: export the backup, wipe, import → the identical store; import again → nothing changes', async () => {
    const db = await seed();
    const before = await snapshot();
    const file = JSON.stringify(await exportBackup(db, NOW));
    expect(file).not.toMatch(/token|secret/i);
    await wipe();
    await rebuildRollups(await database(), ZONE); // a fresh store builds its (empty) rollups on first use
    const { preview, result } = await importText(file);
    expect(preview).toMatchObject({ kind: 'backup', nothingToChange: false, rejectedCount: 0, counts: { entries: { new: 5, changed: 0, unchanged: 0 }, budgets: { new: 1 }, rates: { new: 1 }, items: { new: 2 }, projects: { new: 2 }, containers: { new: 1 }, baselines: { new: 1 } } });
    expect(preview.settings.filter((s) => s.outcome === 'changed').map((s) => s.name)).toEqual(['workWeek', 'timerRules']);
    expect(result.queued).toBe(1);
    expect(await snapshot()).toEqual(before);

    const again = await previewImport(await database(), { text: file, writeBack: false }, context);
    expect(again).toMatchObject({ nothingToChange: true, counts: { entries: { new: 0, changed: 0, unchanged: 5 }, budgets: { new: 0, changed: 0, unchanged: 1 } } });
    await applyImport(await database(), { text: file, writeBack: false, token: again.token }, context);
    expect(await snapshot()).toEqual(before);
  });

  it('restores into a store that never built its rollups, and they come out the same when built', async () => {
    const db = await seed();
    const before = await snapshot();
    const file = JSON.stringify(await exportBackup(db, NOW));
    await wipe();
    await importText(file);
    expect(await snapshot()).toEqual(before);
  });

  it('merges a backup by entry id: the newer edit wins either way', async () => {
    const db = await seed();
    const backup = await exportBackup(db, NOW);
    await db.put('entries', { ...(await db.get('entries', 'synced'))!, note: 'edited here later', updatedAt: NOW + 10 });
    await db.put('entries', { ...(await db.get('entries', 'teammate'))!, note: 'older here', updatedAt: 1 });
    const { preview } = await importText(JSON.stringify(backup));
    expect(preview.counts.entries).toEqual({ new: 0, changed: 1, unchanged: 4 });
    expect((await db.get('entries', 'synced'))!.note).toBe('edited here later');
    expect((await db.get('entries', 'teammate'))!.note).toBe('');
    const rollups = await snapshot();
    expect(new Map(rollups.rollups.map((r) => [r.key, r]))).toEqual(foldRollups(await db.getAll('entries'), ZONE));
  });

  it('a CSV with broken rows: a report of each, nothing written until applied, applied once, again changes nothing', async () => {
    const db = await database();
    await rebuildRollups(db, ZONE);
    const csv = [
      '\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (),Mood',
      `,,,,,Fix ${GH_URL},Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,,,`,
      ',,,,PAY-7,Call,No,2026-11-02,11:00:00,2026-11-02,11:30:00,00:30:00,,,',
      `,,,,,${GH_URL},No,yesterday,09:00:00,,,01:00:00,,,`,
      `,,,,,${GH_URL},No,2026-11-02,09:00:00,,,-00:30:00,,,`,
      ',,,,,Lunch,No,2026-11-02,12:00:00,,,00:30:00,,,',
    ].join('\r\n');
    const preview = await previewImport(db, { text: csv, writeBack: false }, context);
    expect(preview).toMatchObject({ kind: 'toggl', rejectedCount: 2, unmatchedCount: 1, unknownColumns: ['Mood'], counts: { entries: { new: 2 }, items: { new: 2 } }, nothingToChange: false });
    expect(preview.rejected.map((r) => [r.row, r.reason])).toEqual([
      [4, 'The start date “yesterday” is not a date.'],
      [5, 'The duration “-00:30:00” is negative.'],
    ]);
    // The person cancels: the preview wrote nothing.
    expect(await db.count('entries')).toBe(0);
    expect(await db.count('items')).toBe(0);

    await applyImport(db, { text: csv, writeBack: false, token: preview.token }, context);
    const entries = await db.getAll('entries');
    expect(entries.map((e) => [e.itemKey, e.note, e.sync, e.author])).toEqual(expect.arrayContaining([[GH, 'Fix', 'local', 'me'], [JIRA, 'Call', 'local', 'me']]));
    expect(await db.count('outbox')).toBe(0); // local unless asked
    expect((await db.get('items', JIRA))!.url).toBe('https://acme.atlassian.net/browse/PAY-7');
    expect(new Map((await db.getAll('rollups')).map((r) => [r.key, r]))).toEqual(foldRollups(entries, ZONE));

    const before = await snapshot();
    const again = await previewImport(db, { text: csv, writeBack: false }, context);
    expect(again).toMatchObject({ nothingToChange: true, counts: { entries: { new: 0, unchanged: 2 } } });
    await applyImport(db, { text: csv, writeBack: false, token: again.token }, context);
    expect(await snapshot()).toEqual(before);
  });

  it('queues imported CSV entries for their providers only when asked', async () => {
    const csv = ['User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()', `,,,,,${GH_URL},Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,,`].join('\n');
    const { result } = await importText(csv, true);
    expect(result.queued).toBe(1);
    const db = await database();
    const [op] = await db.getAll('outbox');
    expect(op).toMatchObject({ kind: 'push', provider: 'github', itemKey: GH, state: 'pending' });
    expect((await db.get('entries', op!.entryId))!.sync).toBe('pending');
  });

  it('leaves out rows that reach into the running timer, saying why', async () => {
    const db = await seed();
    const at = new Date(NOW - 300_000).toISOString();
    const csv = ['User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()', `,,,,,${GH_URL},Yes,${at.slice(0, 10)},${at.slice(11, 19)},,,00:01:00,,`].join('\n');
    const preview = await previewImport(db, { text: csv, writeBack: false }, context);
    expect(preview.rejected).toEqual([expect.objectContaining({ row: 2, reason: 'It reaches into the running timer’s time: stop the timer, then import again.' })]);
    expect(preview.nothingToChange).toBe(true);
  });

  it('refuses to apply a preview the store has moved on from, writing nothing', async () => {
    const db = await seed();
    const file = JSON.stringify(await exportBackup(db, NOW));
    await wipe();
    const fresh = await database();
    const preview = await previewImport(fresh, { text: file, writeBack: false }, context);
    await fresh.put('budgets', { id: 'b1', scope: { kind: 'project', key: GH_PROJECT }, hours: 1, money: null, period: 'total', thresholds: [] });
    await expect(applyImport(fresh, { text: file, writeBack: false, token: preview.token }, context)).rejects.toThrow('Stint’s data changed since this preview: look at the new summary, then apply again.');
    expect(await fresh.count('entries')).toBe(0);
    expect(await workWeekSetting.getValue()).toEqual({ hoursPerDay: 8, daysPerWeek: 5 });
  });

  it('a failure in the middle of applying leaves the store and the settings untouched', async () => {
    const db = await seed();
    const file = JSON.stringify(await exportBackup(db, NOW));
    await wipe();
    const fresh = await database();
    await fresh.put('rates', { id: 'kept', person: 'me', projectKey: null, perHour: 1, currency: 'USD' });
    const before = await snapshot();
    const preview = await previewImport(fresh, { text: file, writeBack: false }, context);
    // The disk fails on the sixth write of the transaction (after projects, items and containers went in).
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!.value as IDBObjectStore['put'];
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++writes === 6) throw new DOMException('The disk is full.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(applyImport(fresh, { text: file, writeBack: false, token: preview.token }, context)).rejects.toThrow('The disk is full.');
    vi.restoreAllMocks();
    expect(writes).toBeGreaterThanOrEqual(6);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a damaged or foreign backup with a reason, writing nothing', async () => {
    const db = await database();
    await expect(previewImport(db, { text: '{"format":"stint-backup","version":1}', writeBack: false }, context)).rejects.toThrow('The backup is damaged: exportedAt: missing. Nothing was imported.');
    await expect(previewImport(db, { text: '{"format":"stint-backup","version":7}', writeBack: false }, context)).rejects.toThrow('The backup is of version 7; this Stint reads version 1. Update Stint, then import it.');
    await expect(previewImport(db, { text: '{"hello":1}', writeBack: false }, context)).rejects.toThrow('not a Stint backup');
  });

  it('keeps settings of another version as they are, and says so', async () => {
    const db = await seed();
    const backup = await exportBackup(db, NOW);
    await wipe();
    const old = { ...backup, settings: { ...backup.settings, timerRules: { version: 1, value: { idle: { thresholdMinutes: 5, onReturn: 'ask' }, longTimerHours: 3, autoStopAt: null } } } };
    const { preview } = await importText(JSON.stringify(old));
    expect(preview.settings.find((s) => s.name === 'timerRules')).toEqual({ name: 'timerRules', outcome: 'skipped', reason: 'Saved by another version of Stint (shape v1, here v2); yours is kept.' });
    expect((await timerRulesSetting.getValue()).longTimerHours).toBe(8);
    expect(await workWeekSetting.getValue()).toEqual({ hoursPerDay: 7, daysPerWeek: 4 });
  });

  it('records each setting at the version its storage item declares', async () => {
    // A value stored at version 1 is migrated by wxt up to the item's declared version, and no further.
    for (const slot of SETTINGS) {
      await storage.setItem(slot.item.key, slot.item.fallback);
      await storage.setMeta(slot.item.key, { v: 1 });
      await slot.item.migrate();
      expect((await readSetting(slot)).version, slot.name).toBe(slot.version);
    }
    expect((await readSetting(SETTINGS[0]!)).version).toBe(1);
    await fakeBrowser.storage.local.clear();
    expect(await readSetting(SETTINGS[1]!)).toEqual({ version: 2, value: DEFAULT_TIMER_RULES });
  });

  it('exports a date range as Toggl CSV, everyone’s finished entries', async () => {
    const db = await seed();
    const { csv, entries } = await exportEntriesCsv(db, Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-04T00:00:00Z'), ZONE);
    expect(entries).toBe(2);
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      `,,github.com,acme/checkout-web,#12 Rounding,"Fix, ""again"" ${GH_URL}",Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,,`,
      'ben.okafor,,acme.atlassian.net,PAY,PAY-7 Refunds,https://acme.atlassian.net/browse/PAY-7,Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,,',
    ]);
  });

  it('answers any file with a summary or a readable refusal, never a crash (fuzz, 1,000 cases through the service)', async () => {
    const db = await seed();
    const backup = JSON.stringify(await exportBackup(db, NOW));
    const header = 'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()';
    const cell = fc.oneof(fc.constantFrom('', '2026-11-02', '09:00:00', '01:00:00', '-01:00:00', GH_URL, 'PAY-7', '"'), fc.string({ maxLength: 8 }));
    const csv = fc.array(fc.array(cell, { maxLength: 15 }).map((c) => c.join(',')), { maxLength: 5 }).map((lines) => [header, ...lines].join('\n'));
    const damaged = fc.tuple(fc.nat(backup.length - 1), fc.string({ maxLength: 6 })).map(([at, s]) => backup.slice(0, at) + s + backup.slice(at + s.length));
    await fc.assert(
      fc.asyncProperty(fc.oneof(csv, damaged, fc.string({ maxLength: 50 })), async (text) => {
        try {
          const summary = await previewImport(db, { text, writeBack: false }, context);
          expect(summary.token).toMatch(/^[0-9a-f]{16}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).constructor).toBe(Error); // ours, not a TypeError / RangeError from a bad path
          expect((error as Error).message).toMatch(/backup|report|file|column|JSON/i);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
