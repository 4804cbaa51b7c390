import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../server.ts';
import { GHE, failure, githubToken, octokitFor } from './api/test-support.ts';

const owner = 'acme';
const repo = 'checkout-web';

describe('GitHub REST API through @octokit/rest', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const seeded = () => {
    const found = sandbox.data.github[0]?.repos.find((r) => r.name === repo);
    if (!found) throw new Error('seed changed: no acme/checkout-web');
    return found;
  };

  it('paginates every issue and pull request of acme/checkout-web, following Link headers', async () => {
    const octokit = octokitFor(sandbox);
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: 'all' });
    expect(all).toHaveLength(seeded().issues.length);
    expect(new Set(all.map((i) => i.number)).size).toBe(seeded().issues.length);
    expect(all.filter((i) => i.pull_request).length).toBe(seeded().issues.filter((i) => i.pull).length);
    const pages = sandbox.log.filter((l) => l.route === 'github.issues.list');
    expect(pages).toHaveLength(Math.ceil(seeded().issues.length / 30));
    // Like GitHub, the `next` links use the `/repositories/{id}` form.
    expect(pages[1]?.path).toBe(`/repositories/${seeded().id}/issues`);
  });

  it('lists open items by default, newest first, and filters on `since` (updated at or after)', async () => {
    const octokit = octokitFor(sandbox);
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, per_page: 100 });
    expect(open).toHaveLength(seeded().issues.filter((i) => i.state === 'open').length);
    const created = open.map((i) => Date.parse(i.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));

    const updated = seeded().issues.map((i) => i.updatedAt).sort((a, b) => a - b);
    const cut = updated[Math.floor(updated.length / 2)] ?? 0;
    const since = new Date(Math.floor(cut / 1000) * 1000).toISOString();
    const recent = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: 'all', since, per_page: 100 });
    expect(recent.length).toBe(seeded().issues.filter((i) => Math.floor(i.updatedAt / 1000) * 1000 >= Date.parse(since)).length);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(seeded().issues.length);
    expect(recent.every((i) => Date.parse(i.updated_at) >= Date.parse(since))).toBe(true);
  });

  it('creates a comment, reads it back and moves the issue’s updated_at', async () => {
    const octokit = octokitFor(sandbox, githubToken(sandbox, 'ben'));
    const before = await octokit.rest.issues.get({ owner, repo, issue_number: 3 });
    const { status, data, headers } = await octokit.rest.issues.createComment({ owner, repo, issue_number: 3, body: '⏱ 1h 15m — pairing' });
    expect(status).toBe(201);
    expect(headers.location).toBe(data.url);
    expect(data.user?.login).toBe('bokafor');
    expect(data.html_url).toMatch(new RegExp(`^https://github\\.com:${sandbox.port}/acme/checkout-web/(issues|pull)/3#issuecomment-${data.id}$`));

    const thread = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: 3 });
    expect(thread.at(-1)).toMatchObject({ id: data.id, body: '⏱ 1h 15m — pairing' });
    const after = await octokit.rest.issues.get({ owner, repo, issue_number: 3 });
    expect(after.data.comments).toBe(before.data.comments + 1);
    expect(Date.parse(after.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(before.data.updated_at));
    expect(after.data.updated_at).toBe(data.created_at);

    // The repository-wide read Stint uses for time markers sees it too.
    const sinceCreated = await octokit.rest.issues.listCommentsForRepo({ owner, repo, since: data.created_at, sort: 'updated', direction: 'asc' });
    expect(sinceCreated.data.map((c) => c.id)).toContain(data.id);
  });

  it('answers a repeated GET with the ETag with 304, which costs no rate limit', async () => {
    const octokit = octokitFor(sandbox);
    const first = await octokit.rest.issues.get({ owner, repo, issue_number: 5 });
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    const from = sandbox.log.length;
    const repeat = await failure(octokit.rest.issues.get({ owner, repo, issue_number: 5, headers: { 'if-none-match': etag } }));
    expect(repeat.status).toBe(304);
    expect(Number(repeat.headers['x-ratelimit-remaining'])).toBe(remaining);
    expect(sandbox.state.requestsSince(from)).toMatchObject([{ route: 'github.issues.get', status: 304, ifNoneMatch: true }]);
    const third = await octokit.rest.issues.get({ owner, repo, issue_number: 5 });
    expect(Number(third.headers['x-ratelimit-remaining'])).toBe(remaining - 1);
  });

  it('refuses a wrong token with 401 Bad credentials and a missing one with 401', async () => {
    const bad = await failure(octokitFor(sandbox, 'ghp_not_a_sandbox_token').rest.issues.listForRepo({ owner, repo }));
    expect(bad.status).toBe(401);
    expect(bad.data).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    const none = await failure(octokitFor(sandbox, null).rest.issues.listForRepo({ owner, repo }));
    expect(none.status).toBe(401);
    expect(none.data).toMatchObject({ message: 'Requires authentication' });
  });

  it('hides private repositories from a token without `repo` and names the scope when it writes', async () => {
    const octokit = octokitFor(sandbox, githubToken(sandbox, 'readonly'));
    const read = await failure(octokit.rest.issues.listForRepo({ owner, repo }));
    expect(read.status).toBe(404);
    expect(read.headers['x-oauth-scopes']).toBe('read:user');
    expect(read.headers['x-accepted-oauth-scopes']).toBe('repo');
    const write = await failure(octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'hi' }));
    expect(write.status).toBe(403);
    expect((write.data as { message: string }).message).toMatch(/'repo'/);
    expect(seeded().issues[0]?.comments.some((c) => c.body === 'hi')).toBe(false);
    // The account itself is readable with any token.
    expect((await octokit.rest.users.getAuthenticated()).data.login).toBe('ana-ruiz');
  });

  it('serves an injected 429 with Retry-After that the client sees', async () => {
    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 7, route: 'github.issues.list', times: 1 });
    const octokit = octokitFor(sandbox);
    const limited = await failure(octokit.rest.issues.listForRepo({ owner, repo }));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect((limited.data as { message: string }).message).toMatch(/secondary rate limit/);
    expect((await octokit.rest.issues.listForRepo({ owner, repo })).status).toBe(200);
    expect(sandbox.log.filter((l) => l.route === 'github.issues.list').map((l) => [l.status, l.fault])).toEqual([
      [429, 'rateLimit'],
      [200, null],
    ]);
  });

  it('works against the GitHub Enterprise stand-in under /api/v3', async () => {
    const octokit = octokitFor(sandbox, githubToken(sandbox, 'dana', GHE), GHE);
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'eng', repo: 'portal', state: 'all', per_page: 4 });
    expect(issues).toHaveLength(sandbox.data.github[1]?.repos[0]?.issues.length ?? -1);
    expect(issues[0]?.url).toMatch(new RegExp(`^https://github\\.example\\.test:${sandbox.port}/api/v3/repos/eng/portal/issues/\\d+$`));
    expect(issues[0]?.html_url).toMatch(new RegExp(`^https://github\\.example\\.test:${sandbox.port}/eng/portal/(issues|pull)/\\d+$`));
    const me = await octokit.rest.users.getAuthenticated();
    expect(me.data.login).toBe('dkowalski');
    expect(me.headers['x-github-enterprise-version']).toMatch(/^3\.\d+\.\d+$/);
    // A github.com token means nothing to the Enterprise server.
    const foreign = await failure(octokitFor(sandbox, githubToken(sandbox, 'dana'), GHE).rest.users.getAuthenticated());
    expect(foreign.status).toBe(401);
  });
});
