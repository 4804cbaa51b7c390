import type { GhIssue } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { itemPath, repoPath, type RepoScope } from './context.ts';
import { avatar, itemState, labelStyle, labelsOf, milestoneOf, octicon, relativeTime } from './format.ts';
import { stateLink } from './list-parts.ts';
import { listHref, type ListPage, type ListQuery } from './list-query.ts';

/**
 * GitHub's list-view (`ListView.tsx`): a container with an sr-only title, the metadata bar (open/closed), and
 * `ul[role=list][data-listview-component="items-list"][data-testid="list-view-items"]`. Issue rows are wrapped
 * (`div[class^=ListItems-module__listItem] > div[class^=IssueRow-module__row] > li`), PR rows are the `li` itself.
 */
export function reactList(scope: RepoScope, query: ListQuery, page: ListPage): SafeHtml {
  const issues = query.kind === 'issues';
  const app = issues ? 'issues-react' : 'pull-requests';
  const noun = issues ? 'Issues' : 'Pull requests';
  const rows = page.items.map((item) => (issues ? reactIssueRow(scope, item) : reactPullRow(scope, item)));
  return html`<react-app app-name="${app}" initial-path="${repoPath(scope.repo)}/${query.kind}" style="display: block; min-height: calc(100vh - 64px);" data-attempted-ssr="true" data-ssr="true" data-lazy="false" data-alternate="false" data-data-router-enabled="true">
<div data-target="react-app.reactRoot">
<div class="IssueIndexPage-module__container--YnG0D">
  <div class="IssueIndexPage-module__header--p8Vgb">
    <h1 class="sr-only">${noun}</h1>
    <input type="text" name="q" class="prc-TextInput-Input-jqCv4" aria-label="Search ${noun}" value="${query.q}">
    <a class="prc-Button-ButtonBase-c50BI" data-variant="primary" href="${repoPath(scope.repo)}/${issues ? 'issues/new/choose' : 'compare'}">New ${issues ? 'issue' : 'pull request'}</a>
  </div>
  <div id="_r_5_-list-view-container" class="ListView-module__container--sZ4HG">
    <h2 class="sr-only" id="_r_5_-list-view-container-title" data-testid="list-view-title">${noun}</h2>
    <div class="ListItems-module__tabsContainer--eCtGZ">
      ${stateLink(scope, query, 'open', page.openCount, 'SectionFilterLink-module__link--zbS1O', 'aria-current')}
      ${stateLink(scope, query, 'closed', page.closedCount, 'SectionFilterLink-module__link--zbS1O', 'aria-current')}
    </div>
    <ul class="ListView-module__ul--vMLEZ" aria-labelledby="_r_5_-list-view-container-title" tabindex="-1" role="list" data-listview-component="items-list" data-testid="list-view-items">${rows}</ul>
    ${page.items.length === 0 ? html`<div class="blankslate"><h3>No results</h3><p>Try adjusting your search filters.</p></div>` : ''}
  </div>
  ${reactPagination(scope, query, page)}
</div>
</div>
</react-app>`;
}

function stateIcon(item: GhIssue): SafeHtml {
  const state = itemState(item);
  const tone = state.tone === 'draft' ? 'muted' : state.tone;
  return html`<span data-testid="list-row-state-icon">${octicon(state.icon, `color-fg-${tone}`)}<span class="sr-only">Status: ${state.label}.</span></span>`;
}

function reactMetadata(item: GhIssue): SafeHtml {
  return html`<div class="MetadataContainer-module__container--Mg0Iq" data-testid="list-view-item-metadata">
  ${item.assignees.length === 0 ? '' : html`<div data-testid="list-row-assignees" class="AvatarStack-module__stack--QdZhr">${item.assignees.map((login) => avatar(login, 20))}</div>`}
  ${item.comments.length === 0 ? '' : html`<span data-testid="list-row-comments" aria-label="${item.comments.length} comments">${octicon('comment')} ${item.comments.length}</span>`}
</div>`;
}

function reactLabels(scope: RepoScope, item: GhIssue): SafeHtml {
  return html`${labelsOf(scope.repo, item).map((label) => html`<span class="prc-Token-IssueLabel-9bxX2" style="${labelStyle(label)}"><span class="prc-Token-Text-8l9NR">${label.name}</span></span>`)}`;
}

