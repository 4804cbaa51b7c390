import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jqlMoment } from '../../../../lib/providers/jira/adapter';
import { commentText, entryIdOf, mapIssue, mapWorklog, startedOf, zoneOffsetMinutes } from '../../../../lib/providers/jira/map';
import { parseJiraDateTime } from '../../../../lib/providers/jira/schemas';

const HOST = 'acme.atlassian.net';

describe('Jira date-times and time zones', () => {
  it('writes `started` as wall-clock time in the person’s zone with Jira’s offset, across daylight saving', () => {
    expect(startedOf(Date.parse('2026-11-25T22:15:00Z'), 'Australia/Brisbane')).toBe('2026-11-26T08:15:00.000+1000');
    expect(startedOf(Date.parse('2026-11-25T21:15:00Z'), 'Australia/Sydney')).toBe('2026-11-26T08:15:00.000+1100'); // summer
    expect(startedOf(Date.parse('2026-07-01T22:15:00Z'), 'Australia/Sydney')).toBe('2026-07-02T08:15:00.000+1000');
    expect(startedOf(Date.parse('2026-11-26T13:15:00Z'), 'America/New_York')).toBe('2026-11-26T08:15:00.000-0500');
    expect(startedOf(Date.parse('2026-11-26T02:45:00Z'), 'Asia/Kolkata')).toBe('2026-11-26T08:15:00.000+0530');
    expect(zoneOffsetMinutes('UTC', 0)).toBe(0);
  });

  it('reads back what it writes, in any zone: parse(startedOf(t)) = t', () => {
    const zones = ['UTC', 'Europe/Madrid', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Los_Angeles'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (t, zone) => parseJiraDateTime(startedOf(t, zone)) === t),
      { numRuns: 2000 },
    );
  });

  it('reads Jira’s own formats and refuses what is not one', () => {
    expect(parseJiraDateTime('2026-11-26T08:15:00.000+1000')).toBe(Date.parse('2026-11-25T22:15:00Z'));
    expect(parseJiraDateTime('2026-11-26T08:15:00.000Z')).toBe(Date.parse('2026-11-26T08:15:00Z'));
    expect(parseJiraDateTime('2026-11-26T08:15:00+05:30')).toBe(Date.parse('2026-11-26T02:45:00Z'));
    for (const bad of ['', 'yesterday', '2026-11-26', '2026-11-26T08:15:00.000+10', '<img src=x>']) expect(parseJiraDateTime(bad)).toBeNull();
  });

  it('asks JQL for the minute in the person’s zone', () => {
    expect(jqlMoment(Date.parse('2026-11-25T22:15:42Z'), 'Australia/Brisbane')).toBe('2026/11/26 08:15');
    expect(jqlMoment(Date.parse('2026-11-26T00:00:00Z'), 'America/New_York')).toBe('2026/11/25 19:00');
  });
});

