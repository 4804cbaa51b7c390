import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JiraIssue } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { CLOUD_HOST, DC_HOST, clientFailure, cloudClient, cloudV2Client, dcClient, jiraFetch, jiraSite, person } from './test-clients.ts';

/** `yyyy-MM-dd HH:mm` of an instant in a zone, worked out independently of the sandbox's own date code. */
function wallClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** Atlassian's description has `isLast` on enhanced-search pages; jira.js 5.4's type leaves it out. */
const isLast = (page: object): unknown => (page as { isLast?: unknown }).isLast;

describe('Jira issue search, through jira.js', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const cloudIssues = (pick: (issue: JiraIssue) => boolean) => jiraSite(sandbox, CLOUD_HOST).issues.filter(pick);
  const keys = (issues: readonly { key?: string }[]) => issues.map((i) => i.key).sort();

  async function searchAll(jql: string, maxResults?: number) {
    const client = cloudClient(sandbox);
    const found: string[] = [];
    const pageSizes: number[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields: ['summary', 'updated'], nextPageToken, ...(maxResults ? { maxResults } : {}) });
      pageSizes.push(page.issues?.length ?? 0);
      found.push(...(page.issues ?? []).map((i) => i.key));
      expect(isLast(page)).toBe(page.nextPageToken === undefined);
      nextPageToken = page.nextPageToken;
    } while (nextPageToken);
    return { found, pageSizes };
  }

  it('pages through every PAY issue with nextPageToken', async () => {
    const seeded = keys(cloudIssues((i) => i.projectKey === 'PAY'));
    const { found, pageSizes } = await searchAll('project = PAY', 10);
    expect(found.length).toBe(seeded.length);
    expect([...found].sort()).toEqual(seeded);
    expect(pageSizes.slice(0, -1).every((n) => n === 10)).toBe(true);
    expect(pageSizes.length).toBe(Math.ceil(seeded.length / 10));
  });

  it('pages 50 issues by default and returns ids only unless fields are asked for', async () => {
    const page = await cloudClient(sandbox).issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = PAY' });
    expect(page.issues).toHaveLength(50);
    expect(isLast(page)).toBe(false);
    expect(Object.keys(page.issues?.[0] ?? {})).toEqual(['id']);
  });

  it('takes the search in a POST body too', async () => {
    const page = await cloudClient(sandbox).issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'key in (PAY-1, PAY-2, OPS-3)', fields: ['summary'], maxResults: 5 });
    expect(keys(page.issues ?? [])).toEqual(['OPS-3', 'PAY-1', 'PAY-2']);
  });

  it('understands the JQL Stint uses', async () => {
    const ana = person(sandbox, 'ana');
    const site = jiraSite(sandbox, CLOUD_HOST);
    const active = site.sprints.find((s) => s.state === 'active');
    const closed = site.sprints.find((s) => s.state === 'closed');
    const since = sandbox.data.now - 20 * 86_400_000;
    const cases: [string, (i: JiraIssue) => boolean][] = [
      ['project in (PAY, OPS) AND statusCategory != Done', (i) => i.status.category !== 'done'],
      ['sprint in openSprints()', (i) => i.sprintIds.includes(active?.id ?? -1)],
      [`sprint = ${closed?.id}`, (i) => i.sprintIds.includes(closed?.id ?? -1)],
      ['assignee = currentUser()', (i) => i.assignee === 'ana'],
      [`assignee = ${ana.jira.accountId} AND project = PAY`, (i) => i.assignee === 'ana' && i.projectKey === 'PAY'],
      ['project = OPS AND assignee is EMPTY', (i) => i.projectKey === 'OPS' && i.assignee === null],
      ['updated >= -5d', (i) => i.updated >= Date.now() - 5 * 86_400_000],
      // JQL dates are read in the searching user's time zone (Ana: Europe/Madrid).
      [`updated >= "${wallClock(since, ana.timeZone)}"`, (i) => i.updated >= Math.floor(since / 60_000) * 60_000],
      ['project = PAY AND (labels = backend OR labels = frontend)', (i) => i.projectKey === 'PAY' && (i.labels.includes('backend') || i.labels.includes('frontend'))],
    ];
    for (const [jql, expected] of cases) {
      const { found } = await searchAll(jql, 100);
      const wanted = keys(cloudIssues(expected));
      expect(wanted.length, `${jql} should find something in the seed`).toBeGreaterThan(0);
      expect([...found].sort(), jql).toEqual(wanted);
    }
  });

  it('orders by updated, newest first or last', async () => {
    const desc = (await searchAll('project = PAY ORDER BY updated DESC', 100)).found;
    const byKey = new Map(cloudIssues(() => true).map((i) => [i.key, i.updated]));
    const times = desc.map((k) => byKey.get(k) ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const asc = (await searchAll('project = PAY ORDER BY updated ASC', 100)).found;
    expect(asc.map((k) => byKey.get(k))).toEqual([...times].reverse());
  });

  it('answers JQL it cannot run with Jira\'s 400', async () => {
    const client = cloudClient(sandbox);
    const unknownField = await clientFailure(client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'colour = red' }));
    expect(unknownField).toMatchObject({ status: 400, data: { errorMessages: ["Field 'colour' does not exist or you do not have permission to view it."], errors: {} } });
    const unknownProject = await clientFailure(client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = NOPE' }));
    expect(unknownProject.data).toEqual({ errorMessages: ["The value 'NOPE' does not exist for the field 'project'."], errors: {} });
    const syntax = await clientFailure(client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = PAY AND' }));
    expect(syntax.status).toBe(400);
    expect(JSON.stringify(syntax.data)).toContain('Error in the JQL Query');
    const unbounded = await clientFailure(client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'order by key desc' }));
    expect(unbounded.data).toEqual({ errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'], errors: {} });
    const badDate = await clientFailure(client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'updated >= "last tuesday"' }));
    expect(JSON.stringify(badDate.data)).toContain("Date value 'last tuesday' for field 'updated' is invalid.");
  });

  it('keeps the v2 /search with startAt, maxResults and total (Cloud v2 and Data Center)', async () => {
    const cloud = await cloudV2Client(sandbox).issueSearch.searchForIssuesUsingJql({ jql: 'project = OPS ORDER BY key ASC', startAt: 20, maxResults: 10 });
    const ops = cloudIssues((i) => i.projectKey === 'OPS');
    expect(cloud).toMatchObject({ startAt: 20, maxResults: 10, total: ops.length });
    expect(cloud.issues?.map((i) => i.key)).toEqual(['OPS-21', 'OPS-22', 'OPS-23', 'OPS-24']);
    expect(typeof cloud.issues?.[0]?.fields.summary).toBe('string');

    const dcIssues = jiraSite(sandbox, DC_HOST).issues;
    const dc = await dcClient(sandbox).issueSearch.searchForIssuesUsingJql({ jql: 'project = DC AND assignee = currentUser()', maxResults: 100 });
    expect(dc.total).toBe(dcIssues.filter((i) => i.assignee === 'ana').length);
    expect(dc.issues?.every((i) => i.fields.assignee?.name === 'ana')).toBe(true);
  });

  it('has no enhanced search on Data Center', async () => {
    const res = await jiraFetch(sandbox, DC_HOST, '/rest/api/2/search/jql?jql=project%20%3D%20DC');
    expect(res.status).toBe(404);
  });
});
