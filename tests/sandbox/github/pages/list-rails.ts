import type { GhIssue } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { itemPath, repoPath, type RepoScope } from './context.ts';
import { avatar, itemState, labelStyle, labelsOf, milestoneOf, octicon, relativeTime } from './format.ts';
import { stateLink } from './list-parts.ts';
import { listHref, type ListPage, type ListQuery } from './list-query.ts';

/** The Rails list: a `.Box` with the open/closed toggles and `div#issue_<n>.js-issue-row` rows, then `.pagination`. */
export function railsList(scope: RepoScope, query: ListQuery, page: ListPage): SafeHtml {
  const noun = query.kind === 'issues' ? 'Issues' : 'Pull requests';
  return html`<div class="clearfix container-xl px-md-4 px-lg-5 px-3 mt-4">
  <div class="d-flex flex-justify-between mb-md-3 flex-column-reverse flex-md-row flex-items-end">
    <form class="subnav-search width-full" role="search" aria-label="${noun}" action="${repoPath(scope.repo)}/${query.kind}" method="get">
      <input type="text" id="js-issues-search" name="q" class="form-control subnav-search-input input-contrast width-full" aria-label="Search all ${noun.toLowerCase()}" value="${query.q}">
    </form>
  </div>
  <div class="Box mt-3 Box--responsive hx_Box--firstRowRounded0" data-hpc>
    <div class="Box-header d-flex flex-justify-between" id="js-issues-toolbar">
      <div class="table-list-filters flex-auto d-flex min-width-0"><div class="flex-auto no-wrap"><div class="table-list-header-toggle states flex-auto pl-0">
        ${stateLink(scope, query, 'open', page.openCount, 'btn-link', 'selected')}
        ${stateLink(scope, query, 'closed', page.closedCount, 'btn-link', 'selected')}
      </div></div></div>
    </div>
    <div aria-label="${noun}" role="group" data-issue-and-pr-hovercards-enabled>
      <div class="js-navigation-container js-active-navigation-container">${page.items.map((item) => railsRow(scope, item))}</div>
    </div>
    ${page.items.length === 0 ? html`<div class="blankslate"><h3>No results matched your search.</h3></div>` : ''}
  </div>
  ${railsPagination(scope, query, page)}
</div>`;
}

function railsRow(scope: RepoScope, item: GhIssue): SafeHtml {
  const path = itemPath(scope.repo, item);
  const state = itemState(item);
  const tone = state.tone === 'draft' ? 'muted' : state.tone;
  const kind = item.pull ? 'pull_request' : 'issue';
  const list = item.pull ? 'pulls' : 'issues';
  const milestone = milestoneOf(scope.repo, item);
  const filter = (term: string) => `${repoPath(scope.repo)}/${list}?q=${encodeURIComponent(`is:${item.pull ? 'pr' : 'issue'} is:open ${term}`)}`;
  return html`<div id="issue_${item.number}" class="Box-row Box-row--focus-gray p-0 mt-0 js-navigation-item js-issue-row" data-id="${item.id}">
  <div class="d-flex Box-row--drag-hide position-relative">
    <label class="flex-shrink-0 py-2 pl-3 d-none d-md-block"><input type="checkbox" data-check-all-item class="js-issues-list-check" name="issues[]" value="${item.number}" aria-labelledby="issue_${item.number}_link" autocomplete="off"></label>
    <div class="flex-shrink-0 pt-2 pl-3"><span class="tooltipped tooltipped-e" aria-label="${state.label} ${item.pull ? 'pull request' : 'issue'}">${octicon(state.icon, `color-fg-${tone}`)}</span></div>
    <div class="flex-auto min-width-0 p-2 pr-3 pr-md-2">
      <a id="issue_${item.number}_link" class="Link--primary v-align-middle no-underline h4 js-navigation-open markdown-title" data-hovercard-type="${kind}" data-hovercard-url="${path}/hovercard" href="${path}">${item.title}</a>
      <span class="lh-default d-block d-md-inline">${labelsOf(scope.repo, item).map((label) => html`<a id="label-${label.id}-${item.number}" class="IssueLabel hx_IssueLabel" data-name="${label.name}" href="${filter(`label:"${label.name}"`)}" style="${labelStyle(label)}">${label.name}</a>`)}</span>
      <div class="d-flex mt-1 text-small color-fg-muted">
        <span class="opened-by">#${item.number} opened ${relativeTime(item.createdAt)} by <a class="Link--muted" title="Open ${item.pull ? 'pull requests' : 'issues'} created by ${item.user}" data-hovercard-type="user" href="${filter(`author:${item.user}`)}">${item.user}</a></span>
        ${item.pull?.draft ? html`<span class="d-none d-md-inline-flex">&nbsp;• Draft</span>` : ''}
        ${milestone ? html`<span class="issue-meta-section css-truncate issue-milestone ml-2 d-none d-md-inline"><a class="Link--muted css-truncate" title="${milestone.title}" href="${repoPath(scope.repo)}/milestone/${milestone.number}">${milestone.title}</a></span>` : ''}
      </div>
    </div>
    <div class="flex-shrink-0 col-4 col-md-3 pt-2 text-right pr-3 no-wrap d-flex hide-sm">
      <span class="ml-2 flex-1 flex-shrink-0">${item.assignees.length === 0 ? '' : html`<div class="AvatarStack AvatarStack--right ml-2 flex-1 flex-shrink-0"><div class="AvatarStack-body" aria-label="Assigned to ${item.assignees.join(', ')}">${item.assignees.map((login) => html`<a class="avatar avatar-user" aria-label="${login}’s assigned ${item.pull ? 'pull requests' : 'issues'}" href="${filter(`assignee:${login}`)}">${avatar(login, 20)}</a>`)}</div></div>`}</span>
      <span class="ml-2 flex-1 flex-shrink-0">${item.comments.length === 0 ? '' : html`<a href="${path}" class="Link--muted" aria-label="${item.comments.length} comments">${octicon('comment')} <span class="text-small text-bold">${item.comments.length}</span></a>`}</span>
    </div>
  </div>
</div>`;
}

function railsPagination(scope: RepoScope, query: ListQuery, page: ListPage): SafeHtml {
  if (page.totalPages <= 1) return html``;
  const pages = Array.from({ length: page.totalPages }, (_, i) => i + 1);
  return html`<div class="paginate-container d-none d-sm-flex flex-sm-justify-center"><div role="navigation" aria-label="Pagination" class="pagination">
  ${query.page > 1 ? html`<a class="previous_page" rel="prev" href="${listHref(scope.repo, query, { page: query.page - 1 })}">Previous</a>` : html`<span class="previous_page disabled">Previous</span>`}
  ${pages.map((n) => (n === query.page ? html`<em class="current" data-total-pages="${page.totalPages}">${n}</em>` : html`<a href="${listHref(scope.repo, query, { page: n })}">${n}</a>`))}
  ${query.page < page.totalPages ? html`<a class="next_page" rel="next" href="${listHref(scope.repo, query, { page: query.page + 1 })}">Next</a>` : html`<span class="next_page disabled">Next</span>`}
</div></div>`;
}
