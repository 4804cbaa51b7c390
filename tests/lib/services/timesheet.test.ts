import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import type { TimeEntry } from '../../../lib/core/entry';
import { database } from '../../../lib/db/open';
import { completeOp } from '../../../lib/services/sync/outbox';
import { itemTimerState, startTimerFor, type Clock } from '../../../lib/services/timer';
import {
  addManualEntry,
  deleteTimesheetEntry,
  editTimesheetEntry,
  moveTimesheetEntry,
  restoreTimesheetEntry,
  splitTimesheetEntry,
  timesheetWeek,
} from '../../../lib/services/timesheet';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 23, 8); // Monday 08:00 UTC
const NOW = T0 + 4 * 24 * HOUR; // Friday
const JIRA_A = 'jira:acme.atlassian.net/PAY-10';
const JIRA_B = 'jira:acme.atlassian.net/PAY-11';
const GH = 'github:github.com/acme/checkout-web#3';
const context = { timeZone: 'UTC', locale: 'en-GB', week: STANDARD_WORK_WEEK };
const week = { from: Date.UTC(2026, 10, 23), to: Date.UTC(2026, 10, 30) };

function clockAt(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  let id = 0;
  return { now: () => now, newId: () => `new-${++id}`, advance: (ms) => (now += ms) };
}

async function writeBackOn(project = 'jira:acme.atlassian.net/PAY') {
  const db = await database();
  await db.put('projects', { key: project, provider: 'jira', host: 'acme.atlassian.net', project: 'PAY', writeBack: true, addedAt: 0 });
}

/** An entry of the person's that the outbox already wrote to Jira (worklog 77). */
async function writtenBack(id: string, start: number, minutes: number, itemKey = JIRA_A): Promise<TimeEntry> {
  const db = await database();
  const entry: TimeEntry = { id, itemKey, start, end: start + minutes * 60_000, note: '', billable: true, author: 'me', origin: 'local', remote: { jira: { id: '77', version: null } }, sync: 'synced', updatedAt: 0, deletedAt: null };
  await db.put('entries', entry);
  return entry;
}

const ops = async () => (await (await database()).getAll('outbox')).map((op) => ({ entryId: op.entryId, kind: op.kind, itemKey: op.itemKey }));

