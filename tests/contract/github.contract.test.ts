import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import type { ServedResponse } from '../sandbox/state.ts';
import { rateWindowKey } from '../sandbox/github/api/rate-limit.ts';
import { GHE, apiBase, githubToken } from '../sandbox/github/api/test-support.ts';
import { loadContract, type ContractResult } from './openapi.ts';

const SPEC = 'tests/contract/specs/github-rest-subset.json';

/** The operation each sandbox route implements (GitHub's own path template), whether or not the subset describes it. */
const ROUTE_OPERATIONS: Record<string, string> = {
  'github.user.get': 'GET /user',
  'github.rateLimit.get': 'GET /rate_limit',
  'github.meta.get': 'GET /meta',
  'github.repos.get': 'GET /repos/{owner}/{repo}',
  'github.issues.list': 'GET /repos/{owner}/{repo}/issues',
  'github.issues.create': 'POST /repos/{owner}/{repo}/issues',
  'github.issues.get': 'GET /repos/{owner}/{repo}/issues/{issue_number}',
  'github.issues.update': 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  'github.issues.comments.list': 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'github.issues.comments.create': 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'github.issues.comments.listForRepo': 'GET /repos/{owner}/{repo}/issues/comments',
  'github.issues.comments.get': 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'github.issues.comments.update': 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'github.issues.comments.delete': 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'github.pulls.list': 'GET /repos/{owner}/{repo}/pulls',
  'github.pulls.get': 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  'github.milestones.list': 'GET /repos/{owner}/{repo}/milestones',
  'github.milestones.create': 'POST /repos/{owner}/{repo}/milestones',
  'github.milestones.get': 'GET /repos/{owner}/{repo}/milestones/{milestone_number}',
  'github.milestones.update': 'PATCH /repos/{owner}/{repo}/milestones/{milestone_number}',
  'github.milestones.delete': 'DELETE /repos/{owner}/{repo}/milestones/{milestone_number}',
  'github.labels.list': 'GET /repos/{owner}/{repo}/labels',
  'github.issues.labels.list': 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'github.issues.labels.add': 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'github.issues.labels.set': 'PUT /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'github.issues.labels.removeAll': 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'github.issues.labels.remove': 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
  'github.assignees.list': 'GET /repos/{owner}/{repo}/assignees',
  'github.issues.listForUser': 'GET /user/issues',
  'github.search.issues': 'GET /search/issues',
};

/**
 * Responses the subset cannot check (route and status), kept explicit so a new one is noticed: the repository-wide
 * comment list and single-label removal are not in the subset, and the subset gives no body schema for some statuses.
 */
const EXPECTED_UNDESCRIBED = [
  '(no route) 404',
  'github.issues.comments.listForRepo 200',
  'github.issues.create 429',
  'github.issues.get 401',
  'github.issues.get 500',
  'github.issues.labels.remove 200',
  'github.issues.labels.remove 404',
  'github.issues.list 401',
  'github.issues.list 403',
  'github.issues.list 429',
  'github.milestones.update 404',
  'github.milestones.update 422',
  'github.pulls.get 401',
  'github.repos.get 401',
];

const specPaths = new Set(
  Object.entries((JSON.parse(readFileSync(SPEC, 'utf8')) as { paths: Record<string, Record<string, unknown>> }).paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  ),
);

interface Checked {
  readonly response: ServedResponse;
  readonly path: string;
  readonly result: ContractResult | null;
}