function reactIssueRow(scope: RepoScope, item: GhIssue): SafeHtml {
  const path = itemPath(scope.repo, item);
  const milestone = milestoneOf(scope.repo, item);
  return html`<div class="ListItems-module__listItem--KRcR0"><div class="IssueRow-module__row--pHXv5">
<li class="ListItem-module__listItem--k4eMk" role="listitem" tabindex="-1" aria-label="${item.title}">
  <div class="Title-module__container--XD9YG" data-listview-item-title-container="true" data-testid="list-view-item-title-container">
    <h3 class="Title-module__heading--s7YnL IssuePullRequestTitle-module__ListItemTitle_0--ORbH2"><a data-testid="issue-pr-title-link" data-hovercard-type="issue" data-hovercard-url="${path}/hovercard" href="${path}" class="IssuePullRequestTitle-module__ListItemTitle_1--FWLq8" tabindex="-1"><span class="prc-Text-Text-0ima0">${item.title}</span></a></h3>
    <span class="Title-module__trailingBadgesSpacer--Sxu2Q"></span>
    <span class="Title-module__trailingBadgesContainer--jGGC4">${reactLabels(scope, item)}</span>
  </div>
  <div class="LeadingContent-module__container--cui6v IssueItem-module__leadingContent--s16iU"><div class="LeadingVisual-module__outer--qS9Ac">${stateIcon(item)}</div></div>
  <div class="MainContent-module__container--NyRpm"><div class="MainContent-module__inner--tK3Xn"><div class="Description-module__container--UQ2ms" data-testid="list-view-item-description">
    <span data-testid="list-row-repo-name-and-number">#${item.number}</span> · <span data-testid="created-at">${item.user} opened ${relativeTime(item.createdAt)}</span>${milestone ? html` · <span class="Description-module__milestone--v8Xqh">${milestone.title}</span>` : ''}
  </div></div></div>
  ${reactMetadata(item)}
</li>
</div></div>`;
}

function reactPullRow(scope: RepoScope, item: GhIssue): SafeHtml {
  const href = `${scope.origin}${itemPath(scope.repo, item)}`;
  return html`<li class="ListItem-module__listItem--k4eMk PullsListItem-module__listItem--Hq3Zs" tabindex="-1" aria-label="${item.title}">
  <div class="Title-module__container--XD9YG" data-listview-item-title-container="true" data-testid="list-view-item-title-container">
    <h3 class="Title-module__heading--s7YnL"><a data-testid="listitem-title-link" href="${href}" class="Title-module__anchor--jJt5L" tabindex="-1"><span class="prc-Text-Text-0ima0">${item.title}</span></a></h3>
    <span class="Title-module__trailingBadgesContainer--jGGC4">${reactLabels(scope, item)}</span>
  </div>
  <div class="LeadingContent-module__container--cui6v"><div class="LeadingVisual-module__outer--qS9Ac">${stateIcon(item)}</div></div>
  <div class="MainContent-module__container--NyRpm"><div class="MainContent-module__inner--tK3Xn"><div class="Description-module__container--UQ2ms PullsListItem-module__description--Dw1F8">
    <span>#${item.number}</span> <span data-testid="timestamp-container"><button type="button" data-testid="author-filter-link" aria-label="Filter by author ${item.user}">${item.user}</button> opened ${relativeTime(item.createdAt)}</span>
  </div></div></div>
  ${reactMetadata(item)}
</li>`;
}

/** Primer's React `Pagination`: `nav[aria-label=Pagination]`, `em[aria-current=page]`, `rel=prev|next`. */
function reactPagination(scope: RepoScope, query: ListQuery, page: ListPage): SafeHtml {
  if (page.totalPages <= 1) return html``;
  const pages = Array.from({ length: page.totalPages }, (_, i) => i + 1);
  return html`<nav aria-label="Pagination" class="prc-Pagination-Pagination-gr4Ae"><div class="prc-Pagination-TablePaginationSteps-7hOJF">
  ${query.page > 1 ? html`<a rel="prev" aria-label="Previous Page" class="prc-Pagination-Page-yoEQf" href="${listHref(scope.repo, query, { page: query.page - 1 })}">Previous</a>` : html`<span class="prc-Pagination-Page-yoEQf" aria-disabled="true">Previous</span>`}
  ${pages.map((n) => (n === query.page ? html`<em aria-current="page" class="prc-Pagination-Page-yoEQf">${n}</em>` : html`<a aria-label="Page ${n}" class="prc-Pagination-Page-yoEQf" href="${listHref(scope.repo, query, { page: n })}">${n}</a>`))}
  ${query.page < page.totalPages ? html`<a rel="next" aria-label="Next Page" class="prc-Pagination-Page-yoEQf" href="${listHref(scope.repo, query, { page: query.page + 1 })}">Next</a>` : html`<span class="prc-Pagination-Page-yoEQf" aria-disabled="true">Next</span>`}
</div></nav>`;
}
