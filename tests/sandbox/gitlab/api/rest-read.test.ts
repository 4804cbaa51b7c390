import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { BILLING, client, encoded, gitlabFetch, instance, project, SELF_MANAGED, token } from './test-clients.ts';

describe('GitLab REST reads through gitbeaker', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('names the instance, the user and the token (with its scopes)', async () => {
    const api = client(sandbox, token(sandbox));
    const meta = await api.Metadata.show();
    expect(meta.version).toBe(instance(sandbox).version);
    expect(meta.enterprise).toBe(true);
    const me = await api.Users.showCurrentUser();
    expect(me.username).toBe('aruiz');
    expect(me.email).toBe('ana@acme-payments.example');
    const pat = await api.PersonalAccessTokens.show();
    expect(pat.scopes).toEqual(['api']);
    expect(pat.active).toBe(true);
    expect(pat.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const readOnly = await client(sandbox, token(sandbox, 'ana', { readOnly: true })).PersonalAccessTokens.show();
    expect(readOnly.scopes).toEqual(['read_api']);
  });

  it('finds a project by numeric id and by URL-encoded full path', async () => {
    const api = client(sandbox, token(sandbox));
    const seeded = project(sandbox);
    const byPath = await api.Projects.show(BILLING);
    const byId = await api.Projects.show(seeded.id);
    expect(byPath.id).toBe(seeded.id);
    expect(byId.path_with_namespace).toBe(BILLING);
    expect(byPath.web_url).toBe(`https://gitlab.com/${BILLING}`);
    expect(byPath.namespace.full_path).toBe('acme/platform');
    expect(byPath.name_with_namespace).toBe('Acme Payments / Platform / billing-service');
  });

  it('lists every issue across pages, following the Link header', async () => {
    const api = client(sandbox, token(sandbox));
    const from = sandbox.log.length;
    const issues = await api.Issues.all({ projectId: BILLING, perPage: 20 });
    const seeded = project(sandbox).issues;
    expect(issues).toHaveLength(seeded.length);
    expect(new Set(issues.map((i) => i.iid))).toEqual(new Set(seeded.map((i) => i.iid)));
    const pages = sandbox.state.requestsSince(from).filter((r) => r.route === 'gitlab.issues.list');
    expect(pages).toHaveLength(Math.ceil(seeded.length / 20));
    // Newest first by default.
    const created = issues.map((i) => Date.parse(i.created_at));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it('sends GitLab paging headers, and omits nothing below 10,000 records', async () => {
    const total = project(sandbox).issues.length;
    const res = await gitlabFetch(sandbox, `/api/v4/projects/${encoded(BILLING)}/issues?per_page=20&page=2`, { token: token(sandbox) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-page')).toBe('2');
    expect(res.headers.get('x-per-page')).toBe('20');
    expect(res.headers.get('x-prev-page')).toBe('1');
    expect(res.headers.get('x-next-page')).toBe('3');
    expect(res.headers.get('x-total')).toBe(String(total));
    expect(res.headers.get('x-total-pages')).toBe(String(Math.ceil(total / 20)));
    const link = res.headers.get('link') ?? '';
    for (const rel of ['prev', 'next', 'first', 'last']) expect(link).toContain(`rel="${rel}"`);
    const last = new URL(/<([^>]+)>; rel="last"/.exec(link)?.[1] ?? 'https://invalid/');
    expect(last.searchParams.get('page')).toBe(String(Math.ceil(total / 20)));
    expect(last.searchParams.get('per_page')).toBe('20');

    const capped = await gitlabFetch(sandbox, `/api/v4/projects/${encoded(BILLING)}/issues?per_page=500`, { token: token(sandbox) });
    expect(capped.headers.get('x-per-page')).toBe('100');
    expect(capped.headers.get('x-next-page')).toBe('');
  });

  it('filters by state, updated_after, labels, milestone, assignee and iids', async () => {
    const api = client(sandbox, token(sandbox));
    const seeded = project(sandbox).issues;
    const opened = await api.Issues.all({ projectId: BILLING, state: 'opened', perPage: 100 });
    expect(opened).toHaveLength(seeded.filter((i) => i.state === 'opened').length);

    const times = seeded.map((i) => i.updatedAt).sort((a, b) => a - b);
    const threshold = times[Math.floor(times.length / 2)] ?? 0;
    const recent = await api.Issues.all({ projectId: BILLING, updatedAfter: new Date(threshold).toISOString(), perPage: 100 });
    expect(recent.map((i) => i.iid).sort((a, b) => a - b)).toEqual(seeded.filter((i) => i.updatedAt >= threshold).map((i) => i.iid).sort((a, b) => a - b));

    const bugs = await api.Issues.all({ projectId: BILLING, labels: 'type::bug', perPage: 100 });
    expect(bugs).toHaveLength(seeded.filter((i) => i.labels.includes('type::bug')).length);

    const milestone = project(sandbox).milestones[1];
    const inMilestone = await api.Issues.all({ projectId: BILLING, milestone: milestone?.title, perPage: 100 });
    expect(inMilestone).toHaveLength(seeded.filter((i) => i.milestoneId === milestone?.id).length);
    expect(inMilestone.every((i) => i.milestone?.title === milestone?.title)).toBe(true);

    const mine = await api.Issues.all({ projectId: BILLING, assigneeUsername: ['aruiz'], perPage: 100 });
    expect(mine).toHaveLength(seeded.filter((i) => i.assignees.includes('aruiz')).length);

    const picked = await api.Issues.all({ projectId: BILLING, iids: [3, 5, 8] });
    expect(picked.map((i) => i.iid).sort((a, b) => a - b)).toEqual([3, 5, 8]);

    const bad = await gitlabFetch(sandbox, `/api/v4/projects/${encoded(BILLING)}/issues?updated_after=yesterday`, { token: token(sandbox) });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'updated_after is invalid' });
  });

  it('orders by updated_at ascending when asked', async () => {
    const issues = await client(sandbox, token(sandbox)).Issues.all({ projectId: BILLING, orderBy: 'updated_at', sort: 'asc', perPage: 100 });
    const updated = issues.map((i) => Date.parse(i.updated_at));
    expect([...updated].sort((a, b) => a - b)).toEqual(updated);
  });

  it('shows one issue with time stats that add up its seeded timelogs, milestone dates and iteration', async () => {
    const seeded = project(sandbox).issues.find((i) => i.timelogs.length >= 2 && i.milestoneId !== null && i.iterationId !== null);
    if (!seeded) throw new Error('seed has no issue with timelogs, milestone and iteration');
    const shown = await client(sandbox, token(sandbox)).Issues.show(seeded.iid, { projectId: BILLING });
    expect(shown.time_stats.total_time_spent).toBe(seeded.timelogs.reduce((sum, t) => sum + t.timeSpent, 0));
    expect(shown.time_stats.time_estimate).toBe(seeded.timeEstimate);
    expect(shown.references).toEqual({ short: `#${seeded.iid}`, relative: `#${seeded.iid}`, full: `${BILLING}#${seeded.iid}` });
    expect(shown.web_url).toBe(`https://gitlab.com/${BILLING}/-/issues/${seeded.iid}`);
    const milestone = project(sandbox).milestones.find((m) => m.id === seeded.milestoneId);
    expect(shown.milestone).toMatchObject({ id: milestone?.id, title: milestone?.title, start_date: milestone?.startDate, due_date: milestone?.dueDate });
    expect(shown.iteration).toMatchObject({ id: seeded.iterationId, state: expect.any(Number) });
    expect(shown.assignees?.map((a) => a.username)).toEqual(seeded.assignees);
    expect(shown.due_date).toBe(seeded.dueDate);
  });

  it('lists merge requests by state, with MR references and time stats', async () => {
    const api = client(sandbox, token(sandbox));
    const seeded = project(sandbox).mergeRequests;
    const merged = await api.MergeRequests.all({ projectId: BILLING, state: 'merged', perPage: 100 });
    expect(merged).toHaveLength(seeded.filter((m) => m.state === 'merged').length);
    expect(merged.every((m) => m.merged_at !== null && m.references.short.startsWith('!'))).toBe(true);
    const one = seeded[0];
    if (!one) throw new Error('no MR');
    const shown = await api.MergeRequests.show(BILLING, one.iid);
    expect(shown.time_stats.total_time_spent).toBe(one.timelogs.reduce((s, t) => s + t.timeSpent, 0));
    expect(shown.diff_refs.head_sha).toBe(shown.sha);
  });

  it('lists a group’s issues across its subgroups’ projects', async () => {
    const issues = await client(sandbox, token(sandbox)).Issues.all({ groupId: 'acme', perPage: 100 });
    const expected = instance(sandbox).projects.reduce((n, p) => n + p.issues.length, 0);
    expect(issues).toHaveLength(expected);
  });

  it('lists milestones with dates, group iterations and labels', async () => {
    const api = client(sandbox, token(sandbox));
    const seeded = project(sandbox);
    const active = await api.ProjectMilestones.all(BILLING, { state: 'active' });
    expect(active.map((m) => m.title).sort()).toEqual(seeded.milestones.filter((m) => m.state === 'active').map((m) => m.title).sort());
    expect(active.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.start_date) && m.project_id === seeded.id)).toBe(true);
    const byTitle = await api.ProjectMilestones.all(BILLING, { title: 'Q3 hardening' });
    expect(byTitle.map((m) => m.state)).toEqual(['closed']);

    const current = await api.GroupIterations.all('acme/platform', { state: 'current' });
    expect(current.length).toBeGreaterThan(0);
    expect(current.every((it) => it.state === 2)).toBe(true);
    const own = await api.GroupIterations.all('acme/platform', { includeAncestors: false });
    const platform = instance(sandbox).groups.find((g) => g.fullPath === 'acme/platform');
    expect(own.map((it) => it.id).sort()).toEqual(platform?.iterations.map((it) => it.id).sort());

    const labels = await api.ProjectLabels.all(BILLING, { withCounts: true });
    expect(labels.map((l) => l.name).sort()).toEqual(seeded.labels.map((l) => l.name).sort());
    const bug = labels.find((l) => l.name === 'type::bug');
    expect(bug?.open_issues_count).toBe(seeded.issues.filter((i) => i.state === 'opened' && i.labels.includes('type::bug')).length);
  });

  it('serves the self-managed instance with its own version, projects and tokens', async () => {
    const api = client(sandbox, token(sandbox, 'chen', { host: SELF_MANAGED }), SELF_MANAGED);
    expect((await api.Metadata.show()).version).toBe(instance(sandbox, SELF_MANAGED).version);
    const issues = await api.Issues.all({ projectId: 'tools/ci-runner', perPage: 100 });
    expect(issues).toHaveLength(project(sandbox, 'tools/ci-runner', SELF_MANAGED).issues.length);
    expect(issues[0]?.web_url).toMatch(/^https:\/\/gitlab\.example\.test\/tools\/ci-runner\/-\/issues\/\d+$/);
    const elsewhere = await gitlabFetch(sandbox, `/api/v4/projects/${encoded(BILLING)}`, { token: token(sandbox, 'chen'), host: SELF_MANAGED });
    expect(elsewhere.status).toBe(404);
  });
});
