import type { JiraSite } from '../../data/model.ts';
import type { Handler, Reply, RequestContext, Router } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { cloudBacklogPage } from './cloud-backlog.ts';
import { cloudBoardPage } from './cloud-board.ts';
import { cloudIssuePage } from './cloud-issue.ts';
import { cloudListPage } from './cloud-list.ts';
import { dcBoardPage } from './dc-board.ts';
import { dcIssuePage } from './dc-issue.ts';
import { dcListPage } from './dc-list.ts';
import { colorModeOf, htmlReply, type ColorMode } from './document.ts';
import { cloudIssueNotFoundPage, cloudNotFoundPage, dcNotFoundPage, jiraPageErrorStyle, unknownSiteErrorStyle, unknownSitePage } from './errors.ts';
import { pageOf, searchIssues } from './jql.ts';
import { boardById, boardPath, issueByKey, isCloudHost, isDataCenterHost, projectByKey, siteFor } from './site.ts';

type PageHandler = (ctx: RequestContext, site: JiraSite, colorMode: ColorMode) => Reply;

/**
 * Jira's pages at their real URLs, on every `*.atlassian.net` site and on the Data Center stand-ins: the work item
 * view, boards and backlogs with the preview panel, the issue navigator, and Jira's error pages. Nothing is
 * registered under `/rest/` (the API's). Unmatched page paths and faults injected on page URLs answer through the page
 * error styles, in HTML, the way Jira's pages do.
 */
export function registerJiraPages(router: Router, state: SandboxState): void {
  const isPage = (path: string) => !path.startsWith('/rest/');
  const knownCloud = (host: string) => isCloudHost(host) && siteFor(state.data, host) !== null;
  state.registerErrorStyle((host, path) => isPage(path) && knownCloud(host), jiraPageErrorStyle('cloud'));
  state.registerErrorStyle((host, path) => isPage(path) && isDataCenterHost(state.data, host), jiraPageErrorStyle('dc'));
  state.registerErrorStyle((host, path) => isPage(path) && isCloudHost(host), unknownSiteErrorStyle());

  const pages = router.scope((host) => isCloudHost(host) || isDataCenterHost(state.data, host));
  pages.get('/browse/:key', 'jira.pages.issue', page(issueView));
  for (const prefix of ['/jira/software/projects', '/jira/software/c/projects']) {
    pages.get(`${prefix}/:projectKey/boards/:boardId`, 'jira.pages.board', page(cloudBoard));
    pages.get(`${prefix}/:projectKey/boards/:boardId/backlog`, 'jira.pages.backlog', page(cloudBacklog));
    pages.get(`${prefix}/:projectKey/issues`, 'jira.pages.projectIssues', page(projectIssues));
  }
  pages.get('/issues', 'jira.pages.search', page(search));
  pages.get('/secure/RapidBoard.jspa', 'jira.pages.rapidBoard', page(rapidBoard));
}

/** Resolves the site from the Host header; an `*.atlassian.net` name without a site gets Atlassian's unknown-site page. */
function page(handler: PageHandler): Handler {
  return (ctx) => {
    const colorMode = colorModeOf(ctx.url);
    const site = siteFor(ctx.sandbox.data, ctx.host);
    if (!site) return htmlReply(404, unknownSitePage(colorMode));
    return handler(ctx, site, colorMode);
  };
}

const isCloud = (site: JiraSite) => site.deployment === 'Cloud';

const notFound: PageHandler = (_ctx, site, colorMode) =>
  htmlReply(404, isCloud(site) ? cloudNotFoundPage(site, colorMode) : dcNotFoundPage(site, colorMode));

function redirect(location: string): Reply {
  return { status: 302, headers: { location } };
}

const issueView: PageHandler = (ctx, site, colorMode) => {
  const key = ctx.params.key ?? '';
  const issue = issueByKey(site, key);
  if (!issue) {
    return htmlReply(404, isCloud(site) ? cloudIssueNotFoundPage(site, key, colorMode) : dcNotFoundPage(site, colorMode, 'Issue does not exist'));
  }
  // Jira answers a lower-case key with a redirect to the canonical one.
  if (issue.key !== key) return redirect(`/browse/${issue.key}${ctx.url.search}`);
  const data = ctx.sandbox.data;
  return htmlReply(200, isCloud(site) ? cloudIssuePage(data, site, issue, colorMode) : dcIssuePage(data, site, issue, colorMode));
};

const cloudBoard: PageHandler = (ctx, site, colorMode) => {
  const board = boardById(site, ctx.params.boardId ?? '');
  if (!isCloud(site) || !board || board.projectKey !== (ctx.params.projectKey ?? '').toUpperCase()) return notFound(ctx, site, colorMode);
  return htmlReply(200, cloudBoardPage(ctx.sandbox.data, site, board, ctx.url.searchParams.get('selectedIssue'), colorMode));
};

/** A scrum board's backlog; kanban boards here have none (Jira's kanban backlog is off by default). */
const cloudBacklog: PageHandler = (ctx, site, colorMode) => {
  const board = boardById(site, ctx.params.boardId ?? '');
  if (!isCloud(site) || !board || board.type !== 'scrum' || board.projectKey !== (ctx.params.projectKey ?? '').toUpperCase()) return notFound(ctx, site, colorMode);
  return htmlReply(200, cloudBacklogPage(ctx.sandbox.data, site, board, ctx.url.searchParams.get('selectedIssue'), colorMode));
};

const projectIssues: PageHandler = (ctx, site, colorMode) => {
  const project = projectByKey(site, ctx.params.projectKey ?? '');
  if (!isCloud(site) || !project) return notFound(ctx, site, colorMode);
  const jql = ctx.url.searchParams.get('jql') ?? `project = "${project.key}" ORDER BY created DESC`;
  const results = pageOf(searchIssues(site, jql), ctx.url.searchParams.get('startIndex'));
  return htmlReply(200, cloudListPage(ctx.sandbox.data, site, project, jql, results, ctx.url, colorMode));
};

const search: PageHandler = (ctx, site, colorMode) => {
  const jql = ctx.url.searchParams.get('jql') ?? 'ORDER BY created DESC';
  const results = pageOf(searchIssues(site, jql), ctx.url.searchParams.get('startIndex'));
  const data = ctx.sandbox.data;
  return htmlReply(200, isCloud(site) ? cloudListPage(data, site, null, jql, results, ctx.url, colorMode) : dcListPage(data, site, jql, results, ctx.url, colorMode));
};

/** DC's agile board; on Cloud the old URL redirects to the new board route, as Jira Cloud does. */
const rapidBoard: PageHandler = (ctx, site, colorMode) => {
  const rapidView = ctx.url.searchParams.get('rapidView');
  const board = rapidView === null ? (site.boards[0] ?? null) : boardById(site, rapidView);
  if (!board) return notFound(ctx, site, colorMode);
  const selected = ctx.url.searchParams.get('selectedIssue');
  if (isCloud(site)) return redirect(`${boardPath(site, board)}${selected ? `?selectedIssue=${encodeURIComponent(selected)}` : ''}`);
  return htmlReply(200, dcBoardPage(ctx.sandbox.data, site, board, selected, colorMode));
};
