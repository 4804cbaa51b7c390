import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whoAmI } from '../../lib/providers/gitlab/api';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { failureOf } from './failure.ts';

/** gitbeaker (on Stint's request handler) against the sandbox's GitLab: who a token is, and errors a person can act on. */
describe('GitLab connection test (whoAmI)', () => {
  let sandbox: Sandbox;
  let api: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = `https://gitlab.com:${sandbox.port}/api/v4`;
  });
  afterAll(() => sandbox.close());

  const token = (host: string, person: string, scope = 'api') => sandbox.data.gitlab.find((i) => i.host === host)!.tokens.find((t) => t.personId === person && t.scopes.includes(scope))!.value;
  const failure = failureOf;

  it('names the token’s owner on gitlab.com and on a self-managed host, read-only tokens included', async () => {
    expect(await whoAmI({ apiBase: api, token: token('gitlab.com', 'ana') }, 'gitlab.com')).toEqual({ login: 'aruiz', version: expect.stringMatching(/^\d+\.\d+/) as string });
    expect((await whoAmI({ apiBase: api, token: token('gitlab.com', 'ana', 'read_api') }, 'gitlab.com')).login).toBe('aruiz');
    expect((await whoAmI({ apiBase: `https://gitlab.example.test:${sandbox.port}/api/v4`, token: token('gitlab.example.test', 'ben') }, 'gitlab.example.test')).login).toBe('ben.okafor');
  });

  it('says a wrong token is wrong (401), without repeating the token', async () => {
    const bad = 'glpat-this-is-not-a-token-0000';
    const error = await failure(whoAmI({ apiBase: api, token: bad }, 'gitlab.com'));
    expect(error.kind).toBe('bad-token');
    expect(error.message).toMatch(/gitlab\.com refused the token \(401/);
    expect(error.message).not.toContain(bad);
  });

  it('names a wrong address as not a GitLab API, and an unreachable host as unreachable', async () => {
    const wrong = await failure(whoAmI({ apiBase: `https://github.com:${sandbox.port}/api/v4`, token: token('gitlab.com', 'ana') }, 'github.com'));
    expect(wrong.kind).toBe('not-found');
    expect(wrong.message).toMatch(/is not a GitLab API \(no \/api\/v4\/version there\)/);
    const closed = await failure(whoAmI({ apiBase: 'https://127.0.0.1:9/api/v4', token: token('gitlab.com', 'ana') }, 'gitlab.com'));
    expect(closed.kind).toBe('offline');
  });

  it('reports a 429 with when to try again, once, instead of sleeping through retries', async () => {
    sandbox.faults.add({ route: 'gitlab.version', kind: 'rateLimit', retryAfter: 45, times: 1 });
    const from = sandbox.log.length;
    const error = await failure(whoAmI({ apiBase: api, token: token('gitlab.com', 'ana') }, 'gitlab.com'));
    expect(error.kind).toBe('rate-limited');
    expect(error.details.retryAfterSeconds).toBe(45);
    expect(sandbox.state.requestsSince(from)).toHaveLength(1);
  });
});
