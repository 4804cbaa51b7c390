import type { Reply } from '../../http/router.ts';
import type { ErrorStyle } from '../../state.ts';
import { RATE_LIMIT, rateLimitHeaders } from './rate-limit.ts';

/** Thrown by lookups and validators; the route wrapper turns it into the reply GitLab would send. */
export class ApiError extends Error {
  constructor(readonly reply: Reply) {
    super(`GitLab API error ${reply.status}`);
  }
}

/** `{"message":"404 Project Not Found"}`; a bare record miss is `404 Not found`, as Grape's RecordNotFound handler says. */
export function notFound(what?: string): ApiError {
  return new ApiError({ status: 404, body: { message: what ? `404 ${what} Not Found` : '404 Not found' } });
}

/** `bad_request!(reason)`: `{"message":"400 Bad request - <reason>"}`. */
export function badRequest(reason: string): ApiError {
  return new ApiError({ status: 400, body: { message: `400 Bad request - ${reason}` } });
}

/** A failed parameter validation (Grape): `{"error":"updated_after is invalid"}`. */
export function invalidParameter(message: string): ApiError {
  return new ApiError({ status: 400, body: { error: message } });
}

/** `render_validation_error!`: model errors keyed by attribute. */
export function validationFailed(errors: Record<string, string[]>): ApiError {
  return new ApiError({ status: 400, body: { message: errors } });
}

export function unauthorized(): Reply {
  return { status: 401, body: { message: '401 Unauthorized' } };
}

const INSUFFICIENT = 'The request requires higher privileges than provided by the access token.';

/** What GitLab answers when the token is valid but its scopes do not cover the endpoint (`api` for writes). */
export function insufficientScope(scope: string): Reply {
  return {
    status: 403,
    headers: {
      'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="${INSUFFICIENT}", scope="${scope}"`,
    },
    body: { error: 'insufficient_scope', error_description: INSUFFICIENT, scope },
  };
}

/**
 * Injected faults on GitLab hosts: `{"message":"500 Internal Server Error"}`, Grape's `{"error":"404 Not Found"}` for
 * unknown routes, and Rack::Attack's plain-text `Retry later` with `Retry-After` and the `RateLimit-*` headers.
 */
export function gitlabErrorStyle(now: () => number): ErrorStyle {
  return {
    error: (status, message, path) => {
      // GraphQL answers errors inside its own envelope.
      if (path.startsWith('/api/graphql')) return { status, body: { errors: [{ message: `${status} ${message}` }] } };
      return status === 404 ? { status, body: { error: '404 Not Found' } } : { status, body: { message: `${status} ${message}` } };
    },
    rateLimited: (retryAfter, status) => {
      const resetAt = now() + retryAfter * 1000;
      return {
        status,
        headers: {
          ...rateLimitHeaders({ limit: RATE_LIMIT, used: RATE_LIMIT, resetAt }),
          'retry-after': String(retryAfter),
          'content-type': 'text/plain',
        },
        body: 'Retry later\n',
      };
    },
  };
}
