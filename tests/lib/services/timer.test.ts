import { describe, expect, it } from 'vitest';
import { database } from '../../../lib/db/open';
import { discardRunningTimer, editTimeEntry, itemTimerState, ownEntriesBetween, startTimerFor, stopRunningTimer, timerState, toggleTimerFor, type Clock } from '../../../lib/services/timer';

const T0 = Date.UTC(2026, 10, 26, 9);
const GH = 'github:github.com/acme/checkout-web#3';
const JIRA = 'jira:acme.atlassian.net/PAY-10';

function clockAt(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  let id = 0;
  return { now: () => now, newId: () => `entry-${++id}`, advance: (ms) => (now += ms) };
}

describe('timer service (IndexedDB)', () => {
  it('finds the pull requests that close an item, with their own time, and keeps it out of the item’s total', async () => {
    const db = await database();
    const clock = clockAt(T0);
    const pr = 'github:github.com/acme/checkout-web#5';
    await db.put('items', { key: pr, provider: 'github', kind: 'pr', url: 'https://github.com/acme/checkout-web/pull/5', title: 'Keep the card', updatedAt: T0, state: 'merged', closes: [GH, 'github:github.com/acme/checkout-web#4'] });
    await db.put('items', { key: 'github:github.com/acme/checkout-web#6', provider: 'github', kind: 'pr', url: 'https://github.com/acme/checkout-web/pull/6', title: null, updatedAt: T0, closes: [] });
    await startTimerFor(db, clock, pr);
    clock.advance(40 * 60_000);
    await stopRunningTimer(db, clock);
    const state = await itemTimerState(db, GH);
    expect(state.trackedSeconds).toBe(0);
    expect(state.linked).toEqual([{ key: pr, url: 'https://github.com/acme/checkout-web/pull/5', title: 'Keep the card', state: 'merged', trackedSeconds: 2400 }]);
    expect((await itemTimerState(db, JIRA)).linked).toEqual([]);
  });

  it('persists a running timer as an entry without an end, and stops it with the exact duration', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await startTimerFor(db, clock, GH);
    expect((await timerState(db)).running).toMatchObject({ itemKey: GH, start: T0 });
    clock.advance(25 * 60_000);
    await stopRunningTimer(db, clock);
    expect((await timerState(db)).running).toBeNull();
    expect(await itemTimerState(db, GH)).toMatchObject({ trackedSeconds: 25 * 60 });
  });

  it('switching items stops the first timer where the second starts', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await startTimerFor(db, clock, GH);
    clock.advance(10 * 60_000);
    await toggleTimerFor(db, clock, JIRA);
    expect((await timerState(db)).running?.itemKey).toBe(JIRA);
    expect((await itemTimerState(db, GH)).trackedSeconds).toBe(600);
    clock.advance(60_000);
    await toggleTimerFor(db, clock, JIRA);
    expect((await timerState(db)).running).toBeNull();
    expect((await ownEntriesBetween(db, T0, T0 + 3_600_000)).map((e) => [e.itemKey, e.end! - e.start])).toEqual([
      [GH, 600_000],
      [JIRA, 60_000],
    ]);
  });

  it('keeps one timer when two tabs start different items at the same moment', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await Promise.all([startTimerFor(db, clock, GH), startTimerFor(db, clock, JIRA), startTimerFor(db, clock, 'gitlab:gitlab.com/a/b!1')]);
    const all = await db.getAll('entries');
    expect(all.filter((e) => e.end === null)).toHaveLength(1);
  });

  it('discards the running timer and refuses an edit that would overlap', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await startTimerFor(db, clock, GH);
    clock.advance(60_000);
    await discardRunningTimer(db, clock);
    expect((await timerState(db)).running).toBeNull();
    expect(await ownEntriesBetween(db, T0 - 1, T0 + 1)).toEqual([]);

    await startTimerFor(db, clock, GH);
    clock.advance(30 * 60_000);
    await startTimerFor(db, clock, JIRA);
    clock.advance(30 * 60_000);
    await stopRunningTimer(db, clock);
    const [first] = await ownEntriesBetween(db, T0, T0 + 3_600_000);
    await expect(editTimeEntry(db, clock, first!.id, { end: first!.end! + 60_000 })).rejects.toThrow(/overlaps/);
    await editTimeEntry(db, clock, first!.id, { note: 'Payment sheet' });
    expect((await db.get('entries', first!.id))?.note).toBe('Payment sheet');
  });
});
