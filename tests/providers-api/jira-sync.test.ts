import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JiraAccount } from '../../lib/core/connection';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';
import { database } from '../../lib/db/open';
import { jiraAdapter } from '../../lib/providers/jira/adapter';
import { setLocalEstimate } from '../../lib/services/badges';
import { runOutbox, setWriteBack, syncProject, type SyncDeps } from '../../lib/services/sync/engine';
import { deleteTimeEntry, editTimeEntry, itemTimerState, startTimerFor, stopRunningTimer } from '../../lib/services/timer';
import type { JiraIssue, JiraSite } from '../sandbox/data/model.ts';
import { CLOUD_HOST, DC_HOST, jiraFetch, person, tokenOf } from '../sandbox/jira/api/test-clients.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { withSandbox } from './lifecycle.ts';
import { connectAndTrack } from './connect.ts';

/** The sync engine with the Jira adapter (jira.js resource classes, Stint's fetch transport) against the sandbox. */
describe('Jira sync', () => {
  let sandbox: Sandbox;
  let now: number;
  const PROJECT = `jira:${CLOUD_HOST}/PAY`;
  const deps = (): SyncDeps => ({ adapters: { jira: jiraAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });
  const clock = () => ({ now: () => now, newId: () => crypto.randomUUID() });
  const site = (host = CLOUD_HOST): JiraSite => sandbox.data.jira.find((s) => s.host === host)!;
  const issuesOf = (key: string, host = CLOUD_HOST) => site(host).issues.filter((i) => i.projectKey === key);
  const stintLogs = (issue: JiraIssue, entryId: string) => issue.worklogs.filter((w) => (w.properties.stint as { entry?: string } | undefined)?.entry === entryId);
  /** Jira leaves the last minute out of its worklog feeds: let the sandbox's clock move on. */
  const minutesPass = (minutes: number) => {
    now += minutes * 60_000;
    vi.setSystemTime(Date.now() + minutes * 60_000);
  };
  const account = (personId: string, deployment: JiraAccount['deployment'] = 'Cloud'): JiraAccount => {
    const p = person(sandbox, personId);
    return { deployment, email: deployment === 'Cloud' ? p.email : null, userId: deployment === 'Cloud' ? p.jira.accountId : 'unused', timeZone: p.timeZone };
  };

  withSandbox((s) => (sandbox = s), { fakeDate: () => Date.now() });
  beforeEach(async () => {
    now = Date.now();
    const db = await database();
    await connectAndTrack(db, { provider: 'jira', host: CLOUD_HOST, apiBase: `https://${CLOUD_HOST}:${sandbox.port}`, login: 'Ana Ruiz', token: tokenOf(sandbox, CLOUD_HOST, 'ana'), project: 'PAY', jira: account('ana') }, now);
  });

  it('first sync reads every issue with Jira’s estimates, spent time, sprint, epic and blockers, and every worklog: Stint agrees with Jira', async () => {
    const db = await database();
    const from = sandbox.log.length;
    const result = await syncProject(db, PROJECT, deps());
    const issues = issuesOf('PAY');
    expect(result.items).toBe(issues.length);
    expect(result.teamEntries).toBe(issues.reduce((n, i) => n + i.worklogs.length, 0));
    const logged = issues.find((i) => i.originalEstimateSeconds !== null && i.worklogs.length >= 2 && i.sprintIds.length > 0 && i.parentKey !== null)!;
    const key = `jira:${CLOUD_HOST}/${logged.key}`;
    const spent = logged.worklogs.reduce((n, w) => n + w.timeSpentSeconds, 0);
    const sprint = site().sprints.find((s) => s.id === logged.sprintIds.at(-1))!;
    expect(await db.get('items', key)).toMatchObject({
      estimateSeconds: logged.originalEstimateSeconds,
      remainingEstimateSeconds: logged.remainingEstimateSeconds,
      providerSpentSeconds: spent,
      container: { kind: 'sprint', id: String(sprint.id), title: sprint.name },
      parentKey: `jira:${CLOUD_HOST}/${logged.parentKey}`,
      syncError: null,
    });
    expect(await itemTimerState(db, key)).toMatchObject({ trackedSeconds: spent, providerSpentSeconds: spent });
    const blocked = issues.find((i) => i.blockedBy.length > 0)!;
    expect((await db.get('items', `jira:${CLOUD_HOST}/${blocked.key}`))?.blockedBy).toEqual(blocked.blockedBy.map((k) => `jira:${CLOUD_HOST}/${k}`));
    // The sprint field was found by its schema, and searched for by name with the other fields (never `*all`).
    const searches = sandbox.state.requestsSince(from).filter((r) => r.route === 'jira.search.jql');
    expect(searches.length).toBe(Math.ceil(issues.length / 100));
    expect(sandbox.state.requestsSince(from).filter((r) => r.route === 'jira.fields.list')).toHaveLength(1);
    // Every sprint of the project's scrum boards, empty future ones too, with dates and state (the timeline's lanes).
    const boards = site().boards.filter((b) => b.projectKey === 'PAY' && b.type === 'scrum').map((b) => b.id);
    const sprints = site().sprints.filter((s) => boards.includes(s.boardId));
    expect(sprints.some((s) => s.state === 'future')).toBe(true);
    const stored = await db.getAllFromIndex('containers', 'byProject', PROJECT);
    expect(stored.map((c) => c.id).sort()).toEqual(sprints.map((s) => String(s.id)).sort());
    const active = sprints.find((s) => s.state === 'active')!;
    expect(stored.find((c) => c.id === String(active.id))).toEqual({ key: `${PROJECT}#sprint:${active.id}`, projectKey: PROJECT, kind: 'sprint', id: String(active.id), title: active.name, startsAt: active.startDate, dueAt: active.endDate, state: 'active', completedAt: null });
  });

  it('re-syncs an unchanged project with one search and the two feeds; a teammate’s new and deleted worklogs follow', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    minutesPass(2);
    let from = sandbox.log.length;
    await syncProject(db, PROJECT, deps());
    expect(sandbox.state.requestsSince(from).map((r) => r.route).sort()).toEqual(['jira.search.jql', 'jira.worklogs.deleted', 'jira.worklogs.updated']);

    // Ben logs 45 minutes in Jira itself, and deletes one of his older worklogs.
    const issue = issuesOf('PAY').find((i) => i.worklogs.some((w) => w.personId === 'ben'))!;
    const old = issue.worklogs.find((w) => w.personId === 'ben')!;
    const added = await jiraFetch(sandbox, CLOUD_HOST, `/rest/api/2/issue/${issue.key}/worklog`, { method: 'POST', personId: 'ben', body: { timeSpentSeconds: 2700, started: '2026-11-20T10:00:00.000+0000', comment: 'Pairing on retries' } });
    expect(added.status).toBe(201);
    expect((await jiraFetch(sandbox, CLOUD_HOST, `/rest/api/2/issue/${issue.key}/worklog/${old.id}`, { method: 'DELETE', personId: 'ben' })).status).toBe(204);
    minutesPass(2);
    from = sandbox.log.length;
    await syncProject(db, PROJECT, deps());
    const routes = sandbox.state.requestsSince(from).map((r) => r.route);
    expect(routes.filter((r) => r === 'jira.worklogs.byIds')).toHaveLength(1);
    const key = `jira:${CLOUD_HOST}/${issue.key}`;
    const entries = await db.getAllFromIndex('entries', 'byItem', key);
    expect(entries.find((e) => e.note === 'Pairing on retries')).toMatchObject({ author: person(sandbox, 'ben').jira.accountId, origin: 'jira', start: Date.parse('2026-11-20T10:00:00Z'), end: Date.parse('2026-11-20T10:45:00Z') });
    expect(entries.find((e) => e.remote.jira?.id === String(old.id))).toBeUndefined();
    expect((await itemTimerState(db, key)).trackedSeconds).toBe(issue.worklogs.reduce((n, w) => n + w.timeSpentSeconds, 0));
  });

  it('follows the feeds past 1,000 ids a page, and picks up what the last minute held back at the next sync', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    minutesPass(2);
    // 1,500 worklogs changed since (a bulk import by Chen), on one issue.
    const issue = issuesOf('PAY')[12]!;
    const at = Date.now() - 90_000;
    for (let i = 0; i < 1500; i++) {
      issue.worklogs.push({ id: 900_000 + i, personId: 'chen', started: at - i * 60_000, timeSpentSeconds: 60, comment: '', created: at, updated: at + (i % 7), properties: {} });
    }
    issue.updated = at;
    // And one more, just now: Jira holds it back for a minute.
    const fresh = await jiraFetch(sandbox, CLOUD_HOST, `/rest/api/2/issue/${issue.key}/worklog`, { method: 'POST', personId: 'ben', body: { timeSpentSeconds: 600, started: '2026-11-25T10:00:00.000+0000' } });
    const freshId = `jira-worklog:${CLOUD_HOST}:${(fresh.body as { id: string }).id}`;
    const from = sandbox.log.length;
    await syncProject(db, PROJECT, deps());
    const routes = sandbox.state.requestsSince(from).map((r) => r.route);
    expect(routes.filter((r) => r === 'jira.worklogs.updated')).toHaveLength(2);
    expect(routes.filter((r) => r === 'jira.worklogs.byIds')).toHaveLength(2);
    const key = `jira:${CLOUD_HOST}/${issue.key}`;
    const entries = await db.getAllFromIndex('entries', 'byItem', key);
    expect(entries.filter((e) => e.author === person(sandbox, 'chen').jira.accountId && e.end! - e.start === 60_000)).toHaveLength(1500);
    expect(await db.get('entries', freshId)).toBeUndefined();
    minutesPass(2);
    await syncProject(db, PROJECT, deps());
    expect(await db.get('entries', freshId)).toMatchObject({ itemKey: key, end: Date.parse('2026-11-25T10:10:00Z') });
    expect((await itemTimerState(db, key)).trackedSeconds).toBe(issue.worklogs.reduce((n, w) => n + w.timeSpentSeconds, 0));
  });

  it('writes a stopped entry back as one worklog started in the person’s Jira time zone; an edit updates it, a delete removes it', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    await setWriteBack(db, PROJECT, true);
    const issue = issuesOf('PAY')[3]!;
    const key = `jira:${CLOUD_HOST}/${issue.key}`;
    const before = issue.worklogs.reduce((n, w) => n + w.timeSpentSeconds, 0);
    now = Date.parse('2026-11-26T07:15:00Z'); // 08:15 in Madrid (ana's Jira time zone, UTC+1 in November)
    await startTimerFor(db, clock(), key);
    now += 30 * 60_000;
    await stopRunningTimer(db, clock());
    await editTimeEntry(db, clock(), (await db.getAllFromIndex('entries', 'byItem', key)).find((e) => e.author === 'me')!.id, { note: 'Card validation' });
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const own = (await db.getAllFromIndex('entries', 'byItem', key)).find((e) => e.author === 'me')!;
    const [log] = stintLogs(issue, own.id);
    expect(stintLogs(issue, own.id)).toHaveLength(1);
    expect(log).toMatchObject({ timeSpentSeconds: 1800, started: Date.parse('2026-11-26T07:15:00Z'), personId: 'ana' });
    const read = await jiraFetch(sandbox, CLOUD_HOST, `/rest/api/3/issue/${issue.key}/worklog/${log!.id}`);
    expect(read.body).toMatchObject({ started: '2026-11-26T08:15:00.000+0100', comment: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Card validation' }] }] } });
    expect(own).toMatchObject({ sync: 'synced', remote: { jira: { id: String(log!.id) } } });

    minutesPass(2);
    await syncProject(db, PROJECT, deps());
    const state = await itemTimerState(db, key);
    expect(state.providerSpentSeconds).toBe(before + 1800);
    expect(state.trackedSeconds).toBe(before + 1800); // read back, never counted twice

    await editTimeEntry(db, clock(), own.id, { note: 'Card validation, retries' });
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(stintLogs(issue, own.id)).toEqual([expect.objectContaining({ id: log!.id, comment: 'Card validation, retries', timeSpentSeconds: 1800 })]);

    await deleteTimeEntry(db, clock(), own.id);
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(stintLogs(issue, own.id)).toEqual([]);
  });

  it('drop-after-commit on the worklog POST, then recovery: exactly one worklog, found again through its property', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    await setWriteBack(db, PROJECT, true);
    const issue = issuesOf('PAY')[5]!;
    const key = `jira:${CLOUD_HOST}/${issue.key}`;
    sandbox.faults.add({ route: 'jira.worklogs.create', kind: 'dropAfterCommit', times: 1 });
    await startTimerFor(db, clock(), key);
    now += 20 * 60_000;
    await stopRunningTimer(db, clock());
    const first = await runOutbox(db, deps());
    const own = (await db.getAllFromIndex('entries', 'byItem', key)).find((e) => e.author === 'me')!;
    // Node's fetch does not resend the POST: the write committed, its answer was lost.
    expect(first).toEqual({ done: 0, failed: 1 });
    expect(stintLogs(issue, own.id)).toHaveLength(1);
    now += 60 * 60_000;
    const from = sandbox.log.length;
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(sandbox.state.requestsSince(from).map((r) => r.route)).not.toContain('jira.worklogs.create');
    expect(stintLogs(issue, own.id)).toHaveLength(1);
    expect((await db.get('entries', own.id))?.remote.jira?.id).toBe(String(stintLogs(issue, own.id)[0]!.id));
  });

  it('writes the user’s own estimate to Jira’s original estimate when write-back is on, and only then', async () => {
    const db = await database();
    const issue = issuesOf('PAY')[8]!;
    const item = { key: `jira:${CLOUD_HOST}/${issue.key}`, provider: 'jira' as const, kind: 'issue' as const, url: `https://${CLOUD_HOST}/browse/${issue.key}` };
    const original = issue.originalEstimateSeconds;
    await setLocalEstimate(db, item, 3 * 3600, now);
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 0 });
    expect(issue.originalEstimateSeconds).toBe(original);
    await setWriteBack(db, PROJECT, true);
    await setLocalEstimate(db, item, 5 * 3600, now);
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(issue.originalEstimateSeconds).toBe(5 * 3600);
    minutesPass(2);
    await syncProject(db, PROJECT, deps());
    expect(await db.get('items', item.key)).toMatchObject({ estimateSeconds: 5 * 3600, localEstimateSeconds: 5 * 3600 });
  });

  it('a 429 pauses the host until Retry-After, with Jira’s reason in the message; nothing is written twice', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    await setWriteBack(db, PROJECT, true);
    const issue = issuesOf('PAY')[6]!;
    const key = `jira:${CLOUD_HOST}/${issue.key}`;
    sandbox.faults.add({ route: 'jira.worklogs.create', kind: 'rateLimit', retryAfter: 30, times: 1 });
    await startTimerFor(db, clock(), key);
    now += 10 * 60_000;
    await stopRunningTimer(db, clock());
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 1 });
    const [op] = await db.getAll('outbox');
    expect(op).toMatchObject({ state: 'pending', nextAt: now + 30_000 });
    expect(op!.lastError).toMatch(/slow down.*30 s/);
    now += 31_000;
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const own = (await db.getAllFromIndex('entries', 'byItem', key)).find((e) => e.author === 'me')!;
    expect(stintLogs(issue, own.id)).toHaveLength(1);
  });

  it('works the same on Data Center: API v2, a bearer token, offset paging, a plain-text comment', async () => {
    const db = await database();
    const dc = `jira:${DC_HOST}/DC`;
    await db.clear('connections');
    await connectAndTrack(db, { provider: 'jira', host: DC_HOST, apiBase: `https://${DC_HOST}:${sandbox.port}`, login: 'Ana Ruiz', token: tokenOf(sandbox, DC_HOST, 'ana'), project: 'DC', jira: { ...account('ana', 'DataCenter'), userId: 'aruiz' } }, now);
    const from = sandbox.log.length;
    const result = await syncProject(db, dc, deps());
    expect(result.items).toBe(issuesOf('DC', DC_HOST).length);
    const seen = sandbox.state.requestsSince(from);
    expect(seen.every((r) => !r.path.startsWith('/rest/api/3'))).toBe(true);
    expect(seen.map((r) => r.route)).toContain('jira.search');
    expect(seen.every((r) => r.credentialOf === `${DC_HOST}/ana`)).toBe(true);
    await setWriteBack(db, dc, true);
    const issue = issuesOf('DC', DC_HOST)[1]!;
    const key = `jira:${DC_HOST}/${issue.key}`;
    await startTimerFor(db, clock(), key);
    now += 15 * 60_000;
    await stopRunningTimer(db, clock());
    const own = (await db.getAllFromIndex('entries', 'byItem', key)).find((e) => e.author === 'me')!;
    await editTimeEntry(db, clock(), own.id, { note: 'Release notes' });
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(stintLogs(issue, own.id)).toEqual([expect.objectContaining({ timeSpentSeconds: 900, comment: 'Release notes' })]);
  });
});
