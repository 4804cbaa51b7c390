import { describe, expect, it } from 'vitest';
import { database } from '../../../lib/db/open';
import { heartbeat, noteAwayStart, noteReturn, pendingAway, resolvePendingAway } from '../../../lib/services/away';
import { ownEntriesBetween, startTimerFor, timerState } from '../../../lib/services/timer';

const T0 = Date.UTC(2026, 10, 26, 9);
const MIN = 60_000;
const KEY = 'jira:acme.atlassian.net/PAY-10';

function clockAt(start: number) {
  let now = start;
  let id = 0;
  return { now: () => now, newId: () => `e${++id}`, set: (t: number) => (now = t) };
}

describe('away while a timer runs (controlled clock)', () => {
  it('idle, back, discard: the away time is cut out and the timer goes on', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await startTimerFor(db, clock, KEY);
    await noteAwayStart(db, T0 + 40 * MIN);
    expect(await noteReturn(db, T0 + 70 * MIN)).toMatchObject({ since: T0 + 40 * MIN, until: T0 + 70 * MIN });
    clock.set(T0 + 71 * MIN);
    await resolvePendingAway(db, clock, 'discard');
    expect(await pendingAway(db)).toBeNull();
    const entries = await ownEntriesBetween(db, T0, T0 + 2 * 60 * MIN);
    expect(entries.map((e) => [e.start - T0, e.end === null ? null : e.end - T0])).toEqual([
      [0, 40 * MIN],
      [70 * MIN, null],
    ]);
  });

  it('discard and stop ends the entry where the person left; keep changes nothing', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await startTimerFor(db, clock, KEY);
    await noteAwayStart(db, T0 + 10 * MIN);
    await noteReturn(db, T0 + 20 * MIN);
    clock.set(T0 + 21 * MIN);
    await resolvePendingAway(db, clock, 'keep');
    expect((await timerState(db)).running?.start).toBe(T0);
    await noteAwayStart(db, T0 + 30 * MIN);
    await noteReturn(db, T0 + 50 * MIN);
    clock.set(T0 + 51 * MIN);
    await resolvePendingAway(db, clock, 'discard-and-stop');
    expect((await timerState(db)).running).toBeNull();
    expect((await ownEntriesBetween(db, T0, T0 + 60 * MIN))[0]?.end).toBe(T0 + 30 * MIN);
  });

  it('reads a long gap between heartbeats as sleep, and ignores idleness without a timer', async () => {
    const db = await database();
    const clock = clockAt(T0);
    await noteAwayStart(db, T0);
    expect(await pendingAway(db)).toBeNull();
    await startTimerFor(db, clock, KEY);
    expect(await heartbeat(db, T0 + 1 * MIN, 5 * MIN)).toBeNull();
    expect(await heartbeat(db, T0 + 2 * MIN, 5 * MIN)).toBeNull();
    expect(await heartbeat(db, T0 + 62 * MIN, 5 * MIN)).toMatchObject({ since: T0 + 2 * MIN, until: T0 + 62 * MIN });
  });
});