describe('timesheet service (IndexedDB)', () => {
  it('adds an entry from a pasted address, remembering the unknown item, with a duration in words', async () => {
    const db = await database();
    const clock = clockAt(NOW);
    const id = await addManualEntry(db, clock, { item: { url: 'https://acme.atlassian.net/browse/PAY-10?focusedCommentId=3' }, start: T0, duration: '1h 30m', note: 'review' }, context);
    expect(await db.get('entries', id)).toMatchObject({ itemKey: JIRA_A, start: T0, end: T0 + 1.5 * HOUR, note: 'review', billable: true, author: 'me', sync: 'local' });
    expect(await db.get('items', JIRA_A)).toMatchObject({ provider: 'jira', url: 'https://acme.atlassian.net/browse/PAY-10?focusedCommentId=3', title: null });
    expect((await itemTimerState(db, JIRA_A)).trackedSeconds).toBe(5400);
    // A picked item, by key, with an end time.
    const second = await addManualEntry(db, clock, { item: { itemKey: JIRA_A }, start: T0 + 2 * HOUR, end: T0 + 3 * HOUR, billable: false }, context);
    expect(await db.get('entries', second)).toMatchObject({ end: T0 + 3 * HOUR, billable: false });
  });

  it('refuses with sentences a person can act on: unknown address, overlap, no end, bad duration, the future', async () => {
    const db = await database();
    const clock = clockAt(NOW);
    await expect(addManualEntry(db, clock, { item: { url: 'https://example.com/some/page' }, start: T0, duration: '1h' }, context)).rejects.toThrow(/does not recognise example\.com\/some\/page as an issue/);
    await expect(addManualEntry(db, clock, { item: { url: 'not a link' }, start: T0, duration: '1h' }, context)).rejects.toThrow(/not a web address/);
    await expect(addManualEntry(db, clock, { item: { itemKey: GH }, start: T0, duration: '1h' }, context)).rejects.toThrow(/does not know that item: paste its address/);
    await addManualEntry(db, clock, { item: { url: 'https://github.com/acme/checkout-web/issues/3' }, start: T0, duration: '1h' }, context);
    await expect(addManualEntry(db, clock, { item: { itemKey: GH }, start: T0 + 30 * 60_000, duration: '1h' }, context)).rejects.toThrow(/overlaps another of your entries \(Mon 23 Nov, 08:00–Mon 23 Nov, 09:00\)/);
    await expect(addManualEntry(db, clock, { item: { itemKey: GH }, start: T0 + 2 * HOUR }, context)).rejects.toThrow(/end time or a duration/);
    await expect(addManualEntry(db, clock, { item: { itemKey: GH }, start: T0 + 2 * HOUR, duration: 'lots' }, context)).rejects.toThrow(/“lots” is not a duration: write it like 1h 30m/);
    await expect(addManualEntry(db, clock, { item: { itemKey: GH }, start: NOW - 10 * 60_000, duration: '1h' }, context)).rejects.toThrow(/would end in the future/);
    // Back to back is fine: half-open spans.
    await addManualEntry(db, clock, { item: { itemKey: GH }, start: T0 + HOUR, duration: '15m' }, context);
    expect((await timesheetWeek(db, week, 'me', NOW)).entries).toHaveLength(2);
  });

  it('reads the week: own entries, or a teammate’s (read-only), an entry from the night before reaching in, and who has time', async () => {
    const db = await database();
    const clock = clockAt(NOW);
    await addManualEntry(db, clock, { item: { url: 'https://acme.atlassian.net/browse/PAY-10' }, start: week.from - HOUR, duration: '2h' }, context);
    await db.put('entries', { id: 'ben-1', itemKey: JIRA_A, start: T0, end: T0 + HOUR, note: '', billable: true, author: 'acc-ben', origin: 'jira', remote: { jira: { id: '5', version: null } }, sync: 'synced', updatedAt: 0, deletedAt: null });
    await db.put('entries', { id: 'old', itemKey: JIRA_A, start: week.from - 3 * 24 * HOUR, end: week.from - 3 * 24 * HOUR + HOUR, note: '', billable: true, author: 'me', origin: 'local', remote: {}, sync: 'local', updatedAt: 0, deletedAt: null });
    const mine = await timesheetWeek(db, week, 'me', NOW);
    expect(mine.entries.map((e) => [e.start, e.mine])).toEqual([[week.from - HOUR, true]]);
    expect(mine.people).toEqual(['me', 'acc-ben']);
    expect(mine.items).toEqual([{ key: JIRA_A, title: null, url: 'https://acme.atlassian.net/browse/PAY-10' }]);
    const ben = await timesheetWeek(db, week, { author: 'acc-ben' }, NOW);
    expect(ben.entries.map((e) => [e.id, e.mine, e.writtenTo])).toEqual([['ben-1', false, ['jira']]]);
    expect((await timesheetWeek(db, week, 'everyone', NOW)).entries).toHaveLength(2);
    await expect(editTimesheetEntry(db, clock, 'ben-1', { note: 'mine now' }, context)).rejects.toThrow(/teammate’s entry, read back from Jira: only they can change it/);
    await expect(deleteTimesheetEntry(db, clock, 'ben-1')).rejects.toThrow(/teammate’s entry/);
    expect(await db.get('entries', 'ben-1')).toMatchObject({ note: '', deletedAt: null });
  });

  it('edits a written-back entry: new end from a duration, the note; one push waits in the outbox', async () => {
    const db = await database();
    await writeBackOn();
    await writtenBack('e1', T0, 60);
    await editTimesheetEntry(db, clockAt(NOW), 'e1', { duration: '45m', note: 'shorter' }, context);
    expect(await db.get('entries', 'e1')).toMatchObject({ end: T0 + 45 * 60_000, note: 'shorter', sync: 'pending', remote: { jira: { id: '77' } } });
    expect(await ops()).toEqual([{ entryId: 'e1', kind: 'push', itemKey: JIRA_A }]);
    expect((await itemTimerState(db, JIRA_A)).trackedSeconds).toBe(2700);
  });

  it('splits in one write: the entry shortened, the rest a new entry never written; both pushed; the sum unchanged', async () => {
    const db = await database();
    await writeBackOn();
    await writtenBack('e1', T0, 90);
    const clock = clockAt(NOW);
    const rest = await splitTimesheetEntry(db, clock, 'e1', T0 + HOUR, context);
    expect(await db.get('entries', 'e1')).toMatchObject({ end: T0 + HOUR, remote: { jira: { id: '77' } } });
    expect(await db.get('entries', rest)).toMatchObject({ itemKey: JIRA_A, start: T0 + HOUR, end: T0 + 90 * 60_000, remote: {}, sync: 'pending' });
    expect((await ops()).sort((a, b) => a.entryId.localeCompare(b.entryId))).toEqual([{ entryId: 'e1', kind: 'push', itemKey: JIRA_A }, { entryId: rest, kind: 'push', itemKey: JIRA_A }]);
    expect((await itemTimerState(db, JIRA_A)).trackedSeconds).toBe(5400);
    await expect(splitTimesheetEntry(db, clock, 'e1', T0 + 2 * HOUR, context)).rejects.toThrow(/Split at a moment inside the entry, between Mon 23 Nov, 08:00 and Mon 23 Nov, 09:00/);
    await startTimerFor(db, clock, GH);
    const running = (await timesheetWeek(db, week, 'me', NOW)).entries.find((e) => e.end === null)!;
    await expect(splitTimesheetEntry(db, clock, running.id, NOW, context)).rejects.toThrow(/still running: stop the timer before you split it/);
  });

  it('moves a written-back entry: its record on the old item is deleted and a new one made on the new item', async () => {
    const db = await database();
    await writeBackOn();
    await writtenBack('e1', T0, 60);
    const clock = clockAt(NOW);
    const id = await moveTimesheetEntry(db, clock, 'e1', { url: 'https://acme.atlassian.net/browse/PAY-11' });
    expect(id).not.toBe('e1');
    expect(await db.get('entries', 'e1')).toMatchObject({ itemKey: JIRA_A, deletedAt: NOW, remote: { jira: { id: '77' } } });
    expect(await db.get('entries', id)).toMatchObject({ itemKey: JIRA_B, start: T0, end: T0 + HOUR, remote: {}, deletedAt: null });
    expect((await ops()).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([{ entryId: 'e1', kind: 'delete', itemKey: JIRA_A }, { entryId: id, kind: 'push', itemKey: JIRA_B }]);
    expect((await itemTimerState(db, JIRA_A)).trackedSeconds).toBe(0);
    expect((await itemTimerState(db, JIRA_B)).trackedSeconds).toBe(3600);
  });

  it('moves an entry that never left Stint in place', async () => {
    const db = await database();
    const clock = clockAt(NOW);
    const id = await addManualEntry(db, clock, { item: { url: 'https://github.com/acme/checkout-web/issues/3' }, start: T0, duration: '1h' }, context);
    expect(await moveTimesheetEntry(db, clock, id, { url: 'https://acme.atlassian.net/browse/PAY-11' })).toBe(id);
    expect(await db.get('entries', id)).toMatchObject({ itemKey: JIRA_B, deletedAt: null });
    expect(await ops()).toEqual([]);
  });

  it('undo after the record was removed: the entry returns without it, and one push makes one new record', async () => {
    const db = await database();
    await writeBackOn();
    await writtenBack('e1', T0, 60);
    const clock = clockAt(NOW);
    await deleteTimesheetEntry(db, clock, 'e1');
    const [op] = await db.getAll('outbox');
    expect(op).toMatchObject({ kind: 'delete' });
    await completeOp(db, op!, null); // the provider's record is gone
    expect(await ops()).toEqual([]);
    await restoreTimesheetEntry(db, clock, 'e1', context);
    expect(await db.get('entries', 'e1')).toMatchObject({ deletedAt: null, remote: {}, sync: 'pending' });
    expect(await ops()).toEqual([{ entryId: 'e1', kind: 'push', itemKey: JIRA_A }]);
    expect((await itemTimerState(db, JIRA_A)).trackedSeconds).toBe(3600);
  });

  it('undo before the outbox ran: the waiting delete becomes a push of the still-known record', async () => {
    const db = await database();
    await writeBackOn();
    await writtenBack('e1', T0, 60);
    const clock = clockAt(NOW);
    await deleteTimesheetEntry(db, clock, 'e1');
    await restoreTimesheetEntry(db, clock, 'e1', context);
    expect(await db.get('entries', 'e1')).toMatchObject({ deletedAt: null, remote: { jira: { id: '77' } } });
    expect(await ops()).toEqual([{ entryId: 'e1', kind: 'push', itemKey: JIRA_A }]);
  });

  it('refuses an undo whose time another entry took meanwhile, and deleting a running entry', async () => {
    const db = await database();
    const clock = clockAt(NOW);
    const id = await addManualEntry(db, clock, { item: { url: 'https://github.com/acme/checkout-web/issues/3' }, start: T0, duration: '1h' }, context);
    await deleteTimesheetEntry(db, clock, id);
    await addManualEntry(db, clock, { item: { itemKey: GH }, start: T0 + 30 * 60_000, duration: '1h' }, context);
    await expect(restoreTimesheetEntry(db, clock, id, context)).rejects.toThrow(/It cannot come back: that overlaps another of your entries/);
    expect(await db.get('entries', id)).toMatchObject({ deletedAt: NOW });
    await startTimerFor(db, clock, GH);
    const running = (await timesheetWeek(db, week, 'me', NOW)).entries.find((e) => e.end === null)!;
    await expect(deleteTimesheetEntry(db, clock, running.id)).rejects.toThrow(/still running: discard the timer instead/);
  });
});
