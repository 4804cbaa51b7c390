import type { Reply } from '../../http/router.ts';
import type { ErrorStyle } from '../../state.ts';

/** Jira's error body: general messages plus per-field messages (`{"errorMessages":[],"errors":{"timeLogged":"…"}}`). */
export interface JiraErrorBody {
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;
}

/** Thrown by handlers; the route wrapper turns it into Jira's error reply. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }

  toReply(): Reply {
    const body: JiraErrorBody = { errorMessages: this.errorMessages, errors: this.errors };
    return { status: this.status, headers: this.headers, body };
  }
}

export const notAuthenticated = (failedLogin: boolean) =>
  new JiraError(
    401,
    ['You are not authenticated. Authentication required to perform this operation.'],
    {},
    // Jira's login filter says why a supplied credential was refused.
    failedLogin ? { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } : {},
  );

export const issueNotFound = () => new JiraError(404, ['Issue does not exist or you do not have permission to see it.']);

export const worklogNotFound = (id: string) => new JiraError(404, [`Cannot find worklog with id: ${id}.`]);

export const fieldErrors = (errors: Record<string, string>) => new JiraError(400, [], errors);

/** `X-RateLimit-Reset` is `yyyy-MM-ddTHH:mmZ`: the request time plus `Retry-After`. */
export function rateLimitHeaders(now: number, retryAfterSeconds: number): Record<string, string> {
  return {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-reset': `${new Date(now + retryAfterSeconds * 1000).toISOString().slice(0, 16)}Z`,
    'ratelimit-reason': 'jira-burst-based',
  };
}

/** How injected faults look on Jira hosts. */
export function jiraErrorStyle(now: () => number): ErrorStyle {
  return {
    error: (status, message) => new JiraError(status, [message]).toReply(),
    rateLimited: (retryAfter, status) => new JiraError(status, ['Rate limit exceeded.'], {}, rateLimitHeaders(now(), retryAfter)).toReply(),
  };
}
