import type { IDBPDatabase } from 'idb';
import { LOCAL_AUTHOR } from '../core/entry';
import { syncPomodoro, type PomodoroPlan, type PomodoroState } from '../core/pomodoro';
import { entriesAround } from '../db/entries';
import { ENTRY_WRITE_STORES, writeEntries } from './entry-writes';
import type { StintDb } from '../db/schema';
import type { Clock } from './timer';

const STATE = 'pomodoro.state';

/**
 * Bring the Pomodoro cycle up to date in one transaction (after any timer change, on its alarm, on the minute tick).
 * Returns the cycle (so the caller can set the alarm for its next boundary) and the phase it switched to, if any.
 */
export async function advancePomodoro(db: IDBPDatabase<StintDb>, clock: Clock, plan: PomodoroPlan | null): Promise<{ state: PomodoroState | null; switchedTo: 'focus' | 'break' | null }> {
  const tx = db.transaction([...ENTRY_WRITE_STORES], 'readwrite');
  const meta = tx.objectStore('meta');
  if (!plan) {
    await meta.delete(STATE);
    await tx.done;
    return { state: null, switchedTo: null };
  }
  const stored = ((await meta.get(STATE)) as PomodoroState | undefined) ?? null;
  const now = clock.now();
  const entries = await entriesAround(tx, LOCAL_AUTHOR, stored ? stored.endsAt - plan.focusMinutes * 60_000 : now, now);
  const step = syncPomodoro(stored, entries, now, plan, clock.newId);
  await writeEntries(tx, step.writes, now);
  if (step.state) await meta.put(step.state, STATE);
  else await meta.delete(STATE);
  await tx.done;
  return { state: step.state, switchedTo: step.switchedTo };
}
