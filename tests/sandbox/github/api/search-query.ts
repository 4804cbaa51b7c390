import type { GhIssue, GhRepo } from '../../data/model.ts';
import { toSecond } from './links.ts';
import { mentions } from './issue-filter.ts';

/**
 * GitHub's issue search syntax, the part Stint uses: `repo:`, `org:`/`user:`, `is:`/`type:`/`state:`, `label:`,
 * `milestone:`, `no:`, `assignee:`, `author:`, `mentions:`, `involves:`, `commenter:`, `created:`/`updated:`/`closed:`
 * ranges (`>=2026-01-01`, `2026-01-01..2026-02-01`), `in:`, `sort:`, `-` negation and quoted values; the rest is text.
 */
export interface SearchQuery {
  readonly predicates: readonly ((issue: GhIssue, repo: GhRepo) => boolean)[];
  readonly terms: readonly string[];
  /** Repositories named with `repo:` (lower-case `owner/name`): GitHub refuses the search if one cannot be seen. */
  readonly repos: readonly string[];
  readonly in: ReadonlySet<'title' | 'body' | 'comments'>;
  readonly sort: { readonly field: string; readonly order: 'asc' | 'desc' } | null;
}

type Predicate = (issue: GhIssue, repo: GhRepo) => boolean;

const lower = (s: string) => s.toLowerCase();

export function parseSearchQuery(q: string): SearchQuery {
  const predicates: Predicate[] = [];
  const terms: string[] = [];
  const repos: string[] = [];
  const scopes = new Set<'title' | 'body' | 'comments'>();
  let sort: SearchQuery['sort'] = null;
  for (const token of q.match(/-?[\w-]+:(?:"[^"]*"|\S+)|"[^"]*"|\S+/g) ?? []) {
    const m = /^(-?)([\w-]+):(.*)$/.exec(token);
    const value = m ? unquote(m[3] ?? '') : '';
    const key = m ? lower(m[2] ?? '') : '';
    if (key === 'in') {
      for (const part of value.split(',')) if (part === 'title' || part === 'body' || part === 'comments') scopes.add(part);
      continue;
    }
    if (key === 'sort') {
      const s = /^(.+?)(?:-(asc|desc))?$/.exec(value);
      sort = { field: s?.[1] ?? 'best-match', order: s?.[2] === 'asc' ? 'asc' : 'desc' };
      continue;
    }
    if (key === 'repo' && m?.[1] === '') repos.push(lower(value));
    const predicate = m ? qualifier(key, value) : null;
    if (predicate) predicates.push(m?.[1] === '-' ? (i, r) => !predicate(i, r) : predicate);
    else terms.push(lower(unquote(token)));
  }
  return { predicates, terms, repos, in: scopes.size > 0 ? scopes : new Set(['title', 'body']), sort };
}

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1');
}

function qualifier(key: string, value: string): Predicate | null {
  const v = lower(value);
  const hasLogin = (logins: readonly string[]) => logins.some((l) => lower(l) === v);
  switch (key) {
    case 'repo':
      return (_i, r) => lower(`${r.owner.login}/${r.name}`) === v;
    case 'org':
    case 'user':
      return (_i, r) => lower(r.owner.login) === v;
    case 'is':
    case 'type':
    case 'state':
      return isQualifier(v);
    case 'label':
      return (i) => v.split(',').some((name) => i.labels.some((l) => lower(l) === name));
    case 'milestone':
      return (i, r) => r.milestones.some((ms) => ms.number === i.milestone && lower(ms.title) === v);
    case 'no':
      if (v === 'milestone') return (i) => i.milestone === null;
      if (v === 'assignee') return (i) => i.assignees.length === 0;
      if (v === 'label') return (i) => i.labels.length === 0;
      return null;
    case 'assignee':
      return (i) => hasLogin(i.assignees);
    case 'author':
      return (i) => lower(i.user) === v;
    case 'commenter':
      return (i) => hasLogin(i.comments.map((c) => c.user));
    case 'mentions':
      return (i) => mentions(i, v);
    case 'involves':
      return (i) => lower(i.user) === v || hasLogin(i.assignees) || hasLogin(i.comments.map((c) => c.user)) || mentions(i, v);
    case 'created':
    case 'updated':
    case 'closed': {
      const inRange = dateRange(value);
      if (!inRange) return null;
      const at = (i: GhIssue) => (key === 'created' ? i.createdAt : key === 'updated' ? i.updatedAt : i.closedAt);
      return (i) => {
        const t = at(i);
        return t !== null && inRange(toSecond(t));
      };
    }
    default:
      return null;
  }
}

function isQualifier(v: string): Predicate | null {
  switch (v) {
    case 'issue':
      return (i) => i.pull === null;
    case 'pr':
    case 'pull-request':
      return (i) => i.pull !== null;
    case 'open':
      return (i) => i.state === 'open';
    case 'closed':
      return (i) => i.state === 'closed';
    case 'merged':
      return (i) => i.pull?.mergedAt != null;
    case 'unmerged':
      return (i) => i.pull !== null && i.pull.mergedAt === null && i.state === 'closed';
    case 'draft':
      return (i) => i.pull?.draft === true;
    default:
      return null;
  }
}

/** `>=X`, `>X`, `<=X`, `<X`, `X..Y` (either side `*`) or `X`; a bare date covers its whole UTC day. */
export function dateRange(text: string): ((at: number) => boolean) | null {
  const bounds = (s: string): { from: number; to: number } | null => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      const from = Date.parse(`${s}T00:00:00Z`);
      return Number.isFinite(from) ? { from, to: from + 86_400_000 - 1 } : null;
    }
    const at = Date.parse(s);
    return Number.isFinite(at) ? { from: at, to: at } : null;
  };
  const range = /^(.+?)\.\.(.+)$/.exec(text);
  if (range) {
    const lo = range[1] === '*' ? { from: -Infinity, to: -Infinity } : bounds(range[1] ?? '');
    const hi = range[2] === '*' ? { from: Infinity, to: Infinity } : bounds(range[2] ?? '');
    return lo && hi ? (at) => at >= lo.from && at <= hi.to : null;
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(text);
  const b = bounds(op?.[2] ?? '');
  if (!b) return null;
  switch (op?.[1]) {
    case '>=':
      return (at) => at >= b.from;
    case '>':
      return (at) => at > b.to;
    case '<=':
      return (at) => at <= b.to;
    case '<':
      return (at) => at < b.from;
    default:
      return (at) => at >= b.from && at <= b.to;
  }
}
