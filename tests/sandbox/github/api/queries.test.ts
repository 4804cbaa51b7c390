import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import type { GhRepo } from '../../data/model.ts';
import { GHE, failure, githubToken, octokitFor } from './test-support.ts';

const owner = 'acme';
const repo = 'checkout-web';

describe('GitHub API: filters, pull requests, search and the caller’s issues', () => {
  let sandbox: Sandbox;
  let seeded: GhRepo;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const found = sandbox.data.github[0]?.repos.find((r) => r.name === repo);
    if (!found) throw new Error('seed changed');
    seeded = found;
  });
  afterAll(() => sandbox.close());

  const all = (params: Record<string, string | number>) => {
    const octokit = octokitFor(sandbox);
    return octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, per_page: 100, ...params });
  };

  it('filters issues by milestone (number, * and none), labels, assignee and creator, and sorts', async () => {
    const count = (pred: (i: GhRepo['issues'][number]) => boolean) => seeded.issues.filter(pred).length;
    expect(await all({ state: 'all', milestone: '2' })).toHaveLength(count((i) => i.milestone === 2));
    expect(await all({ state: 'all', milestone: '*' })).toHaveLength(count((i) => i.milestone !== null));
    expect(await all({ state: 'all', milestone: 'none' })).toHaveLength(count((i) => i.milestone === null));
    expect(await all({ state: 'closed', labels: 'bug,priority: high' })).toHaveLength(count((i) => i.state === 'closed' && i.labels.includes('bug') && i.labels.includes('priority: high')));
    expect(await all({ state: 'all', assignee: 'chenwei-dev' })).toHaveLength(count((i) => i.assignees.includes('chenwei-dev')));
    expect(await all({ state: 'all', assignee: 'none' })).toHaveLength(count((i) => i.assignees.length === 0));
    expect(await all({ state: 'all', creator: 'eli-qa' })).toHaveLength(count((i) => i.user === 'eli-qa'));
    const byComments = await all({ state: 'all', sort: 'comments', direction: 'asc' });
    expect(byComments.map((i) => i.comments)).toEqual([...byComments.map((i) => i.comments)].sort((a, b) => a - b));
    const byUpdated = await all({ state: 'all', sort: 'updated', direction: 'desc' });
    expect(byUpdated.map((i) => Date.parse(i.updated_at))).toEqual(byUpdated.map((i) => Date.parse(i.updated_at)).sort((a, b) => b - a));
    const invalid = await failure(all({ state: 'sideways' }));
    expect(invalid.status).toBe(422);
    expect(invalid.data).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'state', code: 'invalid' }] });
  });

  it('renders issues, pull requests and their links as GitHub does', async () => {
    const octokit = octokitFor(sandbox);
    const pull = seeded.issues.find((i) => i.pull && i.milestone !== null && i.assignees.length > 0);
    const issue = seeded.issues.find((i) => !i.pull);
    if (!pull || !issue) throw new Error('seed changed');
    const asIssue = (await octokit.rest.issues.get({ owner, repo, issue_number: pull.number })).data;
    expect(asIssue.pull_request?.url).toBe(`https://api.github.com:${sandbox.port}/repos/acme/checkout-web/pulls/${pull.number}`);
    expect(asIssue.html_url).toBe(`https://github.com:${sandbox.port}/acme/checkout-web/pull/${pull.number}`);
    expect(asIssue.milestone?.number).toBe(pull.milestone);
    expect(asIssue.assignees?.map((a) => a.login)).toEqual(pull.assignees);
    const plain = (await octokit.rest.issues.get({ owner, repo, issue_number: issue.number })).data;
    expect(plain.pull_request).toBeUndefined();
    expect(plain.html_url).toBe(`https://github.com:${sandbox.port}/acme/checkout-web/issues/${issue.number}`);
    expect(plain.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(issue.labels);

    const pr = (await octokit.rest.pulls.get({ owner, repo, pull_number: pull.number })).data;
    expect(pr).toMatchObject({ number: pull.number, head: { ref: pull.pull?.headRef }, base: { ref: 'main' }, merged: pull.pull?.mergedAt !== null, draft: pull.pull?.draft });
    expect(pr.id).not.toBe(asIssue.id);
    expect((await failure(octokit.rest.pulls.get({ owner, repo, pull_number: issue.number }))).status).toBe(404);
    const pulls = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'all', per_page: 100 });
    expect(pulls).toHaveLength(seeded.issues.filter((i) => i.pull).length);
    const head = await octokit.rest.pulls.list({ owner, repo, state: 'all', head: `acme:${pull.pull?.headRef}` });
    expect(head.data.map((p) => p.number)).toEqual([pull.number]);
  });

  it('searches with qualifiers, free text and a total count', async () => {
    const octokit = octokitFor(sandbox);
    const search = async (q: string) => (await octokit.rest.search.issuesAndPullRequests({ q, per_page: 100 })).data;
    const openBugs = await search('repo:acme/checkout-web is:issue is:open label:bug');
    expect(openBugs.total_count).toBe(seeded.issues.filter((i) => !i.pull && i.state === 'open' && i.labels.includes('bug')).length);
    expect(openBugs.incomplete_results).toBe(false);
    expect(openBugs.items.every((i) => i.repository_url.endsWith('/repos/acme/checkout-web') && i.pull_request === undefined)).toBe(true);

    const sprint = await search('repo:acme/checkout-web milestone:"Sprint 42 — Wallets" is:pr');
    expect(sprint.total_count).toBe(seeded.issues.filter((i) => i.pull && i.milestone === 2).length);

    const cut = new Date(sandbox.data.now - 20 * 86_400_000).toISOString().slice(0, 10);
    const recent = await search(`repo:acme/checkout-web updated:>=${cut}`);
    expect(recent.total_count).toBe(seeded.issues.filter((i) => i.updatedAt >= Date.parse(`${cut}T00:00:00Z`)).length);

    const word = seeded.issues[10]?.title.split(' ').at(-1)?.toLowerCase() ?? '';
    const byText = await search(`repo:acme/checkout-web ${word} in:title`);
    expect(byText.total_count).toBe(seeded.issues.filter((i) => i.title.toLowerCase().includes(word)).length);
    expect(byText.total_count).toBeGreaterThan(0);

    const mine = await search('repo:acme/checkout-web assignee:ana-ruiz -label:bug');
    expect(mine.total_count).toBe(seeded.issues.filter((i) => i.assignees.includes('ana-ruiz') && !i.labels.includes('bug')).length);
    // A token without `repo` cannot search a private repository by name, and finds nothing in them otherwise.
    const readonly = octokitFor(sandbox, githubToken(sandbox, 'readonly')).rest.search;
    const refused = await failure(readonly.issuesAndPullRequests({ q: 'repo:acme/checkout-web' }));
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ errors: [{ resource: 'Search', field: 'q', code: 'invalid', message: expect.stringMatching(/cannot be searched/) }] });
    expect((await readonly.issuesAndPullRequests({ q: 'is:open Fix' })).data.total_count).toBe(0);
    // The Enterprise stand-in searches its own repositories.
    const ghe = octokitFor(sandbox, githubToken(sandbox, 'ana', GHE), GHE);
    expect((await ghe.rest.search.issuesAndPullRequests({ q: 'is:open' })).data.total_count).toBe(sandbox.data.github[1]?.repos[0]?.issues.filter((i) => i.state === 'open').length);
  });

  it('lists the caller’s issues across repositories (assigned by default)', async () => {
    const octokit = octokitFor(sandbox, githubToken(sandbox, 'eli'));
    const assigned = await octokit.paginate(octokit.rest.issues.listForAuthenticatedUser, { state: 'all', per_page: 100 });
    const expected = sandbox.data.github[0]?.repos.flatMap((r) => r.issues.filter((i) => i.assignees.includes('eli-qa'))) ?? [];
    expect(assigned).toHaveLength(expected.length);
    expect(new Set(assigned.map((i) => i.repository?.full_name))).toEqual(new Set(['acme/checkout-web', 'acme/mobile-app']));
    const created = await octokit.paginate(octokit.rest.issues.listForAuthenticatedUser, { filter: 'created', state: 'open', per_page: 100 });
    expect(created.every((i) => i.user?.login === 'eli-qa' && i.state === 'open')).toBe(true);
  });

  it('lists milestones by due date and labels, and who can be assigned', async () => {
    const octokit = octokitFor(sandbox);
    const open = await octokit.rest.issues.listMilestones({ owner, repo });
    expect(open.data.map((m) => m.title)).toEqual(['Sprint 42 — Wallets', 'Sprint 43 — Subscriptions']);
    const everything = await octokit.rest.issues.listMilestones({ owner, repo, state: 'all', direction: 'desc' });
    expect(everything.data.map((m) => m.number)).toEqual([3, 2, 1]);
    const sprint = everything.data.find((m) => m.number === 2);
    expect((sprint?.open_issues ?? 0) + (sprint?.closed_issues ?? 0)).toBe(seeded.issues.filter((i) => i.milestone === 2).length);
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo });
    expect(labels.map((l) => l.name)).toEqual(seeded.labels.map((l) => l.name));
    expect(labels.find((l) => l.name === 'bug')?.default).toBe(true);
    const assignees = await octokit.rest.issues.listAssignees({ owner, repo });
    expect(assignees.data.map((a) => a.login)).toContain('fzahra');
  });
});
