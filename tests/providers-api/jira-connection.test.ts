import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whoAmI } from '../../lib/providers/jira/api';
import { normaliseInput } from '../../lib/services/connections';
import { CLOUD_HOST, DC_HOST, person, tokenOf } from '../sandbox/jira/api/test-clients.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { failureOf } from './failure.ts';

/** The Jira connection check against the sandbox: Cloud (e-mail + API token) and Data Center (PAT), and its errors. */
describe('Jira connection test (whoAmI)', () => {
  let sandbox: Sandbox;
  const base = (host: string) => `https://${host}:${sandbox.port}`;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('names the account on Cloud (API v3) and on Data Center (API v2, bearer), with the person’s Jira time zone', async () => {
    const ben = person(sandbox, 'ben');
    const from = sandbox.log.length;
    expect(await whoAmI({ apiBase: base(CLOUD_HOST), token: tokenOf(sandbox, CLOUD_HOST, 'ben'), email: ben.email }, CLOUD_HOST)).toEqual({
      login: 'Ben Okafor',
      account: { deployment: 'Cloud', email: ben.email, userId: ben.jira.accountId, timeZone: 'Europe/London' },
    });
    expect(sandbox.state.requestsSince(from).map((r) => [r.path, r.credentialOf])).toEqual([
      ['/rest/api/2/serverInfo', null],
      ['/rest/api/3/myself', `${CLOUD_HOST}/ben`],
    ]);
    const dc = await whoAmI({ apiBase: base(DC_HOST), token: tokenOf(sandbox, DC_HOST, 'chen'), email: null }, DC_HOST);
    expect(dc).toMatchObject({ login: 'Chen Wei', account: { deployment: expect.stringMatching(/^(Server|DataCenter)$/) as string, email: null, timeZone: 'Asia/Singapore' } });
    expect(dc.account.userId).toMatch(/\S/);
  });

  it('says a wrong API token is wrong (401) and how to make a new one, without repeating it', async () => {
    const bad = 'ATATT3x-not-a-real-token-000000';
    const error = await failureOf(whoAmI({ apiBase: base(CLOUD_HOST), token: bad, email: person(sandbox, 'ana').email }, CLOUD_HOST));
    expect(error.kind).toBe('bad-token');
    expect(error.message).toMatch(/refused the e-mail and API token \(401.*id\.atlassian\.com/);
    expect(error.message).not.toContain(bad);
    const dc = await failureOf(whoAmI({ apiBase: base(DC_HOST), token: bad, email: null }, DC_HOST));
    expect(dc.message).toMatch(/refused the token \(401.*Personal Access Tokens/);
  });

  it('tells Cloud from Data Center credentials: an e-mail is needed on Cloud, and refused on Data Center', async () => {
    const cloud = await failureOf(whoAmI({ apiBase: base(CLOUD_HOST), token: tokenOf(sandbox, CLOUD_HOST, 'ana'), email: null }, CLOUD_HOST));
    expect(cloud.message).toMatch(/is Jira Cloud: it needs the e-mail/);
    const dc = await failureOf(whoAmI({ apiBase: base(DC_HOST), token: tokenOf(sandbox, DC_HOST, 'ana'), email: 'ana@acme-payments.example' }, DC_HOST));
    expect(dc.message).toMatch(/leave the e-mail empty/);
  });

  it('names a wrong address as not a Jira site, and an unreachable one as unreachable', async () => {
    const wrong = await failureOf(whoAmI({ apiBase: `https://gitlab.com:${sandbox.port}`, token: tokenOf(sandbox, CLOUD_HOST, 'ana'), email: null }, 'gitlab.com'));
    expect(wrong.kind).toBe('not-found');
    expect(wrong.message).toMatch(/is not a Jira site/);
    expect((await failureOf(whoAmI({ apiBase: 'https://127.0.0.1:9', token: 'x'.repeat(20), email: null }, 'jira.example.com'))).kind).toBe('offline');
  });

  it('reports a 429 with Jira’s reason and when to try again, once', async () => {
    sandbox.faults.add({ route: 'jira.myself', kind: 'rateLimit', retryAfter: 40, times: 1 });
    const from = sandbox.log.length;
    const error = await failureOf(whoAmI({ apiBase: base(CLOUD_HOST), token: tokenOf(sandbox, CLOUD_HOST, 'ana'), email: person(sandbox, 'ana').email }, CLOUD_HOST));
    expect(error).toMatchObject({ kind: 'rate-limited', details: { retryAfterSeconds: 40 } });
    expect(sandbox.state.requestsSince(from)).toHaveLength(2);
  });

  it('asks for the e-mail on a Jira Cloud site before anything is sent', () => {
    expect(() => normaliseInput({ provider: 'jira', host: 'acme.atlassian.net', token: 'ATATT3x-abcdefgh' })).toThrow(/Atlassian account e-mail/);
    expect(() => normaliseInput({ provider: 'jira', host: 'acme.atlassian.net', token: 'ATATT3x-abcdefgh', email: 'not an email' })).toThrow(/not an e-mail/);
    expect(() => normaliseInput({ provider: 'github', host: 'github.com', token: 'ghp_abcdefgh', email: 'a@b.c' })).toThrow(/Only Jira Cloud/);
    expect(normaliseInput({ provider: 'jira', host: 'https://Jira.Example.com/', token: 'NjE2abcdefgh' })).toMatchObject({ host: 'jira.example.com', apiBase: 'https://jira.example.com', email: null });
  });
});
