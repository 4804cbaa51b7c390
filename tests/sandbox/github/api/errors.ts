import type { Reply } from '../../http/router.ts';
import type { ErrorStyle } from '../../state.ts';
import type { Token } from '../../data/model.ts';
import { baseHeaders } from './headers.ts';

/** GitHub's error bodies: `basic-error` (`message`, `documentation_url`, `status` as a string) and `validation-error`. */

export const DOCS_ROOT = 'https://docs.github.com/rest';
const RATE_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const SECONDARY_DOCS = 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

export function ghError(status: number, message: string, docs = DOCS_ROOT): Reply {
  return { status, body: { message, documentation_url: docs, status: String(status) } };
}

export const notFound = (docs: string): Reply => ghError(404, 'Not Found', docs);

export const badCredentials = (): Reply => ghError(401, 'Bad credentials');

export const requiresAuthentication = (docs: string): Reply => ghError(401, 'Requires authentication', docs);

/** A 400 for a body that is not JSON. */
export const problemsParsingJson = (docs: string): Reply => ghError(400, 'Problems parsing JSON', docs);

/** One entry of `errors` in a 422: `code` is `missing_field`, `invalid`, `already_exists`, `missing` or `custom`. */
export interface ValidationProblem {
  readonly resource: string;
  readonly code: 'missing_field' | 'invalid' | 'already_exists' | 'missing' | 'custom';
  readonly field: string;
  /** Never null: the schema's `value` is a oneOf that a null would match three times. */
  readonly value?: string | number | string[];
  readonly message?: string;
}

export function validationFailed(docs: string, ...errors: ValidationProblem[]): Reply {
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: docs, status: '422' } };
}

/** GitHub's JSON-schema rejection of a request body ("Invalid request.\n\nFor 'properties/title', 42 is not a string."). */
export function invalidRequest(docs: string, detail: string): Reply {
  return ghError(422, `Invalid request.\n\n${detail}`, docs);
}

/** A classic PAT without the scope an operation needs (GitHub names both sides, as its GraphQL API does). */
export function missingScope(token: Token, accepted: readonly string[]): Reply {
  const list = (scopes: readonly string[]) => `[${scopes.map((s) => `'${s}'`).join(', ')}]`;
  return ghError(
    403,
    `Your token has not been granted the required scopes to execute this request. It requires one of the following scopes: ${list(accepted)}, but your token has only been granted the: ${list(token.scopes)} scopes.`,
  );
}

export function rateLimitExceeded(status: 403 | 429, who: { userId: number } | null, requestId: string, at: number): Reply {
  const subject = who ? `user ID ${who.userId}` : '127.0.0.1';
  const goodNews = who ? '' : " (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
  const message = `API rate limit exceeded for ${subject}.${goodNews} If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}.`;
  return ghError(status, message, RATE_DOCS);
}

/**
 * How injected faults answer on GitHub's API hosts. A rate-limit fault carries `Retry-After`, which GitHub only sends
 * for secondary limits, so it uses that message (Octokit's throttling plugin then honours `Retry-After`), with the
 * primary headers at zero as well.
 */
export function githubErrorStyle(enterprise: boolean): ErrorStyle {
  return {
    error(status, message) {
      const reply = ghError(status, message);
      return { ...reply, headers: baseHeaders(enterprise, 'github.v3; format=json') };
    },
    rateLimited(retryAfter, status, path) {
      const now = Date.now();
      const search = /\/search\//.test(path);
      return {
        status,
        headers: {
          ...baseHeaders(enterprise, 'github.v3; format=json'),
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': search ? '30' : '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': search ? '30' : '5000',
          'x-ratelimit-reset': String(Math.ceil(now / 1000) + retryAfter),
          'x-ratelimit-resource': search ? 'search' : 'core',
        },
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID in the response headers.',
          documentation_url: SECONDARY_DOCS,
          status: String(status),
        },
      };
    },
  };
}
