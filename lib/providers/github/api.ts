import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { ProviderError } from '../errors';
import { providerFetch } from '../fetch';
import { GithubUser, GithubWrittenComment } from './schemas';

/**
 * The only file that talks to GitHub's network. @octokit/core with the throttling plugin (waits out `Retry-After` and
 * rate-limit resets, a bounded number of times) and the retry plugin (5xx with backoff). Every request bypasses the
 * browser's HTTP cache so a conditional request really reaches GitHub (a cached 200 would hide a 304).
 */

export interface GithubTarget {
  /** e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  readonly apiBase: string;
  readonly token: string;
}

// @octokit/core with the paging, throttling and retry plugins: @octokit/rest is the same plus a map of every REST
// endpoint (84 KB minified) that a worker woken by a page load would parse for the five routes Stint calls.
const StintOctokit = Octokit.plugin(paginateRest, throttling, retry);
const MAX_WAIT_SECONDS = 10;
type Client = InstanceType<typeof StintOctokit>;


export function createClient(target: GithubTarget, options: { maxRetries?: number } = {}): Client {
  const maxRetries = options.maxRetries ?? 2;
  return new StintOctokit({
    baseUrl: target.apiBase.replace(/\/+$/, ''),
    auth: target.token,
    userAgent: 'Stint',
    request: { fetch: (input: string | URL | Request, init?: RequestInit) => providerFetch(input, init) },
    // Short waits are waited out in place; longer ones end the call, and the sync engine pauses the host until then
    // (an MV3 worker may be stopped at any moment, so it must not sleep for minutes inside a request).
    throttle: {
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => retryAfter <= MAX_WAIT_SECONDS && retryCount < maxRetries,
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => retryAfter <= MAX_WAIT_SECONDS && retryCount < maxRetries,
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
    return new ProviderError('offline', { reason: 'unreachable', host }, `Could not reach ${host}. Check your connection, the host name, or a VPN/proxy that blocks it.`);
  }
  if (status === 401) return new ProviderError('bad-token', { reason: 'token-refused', host, credential: 'github-token' }, `${host} refused the token (401 Bad credentials). Create a new token and paste it again.`, { status });
  const remaining = headers['x-ratelimit-remaining'];
  const retryAfter = Number(headers['retry-after'] ?? NaN);
  if (status === 429 || (status === 403 && (remaining === '0' || Number.isFinite(retryAfter)))) {
    const reset = Number(headers['x-ratelimit-reset'] ?? NaN);
    const seconds = Number.isFinite(retryAfter) ? retryAfter : Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : 60;
    return new ProviderError('rate-limited', { reason: 'rate-limited', host, seconds }, `${host} asks Stint to slow down; it will try again in ${seconds} s.`, { status, retryAfterSeconds: seconds });
  }
  if (status === 403) {
    const accepted = headers['x-accepted-oauth-scopes'] ?? '';
    const scope = accepted.split(',').map((s) => s.trim()).find(Boolean) ?? /`?(\w[\w:-]*)`? scope/.exec(providerMessage)?.[1];
    if (scope) return new ProviderError('missing-scope', { reason: 'scope-missing', scope, fix: 'github' }, `The token lacks the “${scope}” scope. Give it that scope (classic token) or the matching repository permission (fine-grained), then paste it again.`, { status, scope });
    return new ProviderError('missing-scope', { reason: 'forbidden', host, need: 'access', ...(providerMessage ? { said: providerMessage } : {}) }, `${host} refused this request (403): ${providerMessage || 'not allowed'}.`, { status });
  }
  if (status === 404) return new ProviderError('not-found', { reason: 'not-found', host, where: 'github' }, `Nothing at that address on ${host} (404). Check the host and API base (GitHub Enterprise: https://<host>/api/v3), or the token’s access to the repository.`, { status });
  if (status >= 500) return new ProviderError('server', { reason: 'server-trouble', host, status }, `${host} had a problem (${status}); Stint will try again later.`, { status });
  return new ProviderError('server', { reason: 'unexpected-status', host, status, ...(providerMessage ? { said: providerMessage } : {}) }, `${host} answered ${status}: ${providerMessage || 'unexpected answer'}.`, { status });
}

/** Who the token belongs to, and its classic-token scopes (null for fine-grained tokens, which report none). */
export async function whoAmI(target: GithubTarget, host: string): Promise<{ login: string; id: number; scopes: string[] | null }> {
  try {
    const response = await createClient(target, { maxRetries: 0 }).request('GET /user');
    const user = GithubUser.safeParse(response.data);
    if (!user.success) throw new ProviderError('bad-payload', { reason: 'not-this-api', host, provider: 'github' }, `${host} answered, but not like a GitHub API (is the API base right?).`);
    const header = response.headers['x-oauth-scopes'];
    return { login: user.data.login, id: user.data.id, scopes: typeof header === 'string' ? header.split(',').map((s) => s.trim()).filter(Boolean) : null };
  } catch (error) {
    throw error instanceof ProviderError ? error : explainGithubError(error, host);
  }
}

export interface Repo {
  readonly owner: string;
  readonly name: string;
}

/** A changed-since read: nothing changed (a 304, which costs no rate limit), or the changed records, newest first. */
export type ChangedSince = { readonly notModified: true } | { readonly notModified: false; readonly etag: string | null; readonly records: unknown[] };

const isNotModified = (error: unknown) => (error as { status?: number } | null)?.status === 304;
const updatedAtOf = (record: unknown) => {
  const value = (record as { updated_at?: unknown } | null)?.updated_at;
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
};

/**
 * Records of a list sorted by `updated` descending, back to `since`. The first page carries `If-None-Match`: any change
 * in the repository moves its record onto that page and changes its ETag, so an unchanged repository costs exactly one
 * request, answered 304. Otherwise pages are read until a record older than `since` (or the last page).
 */
async function changedSince(client: Client, route: string, params: Record<string, string | number>, since: number | null, etag: string | null, host: string): Promise<ChangedSince> {
  const records: unknown[] = [];
  let firstEtag: string | null = null;
  for (let page = 1; page <= 1000; page++) {
    let data: unknown;
    let hasNext = false;
    try {
      const response = await client.request(route, { ...params, sort: 'updated', direction: 'desc', per_page: 100, page, headers: page === 1 && etag ? { 'if-none-match': etag } : {} });
      data = response.data;
      hasNext = /rel="next"/.test(response.headers.link ?? '');
      if (page === 1) firstEtag = typeof response.headers.etag === 'string' ? response.headers.etag : null;
    } catch (error) {
      if (page === 1 && isNotModified(error)) return { notModified: true };
      throw explainGithubError(error, host);
    }
    if (!Array.isArray(data)) throw new ProviderError('bad-payload', { reason: 'unreadable', host }, `${host} answered a list request with something that is not a list.`);
    for (const record of data) {
      if (since !== null && updatedAtOf(record) < since) return { notModified: false, etag: firstEtag, records };
      records.push(record);
    }
    if (!hasNext) break; // the Link header says this was the last page
  }
  return { notModified: false, etag: firstEtag, records };
}

/** Issues and PRs of a repository changed since `since` (all of them when null). */
export function changedIssues(target: GithubTarget, host: string, repo: Repo, since: number | null, etag: string | null): Promise<ChangedSince> {
  return changedSince(createClient(target), 'GET /repos/{owner}/{repo}/issues', { owner: repo.owner, repo: repo.name, state: 'all' }, since, etag, host);
}

/** Comments of a whole repository changed since `since`: one list for all items, instead of one per item. */
export function changedComments(target: GithubTarget, host: string, repo: Repo, since: number | null, etag: string | null): Promise<ChangedSince> {
  return changedSince(createClient(target), 'GET /repos/{owner}/{repo}/issues/comments', { owner: repo.owner, repo: repo.name }, since, etag, host);
}

/** Every comment of one issue or PR (to find Stint's own earlier write before retrying it). */
export async function issueComments(target: GithubTarget, host: string, repo: Repo, number: number): Promise<unknown[]> {
  try {
    return await createClient(target).paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: repo.owner, repo: repo.name, issue_number: number, per_page: 100 });
  } catch (error) {
    throw explainGithubError(error, host);
  }
}

