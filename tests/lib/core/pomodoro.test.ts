import { describe, expect, it } from 'vitest';
import { entrySeconds, isRunning, overlaps, type TimeEntry } from '../../../lib/core/entry';
import { syncPomodoro, type PomodoroState } from '../../../lib/core/pomodoro';
import { startTimer, stopTimer } from '../../../lib/core/timer';

const T0 = Date.UTC(2026, 10, 26, 9);
const MIN = 60_000;
const PLAN = { focusMinutes: 25, breakMinutes: 5 };
const KEY = 'jira:acme.atlassian.net/PAY-10';

function started(at = T0): TimeEntry[] {
  const r = startTimer([], { itemKey: KEY, at, id: 'e0' });
  return r.ok ? [...r.writes] : [];
}
function apply(entries: TimeEntry[], writes: readonly TimeEntry[]): TimeEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const w of writes) byId.set(w.id, w);
  return [...byId.values()];
}
let n = 0;
const newId = () => `p${++n}`;

describe('pomodoro', () => {
  it('starts a focus phase with the timer and does nothing before it ends', () => {
    const step = syncPomodoro(null, started(), T0 + 10 * MIN, PLAN, newId);
    expect(step).toEqual({ state: { itemKey: KEY, phase: 'focus', endsAt: T0 + 25 * MIN }, writes: [], switchedTo: null });
  });

  it('stops the entry exactly when focus ends (the break is not work), and resumes after the break', () => {
    let entries = started();
    const toBreak = syncPomodoro(null, entries, T0 + 26 * MIN, PLAN, newId);
    expect(toBreak.switchedTo).toBe('break');
    expect(toBreak.writes).toEqual([expect.objectContaining({ id: 'e0', end: T0 + 25 * MIN })]);
    entries = apply(entries, toBreak.writes);
    const toFocus = syncPomodoro(toBreak.state, entries, T0 + 31 * MIN, PLAN, newId);
    expect(toFocus.switchedTo).toBe('focus');
    expect(toFocus.state).toEqual({ itemKey: KEY, phase: 'focus', endsAt: T0 + 55 * MIN });
    expect(toFocus.writes).toEqual([expect.objectContaining({ itemKey: KEY, start: T0 + 30 * MIN, end: null })]);
  });

  it('catches up several phases at their exact boundaries after sleep, without overlaps', () => {
    const step = syncPomodoro(null, started(), T0 + 100 * MIN, PLAN, newId);
    const entries = apply(started(), step.writes);
    // 0–25 work, 25–30 break, 30–55 work, 55–60 break, 60–85 work, 85–90 break, 90– running.
    expect(entries.filter((e) => !isRunning(e)).map((e) => entrySeconds(e, 0) / 60)).toEqual([25, 25, 25]);
    expect(entries.find(isRunning)?.start).toBe(T0 + 90 * MIN);
    for (const a of entries) for (const b of entries) if (a.id !== b.id) expect(overlaps(a, b)).toBe(false);
  });

  it('ends the cycle when the person stops during focus, and restarts focus when they start during a break', () => {
    const focus: PomodoroState = { itemKey: KEY, phase: 'focus', endsAt: T0 + 25 * MIN };
    const stoppedByHand = stopTimer(started(), T0 + 5 * MIN);
    expect(syncPomodoro(focus, stoppedByHand.ok ? [...stoppedByHand.writes] : [], T0 + 6 * MIN, PLAN, newId).state).toBeNull();
    const duringBreak: PomodoroState = { itemKey: KEY, phase: 'break', endsAt: T0 + 30 * MIN };
    const restarted = started(T0 + 27 * MIN);
    expect(syncPomodoro(duringBreak, restarted, T0 + 28 * MIN, PLAN, newId).state).toEqual({ itemKey: KEY, phase: 'focus', endsAt: T0 + 52 * MIN });
  });
});
