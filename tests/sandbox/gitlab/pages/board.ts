import type { GlIssuable } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { href, type ProjectScope } from './context.ts';
import { labelPills } from './parts.ts';
import { projectCrumbs, renderPage } from './layout.ts';

/** Board lists load 20 cards at first and fetch more on scroll. */
export const BOARD_LIST_PAGE = 20;

const BLOCKED = 'workflow::blocked';

export interface BoardColumn {
  readonly title: string;
  readonly kind: 'backlog' | 'label' | 'closed';
  readonly items: GlIssuable[];
}

/** The project's default board: Open, one label list, Closed; cards in iid order. */
export function boardColumns(issues: readonly GlIssuable[]): BoardColumn[] {
  const byIid = [...issues].sort((a, b) => a.iid - b.iid);
  return [
    { title: 'Open', kind: 'backlog', items: byIid.filter((i) => i.state === 'opened' && !i.labels.includes(BLOCKED)) },
    { title: BLOCKED, kind: 'label', items: byIid.filter((i) => i.state === 'opened' && i.labels.includes(BLOCKED)) },
    { title: 'Closed', kind: 'closed', items: byIid.filter((i) => i.state !== 'opened') },
  ];
}

/**
 * The issue board, `/<project>/-/boards`. Current generation (GitLab 17.x–18.x, 2024–2026) after
 * `boards/components/board_card.vue` (`li.board-card[data-testid="board-card"][data-item-iid][data-item-path]` with a
 * `button[data-testid="board-card-button"]` inside) and `board_card_inner.vue` (`.board-card-title >
 * a[data-testid="board-card-title-link"]`); clicking a card opens the work-item drawer with `?show=` as the lists do.
 * `?ui=legacy`: the GitLab ≤ 16.x card (`li.board-card[data-testid="board_card"]`, title link without a test id).
 */
export function renderBoardPage(scope: ProjectScope): string {
  const { project } = scope;
  const legacy = scope.ui === 'legacy';
  const columns = boardColumns(project.issues);
  return renderPage({
    scope,
    project,
    title: 'Issue boards',
    dataPage: 'projects:boards:index',
    fixture: legacy ? 'issue board — GitLab ≤ 16.x cards' : 'issue board — GitLab 17.x–18.x, 2024–2026',
    nav: 'boards',
    crumbs: [...projectCrumbs(scope, project), { text: 'Issue boards', href: href(scope, `/${project.pathWithNamespace}/-/boards`) }],
    content: html`<div class="boards-app gl-relative" id="board-app" data-full-path="${project.pathWithNamespace}">
  <div class="boards-list gl-flex gl-w-full" data-testid="boards-list">${columns.map((column) => boardList(scope, column, legacy))}</div>
</div>`,
  });
}

function boardList(scope: ProjectScope, column: BoardColumn, legacy: boolean): SafeHtml {
  return html`<div class="board gl-inline-block is-expanded" data-list-kind="${column.kind}" data-testid="board-list">
  <header class="board-header" data-testid="board-list-header"><span class="board-title-text">${column.title}</span><span class="gl-badge badge-neutral" data-testid="issue-count-badge">${column.items.length}</span></header>
  <ul class="board-list gl-list-none" data-board-type="${column.kind}">${column.items.slice(0, BOARD_LIST_PAGE).map((item) => (legacy ? legacyCard(scope, item) : card(scope, item)))}</ul>
</div>`;
}

function card(scope: ProjectScope, item: GlIssuable): SafeHtml {
  const { project } = scope;
  const itemHref = href(scope, `/${project.pathWithNamespace}/-/issues/${item.iid}`);
  return html`<li data-item-id="gid://gitlab/Issue/${item.id}" data-item-iid="${item.iid}" data-item-path="${project.pathWithNamespace}#${item.iid}" data-testid="board-card" class="board-card gl-border gl-relative gl-mb-3 gl-rounded-base">
  <button type="button" aria-label="${item.title}" data-testid="board-card-button" class="board-card-button gl-block gl-h-full gl-w-full" style="all: unset; display: block; width: 100%; cursor: pointer">
    <div class="gl-flex" dir="auto"><h4 class="board-card-title gl-mb-0 gl-mt-0 gl-min-w-0 gl-hyphens-auto gl-break-words gl-text-base"><a href="${itemHref}" title="${item.title}" class="js-no-trigger-title gl-text-default" data-testid="board-card-title-link">${item.title}</a></h4></div>
    ${item.labels.length > 0 ? html`<div class="board-card-labels gl-mt-2 gl-flex gl-flex-wrap">${labelPills(scope, project, item, `/${project.pathWithNamespace}/-/boards`)}</div>` : ''}
    <div class="board-card-footer gl-mt-3 gl-flex gl-items-end gl-justify-between"><span class="board-card-number">#${item.iid}</span><span>${item.assignees.map((u) => html`@${u}`)}</span></div>
  </button>
</li>`;
}

function legacyCard(scope: ProjectScope, item: GlIssuable): SafeHtml {
  const { project } = scope;
  const itemHref = href(scope, `/${project.pathWithNamespace}/-/issues/${item.iid}`);
  return html`<li data-qa-selector="board_card" data-item-id="${item.id}" data-item-iid="${item.iid}" data-item-path="${project.pathWithNamespace}#${item.iid}" data-testid="board_card" class="board-card gl-p-5 gl-rounded-base">
  <div class="gl-flex" dir="auto"><h4 class="board-card-title gl-mb-0 gl-mt-0"><a href="${itemHref}" title="${item.title}" class="js-no-trigger">${item.title}</a></h4></div>
  <div class="board-card-footer"><span class="board-card-number">#${item.iid}</span></div>
</li>`;
}
