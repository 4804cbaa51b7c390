import { GitbeakerRequestError } from '@gitbeaker/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { BILLING, client, encoded, gitlabFetch, project, token } from './test-clients.ts';

/** GitLab's notes of issues and MRs, through gitbeaker (an independent real client) and raw HTTPS for headers. */
describe('GitLab REST notes', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  it('creates notes on an issue and an MR (201, the Note entity), lists them newest first or oldest first, and deletes one', async () => {
    const api = client(sandbox, token(sandbox));
    const issue = project(sandbox).issues[0]!;
    const mr = project(sandbox).mergeRequests[0]!;
    const first = await api.IssueNotes.create(BILLING, issue.iid, 'First **note**');
    expect(first).toMatchObject({ body: 'First **note**', system: false, noteable_type: 'Issue', noteable_iid: issue.iid, author: { username: 'aruiz' } });
    const second = await api.IssueNotes.create(BILLING, issue.iid, 'Second');
    const onMr = await api.MergeRequestNotes.create(BILLING, mr.iid, 'On the MR');
    expect(onMr).toMatchObject({ noteable_type: 'MergeRequest', noteable_iid: mr.iid });
    expect((await api.IssueNotes.all(BILLING, issue.iid)).map((n) => n.id)).toEqual([second.id, first.id]);
    expect((await api.IssueNotes.all(BILLING, issue.iid, { sort: 'asc' })).map((n) => n.id)).toEqual([first.id, second.id]);
    await api.IssueNotes.remove(BILLING, issue.iid, first.id);
    expect((await api.IssueNotes.all(BILLING, issue.iid)).map((n) => n.body)).toEqual(['Second']);
    expect((await api.MergeRequestNotes.all(BILLING, mr.iid)).map((n) => n.body)).toEqual(['On the MR']);
  });

  it('pages with GitLab’s headers, refuses a note without a body (400) and a missing note (404), and a read_api token cannot write (403)', async () => {
    const api = client(sandbox, token(sandbox));
    const issue = project(sandbox).issues[1]!;
    for (let i = 0; i < 3; i++) await api.IssueNotes.create(BILLING, issue.iid, `Note ${i}`);
    const path = `/api/v4/projects/${encoded(BILLING)}/issues/${issue.iid}/notes`;
    const page = await gitlabFetch(sandbox, `${path}?per_page=2&sort=asc`, { token: token(sandbox) });
    expect(page.status).toBe(200);
    expect(page.headers.get('x-total')).toBe('3');
    expect(page.headers.get('x-next-page')).toBe('2');
    expect((page.body as { body: string }[]).map((n) => n.body)).toEqual(['Note 0', 'Note 1']);
    const missingBody = await gitlabFetch(sandbox, path, { method: 'POST', body: {}, token: token(sandbox) });
    expect(missingBody).toMatchObject({ status: 400, body: { error: 'body is missing' } });
    const gone = await gitlabFetch(sandbox, `${path}/999999`, { method: 'DELETE', token: token(sandbox) });
    expect(gone).toMatchObject({ status: 404, body: { message: '404 Note Not Found' } });
    const readOnly = client(sandbox, token(sandbox, 'ana', { readOnly: true }));
    await expect(readOnly.IssueNotes.create(BILLING, issue.iid, 'nope')).rejects.toSatisfy((e) => e instanceof GitbeakerRequestError && (e.cause as { response: Response }).response.status === 403);
  });
});