/**
 * Writes are never retried blindly inside the client: a connection dropped after GitHub stored the comment would
 * create a second one. The outbox retries instead, after looking for the comment the lost attempt may have written.
 */
const NO_BLIND_RETRY = { retries: 0 } as const;

/** The id and version of a comment GitHub says it wrote; an answer without them is not taken on trust. */
function written(data: unknown, host: string): { id: number; updatedAt: string } {
  const parsed = GithubWrittenComment.safeParse(data);
  if (!parsed.success) throw new ProviderError('bad-payload', { reason: 'no-id', host }, `${host} wrote the comment but answered without its id.`);
  return { id: parsed.data.id, updatedAt: parsed.data.updated_at };
}

export async function createComment(target: GithubTarget, host: string, repo: Repo, number: number, body: string): Promise<{ id: number; updatedAt: string }> {
  try {
    const { data } = await createClient(target).request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: repo.owner, repo: repo.name, issue_number: number, body, request: NO_BLIND_RETRY });
    return written(data, host);
  } catch (error) {
    throw explainGithubError(error, host);
  }
}

export async function updateComment(target: GithubTarget, host: string, repo: Repo, commentId: number, body: string): Promise<{ id: number; updatedAt: string } | null> {
  try {
    const { data } = await createClient(target).request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.name, comment_id: commentId, body, request: NO_BLIND_RETRY });
    return written(data, host);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null; // deleted on GitHub meanwhile
    throw explainGithubError(error, host);
  }
}

/** Delete a comment; one already gone is fine (the goal is that it does not exist). */
export async function deleteComment(target: GithubTarget, host: string, repo: Repo, commentId: number): Promise<void> {
  try {
    await createClient(target).request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: repo.owner, repo: repo.name, comment_id: commentId, request: NO_BLIND_RETRY });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return;
    throw explainGithubError(error, host);
  }
}
