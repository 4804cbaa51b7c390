import type { RateWindow, SandboxState } from '../../state.ts';

/**
 * GitHub's primary rate limits, per token and per instance: 5,000 points an hour for the core API, 30 searches a
 * minute (60 and 10 without a token). Windows live in `state.rateWindows` so `reset()` clears them.
 */
export type RateResource = 'core' | 'search';

const LIMITS: Record<RateResource, { readonly authenticated: number; readonly anonymous: number; readonly windowMs: number }> = {
  core: { authenticated: 5000, anonymous: 60, windowMs: 3_600_000 },
  search: { authenticated: 30, anonymous: 10, windowMs: 60_000 },
};

/** The key of a window in `state.rateWindows` (exported so tests can exhaust one without 5,000 calls). */
export function rateWindowKey(host: string, token: string | null, resource: RateResource): string {
  return `github:${host}:${resource}:${token ?? 'anonymous'}`;
}

/** The current window, opened on first use and renewed once its reset time has passed. */
export function rateWindow(state: SandboxState, host: string, token: string | null, resource: RateResource): RateWindow {
  const key = rateWindowKey(host, token, resource);
  const now = state.now();
  let window = state.rateWindows.get(key);
  if (!window || window.resetAt <= now) {
    const limits = LIMITS[resource];
    window = { limit: token ? limits.authenticated : limits.anonymous, used: 0, resetAt: now + limits.windowMs };
    state.rateWindows.set(key, window);
  }
  return window;
}

export function remaining(window: RateWindow): number {
  return Math.max(0, window.limit - window.used);
}

/** Reset as GitHub sends it: epoch seconds. */
export function resetSeconds(window: RateWindow): number {
  return Math.ceil(window.resetAt / 1000);
}

export function rateHeaders(window: RateWindow, resource: RateResource): Record<string, string> {
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(remaining(window)),
    'x-ratelimit-reset': String(resetSeconds(window)),
    'x-ratelimit-used': String(window.used),
    'x-ratelimit-resource': resource,
  };
}

/** One entry of `GET /rate_limit`'s `resources`. */
export function rateStatus(window: RateWindow, resource: string): Record<string, unknown> {
  return { limit: window.limit, used: window.used, remaining: remaining(window), reset: resetSeconds(window), resource };
}
