import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { apiBase, failure, githubToken, octokitFor } from './test-support.ts';

const owner = 'acme';
const repo = 'checkout-web';

describe('GitHub API: writes change the world and are validated as GitHub does', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const seeded = () => sandbox.data.github[0]?.repos.find((r) => r.name === repo);

  it('creates an issue with labels, assignees and a milestone, then closes and reopens it', async () => {
    const octokit = octokitFor(sandbox, githubToken(sandbox, 'chen'));
    const highest = Math.max(...(seeded()?.issues.map((i) => i.number) ?? []));
    const created = await octokit.rest.issues.create({ owner, repo, title: 'Track refunds', labels: ['bug', 'estimate: 7h'], assignees: ['ANA-RUIZ'], milestone: 3 });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(created.data.url);
    expect(created.data).toMatchObject({ number: highest + 1, state: 'open', user: { login: 'chenwei-dev' }, assignees: [{ login: 'ana-ruiz' }], milestone: { number: 3 } });
    // An unknown label is created on the way, as GitHub does for users with push access.
    expect(seeded()?.labels.some((l) => l.name === 'estimate: 7h')).toBe(true);

    const closed = await octokit.rest.issues.update({ owner, repo, issue_number: created.data.number, state: 'closed', state_reason: 'not_planned' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'not_planned', closed_by: { login: 'ana-ruiz' } });
    expect(closed.data.closed_at).not.toBeNull();
    const reopened = await octokit.rest.issues.update({ owner, repo, issue_number: created.data.number, state: 'open', milestone: null, labels: [] });
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null, milestone: null, labels: [] });

    const listed = await octokit.rest.issues.listForRepo({ owner, repo, sort: 'created', per_page: 1 });
    expect(listed.data[0]?.number).toBe(created.data.number);
  });

  it('rejects bad issue writes with GitHub’s 400 and 422 bodies and changes nothing', async () => {
    const octokit = octokitFor(sandbox);
    const before = JSON.stringify(seeded()?.issues);
    const noTitle = await failure(octokit.request('POST /repos/{owner}/{repo}/issues', { owner, repo, body: 'no title' } as never));
    expect(noTitle.status).toBe(422);
    expect(noTitle.data).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }], status: '422' });
    const badAssignee = await failure(octokit.rest.issues.update({ owner, repo, issue_number: 1, title: 'x', assignees: ['ghost-user'] }));
    expect(badAssignee.data).toMatchObject({ errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid', value: 'ghost-user' }] });
    const badMilestone = await failure(octokit.rest.issues.update({ owner, repo, issue_number: 1, milestone: 99 }));
    expect(badMilestone.data).toMatchObject({ errors: [{ field: 'milestone', code: 'invalid', value: 99 }] });
    const mistyped = await failure(octokit.rest.issues.update({ owner, repo, issue_number: 1, title: ['not', 'text'] as never }));
    expect(mistyped.status).toBe(422);
    expect((mistyped.data as { message: string }).message).toMatch(/^Invalid request\.\n\nFor 'properties\/title'/);
    const notJson = await fetch(`${apiBase(sandbox)}/repos/${owner}/${repo}/issues/1`, { method: 'PATCH', headers: { authorization: `token ${githubToken(sandbox)}` }, body: '{"title":' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ message: 'Problems parsing JSON' });
    expect(JSON.stringify(seeded()?.issues)).toBe(before);
  });

  it('edits and deletes comments, and refuses an empty one', async () => {
    const octokit = octokitFor(sandbox);
    const made = await octokit.rest.issues.createComment({ owner, repo, issue_number: 2, body: 'first' });
    const empty = await failure(octokit.rest.issues.createComment({ owner, repo, issue_number: 2, body: '' }));
    expect(empty.status).toBe(422);
    expect(empty.data).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] });
    const edited = await octokit.rest.issues.updateComment({ owner, repo, comment_id: made.data.id, body: 'second' });
    expect(edited.data.body).toBe('second');
    expect(Date.parse(edited.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(made.data.updated_at));
    expect((await octokit.rest.issues.getComment({ owner, repo, comment_id: made.data.id })).data.body).toBe('second');
    expect((await octokit.rest.issues.deleteComment({ owner, repo, comment_id: made.data.id })).status).toBe(204);
    expect((await failure(octokit.rest.issues.getComment({ owner, repo, comment_id: made.data.id }))).status).toBe(404);
    // Ids come from the shared counter: a new comment never reuses one.
    const next = await octokit.rest.issues.createComment({ owner, repo, issue_number: 2, body: 'third' });
    expect(next.data.id).toBeGreaterThan(made.data.id);
  });

  it('creates, updates and deletes milestones', async () => {
    const octokit = octokitFor(sandbox, githubToken(sandbox, 'dana'));
    const made = await octokit.rest.issues.createMilestone({ owner, repo, title: 'Sprint 44', due_on: '2027-01-15T08:00:00Z', description: 'Next' });
    expect(made.status).toBe(201);
    expect(made.data).toMatchObject({ number: 4, title: 'Sprint 44', due_on: '2027-01-15T08:00:00Z', state: 'open', creator: { login: 'dkowalski' }, open_issues: 0 });
    const duplicate = await failure(octokit.rest.issues.createMilestone({ owner, repo, title: 'Sprint 44' }));
    expect(duplicate.data).toMatchObject({ errors: [{ resource: 'Milestone', code: 'already_exists', field: 'title' }] });
    await octokit.rest.issues.update({ owner, repo, issue_number: 1, milestone: 4 });
    const closed = await octokit.rest.issues.updateMilestone({ owner, repo, milestone_number: 4, state: 'closed' });
    expect(closed.data).toMatchObject({ state: 'closed', open_issues: seeded()?.issues[0]?.state === 'open' ? 1 : 0 });
    expect(closed.data.closed_at).not.toBeNull();
    expect((await octokit.rest.issues.deleteMilestone({ owner, repo, milestone_number: 4 })).status).toBe(204);
    expect((await octokit.rest.issues.get({ owner, repo, issue_number: 1 })).data.milestone).toBeNull();
    expect((await failure(octokit.rest.issues.getMilestone({ owner, repo, milestone_number: 4 }))).status).toBe(404);
  });

  it('adds, replaces and removes an issue’s labels', async () => {
    const octokit = octokitFor(sandbox);
    const names = (labels: { name: string }[]) => labels.map((l) => l.name);
    await octokit.rest.issues.setLabels({ owner, repo, issue_number: 1, labels: ['chore'] });
    expect(names((await octokit.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ['blocked', 'chore'] })).data)).toEqual(['chore', 'blocked']);
    expect(names((await octokit.rest.issues.removeLabel({ owner, repo, issue_number: 1, name: 'chore' })).data)).toEqual(['blocked']);
    const missing = await failure(octokit.rest.issues.removeLabel({ owner, repo, issue_number: 1, name: 'chore' }));
    expect(missing.status).toBe(404);
    expect(missing.data).toMatchObject({ message: 'Label does not exist' });
    expect((await octokit.rest.issues.removeAllLabels({ owner, repo, issue_number: 1 })).status).toBe(204);
    expect((await octokit.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: 1 })).data).toEqual([]);
  });
});
