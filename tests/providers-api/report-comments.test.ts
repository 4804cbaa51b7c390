import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JiraAccount } from '../../lib/core/connection';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';
import { JIRA_REPORT_PROPERTY, readReportMarker, type ReportPost } from '../../lib/core/status-report';
import { reportPostKey } from '../../lib/core/sync';
import { database } from '../../lib/db/open';
import { githubAdapter } from '../../lib/providers/github/adapter';
import { gitlabAdapter } from '../../lib/providers/gitlab/adapter';
import { jiraAdapter } from '../../lib/providers/jira/adapter';
import { buildStatusReport, queueReportPost, reportPostStatus } from '../../lib/services/status-report';
import { runOutbox, syncProject, type SyncDeps } from '../../lib/services/sync/engine';
import { CLOUD_HOST, DC_HOST, jiraFetch, person, tokenOf as jiraToken } from '../sandbox/jira/api/test-clients.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { withSandbox } from './lifecycle.ts';
import { connectAndTrack } from './connect.ts';

/**
 * Posting a status report as a comment through the real clients (Octokit, GitLab REST by fetch, jira.js) against the
 * sandbox: exactly one comment, even when the connection drops after the provider committed the first POST.
 */
describe('status report comments', () => {
  let sandbox: Sandbox;
  let now: number;
  const deps = (): SyncDeps => ({ adapters: { github: githubAdapter, gitlab: gitlabAdapter, jira: jiraAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });
  const context = () => ({ now, timeZone: 'UTC', week: STANDARD_WORK_WEEK });
  const format = { locale: 'en-US', timeZone: 'UTC', week: STANDARD_WORK_WEEK };

  withSandbox((s) => (sandbox = s));
  beforeEach(() => {
    now = Date.now();
  });

  /** Sync the project, build its report and queue it on `itemKey`. */
  async function queue(projectKey: string, itemKey: string, id: string) {
    const db = await database();
    await syncProject(db, projectKey, deps());
    const report = await buildStatusReport(db, projectKey, context());
    await queueReportPost(db, { id, scopeKey: projectKey, itemKey, report, format, now });
    return db;
  }

  /** The first run loses the answer to its create; the next finds the comment it wrote and posts nothing more. */
  async function postThroughADrop(db: Awaited<ReturnType<typeof database>>, createRoute: string, id: string) {
    const fault = sandbox.faults.add({ route: createRoute, kind: 'dropAfterCommit', times: 1 });
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 1 });
    expect(sandbox.faults.fired(fault)).toBe(1);
    expect(await reportPostStatus(db, id)).toMatchObject({ state: 'queued', reason: expect.stringMatching(/Could not reach/) });
    now += 60_000; // past the backoff
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(await reportPostStatus(db, id)).toMatchObject({ state: 'posted' });
    expect(sandbox.log.filter((r) => r.route === createRoute)).toHaveLength(1);
    return (await db.get('meta', reportPostKey(id))) as ReportPost;
  }

  it('GitHub: one issue comment carrying the hidden marker, after a drop-after-commit', async () => {
    const token = sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    const db = await database();
    await connectAndTrack(db, { provider: 'github', host: 'github.com', apiBase: `https://api.github.com:${sandbox.port}`, login: 'ana-ruiz', token, project: 'acme/checkout-web' }, now);
    await queue('github:github.com/acme/checkout-web', 'github:github.com/acme/checkout-web#3', 'rep-gh');
    const post = await postThroughADrop(db, 'github.issues.comments.create', 'rep-gh');
    const issue = sandbox.data.github[0]!.repos[0]!.issues.find((i) => i.number === 3)!;
    const mine = issue.comments.filter((c) => readReportMarker(c.body) === 'rep-gh');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toBe(post.bodies.markdown);
    expect(post.commentId).toBe(String(mine[0]!.id));
  });

  const gitlabToken = () => sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!.tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
  const gitlabNotes = async (path: string, segment: string, iid: number) => {
    const res = await fetch(`https://gitlab.com:${sandbox.port}/api/v4/projects/${encodeURIComponent(path)}/${segment}/${iid}/notes?per_page=100`, { headers: { 'private-token': gitlabToken() } });
    expect(res.status).toBe(200);
    return (await res.json()) as { id: number; body: string; author: { username: string } }[];
  };

  it.each([
    ['issue', 'issues', '#', 'gitlab.issues.notes.create'],
    ['merge request', 'merge_requests', '!', 'gitlab.mergeRequests.notes.create'],
  ])('GitLab: one note on an %s carrying the hidden marker, after a drop-after-commit', async (_what, segment, sigil, route) => {
    const PATH = 'acme/platform/billing-service';
    const db = await database();
    await connectAndTrack(db, { provider: 'gitlab', host: 'gitlab.com', apiBase: `https://gitlab.com:${sandbox.port}/api/v4`, login: 'aruiz', token: gitlabToken(), project: PATH }, now);
    const project = sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!.projects.find((p) => p.pathWithNamespace === PATH)!;
    const iid = (segment === 'issues' ? project.issues : project.mergeRequests)[0]!.iid;
    await queue(`gitlab:gitlab.com/${PATH}`, `gitlab:gitlab.com/${PATH}${sigil}${iid}`, 'rep-gl');
    const post = await postThroughADrop(db, route, 'rep-gl');
    const mine = (await gitlabNotes(PATH, segment, iid)).filter((n) => readReportMarker(n.body) === 'rep-gl');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ body: post.bodies.markdown, author: { username: 'aruiz' } });
  });

  const jiraAccount = (deployment: JiraAccount['deployment']): JiraAccount => {
    const p = person(sandbox, 'ana');
    return { deployment, email: deployment === 'Cloud' ? p.email : null, userId: deployment === 'Cloud' ? p.jira.accountId : 'unused', timeZone: p.timeZone };
  };

  it.each([
    ['Cloud (ADF, API v3)', CLOUD_HOST, 'PAY', 'Cloud', 3],
    ['Data Center (wiki text, API v2)', DC_HOST, 'DC', 'DataCenter', 2],
  ] as const)('Jira %s: one comment carrying the report property, after a drop-after-commit', async (_what, host, key, deployment, version) => {
    const db = await database();
    await connectAndTrack(db, { provider: 'jira', host, apiBase: `https://${host}:${sandbox.port}`, login: 'Ana Ruiz', token: jiraToken(sandbox, host, 'ana'), project: key, jira: jiraAccount(deployment) }, now);
    const issueKey = sandbox.data.jira.find((s) => s.host === host)!.issues.find((i) => i.projectKey === key)!.key;
    await queue(`jira:${host}/${key}`, `jira:${host}/${issueKey}`, 'rep-jira');
    const post = await postThroughADrop(db, 'jira.comments.create', 'rep-jira');
    const listed = await jiraFetch(sandbox, host, `/rest/api/${version}/issue/${issueKey}/comment?expand=properties`);
    const comments = (listed.body as { comments: { id: string; body: unknown; properties: { key: string; value: { id?: string } }[] }[] }).comments;
    const mine = comments.filter((c) => c.properties.some((p) => p.key === JIRA_REPORT_PROPERTY && p.value.id === 'rep-jira'));
    expect(mine).toHaveLength(1);
    expect(post.commentId).toBe(mine[0]!.id);
    if (version === 3) expect(mine[0]!.body).toMatchObject({ type: 'doc', version: 1 });
    else expect(mine[0]!.body).toMatch(/^h2\. Status report: /);
  });

  it('a refused token fails the post with the reason, and it is not retried until the person acts', async () => {
    const db = await database();
    const token = sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    await connectAndTrack(db, { provider: 'github', host: 'github.com', apiBase: `https://api.github.com:${sandbox.port}`, login: 'ana-ruiz', token, project: 'acme/checkout-web' }, now);
    await queue('github:github.com/acme/checkout-web', 'github:github.com/acme/checkout-web#3', 'rep-bad');
    await db.put('secrets', { connectionId: 'c1', token: 'ghp_revoked' });
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 1 });
    expect(await reportPostStatus(db, 'rep-bad')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/refused the token/) });
    now += 3_600_000;
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 0 });
  });
});
