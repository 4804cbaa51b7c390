import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JiraIssue } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { CLOUD_HOST, DC_HOST, clientFailure, cloudClient, cloudV2Client, dcClient, jiraFetch, jiraSite, person } from './test-clients.ts';

const STARTED = '2026-11-20T09:00:00.000+0100';
const ENTRY_KEY = 'stint';

describe('Jira worklogs and their properties, through jira.js', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  /** An estimated issue with plenty of time remaining, so estimate changes are visible. */
  const estimated = (host = CLOUD_HOST): JiraIssue => {
    const found = jiraSite(sandbox, host).issues.find((i) => (i.remainingEstimateSeconds ?? 0) >= 4 * 3600);
    if (!found) throw new Error('the seed has no issue with 4h remaining');
    return found;
  };
  const spent = (issue: JiraIssue) => issue.worklogs.reduce((sum, w) => sum + w.timeSpentSeconds, 0);

  it('adds a worklog carrying an entry id, and finds it again through its properties', async () => {
    const client = cloudClient(sandbox);
    const issue = estimated();
    const [spentBefore, remainingBefore] = [spent(issue), issue.remainingEstimateSeconds ?? 0];
    const writtenAfter = Date.now();
    const created = await client.issueWorklogs.addWorklog({
      issueIdOrKey: issue.key,
      started: STARTED,
      timeSpentSeconds: 5400,
      comment: 'Pairing on the payout job',
      properties: [{ key: ENTRY_KEY, value: { entryId: 'e-123' } }],
    });
    expect(created).toMatchObject({ started: STARTED, timeSpent: '1h 30m', timeSpentSeconds: 5400, issueId: issue.id, author: { accountId: person(sandbox, 'ana').jira.accountId } });
    expect(created.comment).toMatchObject({ type: 'doc', version: 1 });

    const after = await client.issues.getIssue({ issueIdOrKey: issue.key, fields: ['timespent', 'timeestimate'] });
    expect(after.fields.timespent).toBe(spentBefore + 5400);
    expect(after.fields.timeestimate).toBe(remainingBefore - 5400);
    expect(issue.updated).toBeGreaterThanOrEqual(writtenAfter);

    const all = await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: issue.key, expand: 'properties' });
    const mine = all.worklogs?.find((w) => w.properties?.some((p) => p.key === ENTRY_KEY && (p.value as { entryId?: string }).entryId === 'e-123'));
    expect(mine?.id).toBe(created.id);
    const keys = await client.issueWorklogProperties.getWorklogPropertyKeys({ issueIdOrKey: issue.key, worklogId: created.id ?? '' });
    expect(keys.keys?.map((k) => k.key)).toEqual([ENTRY_KEY]);
    const property = await client.issueWorklogProperties.getWorklogProperty({ issueIdOrKey: issue.key, worklogId: created.id ?? '', propertyKey: ENTRY_KEY });
    expect(property).toEqual({ key: ENTRY_KEY, value: { entryId: 'e-123' } });
  });

  it('writes `started` in the author\'s time zone', async () => {
    const issue = estimated();
    const created = await cloudClient(sandbox, 'chen').issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpent: '15m' });
    expect(created.started).toBe('2026-11-20T16:00:00.000+0800');
    expect(created.timeSpentSeconds).toBe(900);
  });

  it('sets, replaces and deletes a worklog property with a JSON body', async () => {
    const issue = estimated();
    const created = await cloudClient(sandbox).issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpentSeconds: 600 });
    const path = `/rest/api/3/issue/${issue.key}/worklog/${created.id}/properties/${ENTRY_KEY}`;
    expect((await jiraFetch(sandbox, CLOUD_HOST, path, { method: 'PUT', body: { entryId: 'a' } })).status).toBe(201);
    expect((await jiraFetch(sandbox, CLOUD_HOST, path, { method: 'PUT', body: { entryId: 'b' } })).status).toBe(200);
    expect((await jiraFetch(sandbox, CLOUD_HOST, path)).body).toEqual({ key: ENTRY_KEY, value: { entryId: 'b' } });
    const empty = await jiraFetch(sandbox, CLOUD_HOST, path, { method: 'PUT' });
    expect(empty).toMatchObject({ status: 400, body: { errorMessages: ['The property value cannot be empty.'], errors: {} } });
    expect((await jiraFetch(sandbox, CLOUD_HOST, path, { method: 'DELETE' })).status).toBe(204);
    expect((await jiraFetch(sandbox, CLOUD_HOST, path)).status).toBe(404);
  });

  it('updates a worklog (the estimate follows the change) and deletes it (the time comes back)', async () => {
    const client = cloudClient(sandbox);
    const issue = estimated();
    const remainingBefore = issue.remainingEstimateSeconds ?? 0;
    const created = await client.issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpentSeconds: 3600 });
    const id = created.id ?? '';
    const model = issue.worklogs.find((w) => String(w.id) === id);
    const createdAt = model?.updated ?? 0;

    const updated = await client.issueWorklogs.updateWorklog({ issueIdOrKey: issue.key, id, timeSpentSeconds: 7200, comment: 'Took longer' });
    expect(updated).toMatchObject({ id, timeSpentSeconds: 7200, timeSpent: '2h' });
    expect(model?.updated).toBeGreaterThanOrEqual(createdAt);
    expect(issue.remainingEstimateSeconds).toBe(remainingBefore - 7200);
    expect((await client.issueWorklogs.getWorklog({ issueIdOrKey: issue.key, id })).comment).toMatchObject({ type: 'doc' });

    await client.issueWorklogs.deleteWorklog({ issueIdOrKey: issue.key, id });
    expect(issue.remainingEstimateSeconds).toBe(remainingBefore);
    expect(jiraSite(sandbox, CLOUD_HOST).deletedWorklogs.map((d) => String(d.worklogId))).toContain(id);
    const gone = await clientFailure(client.issueWorklogs.getWorklog({ issueIdOrKey: issue.key, id }));
    expect(gone).toMatchObject({ status: 404, data: { errorMessages: [`Cannot find worklog with id: ${id}.`] } });
  });

  it('adjusts the remaining estimate as `adjustEstimate` says', async () => {
    const client = cloudClient(sandbox);
    const issue = estimated();
    const remaining = () => issue.remainingEstimateSeconds;
    const start = remaining() ?? 0;
    await client.issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpentSeconds: 600, adjustEstimate: 'leave' });
    expect(remaining()).toBe(start);
    await client.issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpentSeconds: 600, adjustEstimate: 'manual', reduceBy: '30m' });
    expect(remaining()).toBe(start - 1800);
    await client.issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpentSeconds: 600, adjustEstimate: 'new', newEstimate: '2h' });
    expect(remaining()).toBe(7200);
    const missing = await clientFailure(client.issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpentSeconds: 600, adjustEstimate: 'new' }));
    expect(missing).toMatchObject({ status: 400, data: { errorMessages: [], errors: { newEstimate: 'You must supply a valid new estimate.' } } });
  });

  it('refuses a worklog without time, with a bad start, or with a plain-string comment in v3', async () => {
    const issue = estimated();
    const count = issue.worklogs.length;
    const noTime = await clientFailure(cloudClient(sandbox).issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED }));
    expect(noTime).toMatchObject({ status: 400, data: { errorMessages: [], errors: { timeLogged: 'You must indicate the time spent working.' } } });
    const badTime = await clientFailure(cloudClient(sandbox).issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpent: 'a bit' }));
    expect(badTime.data).toEqual({ errorMessages: [], errors: { timeLogged: 'Invalid time duration entered.' } });
    const isoStart = await clientFailure(cloudClient(sandbox).issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: new Date().toISOString(), timeSpentSeconds: 60 }));
    expect(isoStart.status).toBe(400);
    expect(isoStart.data).toMatchObject({ errors: { started: expect.stringContaining('yyyy-MM-dd') } });
    const stringComment = await jiraFetch(sandbox, CLOUD_HOST, `/rest/api/3/issue/${issue.key}/worklog`, { method: 'POST', body: { started: STARTED, timeSpentSeconds: 60, comment: 'plain' } });
    expect(stringComment).toMatchObject({ status: 400, body: { errors: { comment: expect.stringContaining('Atlassian Document') } } });
    expect(issue.worklogs).toHaveLength(count);
  });

  it('pages and filters an issue\'s worklogs by start time', async () => {
    const client = cloudClient(sandbox);
    const issue = estimated();
    const base = Date.UTC(2026, 9, 1, 8);
    for (let day = 0; day < 6; day++) {
      const started = new Date(base + day * 86_400_000);
      const stamp = `${started.toISOString().slice(0, 10)}T09:00:00.000+0100`;
      await client.issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: stamp, timeSpentSeconds: 600 });
    }
    const window = await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: issue.key, startedAfter: base + 86_400_000, startedBefore: base + 4 * 86_400_000 });
    expect(window.total).toBe(3);
    const paged = await client.issueWorklogs.getIssueWorklog({ issueIdOrKey: issue.key, startAt: 1, maxResults: 2 });
    expect(paged).toMatchObject({ startAt: 1, maxResults: 2, total: issue.worklogs.length });
    expect(paged.worklogs).toHaveLength(2);
  });

  it('speaks plain strings in Cloud v2 and on Data Center (with a bearer token)', async () => {
    const issue = estimated();
    const v2 = await cloudV2Client(sandbox).issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: STARTED, timeSpentSeconds: 600, comment: 'Plain words' });
    expect(v2.comment).toBe('Plain words');

    const dcIssue = estimated(DC_HOST);
    const dcRemaining = dcIssue.remainingEstimateSeconds ?? 0;
    const dc = await dcClient(sandbox, 'fatima').issueWorklogs.addWorklog({ issueIdOrKey: dcIssue.key, started: STARTED, timeSpent: '1h 30m', comment: 'On-prem' });
    expect(dc).toMatchObject({ timeSpentSeconds: 5400, comment: 'On-prem', author: { name: 'fatima', key: person(sandbox, 'fatima').jira.key } });
    // Fatima works from Casablanca, UTC+1 in November.
    expect(dc.started).toBe('2026-11-20T09:00:00.000+0100');
    expect(dcIssue.remainingEstimateSeconds).toBe(dcRemaining - 5400);
  });
});
