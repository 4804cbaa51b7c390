import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import type { TimeEntry } from '../../../lib/core/entry';
import { DEFAULT_ESTIMATE_LABELS } from '../../../lib/core/estimate-labels';
import { parseItemKey } from '../../../lib/core/item-ref';
import { foldRollups } from '../../../lib/core/rollup';
import type { WorkItem } from '../../../lib/core/work-item';
import { mapIssue as mapGithubIssue, mapTimeComment } from '../../../lib/providers/github/map';
import { mapIssuable, mapTimelog } from '../../../lib/providers/gitlab/map';
import { mapIssue as mapJiraIssue, mapWorklog } from '../../../lib/providers/jira/map';

/**
 * Provider payloads with fields missing, wrong-typed, huge or near-miss (a 13th month, a negative id), through each
 * provider's map functions — the read path every synced record takes. Nothing throws; what is read is whole (no NaN, no
 * date outside what a Date can hold, keys that read back); what is not is refused with a short reason and, for items,
 * the number or key the adapter needs to mark the item with it (see lib/providers/<p>/adapter.ts). Shapes follow
 * lib/providers/<p>/schemas.ts and what tests/sandbox answers. fast-check prints the seed of any failure.
 */
const RUNS = 10_000;
const NOW = Date.UTC(2026, 10, 26, 9);
const UUID = '5f0c1a52-0000-4000-8000-000000000001';

const SAMPLES = {
  githubIssue: {
    number: 12, title: 'Checkout fails on Safari', state: 'open', html_url: 'https://github.com/acme/app/issues/12',
    labels: ['bug', { name: 'estimate: 3h' }], assignees: [{ login: 'ana-ruiz' }],
    milestone: { number: 2, title: 'v1.2', state: 'open', due_on: '2026-12-01T08:00:00Z', created_at: '2026-10-01T08:00:00Z' },
    created_at: '2026-11-01T08:00:00Z', updated_at: '2026-11-20T08:00:00Z', closed_at: null,
    pull_request: { merged_at: null }, body: 'Closes #3',
  },
  githubComment: {
    id: 901, issue_url: 'https://api.github.com/repos/acme/app/issues/12', user: { login: 'ben' },
    body: `⏱ 30m\n\n<!-- stint:time {"v":1,"entry":"${UUID}","seconds":1800,"start":"2026-11-20T08:00:00.000Z"} -->`,
    created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-20T08:00:00Z',
  },
  gitlabIssuable: {
    id: 501, iid: 5, project_id: 77, title: 'Retry webhooks', state: 'opened', web_url: 'https://gitlab.com/acme/platform/billing-service/-/issues/5',
    created_at: '2026-11-01T08:00:00Z', updated_at: '2026-11-20T08:00:00Z', closed_at: null, due_date: '2026-12-04',
    labels: ['backend', { name: 'priority::high' }], assignees: [{ username: 'aruiz' }],
    milestone: { id: 9, title: 'Sprint 14', start_date: '2026-11-16', due_date: '2026-11-27' }, iteration: null,
    time_stats: { time_estimate: 14_400, total_time_spent: 3600 },
  },
  gitlabTimelog: { id: 'gid://gitlab/Timelog/88', spentAt: '2026-11-20T08:00:00Z', timeSpent: 1800, summary: `Pairing [stint:${UUID}]`, user: { username: 'aruiz' } },
  jiraIssue: {
    id: '10010', key: 'PAY-10',
    fields: {
      summary: 'Refund flow', status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } }, assignee: { accountId: '5b10a2844c20165700ede21g', displayName: 'Ana Ruiz' },
      labels: ['payments'], duedate: '2026-12-04', created: '2026-11-01T08:00:00.000+0100', updated: '2026-11-20T08:00:00.000+0100', resolutiondate: null,
      timetracking: { originalEstimateSeconds: 28_800, remainingEstimateSeconds: 14_400, timeSpentSeconds: 14_400 },
      parent: { key: 'PAY-1', fields: { summary: 'Payments epic' } },
      issuelinks: [{ type: { inward: 'is blocked by' }, inwardIssue: { key: 'PAY-3' } }],
      customfield_10020: [{ id: 4, name: 'PAY Sprint 4', state: 'active', startDate: '2026-11-16T08:00:00.000Z', endDate: '2026-11-30T08:00:00.000Z' }],
    },
  },
  jiraWorklog: {
    id: '30001', issueId: '10010', author: { accountId: '5b10a2844c20165700ede21g' }, started: '2026-11-20T08:00:00.000+0100', timeSpentSeconds: 1800,
    comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Refund tests' }] }] },
    properties: [{ key: 'stint', value: { v: 1, entry: UUID } }],
  },
};

