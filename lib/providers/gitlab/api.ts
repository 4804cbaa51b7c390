import { ProviderError } from '../errors';
import { providerFetch, unreachable } from '../fetch';
import { GitlabIssuableTimelogs, GitlabUser, GitlabVersion, type GitlabIssuableTimelogs as IssuableTimelogs } from './schemas';

/**
 * The only file that talks to GitLab's network: five REST calls (version, user, issue and MR lists, estimates) and
 * GraphQL where REST has no equivalent (individual timelogs, creating and deleting them), all by fetch: one request
 * each, the browser cache bypassed, every failure a ProviderError a person can act on; the sync engine waits and
 * retries. Not @gitbeaker: measured, its resources add 159 KB (45 KB gzipped) to the background, and a worker woken
 * by a page load parses them while the page loads — Stint's cost on that page rose from 1.08× to 1.2× the reference's.
 * Its default request handler also sleeps through 429s for minutes, which an MV3 worker cannot afford.
 */

export interface GitlabTarget {
  /** e.g. `https://gitlab.com/api/v4` or `https://gitlab.example.com/gitlab/api/v4`. */
  readonly apiBase: string;
  readonly token: string;
}

export type IssuableKind = 'issue' | 'mr';

const origin = (target: GitlabTarget) => target.apiBase.replace(/\/api\/v4\/?$/, '');

function readRetryAfter(headers: Headers): number {
  const retryAfter = Number(headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(retryAfter)) return Math.max(0, retryAfter);
  const reset = Number(headers.get('ratelimit-reset') ?? Number.NaN);
  return Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : 60;
}

/** A failed answer, in words a person can act on (never echoing the token). */
export function explainGitlabAnswer(status: number, headers: Headers, body: unknown, host: string, writing: boolean): ProviderError {
  const record = (body ?? {}) as { message?: unknown; error?: unknown; scope?: unknown };
  const said = [record.message, record.error].find((v): v is string => typeof v === 'string') ?? '';
  if (status === 401) return new ProviderError('bad-token', { reason: 'token-refused', host, credential: 'gitlab-token' }, `${host} refused the token (401 Unauthorized). Create a new personal access token and paste it again.`, { status });
  if (status === 429) {
    const seconds = readRetryAfter(headers);
    return new ProviderError('rate-limited', { reason: 'rate-limited', host, seconds }, `${host} asks Stint to slow down; it will try again in ${seconds} s.`, { status, retryAfterSeconds: seconds });
  }
  if (status === 403) {
    const scope = typeof record.scope === 'string' ? record.scope.split(/\s+/)[0] : /scope="([^"\s]+)/.exec(headers.get('www-authenticate') ?? '')?.[1];
    if (record.error === 'insufficient_scope' || scope) {
      const needed = scope ?? (writing ? 'api' : 'read_api');
      return new ProviderError('missing-scope', { reason: 'scope-missing', scope: needed, fix: writing || needed === 'api' ? 'gitlab-write' : 'gitlab-read' }, `The token lacks the “${needed}” scope${writing ? ' needed to log time' : ''}. Create a token with ${needed === 'api' ? '“api”' : '“read_api” (or “api” to write time back)'} and paste it again.`, { status, scope: needed });
    }
    return new ProviderError('missing-scope', { reason: 'forbidden', host, need: 'project-access', ...(said ? { said } : {}) }, `${host} refused this request (403)${said ? `: ${said}` : ''}. Check your access to the project.`, { status });
  }
  if (status === 404) return new ProviderError('not-found', { reason: 'not-found', host, where: 'gitlab' }, `Nothing at that address on ${host} (404). Check the host (self-managed: https://<host>/api/v4) and your access to the project.`, { status });
  if (status >= 500) return new ProviderError('server', { reason: 'server-trouble', host, status }, `${host} had a problem (${status}); Stint will try again later.`, { status });
  return new ProviderError('server', { reason: 'unexpected-status', host, status, ...(said ? { said } : {}) }, `${host} answered ${status}${said ? `: ${said.slice(0, 300)}` : ''}.`, { status });
}


