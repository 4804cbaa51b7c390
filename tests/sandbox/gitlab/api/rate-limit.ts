import type { RateWindow, SandboxState } from '../../state.ts';

/** GitLab.com's authenticated API throttle: 2,000 requests a minute per user (Rack::Attack `throttle_authenticated_api`). */
export const RATE_LIMIT = 2000;
const WINDOW_MS = 60_000;

/** The `state.rateWindows` key for one caller on one instance; tests shrink a window through it to provoke a 429. */
export function gitlabRateKey(host: string, caller: string): string {
  return `gitlab:${host}:${caller}`;
}

/** Count one request against the caller's window (a fresh window once the old one has passed). */
export function countRequest(state: SandboxState, key: string): RateWindow {
  const now = state.now();
  let window = state.rateWindows.get(key);
  if (!window || window.resetAt <= now) {
    window = { limit: window?.limit ?? RATE_LIMIT, used: 0, resetAt: now + WINDOW_MS };
    state.rateWindows.set(key, window);
  }
  window.used++;
  return window;
}

export function isExhausted(window: RateWindow): boolean {
  return window.used > window.limit;
}

/** `RateLimit-*` as GitLab sends them: Reset is Unix seconds, ResetTime an HTTP date. */
export function rateLimitHeaders(window: RateWindow): Record<string, string> {
  const observed = Math.min(window.used, window.limit);
  return {
    'ratelimit-name': 'throttle_authenticated_api',
    'ratelimit-limit': String(window.limit),
    'ratelimit-observed': String(observed),
    'ratelimit-remaining': String(Math.max(0, window.limit - observed)),
    'ratelimit-reset': String(Math.ceil(window.resetAt / 1000)),
    'ratelimit-resettime': new Date(window.resetAt).toUTCString(),
  };
}

/** Rack::Attack's answer once the window is used up. */
export function throttledReply(window: RateWindow, now: number): { status: 429; headers: Record<string, string>; body: string } {
  return {
    status: 429,
    headers: {
      ...rateLimitHeaders(window),
      'retry-after': String(Math.max(1, Math.ceil((window.resetAt - now) / 1000))),
      'content-type': 'text/plain',
    },
    body: 'Retry later\n',
  };
}
