import { describe, expect, it } from 'vitest';
import { database } from '../../../lib/db/open';
import { autoStopAtEndOfDay, longTimerToReport, todayAt } from '../../../lib/services/limits';
import { ownEntriesBetween, startTimerFor, timerState } from '../../../lib/services/timer';

const MIN = 60_000;
const KEY = 'github:github.com/acme/checkout-web#3';

describe('long timers and the end of the day (controlled clock)', () => {
  it('reports a timer past the limit once, even when asked again', async () => {
    const db = await database();
    const start = Date.UTC(2026, 10, 26, 8);
    await startTimerFor(db, { now: () => start, newId: () => 'e1' }, KEY);
    expect(await longTimerToReport(db, start + 7 * 60 * MIN, 8 * 3600)).toBeNull();
    expect(await longTimerToReport(db, start + 8 * 60 * MIN, 8 * 3600)).toEqual({ entryId: 'e1', itemKey: KEY });
    expect(await longTimerToReport(db, start + 9 * 60 * MIN, 8 * 3600)).toBeNull();
  });

  it('stops a timer exactly at the configured local time, not when the worker woke', async () => {
    const db = await database();
    const start = todayAt(Date.UTC(2026, 10, 26, 12), '16:30');
    await startTimerFor(db, { now: () => start, newId: () => 'e1' }, KEY);
    expect(await autoStopAtEndOfDay(db, start + 60 * MIN, '18:00')).toBe(false);
    expect(await autoStopAtEndOfDay(db, start + 3 * 60 * MIN, '18:00')).toBe(true);
    expect((await timerState(db)).running).toBeNull();
    const [entry] = await ownEntriesBetween(db, start, start + 1);
    expect(entry?.end).toBe(todayAt(start, '18:00'));
  });

  it('leaves a timer started after the stop time alone (working late on purpose)', async () => {
    const db = await database();
    const start = todayAt(Date.UTC(2026, 10, 26, 12), '19:00');
    await startTimerFor(db, { now: () => start, newId: () => 'e1' }, KEY);
    expect(await autoStopAtEndOfDay(db, start + 30 * MIN, '18:00')).toBe(false);
    expect((await timerState(db)).running).not.toBeNull();
  });
});
