import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { rateWindowKey } from './rate-limit.ts';
import { GHE, apiBase, failure, githubToken, octokitFor } from './test-support.ts';

describe('GitHub API: rate limits, conditional requests and headers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const get = (path: string, headers: Record<string, string> = {}, host = 'github.com') =>
    fetch(`${apiBase(sandbox, host)}${path}`, { headers: { authorization: `token ${githubToken(sandbox, 'ana', host)}`, ...headers } });

  it('counts every call against 5,000 an hour per token and says so in every response', async () => {
    const first = await get('/repos/acme/checkout-web');
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(first.headers.get('x-ratelimit-used')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(first.headers.get('x-ratelimit-resource')).toBe('core');
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3600);
    // A 404 counts too; another person's token has its own window.
    expect((await get('/repos/acme/nope')).headers.get('x-ratelimit-used')).toBe('2');
    const ben = await fetch(`${apiBase(sandbox)}/user`, { headers: { authorization: `Bearer ${githubToken(sandbox, 'ben')}` } });
    expect(ben.headers.get('x-ratelimit-used')).toBe('1');
    // `GET /rate_limit` is free and reports the same window.
    const status = await get('/rate_limit');
    const body = (await status.json()) as { resources: { core: { used: number; remaining: number }; search: { limit: number } }; rate: { used: number } };
    expect(body.resources.core).toMatchObject({ used: 2, remaining: 4998 });
    expect(body.rate.used).toBe(2);
    expect(body.resources.search.limit).toBe(30);
    expect(status.headers.get('x-ratelimit-used')).toBe('2');
  });

  it('answers 403 with remaining 0 and GitHub’s message once the hour is spent, and runs no handler', async () => {
    const token = githubToken(sandbox);
    const resetAt = Date.now() + 120_000;
    sandbox.state.rateWindows.set(rateWindowKey('github.com', token, 'core'), { limit: 5000, used: 5000, resetAt });
    const octokit = octokitFor(sandbox, token);
    const refused = await failure(octokit.rest.issues.createComment({ owner: 'acme', repo: 'checkout-web', issue_number: 1, body: 'too late' }));
    expect(refused.status).toBe(403);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.headers['x-ratelimit-reset']).toBe(String(Math.ceil(resetAt / 1000)));
    expect((refused.data as { message: string }).message).toMatch(/^API rate limit exceeded for user ID 583231\./);
    expect(sandbox.data.github[0]?.repos[0]?.issues[0]?.comments.some((c) => c.body === 'too late')).toBe(false);
    // The GHE instance keeps its own windows.
    expect((await get('/user', {}, GHE)).status).toBe(200);
  });

  it('allows 30 searches a minute as a separate resource', async () => {
    const octokit = octokitFor(sandbox);
    for (let i = 0; i < 30; i++) await octokit.rest.search.issuesAndPullRequests({ q: 'repo:acme/checkout-web is:issue' });
    const refused = await failure(octokit.rest.search.issuesAndPullRequests({ q: 'repo:acme/checkout-web is:issue' }));
    expect(refused.status).toBe(403);
    expect(refused.headers['x-ratelimit-resource']).toBe('search');
    expect(refused.headers['x-ratelimit-limit']).toBe('30');
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    // The core budget is untouched by searches.
    expect((await octokit.rest.repos.get({ owner: 'acme', repo: 'checkout-web' })).headers['x-ratelimit-used']).toBe('1');
  });

  it('varies the ETag on token and Accept, and answers If-Modified-Since on single records', async () => {
    const a = await get('/repos/acme/checkout-web/issues/4');
    const b = await fetch(`${apiBase(sandbox)}/repos/acme/checkout-web/issues/4`, { headers: { authorization: `token ${githubToken(sandbox, 'ben')}` } });
    const c = await get('/repos/acme/checkout-web/issues/4', { accept: 'application/vnd.github.raw+json' });
    expect(new Set([a.headers.get('etag'), b.headers.get('etag'), c.headers.get('etag')]).size).toBe(3);
    expect(c.headers.get('x-github-media-type')).toBe('github.v3; param=raw; format=json');
    const lastModified = a.headers.get('last-modified') ?? '';
    expect(Date.parse(lastModified)).toBe(Date.parse(((await a.json()) as { updated_at: string }).updated_at));
    const notModified = await get('/repos/acme/checkout-web/issues/4', { 'if-modified-since': lastModified });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    // Ana's two 200s counted (Ben has his own window); the 304 did not.
    expect(notModified.headers.get('x-ratelimit-used')).toBe('2');
    // A change makes the old ETag stale.
    const etag = a.headers.get('etag') ?? '';
    await octokitFor(sandbox).rest.issues.update({ owner: 'acme', repo: 'checkout-web', issue_number: 4, title: 'Renamed' });
    expect((await get('/repos/acme/checkout-web/issues/4', { 'if-none-match': etag })).status).toBe(200);
  });

  it('sends the headers clients read on success and on error', async () => {
    for (const res of [await get('/repos/acme/checkout-web/issues?per_page=2'), await get('/repos/acme/checkout-web/issues/999999')]) {
      expect(res.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{7}:[0-9A-F]{7}:[0-9A-F]{8}$/);
      expect(res.headers.get('x-github-media-type')).toBe('github.v3; format=json');
      expect(res.headers.get('x-oauth-scopes')).toBe('repo, read:org');
      expect(res.headers.get('x-accepted-oauth-scopes')).toBe('repo');
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
    const missing = await get('/repos/acme/checkout-web/issues/999999');
    expect(await missing.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue', status: '404' });
    const unknown = await get('/no/such/thing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: 'Not Found', status: '404' });
  });

  it('caps per_page at 100 and links first, prev, next and last', async () => {
    const res = await get('/repos/acme/checkout-web/issues?state=all&per_page=500&page=1');
    expect(((await res.json()) as unknown[]).length).toBe(100);
    const middle = await get('/repos/acme/checkout-web/issues?state=all&per_page=10&page=3');
    const link = middle.headers.get('link') ?? '';
    const repoId = sandbox.data.github[0]?.repos[0]?.id;
    for (const [rel, page] of [['prev', 2], ['next', 4], ['last', 11], ['first', 1]] as const) {
      expect(link).toContain(`<https://api.github.com:${sandbox.port}/repositories/${repoId}/issues?state=all&per_page=10&page=${page}>; rel="${rel}"`);
    }
  });

  it('answers injected faults in GitHub’s shapes', async () => {
    sandbox.faults.add({ kind: 'status', status: 502, route: 'github.pulls.list', times: 1 });
    const res = await get('/repos/acme/checkout-web/pulls');
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ message: 'Bad Gateway', documentation_url: 'https://docs.github.com/rest', status: '502' });
    expect(res.headers.get('x-github-request-id')).toBeTruthy();
    // A rate-limit fault on search names the search resource.
    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 9, status: 403, route: 'github.search.issues', times: 1 });
    const search = await get('/search/issues?q=is:open');
    expect(search.status).toBe(403);
    expect([search.headers.get('retry-after'), search.headers.get('x-ratelimit-resource'), search.headers.get('x-ratelimit-remaining')]).toEqual(['9', 'search', '0']);
    // On the Enterprise host only the API answers in GitHub's JSON; its web pages are someone else's.
    const api = sandbox.state.errorStyleFor(GHE, '/api/v3/user').error(503, 'Service Unavailable', '/api/v3/user');
    expect(api.body).toMatchObject({ message: 'Service Unavailable', status: '503' });
    const page = sandbox.state.errorStyleFor(GHE, '/eng/portal/issues').error(503, 'Service Unavailable', '/eng/portal/issues');
    expect(page.body).not.toHaveProperty('documentation_url');
  });
});
