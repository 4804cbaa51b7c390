import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../lib/providers/errors';
import { whoAmI } from '../../lib/providers/github/api';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { failureOf } from './failure.ts';

/** Stint's real Octokit client against the sandbox's GitHub: who a token is, and errors a person can act on. */
describe('GitHub connection test (whoAmI)', () => {
  let sandbox: Sandbox;
  let api: string;
  let ghe: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = `https://api.github.com:${sandbox.port}`;
    ghe = `https://github.example.test:${sandbox.port}/api/v3`;
  });
  afterAll(() => sandbox.close());

  const token = (host: string, person: string) => sandbox.data.github.find((i) => i.host === host)!.tokens.find((t) => t.value.includes(`_${person}_`))!.value;
  const failure = failureOf;

  it('names the token’s owner and its scopes, on github.com and on GitHub Enterprise', async () => {
    expect(await whoAmI({ apiBase: api, token: token('github.com', 'ana') }, 'github.com')).toEqual({ login: 'ana-ruiz', id: expect.any(Number) as number, scopes: ['repo', 'read:org'] });
    expect((await whoAmI({ apiBase: ghe, token: token('github.example.test', 'ben') }, 'github.example.test')).login).toBe('bokafor');
  });

  it('says a wrong token is wrong (401), without repeating the token', async () => {
    const bad = 'ghp_this_is_not_a_token_000000000000000000';
    const error = await failure(whoAmI({ apiBase: api, token: bad }, 'github.com'));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe('bad-token');
    expect(error.message).toMatch(/refused the token \(401/);
    expect(error.message).not.toContain(bad);
  });

  it('says a wrong API base is wrong (404 from a web host), and an unreachable host is unreachable', async () => {
    expect((await failure(whoAmI({ apiBase: `https://github.com:${sandbox.port}`, token: token('github.com', 'ana') }, 'github.com'))).kind).toBe('not-found');
    const closed = await failure(whoAmI({ apiBase: 'https://127.0.0.1:9', token: token('github.com', 'ana') }, 'github.com'));
    expect(closed.kind).toBe('offline');
    expect(closed.message).toMatch(/Could not reach github.com/);
  });

  it('reports a rate limit with when to try again, instead of retrying forever', async () => {
    sandbox.faults.add({ route: 'github.user.get', kind: 'rateLimit', retryAfter: 30, times: 1 });
    const error = await failure(whoAmI({ apiBase: api, token: token('github.com', 'ana') }, 'github.com'));
    expect(error.kind).toBe('rate-limited');
    expect(error.details.retryAfterSeconds).toBe(30);
  });
});
