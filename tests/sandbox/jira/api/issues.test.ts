import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JiraIssue } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { CLOUD_HOST, DC_HOST, clientFailure, cloudClient, cloudV2Client, dcClient, jiraFetch, jiraSite, origin, person } from './test-clients.ts';

const SPRINT_SCHEMA = 'com.pyxis.greenhopper.jira:gh-sprint';

describe('Jira issues, fields and who-am-I, through jira.js', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const cloudIssue = (pick: (issue: JiraIssue) => boolean): JiraIssue => {
    const found = jiraSite(sandbox, CLOUD_HOST).issues.find(pick);
    if (!found) throw new Error('the seed has no such issue');
    return found;
  };

  it('tells Cloud from Data Center: serverInfo and myself', async () => {
    const ana = person(sandbox, 'ana');
    const info = await cloudClient(sandbox).serverInfo.getServerInfo();
    expect(info).toMatchObject({ deploymentType: 'Cloud', baseUrl: origin(sandbox, CLOUD_HOST) });
    const me = await cloudClient(sandbox).myself.getCurrentUser();
    expect(me).toMatchObject({ accountId: ana.jira.accountId, emailAddress: ana.email, displayName: ana.name, timeZone: 'Europe/Madrid', active: true });
    expect(me).not.toHaveProperty('key');

    const dcInfo = await dcClient(sandbox).serverInfo.getServerInfo();
    expect(dcInfo).toMatchObject({ deploymentType: 'Server', baseUrl: origin(sandbox, DC_HOST) });
    const dcMe = await dcClient(sandbox, 'chen').myself.getCurrentUser();
    expect(dcMe).toMatchObject({ key: person(sandbox, 'chen').jira.key, name: 'chen', timeZone: 'Asia/Singapore', active: true });
    expect(dcMe).not.toHaveProperty('accountId');
  });

  it('finds the Sprint field by its schema, then reads sprints and time tracking from an issue', async () => {
    const client = cloudClient(sandbox);
    const fields = await client.issueFields.getFields();
    const sprintField = fields.find((f) => f.schema?.custom === SPRINT_SCHEMA);
    expect(sprintField?.schema).toMatchObject({ type: 'array', items: 'json' });
    const id = sprintField?.id ?? '';

    const seeded = cloudIssue((i) => i.originalEstimateSeconds !== null && i.worklogs.length > 0 && i.sprintIds.length > 0 && i.remainingEstimateSeconds !== null);
    const issue = await client.issues.getIssue({ issueIdOrKey: seeded.key, expand: 'names' });
    expect((issue.names as Record<string, string>)[id]).toBe('Sprint');

    const spent = seeded.worklogs.reduce((sum, w) => sum + w.timeSpentSeconds, 0);
    expect(issue.fields.timeoriginalestimate).toBe(seeded.originalEstimateSeconds);
    expect(issue.fields.timeestimate).toBe(seeded.remainingEstimateSeconds);
    expect(issue.fields.timespent).toBe(spent);
    expect(issue.fields.aggregatetimespent).toBe(spent);
    expect(issue.fields.timetracking).toMatchObject({
      originalEstimateSeconds: seeded.originalEstimateSeconds,
      remainingEstimateSeconds: seeded.remainingEstimateSeconds,
      timeSpentSeconds: spent,
    });
    expect(issue.fields.timetracking.originalEstimate).toMatch(/^(\d+w ?)?(\d+d ?)?(\d+h ?)?(\d+m)?$/);
    expect(issue.fields.status.statusCategory?.key).toBe(seeded.status.category);
    expect(issue.fields.worklog.total).toBe(seeded.worklogs.length);

    const sprints = issue.fields[id] as { id: number; name: string; state: string; boardId: number; startDate?: string }[];
    const site = jiraSite(sandbox, CLOUD_HOST);
    expect(sprints.map((s) => s.id)).toEqual(seeded.sprintIds);
    for (const sprint of sprints) {
      const model = site.sprints.find((s) => s.id === sprint.id);
      expect(sprint).toMatchObject({ name: model?.name, state: model?.state, boardId: model?.boardId, goal: model?.goal });
      if (model?.startDate) expect(Date.parse(sprint.startDate ?? '')).toBe(model.startDate);
      else expect(sprint).not.toHaveProperty('startDate');
    }
  });

  it('answers with only the fields asked for', async () => {
    const issue = await cloudClient(sandbox).issues.getIssue({ issueIdOrKey: 'PAY-12', fields: ['summary', 'duedate'] });
    expect(Object.keys(issue.fields).sort()).toEqual(['duedate', 'summary']);
  });

  it('embeds the first 20 worklogs and says how many there are', async () => {
    const issue = cloudIssue((i) => i.issueType !== 'Epic');
    for (let n = 0; n < 25; n++) {
      const at = sandbox.data.now - (n + 2) * 3_600_000;
      issue.worklogs.push({ id: sandbox.state.nextId(), personId: 'ben', started: at, timeSpentSeconds: 600, comment: '', created: at, updated: at, properties: {} });
    }
    const got = await cloudClient(sandbox).issues.getIssue({ issueIdOrKey: issue.key, fields: ['worklog'] });
    expect(got.fields.worklog).toMatchObject({ startAt: 0, maxResults: 20, total: issue.worklogs.length });
    expect(got.fields.worklog.worklogs).toHaveLength(20);
  });

  it('shows a Blocks link from both sides: the blocked issue has the blocker as inwardIssue', async () => {
    const blocked = cloudIssue((i) => i.blockedBy.length > 0);
    const blockerKey = blocked.blockedBy[0] ?? '';
    const client = cloudClient(sandbox);
    const onBlocked = (await client.issues.getIssue({ issueIdOrKey: blocked.key, fields: ['issuelinks'] })).fields.issuelinks;
    expect(onBlocked.find((l) => l.inwardIssue?.key === blockerKey)?.type).toMatchObject({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' });
    const onBlocker = (await client.issues.getIssue({ issueIdOrKey: blockerKey, fields: ['issuelinks'] })).fields.issuelinks;
    expect(onBlocker.some((l) => l.outwardIssue?.key === blocked.key)).toBe(true);
  });

  it('links a child to its epic in `parent` on Cloud, through Epic Link on Data Center', async () => {
    const child = cloudIssue((i) => i.parentKey !== null);
    const cloud = await cloudClient(sandbox).issues.getIssue({ issueIdOrKey: child.key, fields: ['parent'] });
    expect(cloud.fields.parent?.key).toBe(child.parentKey);

    const dcChild = jiraSite(sandbox, DC_HOST).issues.find((i) => i.parentKey !== null);
    if (!dcChild) throw new Error('the seed has no DC epic child');
    const fields = await dcClient(sandbox).issueFields.getFields();
    const epicLink = fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-epic-link')?.id ?? '';
    const dc = await dcClient(sandbox).issues.getIssue({ issueIdOrKey: dcChild.key });
    expect(dc.fields[epicLink]).toBe(dcChild.parentKey);
    expect(dc.fields).not.toHaveProperty('parent');
  });

  it('speaks ADF in v3 and plain strings in v2', async () => {
    const issue = cloudIssue((i) => i.description !== '');
    const v3 = await cloudClient(sandbox).issues.getIssue({ issueIdOrKey: issue.key, fields: ['description'] });
    expect(v3.fields.description).toMatchObject({ type: 'doc', version: 1 });
    const v2 = await cloudV2Client(sandbox).issues.getIssue({ issueIdOrKey: issue.key, fields: ['description'] });
    expect(v2.fields.description).toBe(issue.description);
  });

  it('edits summary, labels, due date and time tracking; `updated` moves', async () => {
    const issue = cloudIssue((i) => i.issueType === 'Story');
    const before = issue.updated;
    await cloudClient(sandbox).issues.editIssue({
      issueIdOrKey: issue.key,
      fields: { summary: 'Renamed by the test', labels: ['backend', 'sandbox'], duedate: '2026-12-24', timetracking: { originalEstimate: '1w 2d 3h', remainingEstimate: '4h 30m' } },
    });
    const got = await cloudClient(sandbox).issues.getIssue({ issueIdOrKey: issue.key });
    expect(got.fields).toMatchObject({ summary: 'Renamed by the test', labels: ['backend', 'sandbox'], duedate: '2026-12-24', timeoriginalestimate: 59 * 3600, timeestimate: 16_200 });
    expect(got.fields.timetracking).toMatchObject({ originalEstimate: '1w 2d 3h', remainingEstimate: '4h 30m' });
    expect(issue.updated).toBeGreaterThan(before);
    expect(Date.parse(got.fields.updated)).toBe(issue.updated);
  });

  it('refuses a bad edit with per-field errors and changes nothing', async () => {
    const issue = cloudIssue((i) => i.issueType === 'Task');
    const summary = issue.summary;
    const failure = await clientFailure(
      cloudClient(sandbox).issues.editIssue({ issueIdOrKey: issue.key, fields: { summary: 'Changed', timetracking: { originalEstimate: 'a while' }, duedate: 'tomorrow' } }),
    );
    expect(failure.status).toBe(400);
    expect(failure.data).toEqual({
      errorMessages: [],
      errors: { timetracking: 'The original estimate specified is not valid.', duedate: 'Error parsing date string: tomorrow' },
    });
    expect(issue.summary).toBe(summary);
  });

  it('answers an unknown issue with Jira\'s 404', async () => {
    const failure = await clientFailure(cloudClient(sandbox).issues.getIssue({ issueIdOrKey: 'PAY-9999' }));
    expect(failure).toMatchObject({ status: 404, data: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } });
  });

  it('reads projects and lists them', async () => {
    const project = await cloudClient(sandbox).projects.getProject({ projectIdOrKey: 'PAY' });
    expect(project).toMatchObject({ key: 'PAY', name: 'Payments', projectTypeKey: 'software', style: 'classic', lead: { accountId: person(sandbox, 'ana').jira.accountId } });
    const page = await cloudClient(sandbox).projects.searchProjects({ keys: ['OPS'] });
    expect(page).toMatchObject({ total: 1, isLast: true, values: [{ key: 'OPS' }] });
    const missing = await jiraFetch(sandbox, CLOUD_HOST, '/rest/api/3/project/NOPE');
    expect(missing).toMatchObject({ status: 404, body: { errorMessages: ["No project could be found with key 'NOPE'."], errors: {} } });
  });
});
