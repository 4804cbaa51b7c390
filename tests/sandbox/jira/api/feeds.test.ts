import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JiraIssue, JiraWorklog } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { CLOUD_HOST, DC_HOST, clientFailure, cloudClient, dcClient, jiraSite } from './test-clients.ts';

const MINUTE = 60_000;

describe('Jira worklog feeds (updated, deleted, list), through jira.js', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const allWorklogs = (host = CLOUD_HOST): JiraWorklog[] => jiraSite(sandbox, host).issues.flatMap((i) => i.worklogs);
  const someIssue = (): JiraIssue => {
    const issue = jiraSite(sandbox, CLOUD_HOST).issues.find((i) => i.issueType === 'Task');
    if (!issue) throw new Error('the seed has no task');
    return issue;
  };

  /** Worklogs pushed straight into the world: `count` of them, `step` ms apart, the last one `endsAgo` ms ago. */
  function seedWorklogs(issue: JiraIssue, count: number, endsAgo: number, step: number): JiraWorklog[] {
    const end = Date.now() - endsAgo;
    const made: JiraWorklog[] = [];
    for (let n = 0; n < count; n++) {
      const at = end - (count - 1 - n) * step;
      made.push({ id: sandbox.state.nextId(), personId: 'dana', started: at - 600_000, timeSpentSeconds: 600, comment: '', created: at, updated: at, properties: { stint: { entryId: `bulk-${n}` } } });
    }
    issue.worklogs.push(...made);
    return made;
  }

  async function readUpdatedFeed(client: ReturnType<typeof cloudClient>, since: number) {
    const ids = new Set<number>();
    const pageSizes: number[] = [];
    let cursor = since;
    for (;;) {
      const page = await client.issueWorklogs.getIdsOfWorklogsModifiedSince({ since: cursor });
      pageSizes.push(page.values?.length ?? 0);
      for (const value of page.values ?? []) ids.add(value.worklogId ?? -1);
      if (page.lastPage) break;
      expect(page.until).toBeGreaterThan(cursor);
      expect(page.nextPage).toContain(`since=${page.until}`);
      cursor = page.until ?? cursor;
    }
    return { ids, pageSizes };
  }

  it('pages /worklog/updated 1,000 ids at a time and leaves out the last minute', async () => {
    const issue = someIssue();
    seedWorklogs(issue, 2_400, 2 * MINUTE, MINUTE);
    const fresh = seedWorklogs(issue, 3, 10_000, 5_000);
    const { ids, pageSizes } = await readUpdatedFeed(cloudClient(sandbox), 0);

    const settled = allWorklogs().filter((w) => !fresh.includes(w));
    expect(pageSizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...pageSizes)).toBe(1_000);
    expect(ids.size).toBe(settled.length);
    expect([...ids].sort()).toEqual(settled.map((w) => w.id).sort());
    for (const w of fresh) expect(ids.has(w.id)).toBe(false);
  });

  it('shows a new worklog only once it is a minute old, with its properties on request', async () => {
    const client = cloudClient(sandbox);
    const issue = someIssue();
    const since = Date.now() - 5 * MINUTE;
    const created = await client.issueWorklogs.addWorklog({
      issueIdOrKey: issue.key,
      started: '2026-11-20T09:00:00.000+0100',
      timeSpentSeconds: 900,
      properties: [{ key: 'stint', value: { entryId: 'fresh-1' } }],
    });
    const id = Number(created.id);
    const before = await client.issueWorklogs.getIdsOfWorklogsModifiedSince({ since });
    expect(before.values?.some((v) => v.worklogId === id)).toBe(false);

    const model = issue.worklogs.find((w) => w.id === id);
    if (!model) throw new Error('the worklog was not stored');
    model.updated -= 2 * MINUTE;
    const after = await client.issueWorklogs.getIdsOfWorklogsModifiedSince({ since, expand: 'properties' });
    const entry = after.values?.find((v) => v.worklogId === id);
    expect(entry).toEqual({ worklogId: id, updatedTime: model.updated, properties: [{ key: 'stint', value: { entryId: 'fresh-1' } }] });
    const plain = await client.issueWorklogs.getIdsOfWorklogsModifiedSince({ since });
    expect(plain.values?.find((v) => v.worklogId === id)?.properties).toEqual([]);
  });

  it('lists a deleted worklog in /worklog/deleted once the minute has passed', async () => {
    const client = cloudClient(sandbox);
    const issue = someIssue();
    const since = Date.now() - 5 * MINUTE;
    const created = await client.issueWorklogs.addWorklog({ issueIdOrKey: issue.key, started: '2026-11-20T09:00:00.000+0100', timeSpentSeconds: 900 });
    await client.issueWorklogs.deleteWorklog({ issueIdOrKey: issue.key, id: created.id ?? '' });
    const id = Number(created.id);
    expect((await client.issueWorklogs.getIdsOfWorklogsDeletedSince({ since })).values ?? []).toEqual([]);

    const deleted = jiraSite(sandbox, CLOUD_HOST).deletedWorklogs;
    const index = deleted.findIndex((d) => d.worklogId === id);
    const record = deleted[index];
    if (!record) throw new Error('the deletion was not recorded');
    deleted[index] = { ...record, updatedTime: record.updatedTime - 2 * MINUTE };
    const page = await client.issueWorklogs.getIdsOfWorklogsDeletedSince({ since });
    expect(page).toMatchObject({ lastPage: true, since, values: [{ worklogId: id, updatedTime: record.updatedTime - 2 * MINUTE, properties: [] }] });
  });

  it('returns full worklogs for up to 1,000 ids and refuses more', async () => {
    const client = cloudClient(sandbox);
    const wanted = allWorklogs().slice(0, 5);
    const found = await client.issueWorklogs.getWorklogsForIds({ ids: [...wanted.map((w) => w.id), 999_999_999] });
    expect(found.map((w) => Number(w.id))).toEqual(wanted.map((w) => w.id));
    expect(found[0]).toMatchObject({ timeSpentSeconds: wanted[0]?.timeSpentSeconds, started: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/) });
    const tooMany = await clientFailure(client.issueWorklogs.getWorklogsForIds({ ids: Array.from({ length: 1_001 }, (_, n) => n + 1) }));
    expect(tooMany).toMatchObject({ status: 400, data: { errorMessages: ['The number of worklog ids must not exceed 1000.'], errors: {} } });
  });

  it('serves the same feeds on Data Center', async () => {
    const page = await dcClient(sandbox).issueWorklogs.getIdsOfWorklogsModifiedSince({ since: 0 });
    expect(page.lastPage).toBe(true);
    expect(page.values?.map((v) => v.worklogId).sort()).toEqual(allWorklogs(DC_HOST).map((w) => w.id).sort());
  });
});
