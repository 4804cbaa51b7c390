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
  <nav aria-label="Views"><a href="/orgs/${owner}/projects/1/views/1" aria-current="page">Board</a></nav>
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
