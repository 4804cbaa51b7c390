import type { GhIssue, GhRepo } from '../../data/model.ts';
import { pageParams } from '../../http/pagination.ts';
import { grants } from './auth.ts';
import { ghError, validationFailed } from './errors.ts';
import { repoLinks, toSecond } from './links.ts';
import { pagedReply } from './paging.ts';
import { addRoute, type ApiScope } from './pipeline.ts';
import { renderIssue } from './render.ts';
import { parseSearchQuery, type SearchQuery } from './search-query.ts';

interface Hit {
  readonly issue: GhIssue;
  readonly repo: GhRepo;
  readonly score: number;
}

/** `GET /search/issues`: its own rate limit (30 a minute), at most 1,000 results reachable, as on GitHub. */
export function registerSearch(scope: ApiScope): void {
  addRoute(scope, 'GET', '/search/issues', { name: 'github.search.issues', docs: 'search/search#search-issues-and-pull-requests', resource: 'search' }, (gh) => {
    const q = gh.query.get('q');
    if (q === null || q.trim() === '') return validationFailed(gh.docs, { resource: 'Search', field: 'q', code: 'missing' });
    const { page, perPage } = pageParams(gh.ctx);
    if ((page - 1) * perPage >= 1000) return ghError(422, 'Only the first 1000 search results are available', gh.docs);
    const query = parseSearchQuery(q);
    const visible = gh.token && grants(gh.token, 'repo') ? gh.instance.repos : gh.instance.repos.filter((r) => !r.private);
    const hidden = query.repos.filter((name) => !visible.some((r) => `${r.owner.login}/${r.name}`.toLowerCase() === name));
    if (hidden.length > 0) {
      return validationFailed(gh.docs, {
        resource: 'Search',
        field: 'q',
        code: 'invalid',
        message: 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
      });
    }
    const hits: Hit[] = visible.flatMap((repo) =>
      repo.issues.filter((issue) => query.predicates.every((p) => p(issue, repo))).flatMap((issue) => {
        const score = textScore(issue, query);
        return score > 0 ? [{ issue, repo, score }] : [];
      }),
    );
    const sorted = sortHits(hits, query.sort ?? { field: gh.query.get('sort') ?? 'best-match', order: gh.query.get('order') === 'asc' ? 'asc' : 'desc' });
    const reply = pagedReply(gh, sorted, (hit) => ({ ...renderIssue(repoLinks(gh.links, hit.repo), hit.repo, hit.issue), score: hit.score }));
    return { ...reply, body: { total_count: hits.length, incomplete_results: false, search_type: 'lexical', items: reply.body } };
  });
}

/** 1 when there is no text to match; otherwise title hits weigh double; 0 = not a match (every term must hit). */
function textScore(issue: GhIssue, query: SearchQuery): number {
  if (query.terms.length === 0) return 1;
  const fields = {
    title: query.in.has('title') ? issue.title.toLowerCase() : '',
    body: query.in.has('body') ? issue.body.toLowerCase() : '',
    comments: query.in.has('comments') ? issue.comments.map((c) => c.body.toLowerCase()).join('\n') : '',
  };
  let score = 0;
  for (const term of query.terms) {
    const inTitle = fields.title.includes(term);
    if (!inTitle && !fields.body.includes(term) && !fields.comments.includes(term)) return 0;
    score += inTitle ? 2 : 1;
  }
  return score;
}

function sortHits(hits: readonly Hit[], sort: { field: string; order: 'asc' | 'desc' }): Hit[] {
  const key = (h: Hit): number => {
    if (sort.field === 'created') return toSecond(h.issue.createdAt);
    if (sort.field === 'updated') return toSecond(h.issue.updatedAt);
    if (sort.field === 'comments' || sort.field === 'interactions') return h.issue.comments.length;
    return h.score;
  };
  const sign = sort.order === 'asc' ? 1 : -1;
  return [...hits].sort((a, b) => sign * (key(a) - key(b)) || b.issue.updatedAt - a.issue.updatedAt || a.issue.id - b.issue.id);
}
