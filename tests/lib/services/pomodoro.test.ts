import { describe, expect, it } from 'vitest';
import { database } from '../../../lib/db/open';
import { advancePomodoro } from '../../../lib/services/pomodoro';
import { ownEntriesBetween, startTimerFor, timerState } from '../../../lib/services/timer';

const T0 = Date.UTC(2026, 10, 26, 9);
const MIN = 60_000;
const PLAN = { focusMinutes: 25, breakMinutes: 5 };

describe('pomodoro service (controlled clock)', () => {
  it('stops for the break and resumes after it, stored across calls', async () => {
    const db = await database();
    let now = T0;
    let id = 0;
    const clock = { now: () => now, newId: () => `e${++id}` };
    await startTimerFor(db, clock, 'github:github.com/acme/checkout-web#3');
    expect(await advancePomodoro(db, clock, PLAN)).toMatchObject({ state: { phase: 'focus', endsAt: T0 + 25 * MIN }, switchedTo: null });
    now = T0 + 25 * MIN;
    expect(await advancePomodoro(db, clock, PLAN)).toMatchObject({ state: { phase: 'break' }, switchedTo: 'break' });
    expect((await timerState(db)).running).toBeNull();
    now = T0 + 30 * MIN;
    expect(await advancePomodoro(db, clock, PLAN)).toMatchObject({ state: { phase: 'focus', endsAt: T0 + 55 * MIN }, switchedTo: 'focus' });
    expect((await timerState(db)).running?.start).toBe(T0 + 30 * MIN);
    expect((await ownEntriesBetween(db, T0, T0 + 60 * MIN)).map((e) => (e.end ?? now) - e.start)).toEqual([25 * MIN, 0]);
  });

  it('switched off: forgets any cycle and touches no entry', async () => {
    const db = await database();
    const clock = { now: () => T0 + 40 * MIN, newId: () => 'x' };
    await startTimerFor(db, { now: () => T0, newId: () => 'e1' }, 'jira:acme.atlassian.net/PAY-10');
    expect(await advancePomodoro(db, clock, null)).toEqual({ state: null, switchedTo: null });
    expect((await timerState(db)).running?.entryId).toBe('e1');
  });
});
