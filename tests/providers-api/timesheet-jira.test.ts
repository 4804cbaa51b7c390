import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';
import { database } from '../../lib/db/open';
import { jiraAdapter } from '../../lib/providers/jira/adapter';
import { runOutbox, setWriteBack, type SyncDeps } from '../../lib/services/sync/engine';
import { addManualEntry, deleteTimesheetEntry, editTimesheetEntry, moveTimesheetEntry, restoreTimesheetEntry, splitTimesheetEntry } from '../../lib/services/timesheet';
import type { JiraIssue } from '../sandbox/data/model.ts';
import { CLOUD_HOST, person, tokenOf } from '../sandbox/jira/api/test-clients.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { withSandbox } from './lifecycle.ts';
import { connectAndTrack } from './connect.ts';

/** The timesheet's corrections followed through the outbox by the real Jira adapter, against the sandbox. */
describe('timesheet edits reach Jira exactly once', () => {
  let sandbox: Sandbox;
  const now = Date.now();
  const HOUR = 3_600_000;
  const start = now - 30 * HOUR;
  const PROJECT = `jira:${CLOUD_HOST}/PAY`;
  const deps = (): SyncDeps => ({ adapters: { jira: jiraAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });
  let ids = 0;
  const clock = { now: () => now, newId: () => `ts-${process.pid}-${++ids}` };
  const context = { timeZone: 'UTC', week: STANDARD_WORK_WEEK };
  const issues = () => sandbox.data.jira.find((s) => s.host === CLOUD_HOST)!.issues.filter((i) => i.projectKey === 'PAY');
  const logsOf = (issue: JiraIssue, entryId: string) => issue.worklogs.filter((w) => (w.properties.stint as { entry?: string } | undefined)?.entry === entryId);
  const writes = (from: number) => sandbox.state.requestsSince(from).filter((r) => r.method !== 'GET').map((r) => r.route);

  withSandbox((s) => (sandbox = s));
  beforeEach(async () => {
    const db = await database();
    const ana = person(sandbox, 'ana');
    await connectAndTrack(db, { provider: 'jira', host: CLOUD_HOST, apiBase: `https://${CLOUD_HOST}:${sandbox.port}`, login: 'Ana Ruiz', token: tokenOf(sandbox, CLOUD_HOST, 'ana'), project: 'PAY', jira: { deployment: 'Cloud', email: ana.email, userId: ana.jira.accountId, timeZone: ana.timeZone } }, now);
    await setWriteBack(db, PROJECT, true);
  });

  it('an edited entry updates its worklog (one PUT, no second POST); a split adds one; a move deletes on the old issue and creates on the new', async () => {
    const db = await database();
    const [a, b] = [issues()[0]!, issues()[1]!];
    const id = await addManualEntry(db, clock, { item: { url: `https://${CLOUD_HOST}/browse/${a.key}` }, start, duration: '1h' }, context);
    await runOutbox(db, deps());
    expect(logsOf(a, id)).toMatchObject([{ timeSpentSeconds: 3600 }]);

    let from = sandbox.log.length;
    await editTimesheetEntry(db, clock, id, { duration: '1h 30m', note: 'pairing' }, context);
    await runOutbox(db, deps());
    expect(writes(from)).toEqual(['jira.worklogs.update']);
    expect(logsOf(a, id)).toMatchObject([{ timeSpentSeconds: 5400 }]);

    from = sandbox.log.length;
    const rest = await splitTimesheetEntry(db, clock, id, start + HOUR, context);
    await runOutbox(db, deps());
    expect(writes(from).sort()).toEqual(['jira.worklogs.create', 'jira.worklogs.update']);
    expect([...logsOf(a, id), ...logsOf(a, rest)].map((w) => w.timeSpentSeconds)).toEqual([3600, 1800]);

    from = sandbox.log.length;
    expect(await moveTimesheetEntry(db, clock, rest, { itemKey: `jira:${CLOUD_HOST}/${a.key}` })).toBe(rest); // the same item: nothing to do
    const onB = await moveTimesheetEntry(db, clock, rest, { url: `https://${CLOUD_HOST}/browse/${b.key}` });
    await runOutbox(db, deps());
    expect(writes(from).sort()).toEqual(['jira.worklogs.create', 'jira.worklogs.delete']);
    expect(logsOf(a, rest)).toEqual([]);
    expect(logsOf(b, onB)).toMatchObject([{ timeSpentSeconds: 1800 }]);
    expect(logsOf(a, id)).toHaveLength(1);
  });

  it('delete then undo ends with exactly one worklog, whether the delete reached Jira first or not', async () => {
    const db = await database();
    const a = issues()[2]!;
    const id = await addManualEntry(db, clock, { item: { url: `https://${CLOUD_HOST}/browse/${a.key}` }, start, duration: '45m' }, context);
    await runOutbox(db, deps());
    const first = logsOf(a, id)[0]!.id;

    // Undo before the outbox ran: the worklog is kept and updated.
    let from = sandbox.log.length;
    await deleteTimesheetEntry(db, clock, id);
    await restoreTimesheetEntry(db, clock, id, context);
    await runOutbox(db, deps());
    expect(writes(from)).toEqual(['jira.worklogs.update']);
    expect(logsOf(a, id).map((w) => w.id)).toEqual([first]);

    // Undo after the delete reached Jira: one new worklog.
    from = sandbox.log.length;
    await deleteTimesheetEntry(db, clock, id);
    await runOutbox(db, deps());
    expect(logsOf(a, id)).toEqual([]);
    await restoreTimesheetEntry(db, clock, id, context);
    await runOutbox(db, deps());
    expect(writes(from)).toEqual(['jira.worklogs.delete', 'jira.worklogs.create']);
    expect(logsOf(a, id)).toMatchObject([{ timeSpentSeconds: 2700 }]);
    expect(await db.getAll('outbox')).toEqual([]);
  });
});
