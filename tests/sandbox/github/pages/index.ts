import type { GhInstance } from '../../data/model.ts';
import type { Handler, Reply, RequestContext, Router } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { findItem, itemPath, pageScope, repoScope, type PageScope } from './context.ts';
import { issuePage } from './issue-page.ts';
import { notFoundDocument } from './layout.ts';
import { listDocument } from './list-page.ts';
import { projectBoardPage, projectTablePage } from './project-board.ts';
import { searchPage } from './search-page.ts';
import { pullPage, type PullTab } from './pull-page.ts';

const PULL_TABS: Record<string, PullTab> = { commits: 'commits', checks: 'checks', files: 'files', changes: 'files' };

/**
 * GitHub's pages at their real URLs, on github.com and on the GitHub Enterprise stand-in (same paths; its API under
 * `/api/v3` belongs to the API routes, registered before these). Routes are registered under the seeded owners, so
 * nothing here can shadow an API path; github.com, which has no API paths, also answers every other path with its
 * 404 page.
 */
export function registerGithubPages(router: Router, state: SandboxState): void {
  for (const instance of state.data.github) {
    const r = router.scope((host) => host === instance.host);
    for (const owner of owners(instance)) {
      r.get(`/orgs/${owner}/projects/:number`, 'github.pages.project', projectBoard(owner));
      r.get(`/orgs/${owner}/projects/:number/views/:view`, 'github.pages.project', projectBoard(owner));
      r.get(`/${owner}/:repo/issues`, 'github.pages.issues', repoPage(owner, (scope) => html200(scope, listDocument(scope, 'issues'))));
      r.get(`/${owner}/:repo/pulls`, 'github.pages.pulls', repoPage(owner, (scope) => html200(scope, listDocument(scope, 'pulls'))));
      r.get(`/${owner}/:repo/issues/:number`, 'github.pages.issue', itemPage(owner, 'issue'));
      r.get(`/${owner}/:repo/pull/:number`, 'github.pages.pull', itemPage(owner, 'pull'));
      r.get(`/${owner}/:repo/pull/:number/:tab`, 'github.pages.pull', itemPage(owner, 'pull'));
      r.get(`/${owner}`, 'github.pages.notFound', notFound);
      r.get(`/${owner}/*rest`, 'github.pages.notFound', notFound);
    }
    r.get('/search', 'github.pages.search', (ctx) => {
      const scope = pageScope(ctx);
      return scope ? html200(scope, searchPage(scope)) : notFound(ctx);
    });
    if (instance.host === 'github.com') {
      r.get('/', 'github.pages.notFound', notFound);
      r.get('/*rest', 'github.pages.notFound', notFound);
    }
  }
}

function owners(instance: GhInstance): string[] {
  return [...new Set(instance.repos.map((repo) => repo.owner.login))];
}

function html200(scope: PageScope, body: string): Reply {
  return { status: 200, headers: pageHeaders(scope), body };
}

function pageHeaders(scope: PageScope): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=0, private, must-revalidate' };
  if (scope.themeCookie) headers['set-cookie'] = scope.themeCookie;
  return headers;
}

const notFound: Handler = (ctx) => {
  const scope = pageScope(ctx);
  if (!scope) return ctx.sandbox.errorStyleFor(ctx.host, ctx.url.pathname).error(404, 'Not Found', ctx.url.pathname);
  return { status: 404, headers: pageHeaders(scope), body: notFoundDocument(scope) };
};

/** Params of routes registered under a literal owner: put the owner back for the repository lookup. */
function withOwner(ctx: RequestContext, owner: string): RequestContext {
  return { ...ctx, params: { ...ctx.params, owner } };
}

function repoPage(owner: string, render: (scope: NonNullable<ReturnType<typeof repoScope>>) => Reply): Handler {
  return (ctx) => {
    const scope = repoScope(withOwner(ctx, owner));
    return scope ? render(scope) : notFound(ctx);
  };
}

/** An issue or PR page; GitHub redirects `/issues/<n>` of a PR to `/pull/<n>` and the other way round. */
function itemPage(owner: string, route: 'issue' | 'pull'): Handler {
  return (ctx) => {
    const scope = repoScope(withOwner(ctx, owner));
    const item = scope ? findItem(scope.repo, ctx.params.number) : null;
    const tab = ctx.params.tab === undefined ? 'conversation' : PULL_TABS[ctx.params.tab];
    if (!scope || !item || !tab) return notFound(ctx);
    if ((route === 'pull') !== (item.pull !== null)) {
      return { status: 301, headers: { location: `${scope.origin}${itemPath(scope.repo, item)}${ctx.url.search}` } };
    }
    return html200(scope, item.pull ? pullPage(scope, item, tab) : issuePage(scope, item));
  };
}

function projectBoard(owner: string): Handler {
  return (ctx) => {
    const scope = pageScope(ctx);
    const repos = scope?.instance.repos.filter((repo) => repo.owner.login === owner) ?? [];
    if (!scope || ctx.params.number !== '1' || (ctx.params.view !== undefined && ctx.params.view !== '1' && ctx.params.view !== '2')) return notFound(ctx);
    return html200(scope, ctx.params.view === '2' ? projectTablePage(scope, owner, repos) : projectBoardPage(scope, owner, repos));
  };
}
