import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { ProviderError } from '../errors';
import { GithubUser } from './schemas';

/**
 * The only file that talks to GitHub's network. @octokit/rest with the throttling plugin (waits out `Retry-After` and
 * rate-limit resets, a bounded number of times) and the retry plugin (5xx with backoff). Every request bypasses the
 * browser's HTTP cache so a conditional request really reaches GitHub (a cached 200 would hide a 304).
 */

export interface GithubTarget {
  /** e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  readonly apiBase: string;
  readonly token: string;
}

const StintOctokit = Octokit.plugin(throttling, retry);
type Client = InstanceType<typeof StintOctokit>;

const noStoreFetch: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });

export function createClient(target: GithubTarget, options: { maxRetries?: number } = {}): Client {
  const maxRetries = options.maxRetries ?? 2;
  return new StintOctokit({
    baseUrl: target.apiBase.replace(/\/+$/, ''),
    auth: target.token,
    userAgent: 'Stint',
    request: { fetch: noStoreFetch },
    throttle: {
      onRateLimit: (_retryAfter, _options, _octokit, retryCount) => retryCount < maxRetries,
      onSecondaryRateLimit: (_retryAfter, _options, _octokit, retryCount) => retryCount < maxRetries,
    },
    retry: { retries: maxRetries, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

interface HttpishError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** Turn whatever Octokit or fetch threw into a ProviderError a person can act on (never echoing the token). */
export function explainGithubError(error: unknown, host: string): ProviderError {
  const e = (error ?? {}) as HttpishError;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  const providerMessage = typeof (e.response?.data as { message?: unknown } | undefined)?.message === 'string' ? (e.response?.data as { message: string }).message : '';
  // Octokit reports a request that got no answer at all as status 500 without a response.
  if (status === undefined || (status === 500 && !e.response)) {
    return new ProviderError('offline', `Could not reach ${host}. Check your connection, the host name, or a VPN/proxy that blocks it.`);
  }
  if (status === 401) return new ProviderError('bad-token', `${host} refused the token (401 Bad credentials). Create a new token and paste it again.`, { status });
  const remaining = headers['x-ratelimit-remaining'];
  const retryAfter = Number(headers['retry-after'] ?? NaN);
  if (status === 429 || (status === 403 && (remaining === '0' || Number.isFinite(retryAfter)))) {
    const reset = Number(headers['x-ratelimit-reset'] ?? NaN);
    const seconds = Number.isFinite(retryAfter) ? retryAfter : Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : 60;
    return new ProviderError('rate-limited', `${host} asks Stint to slow down; it will try again in ${seconds} s.`, { status, retryAfterSeconds: seconds });
  }
  if (status === 403) {
    const accepted = headers['x-accepted-oauth-scopes'] ?? '';
    const scope = accepted.split(',').map((s) => s.trim()).find(Boolean) ?? /`?(\w[\w:-]*)`? scope/.exec(providerMessage)?.[1];
    return new ProviderError('missing-scope', scope ? `The token lacks the “${scope}” scope. Give it that scope (classic token) or the matching repository permission (fine-grained), then paste it again.` : `${host} refused this request (403): ${providerMessage || 'not allowed'}.`, { status, ...(scope ? { scope } : {}) });
  }
  if (status === 404) return new ProviderError('not-found', `Nothing at that address on ${host} (404). Check the host and API base (GitHub Enterprise: https://<host>/api/v3), or the token’s access to the repository.`, { status });
  if (status >= 500) return new ProviderError('server', `${host} had a problem (${status}); Stint will try again later.`, { status });
  return new ProviderError('server', `${host} answered ${status}: ${providerMessage || 'unexpected answer'}.`, { status });
}

/** Who the token belongs to, and its classic-token scopes (null for fine-grained tokens, which report none). */
export async function whoAmI(target: GithubTarget, host: string): Promise<{ login: string; id: number; scopes: string[] | null }> {
  try {
    const response = await createClient(target, { maxRetries: 0 }).rest.users.getAuthenticated();
    const user = GithubUser.safeParse(response.data);
    if (!user.success) throw new ProviderError('bad-payload', `${host} answered, but not like a GitHub API (is the API base right?).`);
    const header = response.headers['x-oauth-scopes'];
    return { login: user.data.login, id: user.data.id, scopes: typeof header === 'string' ? header.split(',').map((s) => s.trim()).filter(Boolean) : null };
  } catch (error) {
    throw error instanceof ProviderError ? error : explainGithubError(error, host);
  }
}
