/**
 * Why a provider call failed, in terms a person can act on. Messages never contain a token (callers build them from
 * the host and the provider's own wording only).
 */
export type ProviderErrorKind =
  /** 401: the token is wrong, expired or revoked. */
  | 'bad-token'
  /** 403 for lack of a scope: `scope` names the one needed. */
  | 'missing-scope'
  /** 404 on the API itself: wrong host or API base (or no access to that resource). */
  | 'not-found'
  /** No answer at all: offline, DNS, TLS, connection refused. */
  | 'offline'
  /** 429 / rate-limit 403: `retryAfterSeconds` says when to try again. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** An answer that does not have the shape Stint needs. */
  | 'bad-payload';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { readonly status?: number; readonly scope?: string; readonly retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
