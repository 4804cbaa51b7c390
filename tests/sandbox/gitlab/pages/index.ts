import type { Handler, Reply, Router } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { renderBoardPage } from './board.ts';
import { findIssuable, projectScope, topLevelNamespaces, type ProjectScope } from './context.ts';
import { renderLegacyIssuePage } from './legacy-issue.ts';
import { renderListPage, type ListKind } from './lists.ts';
import { renderMergeRequestPage, type MergeRequestTab } from './merge-request.ts';
import { renderNotFoundPage } from './not-found.ts';
import { renderWorkItemPage } from './work-item.ts';

/**
 * GitLab's pages at their real URLs on gitlab.com and the self-managed stand-ins: issue (work item) pages, merge
 * requests with their Changes tab, issue and MR lists, the issue board, and GitLab's 404 for anything else under a
 * seeded namespace. Routes are registered per top-level namespace (`/acme/…`, `/tools/…`), so nothing here can
 * shadow the API under `/api/`.
 */
export function registerGitlabPages(router: Router, state: SandboxState): void {
  const servesGitlab = (host: string) => state.data.gitlab.some((instance) => instance.host === host);
  for (const namespace of topLevelNamespaces(state.data)) {
    const page = router.scope(servesGitlab, `/${namespace}`);
    const inProject = (render: (scope: ProjectScope, params: Record<string, string>) => string | null): Handler => (ctx) => {
      const scope = projectScope(ctx, namespace);
      const body = scope ? render(scope, ctx.params) : null;
      return body === null ? notFound(ctx.url.searchParams.get('theme')) : htmlReply(body);
    };
    const issue: Handler = inProject((scope, params) => {
      const item = findIssuable(scope.project.issues, params.iid);
      if (!item) return null;
      return scope.ui === 'legacy' ? renderLegacyIssuePage(scope, item) : renderWorkItemPage(scope, item);
    });
    const mergeRequest = (tab: MergeRequestTab): Handler =>
      inProject((scope, params) => {
        const mr = findIssuable(scope.project.mergeRequests, params.iid);
        return mr ? renderMergeRequestPage(scope, mr, tab) : null;
      });
    const list = (kind: ListKind): Handler => inProject((scope) => renderListPage(scope, kind));

    page.get('/*path/-/issues/:iid', 'gitlab.pages.issue', issue);
    page.get('/*path/-/work_items/:iid', 'gitlab.pages.workItem', issue);
    page.get('/*path/-/merge_requests/:iid', 'gitlab.pages.mergeRequest', mergeRequest('show'));
    page.get('/*path/-/merge_requests/:iid/diffs', 'gitlab.pages.mergeRequestDiffs', mergeRequest('diffs'));
    page.get('/*path/-/merge_requests/:iid/commits', 'gitlab.pages.mergeRequestCommits', mergeRequest('commits'));
    page.get('/*path/-/merge_requests/:iid/pipelines', 'gitlab.pages.mergeRequestPipelines', mergeRequest('pipelines'));
    page.get('/*path/-/issues', 'gitlab.pages.issues', list('issues'));
    page.get('/*path/-/work_items', 'gitlab.pages.workItems', list('issues'));
    page.get('/*path/-/merge_requests', 'gitlab.pages.mergeRequests', list('merge_requests'));
    page.get('/*path/-/boards', 'gitlab.pages.boards', inProject((scope) => renderBoardPage(scope)));
    page.get('/*path/-/boards/:boardId', 'gitlab.pages.board', inProject((scope) => renderBoardPage(scope)));
    page.get('', 'gitlab.pages.notFound', (ctx) => notFound(ctx.url.searchParams.get('theme')));
    page.get('/*rest', 'gitlab.pages.notFound', (ctx) => notFound(ctx.url.searchParams.get('theme')));
  }
}

function htmlReply(body: string): Reply {
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=0, private, must-revalidate' }, body };
}

function notFound(theme: string | null): Reply {
  return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: renderNotFoundPage(theme === 'dark' ? 'dark' : 'light') };
}
