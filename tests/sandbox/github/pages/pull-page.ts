import type { GhComment, GhIssue } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { repoPath, type RepoScope } from './context.ts';
import { railsDiscussion, railsHeader, reactComment, reactSidebar, sidebarSections } from './conversation.ts';
import { itemState, octicon, relativeTime } from './format.ts';
import { renderDocument } from './layout.ts';

export type PullTab = 'conversation' | 'commits' | 'checks' | 'files';

const TABS: readonly { tab: PullTab; label: string; react: string; rails: string }[] = [
  { tab: 'conversation', label: 'Conversation', react: '', rails: '' },
  { tab: 'commits', label: 'Commits', react: '/commits', rails: '/commits' },
  { tab: 'checks', label: 'Checks', react: '/checks', rails: '/checks' },
  // The React view's Files tab moved to `/changes` (2025–2026); `/files` still answers.
  { tab: 'files', label: 'Files changed', react: '/changes', rails: '/files' },
];

/**
 * `/<owner>/<repo>/pull/<n>` and its tabs: the React pull request view by default (`react-app[app-name=
 * "pull-requests"]` inside `.repository-content`, the tab strip `nav[aria-label="Pull request navigation tabs"]` its
 * sibling outside the app — read off a live PR, 2026-09); `?ui=classic` renders the Rails conversation view
 * (`#partial-discussion-header`, `.tabnav-tabs`), which GitHub served for every PR until 2025 and GHE still does.
 */
export function pullPage(scope: RepoScope, pull: GhIssue, tab: PullTab): string {
  const classic = scope.ui === 'classic';
  const { repo } = scope;
  const suffix = tab === 'conversation' ? '' : `/${tab === 'files' ? 'files' : tab}`;
  return renderDocument(scope, {
    title: `${pull.title} by ${pull.user} · Pull Request #${pull.number} · ${repo.owner.login}/${repo.name}`,
    fixture: classic ? `github pull request (${tab}) — Rails conversation view (pre-2025, GHE)` : `github pull request (${tab}) — React pull request view (pull-requests), 2025–2026`,
    routePattern: `/:user_id/:repository/pull/:id${suffix}(.:format)`,
    repo: { repo, tab: 'pulls' },
    main: classic ? railsPull(scope, pull, tab) : reactPull(scope, pull, tab),
  });
}

function tabHref(scope: RepoScope, pull: GhIssue, path: string, classic: boolean): string {
  return `${repoPath(scope.repo)}/pull/${pull.number}${path}${classic ? '?ui=classic' : ''}`;
}

