import { GitbeakerRequestError } from '@gitbeaker/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GlIssuable } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { BILLING, client, encoded, gitlabFetch, person, project, token } from './test-clients.ts';

const spent = (item: GlIssuable) => item.timelogs.reduce((sum, t) => sum + t.timeSpent, 0);

/** The status and body of a gitbeaker failure. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; description: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitbeakerRequestError) {
      const cause = error.cause as { description: string; response: Response };
      return { status: cause.response.status, description: cause.description };
    }
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('GitLab REST time tracking and edits through gitbeaker', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const issue = (iid: number) => {
    const found = project(sandbox).issues.find((i) => i.iid === iid);
    if (!found) throw new Error(`no issue #${iid}`);
    return found;
  };

  it('adds spent time: a timelog by the caller, in total_time_spent, and updated_at moves', async () => {
    const api = client(sandbox, token(sandbox, 'ben'));
    const before = spent(issue(3));
    const updatedBefore = issue(3).updatedAt;
    const stats = await api.Issues.addSpentTime(BILLING, 3, '1h30m', { summary: 'Pairing on the renderer' });
    expect(stats.total_time_spent).toBe(before + 5400);
    const shown = await api.Issues.showTimeStats(BILLING, 3);
    expect(shown.total_time_spent).toBe(before + 5400);
    const log = issue(3).timelogs.at(-1);
    expect(log).toMatchObject({ user: person(sandbox, 'ben').gitlab.username, timeSpent: 5400, summary: 'Pairing on the renderer' });
    expect(issue(3).updatedAt).toBeGreaterThan(updatedBefore);
    const again = await api.Issues.show(3, { projectId: BILLING });
    expect(Date.parse(again.updated_at)).toBe(issue(3).updatedAt);
  });

  it('subtracts with a negative duration, and refuses to go below zero', async () => {
    const api = client(sandbox, token(sandbox));
    const before = spent(issue(3));
    expect((await api.Issues.addSpentTime(BILLING, 3, '-30m')).total_time_spent).toBe(before - 1800);
    const res = await gitlabFetch(sandbox, `/api/v4/projects/${encoded(BILLING)}/issues/3/add_spent_time`, { method: 'POST', token: token(sandbox), body: { duration: '-9999h' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: { base: ['Time to subtract exceeds the total time spent'] } });
    expect(spent(issue(3))).toBe(before - 1800);
  });

  it('sets, shows in human form and resets the estimate; refuses a malformed one', async () => {
    const api = client(sandbox, token(sandbox));
    const set = await api.Issues.addTimeEstimate(BILLING, 4, '1d 2h 30m');
    expect(set).toMatchObject({ time_estimate: (8 + 2.5) * 3600, human_time_estimate: '1d 2h 30m' });
    expect(issue(4).timeEstimate).toBe(37_800);
    const bigger = await api.Issues.addTimeEstimate(BILLING, 4, '1w');
    expect(bigger.human_time_estimate).toBe('1w');
    const error = await failure(api.Issues.addTimeEstimate(BILLING, 4, 'soon'));
    expect(error).toEqual({ status: 400, description: '400 Bad request - Time estimate must have a valid format and be greater than or equal to zero.' });
    const reset = await api.Issues.resetTimeEstimate(BILLING, 4);
    expect(reset).toMatchObject({ time_estimate: 0, human_time_estimate: null });
  });

  it('accepts the duration as a form parameter too, and resets spent time with a negative timelog', async () => {
    const res = await fetch(`https://gitlab.com:${sandbox.port}/api/v4/projects/${encoded(BILLING)}/issues/5/add_spent_time`, {
      method: 'POST',
      headers: { 'private-token': token(sandbox), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'duration=2h&summary=Triage',
    });
    expect(res.status).toBe(201);
    const total = spent(issue(5));
    const reset = await client(sandbox, token(sandbox)).Issues.resetSpentTime(BILLING, 5);
    expect(reset).toMatchObject({ total_time_spent: 0, human_total_time_spent: null });
    expect(issue(5).timelogs.at(-1)?.timeSpent).toBe(-total);
  });

  it('tracks time on merge requests the same way', async () => {
    const api = client(sandbox, token(sandbox, 'dana'));
    const mr = project(sandbox).mergeRequests[0];
    if (!mr) throw new Error('no MR');
    const before = spent(mr);
    expect((await api.MergeRequests.addSpentTime(BILLING, mr.iid, '45m')).total_time_spent).toBe(before + 2700);
    expect((await api.MergeRequests.setTimeEstimate(BILLING, mr.iid, '3h')).time_estimate).toBe(10_800);
    expect((await api.MergeRequests.showTimeStats(BILLING, mr.iid)).human_time_estimate).toBe('3h');
  });

  it('edits an issue: title, labels (new ones created), assignees, milestone, due date, state', async () => {
    const api = client(sandbox, token(sandbox));
    const milestone = project(sandbox).milestones.find((m) => m.state === 'active');
    const edited = await api.Issues.edit(BILLING, 6, {
      title: 'Renamed by Stint',
      labels: 'type::bug,needs-estimate',
      assigneeIds: [person(sandbox, 'chen').gitlab.id],
      milestoneId: milestone?.id,
      dueDate: '2030-01-31',
      stateEvent: 'close',
    });
    expect(edited).toMatchObject({ title: 'Renamed by Stint', labels: ['type::bug', 'needs-estimate'], state: 'closed', due_date: '2030-01-31' });
    expect(edited.assignees?.map((a) => a.username)).toEqual(['cwei']);
    expect(edited.milestone?.id).toBe(milestone?.id);
    expect(project(sandbox).labels.some((l) => l.name === 'needs-estimate')).toBe(true);
    const reopened = await api.Issues.edit(BILLING, 6, { stateEvent: 'reopen', assigneeIds: [] });
    expect(reopened).toMatchObject({ state: 'opened', closed_at: null, assignees: [] });
    const nothing = await gitlabFetch(sandbox, `/api/v4/projects/${encoded(BILLING)}/issues/6`, { method: 'PUT', token: token(sandbox), body: {} });
    expect(nothing.status).toBe(400);
  });

  it('answers 404s in GitLab’s words', async () => {
    const api = client(sandbox, token(sandbox));
    expect(await failure(api.Projects.show('acme/nope'))).toEqual({ status: 404, description: '404 Project Not Found' });
    expect(await failure(api.Issues.show(9999, { projectId: BILLING }))).toEqual({ status: 404, description: '404 Not found' });
    expect(await failure(api.Issues.addSpentTime('acme/nope', 1, '1h'))).toEqual({ status: 404, description: '404 Project Not Found' });
    const route = await gitlabFetch(sandbox, '/api/v4/nothing/here', { token: token(sandbox) });
    expect(route).toMatchObject({ status: 404, body: { error: '404 Not Found' } });
  });
});