describe('GitHub API bodies against the official OpenAPI description', () => {
  const contract = loadContract(SPEC);
  let sandbox: Sandbox;
  const served: ServedResponse[] = [];
  const observe = (r: ServedResponse) => served.push(r);

  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.state.responseObservers.add(observe);
  });
  afterAll(async () => {
    sandbox.state.responseObservers.delete(observe);
    await sandbox.close();
  });

  async function call(method: string, path: string, options: { token?: string | null; body?: unknown; raw?: string; host?: string } = {}): Promise<Response> {
    const host = options.host ?? 'github.com';
    const token = options.token === undefined ? githubToken(sandbox, 'ana', host) : options.token;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await fetch(`${apiBase(sandbox, host)}${path}`, {
      method,
      headers: { accept: 'application/vnd.github+json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body === undefined ? {} : { body }),
    });
    await res.arrayBuffer();
    return res;
  }

  /** The spec path of a served response: without the GHE prefix, and `/repositories/{id}` back to `/repos/{owner}/{repo}`. */
  function specPath(r: ServedResponse): string {
    const path = r.path.replace(/^\/api\/v3(?=\/)/, '');
    return path.replace(/^\/repositories\/(\d+)/, (_m, id: string) => {
      const repo = sandbox.data.github.flatMap((i) => i.repos).find((x) => x.id === Number(id));
      return repo ? `/repos/${repo.owner.login}/${repo.name}` : `/repositories/${id}`;
    });
  }

  function check(r: ServedResponse): Checked {
    const path = specPath(r);
    const operation = r.route ? ROUTE_OPERATIONS[r.route] : undefined;
    if (r.route && !operation) throw new Error(`route ${r.route} is missing from ROUTE_OPERATIONS`);
    // A route the subset does not describe would be matched to a neighbour (`/issues/comments` to `/issues/{issue_number}`).
    if (operation && !specPaths.has(operation)) return { response: r, path, result: null };
    return { response: r, path, result: contract.check(r.method, path, r.status, r.body) };
  }

  it('serves only bodies the schema accepts, on every route, success and error', async () => {
    const repo = 'acme/checkout-web';
    const seeded = sandbox.data.github[0]?.repos[0];
    const pr = seeded?.issues.find((i) => i.pull)?.number ?? 0;
    const plainIssue = seeded?.issues.find((i) => !i.pull)?.number ?? 0;
    const readonly = githubToken(sandbox, 'readonly');

    // The caller and the service.
    await call('GET', '/user');
    await call('GET', '/rate_limit');
    await call('GET', '/rate_limit', { token: null });
    await call('GET', '/meta', { token: null });
    await call('GET', '/user/issues');
    await call('GET', '/user/issues?filter=all&state=all&per_page=50&page=2');
    await call('GET', `/repos/${repo}`);
    await call('GET', `/repos/${repo}/assignees`);

    // Issues: lists with every filter, create, get, update.
    for (const q of ['', '?state=all&per_page=100', '?state=closed&sort=updated&direction=asc', '?milestone=*', '?milestone=none', '?milestone=2&labels=bug', '?assignee=none', '?sort=comments', '?since=2026-01-01T00:00:00Z']) {
      await call('GET', `/repos/${repo}/issues${q}`);
    }
    await call('GET', `/repositories/${seeded?.id}/issues?state=all&page=2`);
    await call('GET', `/repos/${repo}/issues?state=sideways`);
    const created = (await (await fetch(`${apiBase(sandbox)}/repos/${repo}/issues`, {
      method: 'POST',
      headers: { authorization: `token ${githubToken(sandbox)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Contract issue', body: 'made by the contract test', labels: ['bug', 'estimate: 2h'], assignees: ['bokafor'], milestone: 2 }),
    })).json()) as { number: number };
    await call('POST', `/repos/${repo}/issues`, { body: { body: 'no title' } });
    await call('POST', `/repos/${repo}/issues`, { body: { title: 42 } });
    await call('POST', `/repos/${repo}/issues`, { body: { title: 'x', assignees: ['nobody-here'] } });
    await call('POST', `/repos/${repo}/issues`, { raw: '{not json' });
    await call('GET', `/repos/${repo}/issues/${plainIssue}`);
    await call('GET', `/repos/${repo}/issues/${pr}`);
    await call('GET', `/repos/${repo}/issues/99999`);
    await call('PATCH', `/repos/${repo}/issues/${created.number}`, { body: { state: 'closed', state_reason: 'not_planned', milestone: null, labels: [] } });
    await call('PATCH', `/repos/${repo}/issues/${created.number}`, { body: { milestone: 77 } });
    await call('PATCH', `/repos/${repo}/issues/99999`, { body: { title: 'x' } });

    // Comments.
    await call('GET', `/repos/${repo}/issues/${plainIssue}/comments`);
    const comment = (await (await fetch(`${apiBase(sandbox)}/repos/${repo}/issues/${plainIssue}/comments`, {
      method: 'POST',
      headers: { authorization: `token ${githubToken(sandbox)}` },
      body: JSON.stringify({ body: '⏱ 30m' }),
    })).json()) as { id: number };
    await call('POST', `/repos/${repo}/issues/${plainIssue}/comments`, { body: { body: '' } });
    await call('GET', `/repos/${repo}/issues/comments?since=2026-01-01T00:00:00Z&sort=updated&direction=asc&per_page=100`);
    await call('GET', `/repos/${repo}/issues/comments/${comment.id}`);
    await call('PATCH', `/repos/${repo}/issues/comments/${comment.id}`, { body: { body: '⏱ 45m' } });
    await call('PATCH', `/repos/${repo}/issues/comments/${comment.id}`, { body: { body: '' } });
    await call('DELETE', `/repos/${repo}/issues/comments/${comment.id}`);
    await call('GET', `/repos/${repo}/issues/comments/${comment.id}`);

    // Pull requests.
    await call('GET', `/repos/${repo}/pulls?state=all&per_page=100`);
    await call('GET', `/repos/${repo}/pulls/${pr}`);
    await call('GET', `/repos/${repo}/pulls/${plainIssue}`);

    // Milestones.
    await call('GET', `/repos/${repo}/milestones?state=all&sort=completeness&direction=desc`);
    const milestone = (await (await fetch(`${apiBase(sandbox)}/repos/${repo}/milestones`, {
      method: 'POST',
      headers: { authorization: `token ${githubToken(sandbox)}` },
      body: JSON.stringify({ title: 'Sprint 44', due_on: '2027-01-15T08:00:00Z' }),
    })).json()) as { number: number };
    await call('POST', `/repos/${repo}/milestones`, { body: { title: 'Sprint 44' } });
    await call('GET', `/repos/${repo}/milestones/${milestone.number}`);
    await call('PATCH', `/repos/${repo}/milestones/${milestone.number}`, { body: { state: 'closed', description: 'Done' } });
    await call('PATCH', `/repos/${repo}/milestones/${milestone.number}`, { body: { title: '' } });
    await call('PATCH', `/repos/${repo}/milestones/404`, { body: { title: 'x' } });
    await call('DELETE', `/repos/${repo}/milestones/${milestone.number}`);
    await call('GET', `/repos/${repo}/milestones/${milestone.number}`);

    // Labels.
    await call('GET', `/repos/${repo}/labels`);
    await call('GET', `/repos/${repo}/issues/${plainIssue}/labels`);
    await call('POST', `/repos/${repo}/issues/${plainIssue}/labels`, { body: { labels: ['blocked'] } });
    await call('PUT', `/repos/${repo}/issues/${plainIssue}/labels`, { body: ['chore', 'priority: high'] });
    await call('DELETE', `/repos/${repo}/issues/${plainIssue}/labels/chore`);
    await call('DELETE', `/repos/${repo}/issues/${plainIssue}/labels/not-there`);
    await call('DELETE', `/repos/${repo}/issues/${plainIssue}/labels`);

    // Search.
    await call('GET', `/search/issues?q=${encodeURIComponent('repo:acme/checkout-web is:issue is:open label:bug')}`);
    await call('GET', `/search/issues?q=${encodeURIComponent('repo:acme/checkout-web is:pr updated:>=2026-01-01 payment')}&sort=updated&order=asc&per_page=5`);
    await call('GET', '/search/issues');
    await call('GET', `/search/issues?q=repo:${repo}`, { token: readonly });

    // Refusals: no token, bad token, a token without `repo`, unknown repository, exhausted limits.
    await call('GET', `/repos/${repo}`, { token: null });
    await call('GET', `/repos/${repo}/issues/1`, { token: 'ghp_wrong' });
    await call('GET', `/repos/${repo}/pulls/${pr}`, { token: 'ghp_wrong' });
    await call('GET', `/repos/${repo}/issues`, { token: readonly });
    await call('POST', `/repos/${repo}/issues/1/comments`, { token: readonly, body: { body: 'x' } });
    await call('GET', '/repos/acme/nope');
    await call('GET', '/repos/acme/nope/issues', { token: null });
    const exhausted = rateWindowKey('github.com', githubToken(sandbox, 'chen'), 'core');
    sandbox.state.rateWindows.set(exhausted, { limit: 5000, used: 5000, resetAt: Date.now() + 60_000 });
    await call('GET', `/repos/${repo}/issues`, { token: githubToken(sandbox, 'chen') });
    sandbox.state.rateWindows.set(rateWindowKey('github.com', githubToken(sandbox, 'chen'), 'search'), { limit: 30, used: 30, resetAt: Date.now() + 60_000 });
    await call('GET', `/search/issues?q=repo:${repo}`, { token: githubToken(sandbox, 'chen') });

    // Injected faults answer in GitHub's shapes too.
    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 3, route: 'github.issues.list', times: 1 });
    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 3, status: 403, route: 'github.issues.list', times: 1 });
    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 3, route: 'github.issues.create', times: 1 });
    sandbox.faults.add({ kind: 'status', status: 500, route: 'github.issues.get', times: 1 });
    await call('GET', `/repos/${repo}/issues`);
    await call('GET', `/repos/${repo}/issues`);
    await call('POST', `/repos/${repo}/issues`, { body: { title: 'never made' } });
    await call('GET', `/repos/${repo}/issues/1`);
    await call('GET', '/no/such/endpoint');

    // The Enterprise stand-in, under /api/v3.
    await call('GET', '/user', { host: GHE });
    await call('GET', '/meta', { host: GHE, token: null });
    await call('GET', '/repos/eng/portal', { host: GHE });
    await call('GET', '/repos/eng/portal/issues?state=all&per_page=5&page=2', { host: GHE });
    await call('GET', '/repos/eng/portal/milestones', { host: GHE });
    await call('GET', `/search/issues?q=${encodeURIComponent('repo:eng/portal milestone:"Sprint 42 — Wallets"')}`, { host: GHE });

    const fromApi = served.filter((r) => r.host === 'api.github.com' || (r.host === GHE && r.path.startsWith('/api/v3/')));
    const checked = fromApi.filter((r) => r.body !== undefined).map(check);
    const invalid = checked.flatMap((c) => (c.result?.verdict === 'invalid' ? [`${c.response.method} ${c.path} ${c.response.status}: ${c.result.errors.join('; ')}`] : []));
    expect(invalid).toEqual([]);
    const valid = checked.filter((c) => c.result?.verdict === 'valid');
    expect(valid.length).toBeGreaterThan(60);
    // The checker matched each body to the operation its route implements, not a neighbour.
    for (const c of valid) expect(c.result?.verdict === 'valid' && c.result.operation.startsWith(ROUTE_OPERATIONS[c.response.route ?? ''] ?? '?')).toBe(true);

    const undescribed = [...new Set(checked.filter((c) => c.result === null || c.result.verdict === 'undescribed').map((c) => `${c.response.route ?? '(no route)'} ${c.response.status}`))].sort();
    expect(undescribed).toEqual(EXPECTED_UNDESCRIBED);
    // Every route was driven.
    expect([...new Set(fromApi.map((r) => r.route).filter((r) => r !== null))].sort()).toEqual(Object.keys(ROUTE_OPERATIONS).sort());
  });

  it('reports a corrupted record served through the real route as invalid', async () => {
    const issue = sandbox.data.github[0]?.repos[0]?.issues.find((i) => i.number === 2);
    if (!issue) throw new Error('seed changed: no issue #2');
    (issue as { title: unknown }).title = 42;
    const from = served.length;
    expect((await call('GET', '/repos/acme/checkout-web/issues/2')).status).toBe(200);
    const response = served.slice(from).find((r) => r.route === 'github.issues.get');
    if (!response) throw new Error('the issue was not served');
    const result = check(response).result;
    expect(result?.verdict).toBe('invalid');
    expect(result?.verdict === 'invalid' ? result.errors.join('\n') : '').toMatch(/\/title must be string/);
  });
});
