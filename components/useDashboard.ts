import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { DashboardData } from '@/lib/messaging/protocol';

/** Bump when the dashboard's shape changes: an older cache is then ignored rather than misread. */
const CACHE_KEY = 'stint:dashboard:v1';

/** The local day's bounds, from the popup's clock (the person's own zone). */
export function todayBounds(now: number): { dayStart: number; dayEnd: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { dayStart: start.getTime(), dayEnd: end.getTime() };
}

/**
 * The last dashboard this popup saw, read synchronously so the very first render has it: the popup shows figures at
 * once and replaces them when the worker answers (the worker may have to wake up first). Kept in the extension
 * origin's localStorage: it holds nothing the extension's own database does not.
 */
export function cachedDashboard(storage: Pick<Storage, 'getItem'> = localStorage): DashboardData | null {
  try {
    const raw = storage.getItem(CACHE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' && 'generatedAt' in parsed && 'budgets' in parsed ? (parsed as DashboardData) : null;
  } catch {
    return null; // a broken cache is only a slower first paint
  }
}

export interface DashboardState {
  readonly data: DashboardData | null;
  /** Whether `data` is the cached copy, still being refreshed. */
  readonly stale: boolean;
  readonly error: string | null;
  readonly refresh: () => void;
}

/** The dashboard: the cached copy first, then the worker's fresh one (again after every timer change, `revision`). */
export function useDashboard(revision: number): DashboardState {
  const [data, setData] = useState<DashboardData | null>(() => cachedDashboard());
  const [stale, setStale] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  // Marks for `npm run bench popup`: when figures first showed (cached or not), and when the worker's own arrived.
  // Declared before the request's effect: the figures are in the page once committed, before the request is sent.
  useEffect(() => {
    if (data && performance.getEntriesByName('stint:dashboard-painted').length === 0) performance.mark('stint:dashboard-painted');
    if (!stale && performance.getEntriesByName('stint:dashboard-fresh').length === 0) performance.mark('stint:dashboard-fresh');
  }, [data, stale]);
  useEffect(() => {
    let current = true;
    request('popup.dashboard', todayBounds(Date.now())).then(
      (fresh) => {
        if (!current) return;
        setData(fresh);
        setStale(false);
        setError(null);
        try {
          localStorage.setItem(CACHE_KEY, JSON.stringify(fresh));
        } catch {
          // a full storage only costs the next instant paint
        }
      },
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [revision, asked]);
  return { data, stale, error, refresh: () => setAsked((n) => n + 1) };
}
