import type { GhIssue, GhPull } from '../../data/model.ts';
import { notFound, validationFailed } from './errors.ts';
import { toSecond } from './links.ts';
import { findIssue } from './lookup.ts';
import { pagedReply } from './paging.ts';
import { addRepoRoute, type ApiScope } from './pipeline.ts';
import { renderPull, renderPullSimple } from './render-pull.ts';

type PullIssue = GhIssue & { readonly pull: GhPull };

const isPull = (issue: GhIssue): issue is PullIssue => issue.pull !== null;

/** Pull requests: list (state, head, base, sort, direction) and get. */
export function registerPulls(scope: ApiScope): void {
  addRepoRoute(scope, 'GET', '/pulls', { name: 'github.pulls.list', docs: 'pulls/pulls#list-pull-requests' }, (gh) => {
    const invalid = (field: string, value: string) => validationFailed(gh.docs, { resource: 'PullRequest', code: 'invalid', field, value });
    const state = gh.query.get('state') ?? 'open';
    if (state !== 'open' && state !== 'closed' && state !== 'all') return invalid('state', state);
    const sort = gh.query.get('sort') ?? 'created';
    if (!['created', 'updated', 'popularity', 'long-running'].includes(sort)) return invalid('sort', sort);
    const direction = gh.query.get('direction') ?? 'desc';
    if (direction !== 'asc' && direction !== 'desc') return invalid('direction', direction);
    const head = gh.query.get('head');
    const base = gh.query.get('base');
    const key = (i: PullIssue) => (sort === 'updated' ? toSecond(i.updatedAt) : sort === 'popularity' ? i.comments.length : toSecond(i.createdAt));
    const sign = direction === 'asc' ? 1 : -1;
    const found = gh.repo.issues
      .filter(isPull)
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => head === null || `${gh.repo.owner.login}:${i.pull.headRef}`.toLowerCase() === head.toLowerCase())
      .filter((i) => base === null || i.pull.baseRef === base)
      .sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
    return pagedReply(gh, found, (i) => renderPullSimple(gh.links, gh.repo, i, i.pull), gh.listUrl);
  });

  addRepoRoute(scope, 'GET', '/pulls/:number', { name: 'github.pulls.get', docs: 'pulls/pulls#get-a-pull-request' }, (gh) => {
    const issue = findIssue(gh.repo, gh.ctx.params.number);
    if (!issue?.pull) return notFound(gh.docs);
    return { status: 200, body: renderPull(gh.links, gh.repo, issue, issue.pull), lastModified: issue.updatedAt };
  });
}
