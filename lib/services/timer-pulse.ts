import { storage } from 'wxt/utils/storage';
import type { TimerState } from './timer';

/**
 * A tiny record of what runs, rewritten after every timer change. Content scripts watch it (`storage.onChanged`) to
 * update their buttons within a second without holding a port: a port cannot outlive the MV3 worker, and reconnecting
 * every tab after each worker restart would keep waking it. Not a source of truth: the background never reads it.
 */
export interface TimerPulse {
  readonly running: { readonly itemKey: string; readonly start: number } | null;
  readonly changedAt: number;
}

export const timerPulse = storage.defineItem<TimerPulse>('local:timerPulse', { fallback: { running: null, changedAt: 0 } });

export function publishTimerPulse(state: TimerState, at: number): Promise<void> {
  return timerPulse.setValue({ running: state.running ? { itemKey: state.running.itemKey, start: state.running.start } : null, changedAt: at });
}
