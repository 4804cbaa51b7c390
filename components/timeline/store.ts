import { create } from 'zustand';
import type { Zoom } from '@/lib/core/timeline';
import { request } from '@/lib/messaging/client';
import type { PersonLoadView, ProjectTimeline } from '@/lib/messaging/protocol-timeline';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface PanelState {
  /** The tab the panel is about (clicks open items in it). */
  tabId: number | null;
  projectKey: string | null;
  /** undefined while loading the chosen project. */
  timeline: ProjectTimeline | null | undefined;
  team: PersonLoadView[] | null;
  projects: { key: string; name: string }[];
  zoom: Zoom;
  burnUpScope: string | null;
  error: string | null;
  setZoom: (zoom: Zoom) => void;
  setBurnUpScope: (scope: string) => void;
  /** The tab changed: show its project, if it has one (a tab of no project keeps the last one on screen). */
  followTab: (tabId: number | null) => Promise<void>;
  show: (projectKey: string) => Promise<void>;
  /** Read the shown project again (after a timer or budget change). */
  reload: () => Promise<void>;
  loadProjects: () => Promise<void>;
}

/** The side panel's state: which project, its data as the background last sent it, and the view's choices. */
export const usePanelStore = create<PanelState>((set, get) => ({
  tabId: null,
  projectKey: null,
  timeline: null,
  team: null,
  projects: [],
  zoom: 'month',
  burnUpScope: null,
  error: null,
  setZoom: (zoom) => set({ zoom }),
  setBurnUpScope: (burnUpScope) => set({ burnUpScope }),
  followTab: async (tabId) => {
    set({ tabId });
    if (tabId === null) return;
    try {
      const { projectKey } = await request('timeline.tabProject', { tabId });
      if (projectKey && get().tabId === tabId && projectKey !== get().projectKey) await get().show(projectKey);
    } catch (error) {
      set({ error: message(error) });
    }
  },
  show: async (projectKey) => {
    set({ projectKey, timeline: undefined, team: null, burnUpScope: null, error: null });
    await get().reload();
  },
  reload: async () => {
    const projectKey = get().projectKey;
    if (projectKey === null) return;
    try {
      const [timeline, team] = await Promise.all([request('timeline.project', { projectKey }), request('timeline.team', { projectKey })]);
      // A newer choice wins over a slower, older answer.
      if (get().projectKey !== projectKey) return;
      performance.mark('stint:timeline-data'); // where the bench starts counting the render (User Timing)
      set({ timeline, team, error: null });
    } catch (error) {
      if (get().projectKey === projectKey) set({ timeline: null, error: message(error) });
    }
  },
  loadProjects: async () => {
    try {
      set({ projects: await request('timeline.projects', {}) });
    } catch (error) {
      set({ error: message(error) });
    }
  },
}));
