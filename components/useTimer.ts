import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { request } from '@/lib/messaging/client';
import { VIEW_PORT, type TimerState, type ViewPortMessage } from '@/lib/messaging/protocol';

interface TimerStore {
  state: TimerState | null;
  error: string | null;
  /** Bumped on every change pushed by the background, so lists that depend on the timer reload. */
  revision: number;
  set: (state: TimerState) => void;
  fail: (error: unknown) => void;
}

export const useTimerStore = create<TimerStore>((set) => ({
  state: null,
  error: null,
  revision: 0,
  set: (state) => set((s) => ({ state, error: null, revision: s.revision + 1 })),
  fail: (error) => set({ error: error instanceof Error ? error.message : String(error) }),
}));

/**
 * The running timer, live: the background pushes every change through a port. The worker may stop at any time and
 * take the port with it; the page then reconnects (which wakes the worker) and re-reads the state.
 */
export function useTimer(): TimerStore {
  const store = useTimerStore();
  useEffect(() => {
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    const { set, fail } = useTimerStore.getState();
    const connect = () => {
      if (closed) return;
      port = browser.runtime.connect({ name: VIEW_PORT });
      port.onMessage.addListener((message: ViewPortMessage) => {
        if (message.type === 'timer.state') set(message.state);
      });
      port.onDisconnect.addListener(() => {
        port = null;
        setTimeout(connect, 250);
      });
    };
    connect();
    void request('timer.state', {}).then(set, fail);
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, []);
  return store;
}

/** The current time, re-rendering every second while `active` (live elapsed times). */
export function useSecondTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}
