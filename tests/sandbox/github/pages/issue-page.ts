import type { GhComment, GhIssue } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { repoPath, type RepoScope } from './context.ts';
import { railsDiscussion, railsHeader, reactComment, reactSidebar, sidebarSections } from './conversation.ts';
import { commentCount, itemState, markdown, octicon, relativeTime } from './format.ts';
import { renderDocument } from './layout.ts';

/**
 * `/<owner>/<repo>/issues/<n>`: the React issues view by default (`react-app[app-name="issues-react"]`, GitHub's
 * issue page since 2024, unchanged in shape through 2026); `?ui=classic` renders the Rails conversation view that
 * issues had before, and older GitHub Enterprise Server releases still serve.
 */
export function issuePage(scope: RepoScope, issue: GhIssue): string {
  const classic = scope.ui === 'classic';
  const { repo } = scope;
  return renderDocument(scope, {
    title: `${issue.title} · Issue #${issue.number} · ${repo.owner.login}/${repo.name}`,
    fixture: classic ? 'github issue — Rails conversation view (pre-2024, older GHE)' : 'github issue — React issues view (issues-react), 2024–2026',
    routePattern: '/:user_id/:repository/issues/:id(.:format)',
    repo: { repo, tab: 'issues' },
    main: classic ? html`<div class="clearfix js-issues-results">${railsHeader(scope, issue)}${railsDiscussion(issue, sidebarSections(scope, issue, 'rails'))}</div>` : reactIssueView(scope, issue),
  });
}

/**
 * Mirrors the React issue viewer around its anchors: `[data-testid="issue-viewer-container"]` >
 * `[data-testid="issue-header"]` (a Primer PageHeader: `TitleArea` > `h1[data-component="PH_Title"]` >
 * `bdi[data-testid="issue-title"].markdown-title` + `#n`, `PH_Actions`, `PH_Description`), the sticky header copy,
 * `[data-testid="issue-viewer-issue-container"]` with `[data-testid="issue-body"]` and the comments, and the
 * metadata pane. Evidence: bitcrowd/tickety-tick's fixture, refined-github's `.react-issue-body` /
 * `.react-issue-comment` / `avatar-link` selectors, and extensions reading `issue-body-viewer`.
 */
function reactIssueView(scope: RepoScope, issue: GhIssue): SafeHtml {
  const { repo } = scope;
  const state = itemState(issue);
  const status = issue.state === 'open' ? 'issueOpened' : issue.stateReason === 'not_planned' ? 'issueNotPlanned' : 'issueClosed';
  const path = `${repoPath(repo)}/issues/${issue.number}`;
  return html`<react-app app-name="issues-react" initial-path="${path}" style="display: block; min-height: calc(100vh - 64px);" data-attempted-ssr="true" data-ssr="true" data-lazy="false" data-alternate="false" data-data-router-enabled="true">
<div data-target="react-app.reactRoot">
<div data-testid="issue-viewer-container" class="IssueViewer-module__issueViewerContainer--kZ4pP">
  <div aria-label="Header" role="region" data-testid="issue-header" class="HeaderViewer-module__headerContainer--dM3ln">
    <div class="prc-PageHeader-PageHeader-6nf3T">
      <div data-component="TitleArea" data-size-variant="medium" class="prc-PageHeader-TitleArea-aFxXn">
        <h1 data-component="PH_Title" data-hidden="false" class="prc-PageHeader-Title-LKOsd">
          <bdi class="markdown-title" data-testid="issue-title">${issue.title}</bdi>
          <span class="HeaderViewer-module__issueNumberText--N6lRh">#${issue.number}</span>
        </h1>
      </div>
      <div data-component="PH_Actions" class="prc-PageHeader-Actions-aM0ug">
        <button type="button" class="prc-Button-ButtonBase-c50BI" data-variant="default">Edit</button>
        <a class="prc-Button-ButtonBase-c50BI" data-variant="primary" href="${repoPath(repo)}/issues/new/choose">New issue</a>
      </div>
      <div data-component="PH_Description" class="prc-PageHeader-Description-w-ejP">
        <span class="prc-StateLabel-StatusLabel-cdJ0P" data-status="${status}" data-size="medium" title="Status: ${state.label}">${octicon(state.icon)} ${state.label}</span>
        <span class="HeaderMetadata-module__metadataContent--svYzj"><a href="/${issue.user}" data-hovercard-url="/users/${issue.user}/hovercard" class="Link--secondary">${issue.user}</a> opened ${relativeTime(issue.createdAt)} · ${commentCount(issue.comments.length)}</span>
      </div>
    </div>
  </div>
  <div data-testid="issue-metadata-sticky" class="HeaderMetadata-module__stickyContainer--GX4Kp" hidden>
    <span class="prc-StateLabel-StatusLabel-cdJ0P" data-status="${status}" data-size="small">${state.label}</span>
    <span data-testid="issue-title-sticky" class="markdown-title">${issue.title}</span> <span>#${issue.number}</span>
  </div>
  <div class="IssueViewer-module__mainContent--B8Jb5">
    <div data-testid="issue-viewer-issue-container" class="IssueViewer-module__issueContainer--nRDsP">
      ${reactIssueBody(scope, issue)}
      <div data-testid="issue-viewer-comments-container" class="IssueViewer-module__commentsContainer--Qh8yM">
        ${issue.comments.map((c: GhComment) => reactComment(c))}
        ${issue.closedAt === null ? '' : html`<div class="TimelineRow-module__row--r9hBf"><a href="/${issue.assignees[0] ?? issue.user}" class="Link--primary">${issue.assignees[0] ?? issue.user}</a> closed this as ${issue.stateReason === 'not_planned' ? 'not planned' : 'completed'} ${relativeTime(issue.closedAt)}</div>`}
      </div>
      <div class="CommentComposer-module__composer--tQ9vR">
        <h2 id="comment-composer-heading" class="sr-only">Add a comment</h2>
        <textarea aria-labelledby="comment-composer-heading" placeholder="Use Markdown to format your comment"></textarea>
      </div>
    </div>
    ${reactSidebar(sidebarSections(scope, issue, 'react'))}
  </div>
</div>
</div>
</react-app>`;
}

function reactIssueBody(scope: RepoScope, issue: GhIssue): SafeHtml {
  const anchor = `${scope.origin}${repoPath(scope.repo)}/issues/${issue.number}#issue-${issue.id}`;
  return html`<div data-testid="issue-body" class="react-issue-body IssueBody-module__container--Tdt4h">
  <div class="IssueBodyHeader-module__container--Z1Bd8">
    <a data-testid="issue-body-header-author" href="/${issue.user}" data-hovercard-url="/users/${issue.user}/hovercard" class="IssueBodyHeaderAuthor-module__authorLoginLink--Wd6Bk">${issue.user}</a>
    opened <a data-testid="issue-body-header-link" href="${anchor}" class="Link--secondary">${relativeTime(issue.createdAt)}</a>
  </div>
  <div data-testid="issue-body-viewer" class="IssueBodyViewer-module__IssueBody--MXyFt">
    <div data-testid="markdown-body" class="markdown-body">${markdown(issue.body)}</div>
  </div>
</div>`;
}