function reactPull(scope: RepoScope, pull: GhIssue, tab: PullTab): SafeHtml {
  const state = itemState(pull);
  const status = { Open: 'pullOpened', Draft: 'draft', Merged: 'pullMerged', Closed: 'pullClosed' }[state.label] ?? 'pullOpened';
  const head = pull.pull;
  return html`<nav aria-label="Pull request navigation tabs" class="PullRequestTabs-module__nav--Zs1Hq">
  <ul role="list">${TABS.map((t) => html`<li><a href="${tabHref(scope, pull, t.react, false)}"${t.tab === tab ? html` aria-current="page"` : ''} class="PullRequestTabs-module__tab--PbJ1t">${t.label}${t.tab === 'conversation' ? html` <span data-component="counter">${pull.comments.length}</span>` : ''}</a></li>`)}</ul>
</nav>
<react-app app-name="pull-requests" initial-path="${repoPath(scope.repo)}/pull/${pull.number}${tab === 'conversation' ? '' : `/${tab === 'files' ? 'changes' : tab}`}" style="display: block; min-height: calc(100vh - 64px);" data-attempted-ssr="true" data-ssr="true" data-lazy="false" data-alternate="false" data-data-router-enabled="true">
<div data-target="react-app.reactRoot">
<div class="prc-PageLayout-PageLayoutRoot-1zlEO">
  <header class="prc-PageLayout-Header-0of-R">
    <div class="PullRequestHeader-module__header--hEa6M">
      <div class="prc-PageHeader-PageHeader-6nf3T">
        <div data-component="TitleArea" data-size-variant="large" class="prc-PageHeader-TitleArea-aFxXn">
          <h1 data-component="PH_Title" data-hidden="false" class="prc-PageHeader-Title-LKOsd"><span class="markdown-title">${pull.title}</span> <span class="PullRequestHeader-module__number--N2bRm">#${pull.number}</span></h1>
        </div>
        <div data-component="PH_Actions" class="prc-PageHeader-Actions-aM0ug">
          <button type="button" class="prc-Button-ButtonBase-c50BI" data-variant="default">Edit</button>
          <button type="button" class="prc-Button-ButtonBase-c50BI" data-variant="primary">Code</button>
        </div>
        <div data-component="PH_Description" class="prc-PageHeader-Description-w-ejP">
          <div class="PullRequestHeaderSummary-module__summary--Jx5Gf">
            <span class="prc-StateLabel-StatusLabel-cdJ0P" data-status="${status}" data-size="medium" title="Status: ${state.label}">${octicon(state.icon)} ${state.label}</span>
            <a href="/${pull.user}" class="Link--secondary" data-hovercard-url="/users/${pull.user}/hovercard">${pull.user}</a>
            ${head && head.mergedAt !== null ? 'merged commits into' : 'wants to merge into'}
            <span class="PullRequestBranchName-module__branchName--rpAky"><a href="${repoPath(scope.repo)}/tree/${head?.baseRef ?? 'main'}">${head?.baseRef ?? 'main'}</a></span>
            from <span class="PullRequestBranchName-module__branchName--rpAky"><a href="${repoPath(scope.repo)}/tree/${head?.headRef ?? ''}">${head?.headRef ?? ''}</a></span>
            ${head && head.mergedAt !== null ? relativeTime(head.mergedAt) : ''}
          </div>
        </div>
      </div>
    </div>
  </header>
  <div class="prc-PageLayout-PageLayoutWrapper-2BhU2">
    <div class="prc-PageLayout-PageLayoutContent-BneH9">${reactTabContent(pull, tab)}</div>
    <div class="prc-PageLayout-Pane-Vl5LI">${reactSidebar(sidebarSections(scope, pull, 'react'))}</div>
  </div>
</div>
</div>
</react-app>`;
}

function reactTabContent(pull: GhIssue, tab: PullTab): SafeHtml {
  if (tab === 'conversation') {
    const description: GhComment = { id: pull.id, nodeId: '', user: pull.user, body: pull.body, createdAt: pull.createdAt, updatedAt: pull.updatedAt };
    return html`<div class="PullRequestConversation-module__timeline--aC4nS">${reactComment(description)}${pull.comments.map((c) => reactComment(c))}</div>`;
  }
  const what = { commits: 'Commits', checks: 'Checks', files: 'Changed files' }[tab];
  return html`<div class="blankslate"><p>${what} of <span class="markdown-title">${pull.title}</span> are not part of the sandbox.</p></div>`;
}

function railsPull(scope: RepoScope, pull: GhIssue, tab: PullTab): SafeHtml {
  const sidebar = sidebarSections(scope, pull, 'rails');
  const content =
    tab === 'conversation'
      ? railsDiscussion(pull, sidebar)
      : html`<div class="blankslate"><p>${TABS.find((t) => t.tab === tab)?.label ?? ''} of this pull request are not part of the sandbox.</p></div>`;
  return html`<div class="clearfix js-issues-results">
  ${railsHeader(scope, pull)}
  <div class="tabnav tabnav-pr hx_tabnav-in-dropdown mb-0">
    <nav class="tabnav-tabs d-flex overflow-auto" aria-label="Pull request tabs">${TABS.map(
      (t) => html`<a href="${tabHref(scope, pull, t.rails, true)}" id="${t.tab}_tab" class="tabnav-tab flex-shrink-0${t.tab === tab ? ' selected' : ''}"${t.tab === tab ? html` aria-current="page"` : ''}>${t.label}${t.tab === 'conversation' ? html` <span id="conversation_tab_counter" class="Counter">${pull.comments.length}</span>` : ''}</a>`,
    )}</nav>
  </div>
  <div class="pull-request-tab-content is-visible js-pull-request-tab-container">${content}</div>
</div>`;
}