type Json = unknown;
type Path = (string | number)[];

function pathsOf(value: Json, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
}

/** `next` may be DROP (the field is removed). */
function setAt(value: Json, path: Path, next: Json): Json {
  if (path.length === 0) return next === DROP ? undefined : next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as Json[])] : { ...(value as Record<string, Json>) }) as Record<string | number, Json>;
  if (rest.length > 0) copy[head!] = setAt(copy[head!], rest, next);
  else if (next === DROP) delete copy[head!];
  else copy[head!] = next;
  return copy;
}

const DROP = Symbol('drop');
/** Values real APIs have been seen to send where something else was expected, and values at the edges of each type. */
const nearMiss = fc.constantFrom<Json>(
  null, '', ' ', 0, -1, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, true, [], {}, [null], { name: null },
  '2026-13-45', '2026-02-30', '0000-00-00', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', 'not a date', '2026-11-20T08:00:00.000+9999',
  'gid://gitlab/Timelog/', 'gid://gitlab/Timelog/99999999999999999999', 'pay-10', 'PAY-0', 'PAY-10; DROP', '../../etc', 'javascript:alert(1)',
  'x'.repeat(300_000), '\u0000', '\ud800', '<img src=x onerror=alert(1)>',
  `<!-- stint:time {"v":1,"entry":"${UUID}","seconds":3600,"start":"+275760-09-13T00:00:00Z"} -->`,
  `<!-- stint:time {"v":1,"entry":"${UUID}","seconds":-5,"start":"2026-11-20T08:00:00.000Z"} -->`,
  `<!-- stint:time {"v":1,"entry":"../x","seconds":60,"start":"2026-11-20T08:00:00.000Z"} -->`,
);
const mutation = fc.record({ pick: fc.nat(), value: fc.oneof(nearMiss, nearMiss, fc.jsonValue({ maxDepth: 2 }), fc.constant<Json>(DROP)) });
/** The sample with one to three changes, or something else entirely. */
const payloadFrom = (sample: Json) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((v, m) => { const paths = pathsOf(v); return setAt(v, paths[m.pick % paths.length]!, m.value); }, sample)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constant(sample) },
  );

