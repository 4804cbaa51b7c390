import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';
import { database } from '../../lib/db/open';
import { gitlabAdapter } from '../../lib/providers/gitlab/adapter';
import { entryIdOf } from '../../lib/providers/gitlab/map';
import { setLocalEstimate } from '../../lib/services/badges';
import { runOutbox, setWriteBack, syncProject, syncStatus, type SyncDeps } from '../../lib/services/sync/engine';
import { deleteTimeEntry, editTimeEntry, itemTimerState, startTimerFor, stopRunningTimer } from '../../lib/services/timer';
import type { GlIssuable } from '../sandbox/data/model.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { withSandbox } from './lifecycle.ts';
import { connectAndTrack } from './connect.ts';

/** The sync engine with the GitLab adapter (@gitbeaker/core + GraphQL) against the sandbox, IndexedDB in memory. */
describe('GitLab sync', () => {
  let sandbox: Sandbox;
  let now: number;
  const PATH = 'acme/platform/billing-service';
  const PROJECT = `gitlab:gitlab.com/${PATH}`;
  const deps = (): SyncDeps => ({ adapters: { gitlab: gitlabAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });
  const clock = () => ({ now: () => now, newId: () => crypto.randomUUID() });
  const instance = () => sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
  const project = () => instance().projects.find((p) => p.pathWithNamespace === PATH)!;
  const tokenOf = (personId: string, scope = 'api') => instance().tokens.find((t) => t.personId === personId && t.scopes.includes(scope))!.value;
  const positive = (item: GlIssuable) => item.timelogs.filter((t) => t.timeSpent > 0);
  const graphqlAs = async (personId: string, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`https://gitlab.com:${sandbox.port}/api/graphql`, { method: 'POST', headers: { authorization: `Bearer ${tokenOf(personId)}`, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: Record<string, { timelog?: { id: string } } | null>; errors?: unknown[] };
  };
  const stintLogs = (item: GlIssuable, entryId: string) => item.timelogs.filter((t) => entryIdOf(t.summary) === entryId);

  withSandbox((s) => (sandbox = s));
  beforeEach(async () => {
    now = Date.now();
    const db = await database();
    await connectAndTrack(db, { provider: 'gitlab', host: 'gitlab.com', apiBase: `https://gitlab.com:${sandbox.port}/api/v4`, login: 'aruiz', token: tokenOf('ana'), project: PATH }, now);
  });

  it('first sync reads every issue and MR with GitLab’s estimate and spent time, and every timelog: Stint agrees with GitLab', async () => {
    const db = await database();
    const from = sandbox.log.length;
    const result = await syncProject(db, PROJECT, deps());
    const all = [...project().issues, ...project().mergeRequests];
    expect(result.items).toBe(all.length);
    expect(result.teamEntries).toBe(all.reduce((n, i) => n + positive(i).length, 0));
    const logged = project().issues.find((i) => i.timeEstimate > 0 && positive(i).length >= 2 && positive(i).length === i.timelogs.length)!;
    const key = `${PROJECT}#${logged.iid}`;
    const spent = logged.timelogs.reduce((n, t) => n + t.timeSpent, 0);
    expect(await db.get('items', key)).toMatchObject({ estimateSeconds: logged.timeEstimate, providerSpentSeconds: spent, syncError: null });
    expect(await itemTimerState(db, key)).toMatchObject({ trackedSeconds: spent, providerSpentSeconds: spent, estimateSeconds: logged.timeEstimate });
    // One REST list per kind (≤ 100 items each), and timelogs in GraphQL batches of 50 items.
    const routes = sandbox.state.requestsSince(from).map((r) => r.route);
    expect(routes.filter((r) => r === 'gitlab.issues.list')).toHaveLength(Math.ceil(project().issues.length / 100));
    expect(routes.filter((r) => r === 'gitlab.mergeRequests.list')).toHaveLength(Math.ceil(project().mergeRequests.length / 100));
    expect(routes.filter((r) => r === 'gitlab.graphql')).toHaveLength(Math.ceil(project().issues.length / 50) + Math.ceil(project().mergeRequests.length / 50));
  });

  it('re-syncs an unchanged project with one request per kind and no timelog reads; a changed item’s timelogs are read again', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    let from = sandbox.log.length;
    await syncProject(db, PROJECT, deps());
    expect(sandbox.state.requestsSince(from).map((r) => r.route).sort()).toEqual(['gitlab.issues.list', 'gitlab.mergeRequests.list']);

    // Ben logs 45 minutes in GitLab itself, on one issue.
    const issue = project().issues[2]!;
    const created = await graphqlAs('ben', 'mutation($i: TimelogCreateInput!) { timelogCreate(input: $i) { errors timelog { id } } }', { i: { issuableId: `gid://gitlab/Issue/${issue.id}`, timeSpent: '45m', summary: 'Pairing on retries' } });
    const timelogId = created.data?.timelogCreate?.timelog?.id;
    expect(timelogId).toMatch(/^gid:\/\/gitlab\/Timelog\//);
    from = sandbox.log.length;
    const result = await syncProject(db, PROJECT, deps());
    expect(result.items).toBe(1);
    expect(sandbox.state.requestsSince(from).filter((r) => r.route === 'gitlab.graphql')).toHaveLength(1);
    const key = `${PROJECT}#${issue.iid}`;
    const entries = await db.getAllFromIndex('entries', 'byItem', key);
    expect(entries.find((e) => e.note === 'Pairing on retries')).toMatchObject({ author: 'ben.okafor', origin: 'gitlab' });
    expect((await itemTimerState(db, key)).trackedSeconds).toBe(issue.timelogs.reduce((n, t) => n + Math.max(0, t.timeSpent), 0));

    // Deleted in GitLab: gone here too, at the next sync.
    await graphqlAs('ben', 'mutation($i: TimelogDeleteInput!) { timelogDelete(input: $i) { errors } }', { i: { id: timelogId } });
    await syncProject(db, PROJECT, deps());
    expect((await db.getAllFromIndex('entries', 'byItem', key)).find((e) => e.note === 'Pairing on retries')).toBeUndefined();
  });

  it('writes a stopped entry back as exactly one timelog: GitLab’s total and Stint’s sum agree; an edit replaces it, a delete removes it', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    await setWriteBack(db, PROJECT, true);
    const issue = project().issues[3]!;
    const key = `${PROJECT}#${issue.iid}`;
    const before = issue.timelogs.reduce((n, t) => n + t.timeSpent, 0);
    await startTimerFor(db, clock(), key);
    now += 30 * 60_000;
    await stopRunningTimer(db, clock());
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const [own] = (await db.getAllFromIndex('entries', 'byItem', key)).filter((e) => e.author === 'me');
    expect(stintLogs(issue, own!.id)).toEqual([expect.objectContaining({ timeSpent: 1800, user: 'aruiz' })]);
    await syncProject(db, PROJECT, deps());
    const state = await itemTimerState(db, key);
    expect(state.providerSpentSeconds).toBe(before + 1800);
    expect(state.trackedSeconds).toBe(state.providerSpentSeconds); // read back, never counted twice

    await editTimeEntry(db, clock(), own!.id, { note: 'Retry backoff' });
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(stintLogs(issue, own!.id)).toEqual([expect.objectContaining({ timeSpent: 1800, summary: `Retry backoff [stint:${own!.id}]` })]);

    await deleteTimeEntry(db, clock(), own!.id);
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(stintLogs(issue, own!.id)).toEqual([]);
  });

  it('writes the user’s own estimate to GitLab through the outbox when write-back is on, and only then', async () => {
    const db = await database();
    const issue = project().issues[8]!;
    const item = { key: `${PROJECT}#${issue.iid}`, provider: 'gitlab' as const, kind: 'issue' as const, url: `https://gitlab.com/${PATH}/-/issues/${issue.iid}` };
    const original = issue.timeEstimate;
    await setLocalEstimate(db, item, 3 * 3600, now);
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 0 });
    expect(issue.timeEstimate).toBe(original);
    await setWriteBack(db, PROJECT, true);
    await setLocalEstimate(db, item, 3 * 3600, now);
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(issue.timeEstimate).toBe(3 * 3600);
    await syncProject(db, PROJECT, deps());
    expect(await db.get('items', item.key)).toMatchObject({ estimateSeconds: 3 * 3600, localEstimateSeconds: 3 * 3600 });
    await setLocalEstimate(db, item, null, now);
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(issue.timeEstimate).toBe(0);
  });

  it('drop-after-commit on the timelog write still leaves exactly one timelog', async () => {
    const db = await database();
    await setWriteBack(db, PROJECT, true);
    const issue = project().issues[4]!;
    await startTimerFor(db, clock(), `${PROJECT}#${issue.iid}`);
    now += 20 * 60_000;
    await stopRunningTimer(db, clock());
    // The first GraphQL request looks for an earlier write; the second is the mutation: committed, then dropped.
    sandbox.faults.add({ route: 'gitlab.graphql', kind: 'dropAfterCommit', skip: 1, times: 1 });
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 1 });
    now += 60_000;
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const [own] = (await db.getAllFromIndex('entries', 'byItem', `${PROJECT}#${issue.iid}`)).filter((e) => e.author === 'me');
    expect(stintLogs(issue, own!.id)).toHaveLength(1);
  });

  it('a 429 with Retry-After on the write pauses the host, then writes once', async () => {
    const db = await database();
    await setWriteBack(db, PROJECT, true);
    const issue = project().issues[5]!;
    await startTimerFor(db, clock(), `${PROJECT}#${issue.iid}`);
    now += 15 * 60_000;
    await stopRunningTimer(db, clock());
    sandbox.faults.add({ route: 'gitlab.graphql', kind: 'rateLimit', retryAfter: 120, skip: 1, times: 1 });
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 1 });
    const count = sandbox.log.length;
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 0 }); // paused: not a single request
    expect(sandbox.log.length).toBe(count);
    now += 121_000;
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const [own] = (await db.getAllFromIndex('entries', 'byItem', `${PROJECT}#${issue.iid}`)).filter((e) => e.author === 'me');
    expect(stintLogs(issue, own!.id)).toHaveLength(1);
  });

  it('a read-only token stops the write with the scope it needs named, and keeps the op for the person', async () => {
    const db = await database();
    await setWriteBack(db, PROJECT, true);
    await db.put('secrets', { connectionId: 'c1', token: tokenOf('ana', 'read_api') });
    await startTimerFor(db, clock(), `${PROJECT}#1`);
    now += 60_000;
    await stopRunningTimer(db, clock());
    await runOutbox(db, deps());
    const status = await syncStatus(db);
    expect(status.failed).toEqual([{ entryId: expect.any(String) as string, itemKey: `${PROJECT}#1`, reason: expect.stringMatching(/lacks the “api” scope/) as string }]);
    expect(project().issues[0]!.timelogs.some((t) => entryIdOf(t.summary) !== null)).toBe(false);
  });
});
