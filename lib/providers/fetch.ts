import { ProviderError } from './errors';

/** How long a provider may take to answer one request before Stint gives up on it (the outbox tries again later). */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * fetch for provider APIs: the browser cache bypassed (answers are read with ETags, not from the cache) and a time
 * limit, so a server that accepts a request and never answers cannot hold a write (or a sync) forever.
 */
export function providerFetch(input: string | URL | Request, init: RequestInit = {}, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Response> {
  const limit = AbortSignal.timeout(timeoutMs);
  return fetch(input, { ...init, cache: 'no-store', signal: init.signal ? AbortSignal.any([init.signal, limit]) : limit });
}

/** No answer: offline, or no answer in time. Never mentions a token. */
export function unreachable(host: string, error: unknown, check = 'the host name'): ProviderError {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new ProviderError('offline', { reason: 'timeout', host, seconds: REQUEST_TIMEOUT_MS / 1000 }, `${host} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s. Stint will try again; if it persists, check the host’s status.`);
  }
  return new ProviderError('offline', { reason: 'unreachable', host }, `Could not reach ${host}. Check your connection, ${check}, or a VPN/proxy that blocks it.`);
}