/** No NaN or Infinity anywhere, and every instant is one a Date can hold. */
function expectWholeNumbers(value: Json, where: string): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), where).toBe(true);
    expect(Math.abs(value) <= 8.64e15, `${where}: ${value}`).toBe(true);
  } else if (Array.isArray(value)) value.forEach((v, i) => expectWholeNumbers(v, `${where}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectWholeNumbers(v, `${where}.${k}`);
}

function expectReadItem(item: WorkItem, provider: string): void {
  expect(parseItemKey(item.key)?.provider, item.key).toBe(provider);
  expectWholeNumbers(item, item.key);
  for (const seconds of [item.estimateSeconds, item.providerSpentSeconds, item.remainingEstimateSeconds]) if (seconds != null) expect(seconds).toBeGreaterThanOrEqual(0);
}

function expectReadEntry(entry: TimeEntry, provider: string): void {
  expect(parseItemKey(entry.itemKey)?.provider, entry.itemKey).toBe(provider);
  expect(entry.id.length).toBeGreaterThan(0);
  expectWholeNumbers(entry, entry.id);
  expect(entry.end! > entry.start).toBe(true);
  foldRollups([entry], 'Europe/Madrid'); // the rollups of what is read can be computed (day keys of real dates)
}

function expectReason(reason: string): void {
  expect(reason.trim().length).toBeGreaterThan(0);
  expect(reason.length).toBeLessThan(1000); // stored with the item and shown: never the payload itself
}

const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void) => fc.assert(fc.property(arbitrary, check), { numRuns: RUNS });

describe('provider payloads, fuzzed through the map functions', () => {
  it(`GitHub issues: ${RUNS} mutated payloads are read whole or refused with a reason and the number to mark`, () => {
    property(payloadFrom(SAMPLES.githubIssue), (raw) => {
      const mapped = mapGithubIssue({ host: 'github.com', owner: 'acme', name: 'app' }, raw, DEFAULT_ESTIMATE_LABELS, STANDARD_WORK_WEEK, NOW);
      if (mapped.ok) return expectReadItem(mapped.value, 'github');
      expectReason(mapped.reason);
      const number = (raw as { number?: unknown } | null)?.number;
      expect(mapped.number).toBe(typeof number === 'number' ? number : null);
    });
  });

  it(`GitHub time comments: ${RUNS} mutated payloads are a whole entry or nobody's time`, () => {
    property(payloadFrom(SAMPLES.githubComment), (raw) => {
      const mapped = mapTimeComment({ host: 'github.com', owner: 'acme', name: 'app' }, raw);
      if (mapped) expectReadEntry(mapped.entry, 'github');
    });
  });

  it(`GitLab issues and MRs: ${RUNS} mutated payloads are read whole or refused with a reason and the iid to mark`, () => {
    property(fc.tuple(payloadFrom(SAMPLES.gitlabIssuable), fc.constantFrom('issue' as const, 'mr' as const)), ([raw, kind]) => {
      const mapped = mapIssuable({ host: 'gitlab.com', path: 'acme/platform/billing-service' }, kind, raw, NOW);
      if (mapped.ok) return expectReadItem(mapped.value, 'gitlab');
      expectReason(mapped.reason);
      const iid = (raw as { iid?: unknown } | null)?.iid;
      expect(mapped.iid).toBe(typeof iid === 'number' ? iid : null);
    });
  });

  it(`GitLab timelogs: ${RUNS} mutated payloads are a whole entry or none`, () => {
    property(payloadFrom(SAMPLES.gitlabTimelog), (raw) => {
      const entry = mapTimelog({ host: 'gitlab.com', path: 'acme/platform/billing-service' }, 'issue', '5', raw, NOW);
      if (entry) expectReadEntry(entry, 'gitlab');
    });
  });

  it(`Jira issues: ${RUNS} mutated payloads are read whole or refused with a reason`, () => {
    property(payloadFrom(SAMPLES.jiraIssue), (raw) => {
      const mapped = mapJiraIssue('acme.atlassian.net', raw, 'customfield_10020', NOW);
      if (mapped.ok) return expectReadItem(mapped.value, 'jira');
      expectReason(mapped.reason);
    });
  });

  it(`Jira worklogs: ${RUNS} mutated payloads are a whole entry or none`, () => {
    property(payloadFrom(SAMPLES.jiraWorklog), (raw) => {
      const entry = mapWorklog('acme.atlassian.net', new Map([['10010', 'PAY-10']]), raw, NOW);
      if (entry) expectReadEntry(entry, 'jira');
    });
  });

  it('reads every unmutated sample whole (the samples are what the providers send)', () => {
    const repo = { host: 'github.com', owner: 'acme', name: 'app' };
    expect(mapGithubIssue(repo, SAMPLES.githubIssue, DEFAULT_ESTIMATE_LABELS, STANDARD_WORK_WEEK, NOW).ok).toBe(true);
    expect(mapTimeComment(repo, SAMPLES.githubComment)).not.toBeNull();
    expect(mapIssuable({ host: 'gitlab.com', path: 'acme/platform/billing-service' }, 'issue', SAMPLES.gitlabIssuable, NOW).ok).toBe(true);
    expect(mapTimelog({ host: 'gitlab.com', path: 'acme/platform/billing-service' }, 'issue', '5', SAMPLES.gitlabTimelog, NOW)).not.toBeNull();
    const jira = mapJiraIssue('acme.atlassian.net', SAMPLES.jiraIssue, 'customfield_10020', NOW);
    expect(jira.ok && jira.value.container).toMatchObject({ kind: 'sprint', id: '4' });
    expect(mapWorklog('acme.atlassian.net', new Map([['10010', 'PAY-10']]), SAMPLES.jiraWorklog, NOW)).toMatchObject({ id: UUID, note: 'Refund tests' });
  });
});
