import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GlIssuable } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { at, BILLING, client, graphql, instance, project, SELF_MANAGED, token } from './test-clients.ts';

const TIMELOG_FIELDS = 'id timeSpent spentAt summary user { username id name } issue { iid webUrl } mergeRequest { iid webUrl } note { id }';

const ISSUE_TIMELOGS = `query IssueTimelogs($path: ID!, $iid: String!, $after: String) {
  project(fullPath: $path) {
    issue(iid: $iid) {
      id timeEstimate totalTimeSpent humanTotalTimeSpent
      timelogs(first: 2, after: $after) { count totalSpentTime pageInfo { hasNextPage endCursor } nodes { ${TIMELOG_FIELDS} } }
    }
  }
}`;

const CREATE = `mutation Log($input: TimelogCreateInput!) {
  timelogCreate(input: $input) { errors timelog { ${TIMELOG_FIELDS} } }
}`;

const spent = (item: GlIssuable) => item.timelogs.reduce((sum, t) => sum + t.timeSpent, 0);

describe('GitLab GraphQL', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const busyIssue = () => {
    const found = project(sandbox).issues.find((i) => i.timelogs.length >= 3);
    if (!found) throw new Error('seed has no issue with 3+ timelogs');
    return found;
  };

  it('answers currentUser for the token’s owner, and null when anonymous', async () => {
    const me = await graphql(sandbox, '{ currentUser { __typename id username name webUrl } }');
    expect(me.status).toBe(200);
    expect(me.json.data?.currentUser).toEqual({ __typename: 'CurrentUser', id: 'gid://gitlab/User/1234', username: 'aruiz', name: 'Ana Ruiz', webUrl: 'https://gitlab.com/aruiz' });
    const anonymous = await graphql(sandbox, `{ currentUser { username } project(fullPath: "${BILLING}") { id } }`, {}, { token: null });
    expect(anonymous.json.data).toEqual({ currentUser: null, project: null });
  });

  it('pages an issue’s timelogs with cursors, and they add up to REST’s total_time_spent', async () => {
    const seeded = busyIssue();
    const seen: unknown[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res = await graphql(sandbox, ISSUE_TIMELOGS, { path: BILLING, iid: String(seeded.iid), after });
      expect(res.json.errors).toBeUndefined();
      const timelogs = at(res.json.data, 'project', 'issue', 'timelogs');
      expect(at(timelogs, 'count')).toBe(seeded.timelogs.length);
      seen.push(...(at(timelogs, 'nodes') as unknown[]));
      pages++;
      if (!at(timelogs, 'pageInfo', 'hasNextPage')) break;
      after = at(timelogs, 'pageInfo', 'endCursor') as string;
    }
    expect(pages).toBe(Math.ceil(seeded.timelogs.length / 2));
    expect(seen.map((n) => at(n, 'id'))).toEqual(seeded.timelogs.map((t) => `gid://gitlab/Timelog/${t.id}`));
    expect(seen[0]).toMatchObject({ issue: { iid: String(seeded.iid), webUrl: `https://gitlab.com/${BILLING}/-/issues/${seeded.iid}` }, mergeRequest: null, note: null });
    const rest = await client(sandbox, token(sandbox)).Issues.showTimeStats(BILLING, seeded.iid);
    expect(seen.reduce((sum: number, n) => sum + (at(n, 'timeSpent') as number), 0)).toBe(rest.total_time_spent);
  });

  it('lists timelogs across a project or a group for a time range, with totalSpentTime', async () => {
    const p = project(sandbox);
    const all = p.issues.concat(p.mergeRequests).flatMap((i) => i.timelogs);
    const start = Math.min(...all.map((t) => t.spentAt));
    const end = start + 30 * 86_400_000;
    const inRange = all.filter((t) => t.spentAt >= start && t.spentAt <= end);
    const query = `query($projectId: ProjectID, $groupId: GroupID, $start: Time, $end: Time) {
      timelogs(projectId: $projectId, groupId: $groupId, startTime: $start, endTime: $end, first: 100) { count totalSpentTime nodes { spentAt } }
    }`;
    const vars = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
    const byProject = await graphql(sandbox, query, { ...vars, projectId: `gid://gitlab/Project/${p.id}` });
    expect(at(byProject.json.data, 'timelogs', 'count')).toBe(inRange.length);
    expect(at(byProject.json.data, 'timelogs', 'totalSpentTime')).toBe(String(inRange.reduce((s, t) => s + t.timeSpent, 0)));
    const acme = instance(sandbox).groups.find((g) => g.fullPath === 'acme');
    const byGroup = await graphql(sandbox, query, { ...vars, groupId: `gid://gitlab/Group/${acme?.id}` });
    const inGroup = instance(sandbox).projects.flatMap((x) => x.issues.concat(x.mergeRequests)).flatMap((i) => i.timelogs).filter((t) => t.spentAt >= start && t.spentAt <= end);
    expect(inGroup.length).toBeGreaterThan(inRange.length);
    expect(at(byGroup.json.data, 'timelogs', 'count')).toBe(inGroup.length);

    const unbounded = await graphql(sandbox, '{ timelogs { count } }');
    expect(unbounded.json.errors?.[0]?.message).toBe('Provide at least one argument');
  });

  it('creates a timelog with timelogCreate (REST agrees), then deletes it with timelogDelete', async () => {
    const seeded = busyIssue();
    const before = spent(seeded);
    const spentAt = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const created = await graphql(sandbox, CREATE, { input: { issuableId: `gid://gitlab/Issue/${seeded.id}`, timeSpent: '1h 30m', spentAt, summary: 'Logged by Stint' } });
    expect(created.json.errors).toBeUndefined();
    const timelog = at(created.json.data, 'timelogCreate', 'timelog');
    expect(at(created.json.data, 'timelogCreate', 'errors')).toEqual([]);
    expect(timelog).toMatchObject({ timeSpent: 5400, spentAt, summary: 'Logged by Stint', user: { username: 'aruiz' }, issue: { iid: String(seeded.iid) } });
    const api = client(sandbox, token(sandbox));
    expect((await api.Issues.showTimeStats(BILLING, seeded.iid)).total_time_spent).toBe(before + 5400);

    const deleted = await graphql(sandbox, 'mutation($id: TimelogID!) { timelogDelete(input: { id: $id }) { errors timelog { id timeSpent } } }', { id: at(timelog, 'id') });
    expect(at(deleted.json.data, 'timelogDelete')).toEqual({ errors: [], timelog: { id: at(timelog, 'id'), timeSpent: 5400 } });
    expect((await api.Issues.showTimeStats(BILLING, seeded.iid)).total_time_spent).toBe(before);
  });

  it('logs time on a merge request by its global id', async () => {
    const mr = project(sandbox).mergeRequests[1];
    if (!mr) throw new Error('no MR');
    const before = spent(mr);
    const created = await graphql(sandbox, CREATE, { input: { issuableId: `gid://gitlab/MergeRequest/${mr.id}`, timeSpent: '20m', summary: 'Review' } });
    expect(at(created.json.data, 'timelogCreate', 'timelog', 'mergeRequest', 'iid')).toBe(String(mr.iid));
    expect(spent(mr)).toBe(before + 1200);
  });

  it('reports a malformed duration, a future spentAt and an unknown issuable the way GitLab does', async () => {
    const seeded = busyIssue();
    const input = { issuableId: `gid://gitlab/Issue/${seeded.id}`, summary: 'x' };
    const malformed = await graphql(sandbox, CREATE, { input: { ...input, timeSpent: 'a while' } });
    expect(at(malformed.json.data, 'timelogCreate')).toEqual({ errors: ['Time spent must be formatted correctly. For example: 1h 30m.'], timelog: null });
    const future = await graphql(sandbox, CREATE, { input: { ...input, timeSpent: '1h', spentAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(at(future.json.data, 'timelogCreate', 'errors')).toEqual(["Spent at can't be a future date and time."]);
    const missing = await graphql(sandbox, CREATE, { input: { ...input, issuableId: 'gid://gitlab/Issue/1', timeSpent: '1h' } });
    expect(missing.json.data).toEqual({ timelogCreate: null });
    expect(missing.json.errors?.[0]).toMatchObject({ message: "The resource that you are attempting to access does not exist or you don't have permission to perform this action", path: ['timelogCreate'] });
    const notAGid = await graphql(sandbox, CREATE, { input: { ...input, issuableId: '42', timeSpent: '1h' } });
    expect(notAGid.json.errors?.[0]?.message).toBe('"42" is not a valid Global ID');
    expect(spent(seeded)).toBe(seeded.timelogs.reduce((s, t) => s + t.timeSpent, 0));
  });

  it('lets a read_api token query but not mutate', async () => {
    const readOnly = token(sandbox, 'ana', { readOnly: true });
    const seeded = busyIssue();
    const query = await graphql(sandbox, '{ currentUser { username } }', {}, { token: readOnly });
    expect(at(query.json.data, 'currentUser', 'username')).toBe('aruiz');
    const mutation = await graphql(sandbox, CREATE, { input: { issuableId: `gid://gitlab/Issue/${seeded.id}`, timeSpent: '1h', summary: 'no' } }, { token: readOnly });
    expect(mutation.json.data).toEqual({ timelogCreate: null });
    expect(mutation.json.errors?.[0]?.message).toContain("you don't have permission");
    expect(spent(seeded)).toBe(seeded.timelogs.reduce((s, t) => s + t.timeSpent, 0));
  });

  it('answers invalid documents with GitLab-style errors, and a bad token with 401', async () => {
    const unknownField = await graphql(sandbox, '{ project(fullPath: "acme/platform/billing-service") { nope } }');
    expect(unknownField.status).toBe(200);
    expect(unknownField.json.data).toBeUndefined();
    expect(unknownField.json.errors?.[0]).toMatchObject({ message: "Field 'nope' doesn't exist on type 'Project'", extensions: { code: 'undefinedField', typeName: 'Project', fieldName: 'nope' } });
    const syntax = await graphql(sandbox, '{ currentUser { username }');
    expect(syntax.json.errors?.[0]?.message).toMatch(/Syntax Error/);
    const badToken = await graphql(sandbox, '{ currentUser { username } }', {}, { token: 'glpat-wrong' });
    expect(badToken.status).toBe(401);
    expect(badToken.json).toEqual({ errors: [{ message: 'Invalid token' }] });
  });

  it('filters and counts a project’s issues and merge requests like REST', async () => {
    const p = project(sandbox);
    const res = await graphql(sandbox, `query($path: ID!) {
      project(fullPath: $path) {
        opened: issues(state: opened, first: 5, sort: UPDATED_DESC) { count nodes { iid updatedAt labels { nodes { title } } milestone { title startDate dueDate } } }
        bugs: issues(labelName: ["type::bug"]) { count }
        merged: mergeRequests(state: merged) { count nodes { state mergedAt } }
        milestones(state: active) { nodes { title dueDate } }
      }
    }`, { path: BILLING });
    expect(res.json.errors).toBeUndefined();
    const data = at(res.json.data, 'project');
    expect(at(data, 'opened', 'count')).toBe(p.issues.filter((i) => i.state === 'opened').length);
    const updated = (at(data, 'opened', 'nodes') as unknown[]).map((n) => Date.parse(at(n, 'updatedAt') as string));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    expect(at(data, 'bugs', 'count')).toBe(p.issues.filter((i) => i.labels.includes('type::bug')).length);
    expect(at(data, 'merged', 'count')).toBe(p.mergeRequests.filter((m) => m.state === 'merged').length);
    expect(at(data, 'milestones', 'nodes')).toHaveLength(p.milestones.filter((m) => m.state === 'active').length);
  });

  it('takes queries by GET but refuses mutations there, and answers batched queries in order', async () => {
    const url = (query: string) => `https://gitlab.com:${sandbox.port}/api/graphql?query=${encodeURIComponent(query)}`;
    const headers = { authorization: `Bearer ${token(sandbox)}` };
    const get = await fetch(url('{ currentUser { username } }'), { headers });
    expect(await get.json()).toEqual({ data: { currentUser: { username: 'aruiz' } } });
    const mutation = await fetch(url('mutation { timelogDelete(input: { id: "gid://gitlab/Timelog/1" }) { errors } }'), { headers });
    expect(mutation.status).toBe(422);
    expect(await mutation.json()).toEqual({ errors: [{ message: 'Mutations are forbidden in GET requests' }] });
    const batch = await fetch(`https://gitlab.com:${sandbox.port}/api/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ currentUser { username } }' }, { query: '{ metadata { version } }' }]),
    });
    expect(await batch.json()).toEqual([{ data: { currentUser: { username: 'aruiz' } } }, { data: { metadata: { version: instance(sandbox).version } } }]);
  });

  it('serves the self-managed instance with its own tokens', async () => {
    const chen = token(sandbox, 'chen', { host: SELF_MANAGED });
    const res = await graphql(sandbox, '{ currentUser { username } project(fullPath: "tools/ci-runner") { issues { count } } }', {}, { token: chen, host: SELF_MANAGED });
    expect(res.json.data).toEqual({ currentUser: { username: 'cwei' }, project: { issues: { count: project(sandbox, 'tools/ci-runner', SELF_MANAGED).issues.length } } });
  });
});
