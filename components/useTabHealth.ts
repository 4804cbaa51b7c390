import { useEffect } from 'react';
import { create } from 'zustand';
import { request } from '@/lib/messaging/client';
import type { TabHealth } from '@/lib/messaging/protocol';

interface TabHealthState {
  tabId: number | null;
  health: TabHealth | null | undefined;
  error: string | null;
  load: (tabId: number | null) => Promise<void>;
}

/** What Stint recognised on the tab a page is looking at; shared by popup and side panel. */
export const useTabHealthStore = create<TabHealthState>((set) => ({
  tabId: null,
  health: undefined,
  error: null,
  load: async (tabId) => {
    set({ tabId, health: tabId === null ? null : undefined, error: null });
    if (tabId === null) return;
    try {
      const health = await request('tab.health', { tabId });
      set((state) => (state.tabId === tabId ? { health } : state));
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

/** Load once for `tabId`, and again whenever `reloadKey` changes. */
export function useTabHealth(tabId: number | null, reloadKey = 0) {
  const state = useTabHealthStore();
  const load = useTabHealthStore((s) => s.load);
  useEffect(() => {
    void load(tabId);
  }, [load, tabId, reloadKey]);
  return state;
}
