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

/** The provider's own words about a refusal (in its language, cut short), shown after Stint's. */
interface Said {
  readonly said?: string;
}

/**
 * Exactly which failure it was, with the values its words need. Providers cannot reach the person's language
 * (`lib/i18n` is outside their layer): the service boundary words a failure from this (`providerErrorText`), while the
 * Error's message stays English, for logs and developers.
 */
export type ProviderFailure =
  | { readonly reason: 'unreachable'; readonly host: string }
  | { readonly reason: 'timeout'; readonly host: string; readonly seconds: number }
  | { readonly reason: 'token-refused'; readonly host: string; readonly credential: 'github-token' | 'gitlab-token' | 'jira-api-token' | 'jira-pat' }
  | { readonly reason: 'jira-needs-email'; readonly host: string }
  | { readonly reason: 'jira-no-email'; readonly host: string; readonly deployment: 'Server' | 'Data Center' }
  | ({ readonly reason: 'rate-limited'; readonly host: string; readonly seconds: number } & Said)
  | { readonly reason: 'scope-missing'; readonly scope: string; readonly fix: 'github' | 'gitlab-read' | 'gitlab-write' }
  | { readonly reason: 'gitlab-write-refused'; readonly host: string }
  | ({ readonly reason: 'forbidden'; readonly host: string; readonly need: 'access' | 'project-access' | 'jira-browse' | 'jira-work' } & Said)
  | ({ readonly reason: 'not-found'; readonly host: string; readonly where: 'github' | 'gitlab' | 'jira' } & Said)
  | { readonly reason: 'not-this-api'; readonly host: string; readonly provider: 'github' | 'gitlab' | 'jira' }
  | { readonly reason: 'no-api-here'; readonly host: string; readonly provider: 'gitlab' | 'jira' }
  | { readonly reason: 'item-missing'; readonly host: string }
  | { readonly reason: 'project-missing'; readonly host: string; readonly project: string }
  | { readonly reason: 'issuable-missing'; readonly host: string; readonly project: string; readonly iid: string; readonly issuable: 'issue' | 'merge-request' }
  | { readonly reason: 'server-trouble'; readonly host: string; readonly status: number }
  | ({ readonly reason: 'unexpected-status'; readonly host: string; readonly status: number } & Said)
  | ({ readonly reason: 'refused'; readonly host: string } & Said)
  | { readonly reason: 'unreadable'; readonly host: string }
  | { readonly reason: 'no-id'; readonly host: string }
  | { readonly reason: 'not-its-item'; readonly itemKey: string; readonly provider: 'gitlab' | 'jira' }
  | { readonly reason: 'jira-too-short' }
  | { readonly reason: 'cannot-comment' }
  | { readonly reason: 'report-gone' };

export type ProviderFailureReason = ProviderFailure['reason'];

/** How much of a provider's own words is kept: enough to act on, never a page of HTML. */
const SAID_MAX = 300;

/**
 * Text with anything that looks like a credential blanked out: some servers echo the request's `Authorization` header
 * or the token itself in an error body, and a failure's words are stored and shown. A credential after `Bearer` /
 * `Basic` is a long run with a digit in it (so "Basic authentication" stays); tokens with a known prefix go whatever
 * follows the prefix.
 */
export function withoutCredentials(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, '$1 …')
    .replace(/\b(gh[pousr]_|github_pat_|glpat-|gloas-|ATATT)[A-Za-z0-9_=-]+/g, '$1…');
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  /** Which failure, with its values (the provider's own words already cut short and stripped of credentials). */
  readonly failure: ProviderFailure;
  constructor(
    readonly kind: ProviderErrorKind,
    failure: ProviderFailure,
    /** English, for logs; a person reads `providerErrorText(error)` instead. */
    message: string,
    readonly details: { readonly status?: number; readonly scope?: string; readonly retryAfterSeconds?: number } = {},
  ) {
    super(withoutCredentials(message));
    this.failure = 'said' in failure && failure.said !== undefined ? { ...failure, said: withoutCredentials(failure.said).slice(0, SAID_MAX) } : failure;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