async function bodyOf(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (!type.includes('json') || text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One REST call (`/api/v4/…`): the parsed body and headers of a 2xx, or a ProviderError. */
async function rest(target: GitlabTarget, host: string, method: 'GET' | 'POST' | 'DELETE', path: string, query: Record<string, string> = {}, json?: Record<string, unknown>): Promise<{ body: unknown; headers: Headers }> {
  const url = new URL(`${target.apiBase.replace(/\/+$/, '')}/${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  let response: Response;
  try {
    const headers: Record<string, string> = { 'private-token': target.token, ...(json ? { 'content-type': 'application/json' } : {}) };
    response = await providerFetch(url, { method, headers, ...(json ? { body: JSON.stringify(json) } : {}) });
  } catch (error) {
    throw unreachable(host, error);
  }
  const body = await bodyOf(response);
  if (!response.ok) throw explainGitlabAnswer(response.status, response.headers, body, host, method !== 'GET');
  return { body, headers: response.headers };
}

const projectPathOf = (projectPath: string) => encodeURIComponent(projectPath);

/** Who the token belongs to, after checking the address is a GitLab API at all (`/version`). */
export async function whoAmI(target: GitlabTarget, host: string): Promise<{ login: string; version: string }> {
  let version: unknown;
  try {
    version = (await rest(target, host, 'GET', 'version')).body;
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'not-found') {
      throw new ProviderError('not-found', { reason: 'no-api-here', host: origin(target), provider: 'gitlab' }, `${origin(target)} is not a GitLab API (no /api/v4/version there). Check the host; self-managed GitLab may live under a path.`, error.details);
    }
    throw error;
  }
  const parsedVersion = GitlabVersion.safeParse(version);
  if (!parsedVersion.success) throw new ProviderError('bad-payload', { reason: 'not-this-api', host, provider: 'gitlab' }, `${host} answered, but not like a GitLab API (is the host right?).`);
  const user = GitlabUser.safeParse((await rest(target, host, 'GET', 'user')).body);
  if (!user.success) throw new ProviderError('bad-payload', { reason: 'not-this-api', host, provider: 'gitlab' }, `${host} answered, but not like a GitLab API (is the host right?).`);
  return { login: user.data.username, version: parsedVersion.data.version };
}

/**
 * Issues or merge requests of a project updated at or after `since` (all when null), oldest change first, 100 a page,
 * following GitLab's `x-next-page` (which it sends even above 10,000 records, where it stops counting). An unchanged
 * project costs one request per kind.
 */
export async function changedIssuables(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, since: number | null): Promise<unknown[]> {
  const records: unknown[] = [];
  const query: Record<string, string> = { order_by: 'updated_at', sort: 'asc', per_page: '100', ...(since !== null ? { updated_after: new Date(since).toISOString() } : {}) };
  for (let page = 1; page <= 1000; ) {
    const { body, headers } = await rest(target, host, 'GET', `projects/${projectPathOf(projectPath)}/${kind === 'issue' ? 'issues' : 'merge_requests'}`, { ...query, page: String(page) });
    if (!Array.isArray(body)) throw new ProviderError('bad-payload', { reason: 'unreadable', host }, `${host} answered a list request with something that is not a list.`);
    records.push(...(body as unknown[]));
    const next = Number(headers.get('x-next-page') ?? '');
    if (!Number.isInteger(next) || next <= page) break;
    page = next;
  }
  return records;
}

const graphqlUrl = (target: GitlabTarget) => `${origin(target)}/api/graphql`;

/** One GraphQL request; `errors` in a 200 are failures too (GitLab answers most errors that way). */
export async function graphql(target: GitlabTarget, host: string, query: string, variables: Record<string, unknown>, writing = false): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await providerFetch(graphqlUrl(target), {
      method: 'POST',
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw unreachable(host, error);
  }
  const body = await bodyOf(response);
  if (!response.ok) throw explainGitlabAnswer(response.status, response.headers, body, host, writing);
  const { data, errors } = (body ?? {}) as { data?: unknown; errors?: { message?: unknown }[] };
  if (Array.isArray(errors) && errors.length > 0) {
    const message = errors.map((e) => (typeof e.message === 'string' ? e.message : '')).join('; ').slice(0, 300);
    if (/does not exist or you don't have permission/i.test(message)) {
      // GitLab says the same for a missing item and for a `read_api` token trying to write.
      if (writing) throw new ProviderError('missing-scope', { reason: 'gitlab-write-refused', host }, `${host} refused to log time: the token lacks the “api” scope (a “read_api” token can only read), or the item is gone. Create a token with “api” and paste it again.`, { scope: 'api' });
      throw new ProviderError('not-found', { reason: 'item-missing', host }, `${host}: that item does not exist or your token cannot see it.`);
    }
    if (/insufficient|scope/i.test(message)) throw new ProviderError('missing-scope', { reason: 'scope-missing', scope: 'api', fix: 'gitlab-write' }, `The token lacks the “api” scope needed to log time. Create a token with “api” and paste it again.`, { scope: 'api' });
    throw new ProviderError('bad-payload', { reason: 'refused', host, said: message }, `${host} refused the request: ${message}`);
  }
  if (!data || typeof data !== 'object') throw new ProviderError('bad-payload', { reason: 'unreadable', host }, `${host} answered GraphQL without data.`);
  return data as Record<string, unknown>;
}

const TIMELOG_FIELDS = 'id spentAt timeSpent summary user { username }';
const PAGE = 'pageInfo { hasNextPage endCursor }';
const connectionOf = (kind: IssuableKind) => (kind === 'issue' ? 'issues' : 'mergeRequests');
const singleOf = (kind: IssuableKind) => (kind === 'issue' ? 'issue' : 'mergeRequest');

/** The rest of an item's timelogs, after the first page a batch query returned. */
async function moreTimelogs(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, iid: string, after: string): Promise<unknown[]> {
  const nodes: unknown[] = [];
  for (let cursor: string | null = after, pages = 0; cursor && pages < 100; pages++) {
    const query = `query($path: ID!, $iid: String!, $after: String) { project(fullPath: $path) { item: ${singleOf(kind)}(iid: $iid) { timelogs(first: 100, after: $after) { nodes { ${TIMELOG_FIELDS} } ${PAGE} } } } }`;
    const data = await graphql(target, host, query, { path: projectPath, iid, after: cursor });
    const page = ((data.project as { item?: { timelogs?: { nodes?: unknown[]; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } } } } | null)?.item?.timelogs) ?? null;
    if (!page || !Array.isArray(page.nodes)) throw new ProviderError('bad-payload', { reason: 'unreadable', host }, `${host} answered a timelog query without timelogs.`);
    nodes.push(...page.nodes);
    cursor = page.pageInfo?.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  }
  return nodes;
}

export interface ItemTimelogs {
  readonly iid: string;
  /** The issuable's global id (`gid://gitlab/Issue/1`), for mutations. */
  readonly globalId: string;
  readonly totalTimeSpent: number;
  /** Raw timelog nodes, every page. */
  readonly timelogs: unknown[];
}

/**
 * Every timelog of these issues or MRs, 50 items to a query (their first 100 timelogs each), then the rest for items
 * with more. Only changed items are asked about, so an unchanged project reads no timelogs at all.
 */
export async function timelogsOf(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, iids: readonly string[]): Promise<ItemTimelogs[]> {
  const out: ItemTimelogs[] = [];
  for (let i = 0; i < iids.length; i += 50) {
    const batch = iids.slice(i, i + 50);
    const query = `query($path: ID!, $iids: [String!]) { project(fullPath: $path) { items: ${connectionOf(kind)}(iids: $iids, first: 50) { nodes { id iid totalTimeSpent timelogs(first: 100) { nodes { ${TIMELOG_FIELDS} } ${PAGE} } } } } }`;
    const data = await graphql(target, host, query, { path: projectPath, iids: batch });
    const project = data.project as { items?: { nodes?: unknown[] } } | null;
    if (!project) throw new ProviderError('not-found', { reason: 'project-missing', host, project: projectPath }, `${host}: the project ${projectPath} does not exist or your token cannot see it.`);
    for (const raw of project.items?.nodes ?? []) {
      const parsed = GitlabIssuableTimelogs.safeParse(raw);
      if (!parsed.success) continue; // an unreadable item keeps its last known time; its next change reads it again
      const item: IssuableTimelogs = parsed.data;
      const rest = item.timelogs.pageInfo.hasNextPage && item.timelogs.pageInfo.endCursor ? await moreTimelogs(target, host, projectPath, kind, item.iid, item.timelogs.pageInfo.endCursor) : [];
      out.push({ iid: item.iid, globalId: item.id, totalTimeSpent: item.totalTimeSpent, timelogs: [...item.timelogs.nodes, ...rest] });
    }
  }
  return out;
}

/** One item's timelogs and global id (to find Stint's own earlier write before writing again). */
export async function itemTimelogs(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, iid: string): Promise<ItemTimelogs> {
  const [found] = await timelogsOf(target, host, projectPath, kind, [iid]);
  if (!found) throw new ProviderError('not-found', { reason: 'issuable-missing', host, project: projectPath, iid, issuable: kind === 'issue' ? 'issue' : 'merge-request' }, `${host}: ${kind === 'issue' ? 'issue' : 'merge request'} ${iid} of ${projectPath} does not exist or your token cannot see it.`);
  return found;
}

/** GitLab's own estimate of an issue or MR, set to `seconds` (null resets it). Setting it again is harmless. */
export async function setTimeEstimate(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, iid: string, seconds: number | null): Promise<void> {
  const item = `projects/${projectPathOf(projectPath)}/${kind === 'issue' ? 'issues' : 'merge_requests'}/${encodeURIComponent(iid)}`;
  if (seconds === null) await rest(target, host, 'POST', `${item}/reset_time_estimate`);
  else await rest(target, host, 'POST', `${item}/time_estimate`, { duration: `${seconds}s` });
}

/** Log time on an issue or MR; returns the new timelog's global id. Never retried here (see the outbox). */
export async function createTimelog(target: GitlabTarget, host: string, issuableId: string, seconds: number, spentAt: string, summary: string): Promise<string> {
  const query = `mutation($input: TimelogCreateInput!) { timelogCreate(input: $input) { errors timelog { id } } }`;
  const data = await graphql(target, host, query, { input: { issuableId, timeSpent: `${seconds}s`, spentAt, summary } }, true);
  const result = data.timelogCreate as { errors?: unknown[]; timelog?: { id?: unknown } | null } | null;
  if (result?.errors && result.errors.length > 0) {
    const said = result.errors.map(String).join('; ');
    throw new ProviderError('bad-payload', { reason: 'refused', host, said }, `${host} refused the timelog: ${said.slice(0, 300)}`);
  }
  const id = result?.timelog?.id;
  if (typeof id !== 'string') throw new ProviderError('bad-payload', { reason: 'no-id', host }, `${host} did not say which timelog it created.`);
  return id;
}

/** Delete a timelog; one already gone is fine (the goal is that it does not exist). */
export async function deleteTimelog(target: GitlabTarget, host: string, id: string): Promise<void> {
  const query = `mutation($input: TimelogDeleteInput!) { timelogDelete(input: $input) { errors } }`;
  try {
    const data = await graphql(target, host, query, { input: { id } }, true);
    const errors = (data.timelogDelete as { errors?: unknown[] } | null)?.errors ?? [];
    if (errors.length > 0) {
      const said = errors.map(String).join('; ');
      throw new ProviderError('bad-payload', { reason: 'refused', host, said }, `${host} refused to delete the timelog: ${said.slice(0, 300)}`);
    }
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'not-found') return;
    throw error;
  }
}

const notesPath = (projectPath: string, kind: IssuableKind, iid: string) => `projects/${projectPathOf(projectPath)}/${kind === 'issue' ? 'issues' : 'merge_requests'}/${encodeURIComponent(iid)}/notes`;

/** Every note (comment) of an issue or MR, oldest first, 100 a page (to find Stint's own earlier post). */
export async function itemNotes(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, iid: string): Promise<unknown[]> {
  const records: unknown[] = [];
  for (let page = 1; page <= 1000; ) {
    const { body, headers } = await rest(target, host, 'GET', notesPath(projectPath, kind, iid), { sort: 'asc', order_by: 'created_at', per_page: '100', page: String(page) });
    if (!Array.isArray(body)) throw new ProviderError('bad-payload', { reason: 'unreadable', host }, `${host} answered a note list with something that is not a list.`);
    records.push(...(body as unknown[]));
    const next = Number(headers.get('x-next-page') ?? '');
    if (!Number.isInteger(next) || next <= page) break;
    page = next;
  }
  return records;
}

/** Add a note (Markdown) to an issue or MR; returns its id. Never retried here (the outbox looks for it first). */
export async function createNote(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, iid: string, body: string): Promise<number> {
  const { body: answer } = await rest(target, host, 'POST', notesPath(projectPath, kind, iid), {}, { body });
  const id = (answer as { id?: unknown } | null)?.id;
  if (typeof id !== 'number') throw new ProviderError('bad-payload', { reason: 'no-id', host }, `${host} did not say which note it created.`);
  return id;
}

/** Delete a note; one already gone is fine. */
export async function deleteNote(target: GitlabTarget, host: string, projectPath: string, kind: IssuableKind, iid: string, noteId: number): Promise<void> {
  try {
    await rest(target, host, 'DELETE', `${notesPath(projectPath, kind, iid)}/${noteId}`);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'not-found') return;
    throw error;
  }
}
