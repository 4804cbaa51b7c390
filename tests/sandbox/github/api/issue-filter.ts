import type { Reply } from '../../http/router.ts';
import type { GhIssue } from '../../data/model.ts';
import { validationFailed } from './errors.ts';
import { toSecond } from './links.ts';
import type { GhRequest } from './pipeline.ts';

/** The query parameters GitHub's issue lists share (`/repos/{o}/{r}/issues`, `/user/issues`). */
export interface IssueFilter {
  readonly state: 'open' | 'closed' | 'all';
  /** Updated at or after (epoch ms), or null. */
  readonly since: number | null;
  readonly sort: 'created' | 'updated' | 'comments';
  readonly direction: 'asc' | 'desc';
  /** A milestone number, `*` (any) or `none`; null = no filter. */
  readonly milestone: string | null;
  /** Every one of these label names must be on the issue. */
  readonly labels: readonly string[];
  /** A login, `*` (anyone) or `none`. */
  readonly assignee: string | null;
  readonly creator: string | null;
  readonly mentioned: string | null;
}

export type FilterResult = { readonly ok: true; readonly filter: IssueFilter } | { readonly ok: false; readonly reply: Reply };

export function parseIssueFilter(gh: GhRequest, defaultDirection: 'asc' | 'desc' = 'desc'): FilterResult {
  const q = gh.query;
  const invalid = (field: string, value: string): FilterResult => ({ ok: false, reply: validationFailed(gh.docs, { resource: 'Issue', field, code: 'invalid', value }) });
  const state = q.get('state') ?? 'open';
  if (state !== 'open' && state !== 'closed' && state !== 'all') return invalid('state', state);
  const sort = q.get('sort') ?? 'created';
  if (sort !== 'created' && sort !== 'updated' && sort !== 'comments') return invalid('sort', sort);
  const direction = q.get('direction') ?? defaultDirection;
  if (direction !== 'asc' && direction !== 'desc') return invalid('direction', direction);
  const sinceText = q.get('since');
  const since = sinceText === null ? null : Date.parse(sinceText);
  if (since !== null && !Number.isFinite(since)) return invalid('since', sinceText ?? '');
  const milestone = q.get('milestone');
  if (milestone !== null && !/^(\d+|\*|none)$/.test(milestone)) return invalid('milestone', milestone);
  const labels = (q.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  return { ok: true, filter: { state, since, sort, direction, milestone, labels, assignee: q.get('assignee'), creator: q.get('creator'), mentioned: q.get('mentioned') } };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function matchesIssue(issue: GhIssue, f: IssueFilter): boolean {
  if (f.state !== 'all' && issue.state !== f.state) return false;
  if (f.since !== null && toSecond(issue.updatedAt) < f.since) return false;
  if (f.milestone === '*' && issue.milestone === null) return false;
  if (f.milestone === 'none' && issue.milestone !== null) return false;
  if (f.milestone !== null && /^\d+$/.test(f.milestone) && issue.milestone !== Number(f.milestone)) return false;
  if (!f.labels.every((name) => issue.labels.some((l) => same(l, name)))) return false;
  if (f.assignee === 'none' && issue.assignees.length > 0) return false;
  if (f.assignee === '*' && issue.assignees.length === 0) return false;
  if (f.assignee !== null && f.assignee !== '*' && f.assignee !== 'none' && !issue.assignees.some((a) => same(a, f.assignee ?? ''))) return false;
  if (f.creator !== null && !same(issue.user, f.creator)) return false;
  if (f.mentioned !== null && !mentions(issue, f.mentioned)) return false;
  return true;
}

export function mentions(issue: GhIssue, login: string): boolean {
  const at = new RegExp(`@${login.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\b`, 'i');
  return at.test(issue.body) || issue.comments.some((c) => at.test(c.body));
}

export function sortIssues(issues: readonly GhIssue[], sort: IssueFilter['sort'], direction: IssueFilter['direction']): GhIssue[] {
  const key = (i: GhIssue) => (sort === 'updated' ? toSecond(i.updatedAt) : sort === 'comments' ? i.comments.length : toSecond(i.createdAt));
  const sign = direction === 'asc' ? 1 : -1;
  return [...issues].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
}
