import type { GhIssue, GhRepo } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { itemPath, type PageScope } from './context.ts';
import { avatar, itemState, labelStyle, labelsOf, octicon } from './format.ts';
import { renderDocument } from './layout.ts';

interface Column {
  readonly name: string;
  readonly items: readonly { repo: GhRepo; item: GhIssue }[];
}

/**
 * `/orgs/<owner>/projects/1`: a GitHub Projects (v2) board holding the open issues of the owner's repositories on
 * this host: "Todo" (nobody assigned) and "In Progress" (assigned). Mirrors the board's stable hooks as Projects
 * extensions read them: columns `[data-board-column]`, cards `[data-board-card-id]` (also
 * `data-testid="board-view-column-card"`), the title `h3[id^="board-card-title-"]` wrapping the item link, fields as
 * `ul[aria-label="Fields"]` of `figure`s captioned by field name. The surrounding app shell is approximate.
 * Opening an item here is a full navigation (the real board opens a side pane instead).
 */
export function projectBoardPage(scope: PageScope, owner: string, repos: readonly GhRepo[]): string {
  const open = repos.flatMap((repo) => repo.issues.filter((i) => !i.pull && i.state === 'open').map((item) => ({ repo, item })));
  const columns: Column[] = [
    { name: 'Todo', items: open.filter(({ item }) => item.assignees.length === 0) },
    { name: 'In Progress', items: open.filter(({ item }) => item.assignees.length > 0) },
    { name: 'Done', items: [] },
  ];
  return renderDocument(scope, {
    title: `Delivery board · ${owner}`,
    fixture: 'github project board — Projects (v2) board view, 2024–2026',
    routePattern: '/orgs/:org/projects/:number(.:format)',
    main: html`<div class="container-xl p-responsive">
  <h1 class="h2">Delivery board</h1>
  ${views(owner, 'board')}
  <div data-hpc="true" class="board-view" role="application" aria-label="Board" style="display:flex;gap:8px;overflow:auto">
    ${columns.map((column, index) => boardColumn(scope, column, index))}
  </div>
</div>`,
  });
}

function boardColumn(scope: PageScope, column: Column, index: number): SafeHtml {
  return html`<div data-board-column="${column.name}" data-testid="board-view-column" data-board-column-id="${index + 1}">
  <h2 class="h4">${column.name} <span data-component="counter">${column.items.length}</span></h2>
  <div role="list" aria-label="${column.name}">${column.items.map(({ repo, item }) => boardCard(scope, repo, item))}</div>
</div>`;
}

function boardCard(scope: PageScope, repo: GhRepo, item: GhIssue): SafeHtml {
  const cardId = `PVTI_lADOB${item.id}`;
  const state = itemState(item);
  return html`<div role="listitem" data-board-card-id="${cardId}" data-testid="board-view-column-card" tabindex="0">
  <div class="color-fg-muted">${octicon(state.icon, 'color-fg-open')} ${repo.name} #${item.number}</div>
  <h3 id="board-card-title-${cardId}"><a href="${scope.origin}${itemPath(repo, item)}" data-hovercard-type="issue" data-hovercard-url="${itemPath(repo, item)}/hovercard"><span class="markdown-title">${item.title}</span></a></h3>
  <ul aria-label="Fields">
    ${item.assignees.length === 0 ? '' : html`<li><figure><figcaption>Assignees</figcaption>${item.assignees.map((login) => avatar(login, 20))}</figure></li>`}
    ${labelsOf(repo, item).map((label) => html`<li><figure><figcaption>Labels: ${label.name}</figcaption><span class="IssueLabel" style="${labelStyle(label)}">${label.name}</span></figure></li>`)}
  </ul>
</div>`;
}

function views(owner: string, current: 'board' | 'table'): SafeHtml {
  return html`<nav aria-label="Views"><a href="/orgs/${owner}/projects/1/views/1"${current === 'board' ? html` aria-current="page"` : ''}>Board</a> <a href="/orgs/${owner}/projects/1/views/2"${current === 'table' ? html` aria-current="page"` : ''}>Table</a></nav>`;
}

/**
 * `/orgs/<owner>/projects/1/views/2`: the same project as a table (Projects v2 table layout, 2023–2026). Mirrors the
 * hooks a Projects table extension reads: `[data-testid="table-root"]` holding `[role="row"]` rows of
 * `[role="gridcell"]` cells whose `data-testid` names the column (`TableCell{row: 3, column: Title}`), the item link
 * inside the Title cell. Every open issue and PR of the owner's repositories, one row each.
 */
export function projectTablePage(scope: PageScope, owner: string, repos: readonly GhRepo[]): string {
  const open = repos.flatMap((repo) => repo.issues.filter((i) => i.state === 'open').map((item) => ({ repo, item })));
  return renderDocument(scope, {
    title: `Delivery board · ${owner}`,
    fixture: 'github project table — Projects (v2) table view, 2023–2026',
    routePattern: '/orgs/:org/projects/:number/views/:view(.:format)',
    main: html`<div class="container-xl p-responsive">
  <h1 class="h2">Delivery board</h1>
  ${views(owner, 'table')}
  <div data-testid="table-root" role="grid" aria-label="Delivery board" aria-rowcount="${open.length + 1}">
    <div role="row" data-testid="table-header"><div role="columnheader">Title</div><div role="columnheader">Assignees</div><div role="columnheader">Status</div></div>
    ${open.map(({ repo, item }, index) => tableRow(scope, repo, item, index + 1))}
  </div>
</div>`,
  });
}

function tableRow(scope: PageScope, repo: GhRepo, item: GhIssue, row: number): SafeHtml {
  const state = itemState(item);
  return html`<div role="row" aria-rowindex="${row + 1}" data-testid="TableRow{index: ${row}}" style="display:grid;grid-template-columns:3fr 1fr 1fr">
  <div role="gridcell" data-testid="TableCell{row: ${row}, column: Title}">${octicon(state.icon, 'color-fg-open')} <a href="${scope.origin}${itemPath(repo, item)}" data-hovercard-type="${item.pull ? 'pull_request' : 'issue'}"><span class="markdown-title">${item.title}</span></a> <span class="color-fg-muted">${repo.name} #${item.number}</span></div>
  <div role="gridcell" data-testid="TableCell{row: ${row}, column: Assignees}">${item.assignees.map((login) => avatar(login, 20))}</div>
  <div role="gridcell" data-testid="TableCell{row: ${row}, column: Status}">${item.assignees.length === 0 ? 'Todo' : 'In Progress'}</div>
</div>`;
}
