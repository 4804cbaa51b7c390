import type { GhIssue, GhRepo } from '../../data/model.ts';

/** GitHub's issue and pull request lists show 25 items a page. */
export const PAGE_SIZE = 25;

export type ListKind = 'issues' | 'pulls';

/** The part of GitHub's search syntax the fixtures honour: `is:`/`state:` open or closed, `label:`, and `page`. */
export interface ListQuery {
  readonly kind: ListKind;
  readonly state: 'open' | 'closed';
  readonly labels: readonly string[];
  readonly page: number;
  /** The query as shown in the search box. */
  readonly q: string;
}

const DEFAULT_Q: Record<ListKind, string> = { issues: 'is:issue state:open', pulls: 'is:pr is:open' };

export function parseListQuery(url: URL, kind: ListKind): ListQuery {
  const q = (url.searchParams.get('q') ?? DEFAULT_Q[kind]).trim();
  let state: 'open' | 'closed' = 'open';
  const labels: string[] = [];
  for (const [, key = '', rawValue = ''] of q.matchAll(/(\w+):("[^"]*"|\S+)/g)) {
    const value = rawValue.replace(/^"|"$/g, '');
    if ((key === 'is' || key === 'state') && (value === 'open' || value === 'closed')) state = value;
    if (key === 'label') labels.push(value);
  }
  const page = Number(url.searchParams.get('page') ?? '1');
  return { kind, state, labels, page: Number.isInteger(page) && page >= 1 ? page : 1, q };
}

/** The items the query selects, newest first (GitHub's default `sort:created-desc`), before paging. */
export function matchingItems(repo: GhRepo, query: Omit<ListQuery, 'page' | 'q'>): GhIssue[] {
  return repo.issues
    .filter((i) => (query.kind === 'pulls') === (i.pull !== null))
    .filter((i) => i.state === query.state)
    .filter((i) => query.labels.every((l) => i.labels.includes(l)))
    .sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
}

export interface ListPage {
  readonly items: GhIssue[];
  readonly openCount: number;
  readonly closedCount: number;
  readonly totalPages: number;
}

export function listPage(repo: GhRepo, query: ListQuery): ListPage {
  const all = matchingItems(repo, query);
  const openCount = matchingItems(repo, { ...query, state: 'open' }).length;
  const closedCount = matchingItems(repo, { ...query, state: 'closed' }).length;
  const start = (query.page - 1) * PAGE_SIZE;
  return { items: all.slice(start, start + PAGE_SIZE), openCount, closedCount, totalPages: Math.max(1, Math.ceil(all.length / PAGE_SIZE)) };
}

/** The list URL with another state or page, keeping the rest of the query (as the open/closed toggles do). */
export function listHref(repo: GhRepo, query: ListQuery, change: { state?: 'open' | 'closed'; page?: number }): string {
  let q = query.q;
  if (change.state) {
    const replaced = q.replace(/\b(is|state):(open|closed)\b/, `$1:${change.state}`);
    q = replaced === q && !/\b(is|state):(open|closed)\b/.test(q) ? `${q} state:${change.state}`.trim() : replaced;
  }
  const params = new URLSearchParams();
  const page = change.state ? 1 : (change.page ?? query.page);
  if (page > 1) params.set('page', String(page));
  params.set('q', q);
  return `/${repo.owner.login}/${repo.name}/${query.kind}?${params.toString()}`;
}
