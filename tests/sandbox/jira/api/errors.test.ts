import { Version3Client } from 'jira.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { CLOUD_HOST, DC_HOST, clientFailure, cloudClient, jiraFetch, origin, person, tokenOf } from './test-clients.ts';

const NOT_AUTHENTICATED = { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} };

describe('Jira authentication, errors and rate limits', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  it('refuses a wrong API token with 401 and says why', async () => {
    const client = new Version3Client({ host: origin(sandbox, CLOUD_HOST), authentication: { basic: { email: person(sandbox, 'ana').email, apiToken: 'not-the-token' } } });
    const failure = await clientFailure(client.myself.getCurrentUser());
    expect(failure).toMatchObject({ status: 401, data: NOT_AUTHENTICATED, headers: { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } });
  });

  it('refuses another person\'s token, and anonymous callers, but lets anyone read serverInfo', async () => {
    const mixed = `Basic ${Buffer.from(`${person(sandbox, 'ben').email}:${tokenOf(sandbox, CLOUD_HOST, 'ana')}`).toString('base64')}`;
    expect(await jiraFetch(sandbox, CLOUD_HOST, '/rest/api/3/myself', { authorization: mixed })).toMatchObject({ status: 401, body: NOT_AUTHENTICATED });
    expect((await jiraFetch(sandbox, CLOUD_HOST, '/rest/api/3/myself', { authorization: null })).status).toBe(401);
    expect((await jiraFetch(sandbox, CLOUD_HOST, '/rest/api/3/serverInfo', { authorization: null })).status).toBe(200);
    expect((await jiraFetch(sandbox, CLOUD_HOST, '/rest/api/3/serverInfo', { authorization: mixed })).status).toBe(401);
  });

  it('takes only Basic on Cloud and only Bearer on Data Center', async () => {
    const bearerOnCloud = await jiraFetch(sandbox, CLOUD_HOST, '/rest/api/3/myself', { authorization: `Bearer ${tokenOf(sandbox, CLOUD_HOST, 'ana')}` });
    expect(bearerOnCloud.status).toBe(401);
    const basicOnDc = `Basic ${Buffer.from(`ana:${tokenOf(sandbox, DC_HOST, 'ana')}`).toString('base64')}`;
    expect((await jiraFetch(sandbox, DC_HOST, '/rest/api/2/myself', { authorization: basicOnDc })).status).toBe(401);
    expect((await jiraFetch(sandbox, DC_HOST, '/rest/api/2/myself')).status).toBe(200);
  });

  it('serves v3 on Cloud only, and answers unknown REST paths in Jira\'s shape', async () => {
    expect((await jiraFetch(sandbox, DC_HOST, '/rest/api/3/myself')).status).toBe(404);
    expect(await jiraFetch(sandbox, CLOUD_HOST, '/rest/api/3/nowhere')).toMatchObject({ status: 404, body: { errorMessages: ['Not Found'], errors: {} } });
  });

  it('surfaces an injected 429 with Retry-After, X-RateLimit-Reset and RateLimit-Reason, then recovers', async () => {
    const rule = sandbox.faults.add({ kind: 'rateLimit', retryAfter: 30, route: 'jira.issues.get', times: 1 });
    const client = cloudClient(sandbox);
    const failure = await clientFailure(client.issues.getIssue({ issueIdOrKey: 'PAY-5' }));
    expect(failure.status).toBe(429);
    expect(failure.headers).toMatchObject({ 'retry-after': '30', 'ratelimit-reason': 'jira-burst-based' });
    expect(String(failure.headers['x-ratelimit-reset'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(failure.data).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
    expect(sandbox.faults.fired(rule)).toBe(1);
    expect((await client.issues.getIssue({ issueIdOrKey: 'PAY-5' })).key).toBe('PAY-5');
  });

  it('answers an injected 503 in Jira\'s error shape', async () => {
    sandbox.faults.add({ kind: 'status', status: 503, route: 'jira.worklogs.create', times: 1 });
    const failure = await clientFailure(cloudClient(sandbox).issueWorklogs.addWorklog({ issueIdOrKey: 'PAY-5', started: '2026-11-20T09:00:00.000+0100', timeSpentSeconds: 60 }));
    expect(failure).toMatchObject({ status: 503, data: { errorMessages: ['Service Unavailable'], errors: {} } });
  });
});
