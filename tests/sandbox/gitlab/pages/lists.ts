import type { GlIssuable } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { paginate } from '../../http/pagination.ts';
import { href, type ProjectScope } from './context.ts';
import { isoTime, mediumDate, milestoneOf, timeAgo } from './format.ts';
import { projectCrumbs, renderPage } from './layout.ts';
import { labelPills, userLink } from './parts.ts';

/** GitLab lists show 20 items a page (`DEFAULT_PAGE_SIZE` of the issuable lists). */
export const GITLAB_PAGE_SIZE = 20;

export type ListKind = 'issues' | 'merge_requests';
type StateFilter = 'opened' | 'closed' | 'merged' | 'all';

/** The items a list shows for `?state=`, newest first as GitLab's default "Created date" sort. */
export function listItems(items: readonly GlIssuable[], kind: ListKind, stateParam: string | null): { state: StateFilter; items: GlIssuable[] } {
  const allowed: StateFilter[] = kind === 'issues' ? ['opened', 'closed', 'all'] : ['opened', 'merged', 'closed', 'all'];
  const state = allowed.find((s) => s === stateParam) ?? 'opened';
  const chosen = items.filter((item) => state === 'all' || item.state === state);
  return { state, items: chosen.sort((a, b) => b.createdAt - a.createdAt || b.iid - a.iid) };
}

/**
 * Issue and merge request lists. Current generation (GitLab 16.x–18.x, 2024–2026): the Vue issuable list —
 * `issuable_list_root.vue` renders `ul.content-list.issuable-list.issues-list` and passes
 * `data-testid="issuable-container"` onto each `issuable_item.vue` row (`li.issue`, Vue 2 attribute fall-through over
 * the row's own `issuable-item-wrapper`), whose title is `a.issue-title-text[data-testid="issuable-title-link"][dir="auto"]`;
 * on the work-items issue list the row starts with a full-row `a[data-testid="issuable-card-link-overlay"]`, so the
 * first link in a row is not the title. `?ui=legacy`: the server-rendered HAML lists (`projects/issues/_issue.html.haml`,
 * `projects/merge_requests/_merge_request.html.haml`: `li.issue` / `li.merge-request` with `span.*-title-text > a`).
 */
export function renderListPage(scope: ProjectScope, kind: ListKind): string {
  const { project } = scope;
  const basePath = `/${project.pathWithNamespace}/-/${kind}`;
  const source = kind === 'issues' ? project.issues : project.mergeRequests;
  const { state, items } = listItems(source, kind, scope.url.searchParams.get('state'));
  const pageNumber = Number.parseInt(scope.url.searchParams.get('page') ?? '1', 10);
  const page = paginate(items, Number.isFinite(pageNumber) ? pageNumber : 1, GITLAB_PAGE_SIZE);
  const legacy = scope.ui === 'legacy';
  const noun = kind === 'issues' ? 'Issues' : 'Merge requests';
  const rows = page.items.map((item) => (legacy ? legacyRow(scope, kind, item) : currentRow(scope, kind, item)));
  const list = html`<ul class="content-list issuable-list issues-list">${rows}</ul>`;
  const body = html`<div class="issuable-list-container">
  <div class="top-area">${stateTabs(scope, kind, basePath, state, source)}</div>
  <div class="row-content-block gl-grow gl-border-t-0 sm:gl-flex" data-testid="issuable-search-container">
    <input type="search" class="gl-filtered-search-term-input" aria-label="Search or filter results" placeholder="Search or filter results…" style="width: 100%; padding: 6px 8px; margin: 8px 0">
  </div>
  ${list}
  ${pagination(scope, basePath, state, page.page, page.totalPages)}
</div>`;
  return renderPage({
    scope,
    project,
    title: noun,
    dataPage: `projects:${kind}:index`,
    fixture: legacy
      ? `${kind} list — legacy server-rendered list (GitLab ≤ 15.x issues, ≤ 16.x merge requests)`
      : `${kind} list — Vue issuable list${kind === 'issues' ? ' in the work-items app' : ''} (GitLab 16.x–18.x), 2024–2026`,
    nav: kind,
    crumbs: [...projectCrumbs(scope, project), { text: noun, href: href(scope, basePath) }],
    content: legacy || kind === 'merge_requests'
      ? body
      : html`<div id="js-work-items" data-full-path="${project.pathWithNamespace}" data-issues-list-path="${href(scope, basePath)}">${body}</div>`,
  });
}

function stateTabs(scope: ProjectScope, kind: ListKind, basePath: string, state: StateFilter, all: readonly GlIssuable[]): SafeHtml {
  const tabs: [StateFilter, string][] =
    kind === 'issues'
      ? [['opened', 'Open'], ['closed', 'Closed'], ['all', 'All']]
      : [['opened', 'Open'], ['merged', 'Merged'], ['closed', 'Closed'], ['all', 'All']];
  const count = (s: StateFilter) => all.filter((i) => s === 'all' || i.state === s).length;
  return html`<ul class="issuable-state-filters nav gl-tabs-nav" role="tablist" data-testid="issuable-tabs">${tabs.map(
    ([key, label]) => html`<li role="presentation" class="nav-item${key === state ? ' active' : ''}"><a role="tab" href="${href(scope, basePath, { state: key })}" aria-selected="${key === state ? 'true' : 'false'}" data-testid="${key}-issuables-tab">${label} <span class="gl-badge badge-neutral">${count(key)}</span></a></li>`,
  )}</ul>`;
}

