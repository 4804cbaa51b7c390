import type { TimeEntry } from './entry';
import { runningEntry, startTimer, stopTimer } from './timer';

export interface PomodoroPlan {
  readonly focusMinutes: number;
  readonly breakMinutes: number;
}

/** Where the cycle stands: which item, which phase, and when the phase ends. */
export interface PomodoroState {
  readonly itemKey: string;
  readonly phase: 'focus' | 'break';
  readonly endsAt: number;
}

export interface PomodoroStep {
  readonly state: PomodoroState | null;
  readonly writes: readonly TimeEntry[];
  /** The last phase switch that happened in this step (for the notification), if any. */
  readonly switchedTo: 'focus' | 'break' | null;
}

/**
 * Pomodoro over the person's entries: a focus phase runs the timer; at its end the entry stops (breaks are not work)
 * and a break begins; at the break's end a new entry for the same item starts. Starting a timer (or another item, or
 * restarting during a break) begins a new focus phase; stopping during focus ends the cycle. If the machine slept
 * through several phases, they are caught up at their exact boundaries.
 */
export function syncPomodoro(state: PomodoroState | null, entries: readonly TimeEntry[], now: number, plan: PomodoroPlan, newId: () => string): PomodoroStep {
  const focus = plan.focusMinutes * 60_000;
  const rest = plan.breakMinutes * 60_000;
  let current = state;
  let all = [...entries];
  const writes: TimeEntry[] = [];
  let switchedTo: PomodoroStep['switchedTo'] = null;
  const running = runningEntry(all);

  if (running && (!current || current.itemKey !== running.itemKey || current.phase === 'break')) {
    current = { itemKey: running.itemKey, phase: 'focus', endsAt: running.start + focus };
  } else if (!running && current?.phase === 'focus') {
    return { state: null, writes: [], switchedTo: null }; // stopped by hand: the cycle ends
  }

  for (let guard = 0; current && now >= current.endsAt && guard < 1000; guard++) {
    const result = current.phase === 'focus' ? stopTimer(all, current.endsAt) : startTimer(all, { itemKey: current.itemKey, at: current.endsAt, id: newId() });
    if (!result.ok) break;
    for (const write of result.writes) {
      all = all.filter((e) => e.id !== write.id).concat(write);
      const earlier = writes.findIndex((w) => w.id === write.id);
      if (earlier >= 0) writes.splice(earlier, 1);
      writes.push(write);
    }
    current = current.phase === 'focus' ? { ...current, phase: 'break', endsAt: current.endsAt + rest } : { ...current, phase: 'focus', endsAt: current.endsAt + focus };
    switchedTo = current.phase;
  }
  return { state: current, writes, switchedTo };
}
