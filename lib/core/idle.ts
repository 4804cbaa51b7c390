import { isRunning, type TimeEntry } from './entry';
import { runningEntry, startTimer, stopTimer, type TimerResult } from './timer';

/** What to do with time the person was away (idle, screen locked, computer asleep) while a timer ran. */
export type IdleDecision = 'keep' | 'discard' | 'discard-and-stop';

export interface AwayPeriod {
  /** The running entry it concerns: the decision applies only if that entry still runs. */
  readonly entryId: string;
  /** When the person left (epoch ms). */
  readonly since: number;
  /** When they were back. */
  readonly until: number;
}

/**
 * Apply a decision about an away period: keep it; discard it (the entry stops where the person left and a new entry for
 * the same item starts when they came back); or discard it and stop. If the timer changed meanwhile, nothing happens.
 */
export function resolveAway(entries: readonly TimeEntry[], away: AwayPeriod, decision: IdleDecision, newId: string, at: number): TimerResult {
  const running = runningEntry(entries);
  if (decision === 'keep' || !running || running.id !== away.entryId) return { ok: true, writes: [], running };
  const leftAt = Math.max(running.start, Math.min(away.since, at));
  const stopped = stopTimer(entries, leftAt);
  if (!stopped.ok || decision === 'discard-and-stop') return stopped;
  const after = entries.map((e) => stopped.writes.find((w) => w.id === e.id) ?? e);
  const resumed = startTimer(after, { itemKey: running.itemKey, at: Math.max(leftAt, Math.min(away.until, at)), id: newId, note: running.note, billable: running.billable });
  return resumed.ok ? { ok: true, writes: [...stopped.writes, ...resumed.writes], running: resumed.running } : resumed;
}

/** Whether a running entry has passed the long-timer limit (seconds) at `now`. */
export function isOverLimit(entry: TimeEntry, now: number, limitSeconds: number): boolean {
  return isRunning(entry) && now - entry.start >= limitSeconds * 1000;
}

/**
 * A gap between two heartbeats of the background longer than `thresholdMs` means the machine slept (nothing ran):
 * the away period starts at the last heartbeat.
 */
export function sleptBetween(lastBeat: number | null, now: number, thresholdMs: number): { since: number; until: number } | null {
  if (lastBeat === null || now - lastBeat < thresholdMs) return null;
  return { since: lastBeat, until: now };
}