describe('Jira payloads', () => {
  const issue = {
    id: '10042',
    key: 'PAY-42',
    fields: {
      summary: 'Retry card payments',
      status: { name: 'In Review', statusCategory: { key: 'indeterminate' } },
      assignee: { accountId: 'acc-1', displayName: 'Ben' },
      labels: ['backend'],
      duedate: '2026-12-04',
      created: '2026-11-01T09:00:00.000+0100',
      updated: '2026-11-25T10:00:00.000+0100',
      timetracking: { originalEstimateSeconds: 14_400, remainingEstimateSeconds: 9000, timeSpentSeconds: 5400 },
      parent: { key: 'PAY-1', fields: { summary: 'Payments v2' } },
      issuelinks: [{ type: { inward: 'is blocked by' }, inwardIssue: { key: 'PAY-7' } }, { type: { inward: 'is blocked by' }, outwardIssue: { key: 'PAY-9' } }],
      customfield_10020: [
        { id: 3, name: 'Sprint 3', state: 'closed', startDate: '2026-11-02T00:00:00.000Z', endDate: '2026-11-16T00:00:00.000Z' },
        { id: 4, name: 'Sprint 4', state: 'active', startDate: '2026-11-16T00:00:00.000Z', endDate: '2026-11-30T00:00:00.000Z' },
      ],
    },
  };

  it('maps an issue: estimates, spent, the active sprint from the field found by schema, epic, blockers, due date', () => {
    const mapped = mapIssue(HOST, issue, 'customfield_10020', 1);
    expect(mapped).toMatchObject({
      ok: true,
      value: {
        key: `jira:${HOST}/PAY-42`,
        url: `https://${HOST}/browse/PAY-42`,
        state: 'open',
        statusName: 'In Review',
        estimateSeconds: 14_400,
        remainingEstimateSeconds: 9000,
        providerSpentSeconds: 5400,
        container: { kind: 'sprint', id: '4', title: 'Sprint 4', dueAt: Date.parse('2026-11-30T00:00:00Z') },
        parentKey: `jira:${HOST}/PAY-1`,
        blockedBy: [`jira:${HOST}/PAY-7`],
        dueAt: Date.parse('2026-12-04T00:00:00Z'),
        assignees: ['acc-1'],
        remoteUpdatedAt: Date.parse('2026-11-25T09:00:00Z'),
      },
    });
    // Without a sprint the epic is where it is planned.
    expect(mapIssue(HOST, issue, null, 1)).toMatchObject({ value: { container: { kind: 'epic', id: 'PAY-1', title: 'Payments v2' } } });
  });

  it('marks an unreadable issue with the reason instead of failing the sync', () => {
    expect(mapIssue(HOST, { ...issue, fields: { ...issue.fields, updated: 'soon' } }, null, 1)).toEqual({ ok: false, reason: expect.stringContaining('updated') as string, key: 'PAY-42' });
    expect(mapIssue(HOST, { ...issue, key: '../../etc' }, null, 1)).toMatchObject({ ok: false });
    expect(mapIssue(HOST, null, null, 1)).toMatchObject({ ok: false, key: null });
  });

  it('reads a worklog: Stint’s entry id from its property, plain text from ADF, only issues of the project', () => {
    const entry = '0b9f3a4e-8d2c-4f5b-9a1e-3c7d6e5f4a2b';
    const raw = {
      id: '501',
      issueId: '10042',
      author: { accountId: 'acc-2' },
      started: '2026-11-26T08:15:00.000+1000',
      timeSpentSeconds: 1800,
      comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Card ' }, { type: 'text', text: 'validation' }] }] },
      properties: [{ key: 'stint', value: { v: 1, entry } }],
    };
    const keys = new Map([['10042', 'PAY-42']]);
    expect(mapWorklog(HOST, keys, raw, 1)).toMatchObject({ id: entry, itemKey: `jira:${HOST}/PAY-42`, start: Date.parse('2026-11-25T22:15:00Z'), end: Date.parse('2026-11-25T22:45:00Z'), note: 'Card validation', author: 'acc-2', remote: { jira: { id: '501' } } });
    expect(mapWorklog(HOST, keys, { ...raw, properties: [] }, 1)?.id).toBe(`jira-worklog:${HOST}:501`);
    expect(mapWorklog(HOST, new Map(), raw, 1)).toBeNull();
    expect(mapWorklog(HOST, keys, { ...raw, timeSpentSeconds: 0 }, 1)).toBeNull();
    expect(entryIdOf({ properties: [{ key: 'stint', value: { entry: 'not-a-uuid' } }] })).toBeNull();
    expect(commentText('plain v2 text')).toBe('plain v2 text');
    let deep: unknown = { type: 'text', text: 'x' };
    for (let i = 0; i < 100; i++) deep = { type: 'paragraph', content: [deep] };
    expect(commentText(deep)).toBe(''); // too deep to be a real comment: not walked
  });
});