function currentRow(scope: ProjectScope, kind: ListKind, item: GlIssuable): SafeHtml {
  const { project } = scope;
  const itemHref = href(scope, `/${project.pathWithNamespace}/-/${kind}/${item.iid}`);
  const reference = `${kind === 'issues' ? '#' : '!'}${item.iid}`;
  const labelIds = item.labels.map((name) => project.labels.find((l) => l.name === name)?.id ?? 0);
  const milestone = milestoneOf(project, item);
  return html`<li id="issuable_${item.id}" class="issue !gl-flex !gl-px-5${item.state !== 'opened' ? ' closed' : ''}" data-labels="${JSON.stringify(labelIds)}" data-qa-issue-id="${item.id}" data-testid="issuable-container" data-qa-issuable-title="${item.title}">
  ${kind === 'issues' ? html`<a tabindex="-1" href="${itemHref}" class="!gl-absolute gl-left-0 gl-top-0 !gl-z-1 !gl-flex gl-h-full gl-w-full" aria-hidden="true" data-testid="issuable-card-link-overlay"></a>` : ''}
  <div class="issuable-main-info">
    <div data-testid="issuable-title" class="issue-title title">
      <a id="listItem-${project.pathWithNamespace}/${item.id}" class="issue-title-text gl-text-base" dir="auto" href="${itemHref}" data-testid="issuable-title-link">${item.draft ? 'Draft: ' : ''}${item.title}</a>
    </div>
    <div class="issuable-info">
      <span data-testid="issuable-reference" class="issuable-reference">${reference}</span>
      <span class="gl-hidden sm:gl-inline"> · <span class="issuable-authored">created <span data-testid="issuable-created-at" title="${isoTime(item.createdAt)}">${timeAgo(scope.data.now, item.createdAt)}</span> by ${userLink(scope, item.author, 'issuable-author')}</span>
      ${milestone ? html`<span class="issuable-milestone" data-testid="issuable-milestone"> · ${milestone.title}</span>` : ''}
      ${item.dueDate ? html`<span data-testid="issuable-due-date"> · Due ${mediumDate(item.dueDate)}</span>` : ''}
      ${kind === 'merge_requests' ? html`<span class="project-ref-path" data-testid="target-branch"> · ${item.targetBranch ?? ''}</span>` : ''}</span>
      ${item.labels.length > 0 ? html`<p role="group" aria-label="Labels" class="gl-mb-0 gl-mt-1 gl-flex gl-flex-wrap gl-gap-2" style="margin: 2px 0 0">${labelPills(scope, project, item, `/${project.pathWithNamespace}/-/${kind}`)}</p>` : ''}
    </div>
  </div>
  <div class="issuable-meta">
    <ul class="controls" style="list-style: none; margin: 0; padding: 0">
      ${item.state !== 'opened' ? html`<li data-testid="issuable-status"><span class="gl-badge ${item.state === 'merged' ? 'badge-merged' : 'badge-info'}">${item.state === 'merged' ? 'Merged' : 'Closed'}</span></li>` : ''}
      ${item.assignees.length > 0 ? html`<li data-testid="issuable-assignees">${item.assignees.map((u) => html`<span class="gl-avatar-link" title="Assigned to ${u}">@${u}</span>`)}</li>` : ''}
    </ul>
    <div data-testid="issuable-timestamp">updated ${timeAgo(scope.data.now, item.updatedAt)}</div>
  </div>
</li>`;
}

function legacyRow(scope: ProjectScope, kind: ListKind, item: GlIssuable): SafeHtml {
  const { project } = scope;
  const itemHref = href(scope, `/${project.pathWithNamespace}/-/${kind}/${item.iid}`);
  const cssKind = kind === 'issues' ? 'issue' : 'merge-request';
  const domId = `${kind === 'issues' ? 'issue' : 'merge_request'}_${item.id}`;
  return html`<li id="${domId}" class="${cssKind}${item.state !== 'opened' ? ' closed' : ''}" data-labels="${JSON.stringify(item.labels.map((name) => project.labels.find((l) => l.name === name)?.id ?? 0))}" data-id="${item.id}">
  <div class="issue-box"><div class="issue-info-container">
    <div class="issue-main-info">
      <div class="${cssKind}-title title"><span class="${cssKind}-title-text" dir="auto"><a href="${itemHref}">${item.title}</a></span></div>
      <div class="issuable-info"><span class="issuable-reference">${kind === 'issues' ? '#' : '!'}${item.iid}</span>
        <span class="issuable-authored"> · opened ${timeAgo(scope.data.now, item.createdAt)} by ${userLink(scope, item.author, 'issuable-author')}</span>
        ${labelPills(scope, project, item, `/${project.pathWithNamespace}/-/${kind}`)}</div>
    </div>
    <div class="issuable-meta"><ul class="controls" style="list-style: none; margin: 0; padding: 0">${item.state !== 'opened' ? html`<li class="issuable-status">${item.state.toUpperCase()}</li>` : ''}</ul>
      <div class="issuable-updated-at">updated ${timeAgo(scope.data.now, item.updatedAt)}</div></div>
  </div></div>
</li>`;
}

function pagination(scope: ProjectScope, basePath: string, state: StateFilter, page: number, totalPages: number): SafeHtml {
  if (totalPages <= 1) return html``;
  const at = (n: number) => href(scope, basePath, { state, page: String(n) });
  return html`<nav class="gl-pagination pagination" aria-label="Pagination" data-testid="gl-pagination">
  ${page > 1 ? html`<a class="btn gl-button" rel="prev" href="${at(page - 1)}">Previous</a>` : html`<span class="btn gl-button" aria-disabled="true">Previous</span>`}
  <span class="text-subtle">Page ${page} of ${totalPages}</span>
  ${page < totalPages ? html`<a class="btn gl-button" rel="next" href="${at(page + 1)}">Next</a>` : html`<span class="btn gl-button" aria-disabled="true">Next</span>`}
</nav>`;
}
