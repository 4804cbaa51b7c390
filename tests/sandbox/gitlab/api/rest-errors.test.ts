import { GitbeakerRequestError, GitbeakerRetryError } from '@gitbeaker/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { gitlabRateKey } from './rate-limit.ts';
import { BILLING, client, encoded, gitlabFetch, token } from './test-clients.ts';

describe('GitLab REST auth, scopes, rate limits, faults and ETags', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const issuesPath = `/api/v4/projects/${encoded(BILLING)}/issues`;

  it('answers a missing or wrong token with 401, through PRIVATE-TOKEN or Bearer alike', async () => {
    expect(await gitlabFetch(sandbox, '/api/v4/user')).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    expect(await gitlabFetch(sandbox, '/api/v4/user', { token: 'glpat-not-a-real-token' })).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    const bearer = await gitlabFetch(sandbox, '/api/v4/user', { headers: { authorization: `Bearer ${token(sandbox, 'eli')}` } });
    expect(bearer).toMatchObject({ status: 200, body: { username: 'ehaddad' } });
    await expect(client(sandbox, 'glpat-wrong').Users.showCurrentUser()).rejects.toThrow('401 Unauthorized');
  });

  it('lets a read_api token read but refuses its writes with insufficient_scope', async () => {
    const readOnly = token(sandbox, 'ana', { readOnly: true });
    const api = client(sandbox, readOnly);
    expect((await api.Issues.showTimeStats(BILLING, 1)).time_estimate).toEqual(expect.any(Number));
    const error = await api.Issues.addSpentTime(BILLING, 1, '1h').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitbeakerRequestError);
    expect((error as GitbeakerRequestError).message).toBe('insufficient_scope');
    const raw = await gitlabFetch(sandbox, `${issuesPath}/1/add_spent_time`, { method: 'POST', token: readOnly, body: { duration: '1h' } });
    expect(raw.status).toBe(403);
    expect(raw.body).toEqual({ error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api' });
    expect(raw.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('sends RateLimit-* headers on every answer', async () => {
    const first = await gitlabFetch(sandbox, issuesPath, { token: token(sandbox) });
    const second = await gitlabFetch(sandbox, issuesPath, { token: token(sandbox) });
    expect(first.headers.get('ratelimit-limit')).toBe('2000');
    expect(Number(second.headers.get('ratelimit-observed'))).toBe(Number(first.headers.get('ratelimit-observed')) + 1);
    expect(Number(second.headers.get('ratelimit-remaining'))).toBe(2000 - Number(second.headers.get('ratelimit-observed')));
    expect(Number(second.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(Date.parse(second.headers.get('ratelimit-resettime') ?? '')).toBeGreaterThan(0);
  });

  it('throttles a caller whose window is used up: 429 Retry later with Retry-After', async () => {
    const ana = token(sandbox);
    await gitlabFetch(sandbox, '/api/v4/user', { token: ana });
    const window = sandbox.state.rateWindows.get(gitlabRateKey('gitlab.com', 'ana'));
    if (!window) throw new Error('no rate window for ana');
    window.limit = window.used;
    const throttled = await gitlabFetch(sandbox, '/api/v4/user', { token: ana });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toBe('Retry later\n');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(throttled.headers.get('ratelimit-remaining')).toBe('0');
    // Other users have their own window.
    expect((await gitlabFetch(sandbox, '/api/v4/user', { token: token(sandbox, 'ben') })).status).toBe(200);
  });

  it('answers an injected rate limit the GitLab way; gitbeaker retries through it, and gives up if it lasts', async () => {
    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 7, route: 'gitlab.issues.list', times: 1 });
    const raw = await gitlabFetch(sandbox, issuesPath, { token: token(sandbox) });
    expect(raw).toMatchObject({ status: 429, body: 'Retry later\n' });
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(raw.headers.get('ratelimit-remaining')).toBe('0');

    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 7, route: 'gitlab.issues.list', times: 1 });
    const from = sandbox.log.length;
    const issues = await client(sandbox, token(sandbox)).Issues.all({ projectId: BILLING, perPage: 100 });
    expect(issues.length).toBeGreaterThan(0);
    expect(sandbox.state.requestsSince(from).map((r) => r.status)).toEqual([429, 200]);

    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 1, route: 'gitlab.user' });
    await expect(client(sandbox, token(sandbox)).Users.showCurrentUser()).rejects.toBeInstanceOf(GitbeakerRetryError);
  });

  it('answers an injected 500 with GitLab’s message', async () => {
    sandbox.faults.add({ kind: 'status', status: 500, route: 'gitlab.issues.get', times: 1 });
    await expect(client(sandbox, token(sandbox)).Issues.show(1, { projectId: BILLING })).rejects.toThrow('500 Internal Server Error');
    const raw = await gitlabFetch(sandbox, `${issuesPath}/1`, { token: token(sandbox) });
    expect(raw.status).toBe(200);
  });

  it('sends weak ETags and answers a matching If-None-Match with 304', async () => {
    const first = await gitlabFetch(sandbox, `${issuesPath}/2`, { token: token(sandbox) });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const from = sandbox.log.length;
    const again = await gitlabFetch(sandbox, `${issuesPath}/2`, { token: token(sandbox), headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(sandbox.state.requestsSince(from)).toEqual([expect.objectContaining({ route: 'gitlab.issues.get', status: 304, ifNoneMatch: true })]);
    // A change makes the old tag stale.
    await client(sandbox, token(sandbox)).Issues.addSpentTime(BILLING, 2, '15m');
    const changed = await gitlabFetch(sandbox, `${issuesPath}/2`, { token: token(sandbox), headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
