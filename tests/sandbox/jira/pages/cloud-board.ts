import type { JiraBoard, JiraIssue, JiraSite, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { cloudFrame } from './cloud-chrome.ts';
import { cloudIssueLayout } from './cloud-issue.ts';
import { renderDocument, type ColorMode } from './document.ts';
import { avatar, jiraDuration, person, priorityIcon, typeIcon } from './format.ts';
import { activeSprint, boardIssues, boardPath, COLUMNS, issueByKey, projectByKey } from './site.ts';

export const CLOUD_BOARD_FIXTURE = 'jira board — Jira Cloud board with the work item preview panel (?selectedIssue=KEY), 2025–2026';

/**
 * The Jira Cloud board (`/jira/software/[c/]projects/KEY/boards/ID`). Hooks, nesting and evidence:
 * - columns `platform-board-kit.ui.column.draggable-column.styled-wrapper` with
 *   `platform-board-kit.common.ui.column-header.header.column-header-container` and a name ending `column-title.column-name`
 *   inside `platform-board-kit.ui.board.scroll.board-scroll` (public board extensions, found via find_string
 *   "platform-board-kit.ui.card.card"; stored files 55688490552, 6748742466);
 * - each card `div[data-testid="platform-board-kit.ui.card.card"]` with `id="card-KEY"`,
 *   `data-component-selector="platform-board-kit.ui.card-container"`, the focus container
 *   `platform-card.ui.card.focus-container` whose aria-label is "KEY summary. Use the enter key to load the work item.",
 *   content sections `data-component-selector="platform-card.ui.card.card-content.content-section"`, the footer
 *   `platform-card.ui.card.card-content.footer` and the key `div[data-testid="platform-card.common.ui.key.key"]`
 *   containing `<a href="/browse/KEY" target="_blank">` (a 2026 live-DOM survey, stored file 57820147188, and a real
 *   card's outerHTML saved in public notes, stored file 61987877531);
 * - with `?selectedIssue=KEY` the preview panel `section[data-testid="preview-panels.preview-panel"]` next to main, its
 *   header `platform-issue-preview-panel.preview-panel-header` (with the "Open in new tab" link
 *   `platform-issue-preview-panel.preview-panel-new-tab-link` before the breadcrumbs in DOM order) and the same work item
 *   layout as `/browse` (2026 live-DOM survey of the panel, stored file 57772441650: no `[role="dialog"]` any more).
 */
export function cloudBoardPage(data: SandboxData, site: JiraSite, board: JiraBoard, selectedKey: string | null, colorMode: ColorMode): string {
  const project = projectByKey(site, board.projectKey);
  const selected = selectedKey ? issueByKey(site, selectedKey) : null;
  const sprint = board.type === 'scrum' ? activeSprint(site, board) : null;
  const issues = boardIssues(site, board);
  const main = html`<div class="board-header">
  <nav aria-label="Breadcrumbs" class="breadcrumbs"><ol><li><a href="/jira/projects">Spaces</a></li><li><a href="${boardPath(site, board)}">${project?.name ?? board.projectKey}</a></li></ol></nav>
  <h1>${sprint ? sprint.name : `${board.projectKey} board`}</h1>
  ${sprint ? html`<p>${sprint.goal}</p>` : ''}
  <div role="search" aria-label="Filter board"><input type="search" placeholder="Search board" aria-label="Search board"> <button type="button">Epic</button> <button type="button">Type</button> ${sprint ? html`<button type="button">Complete sprint</button>` : ''}</div>
</div>
<div data-test-id="software-board.board" data-testid="software-board.board-container.board-content">
  <div data-testid="platform-board-kit.ui.board.scroll.board-scroll" class="board-scroll">
    ${COLUMNS.map((column) => columnHtml(data, site, column, issues.filter((issue) => issue.status.category === column.category)))}
  </div>
</div>`;
  return renderDocument({
    flavour: 'cloud',
    fixture: CLOUD_BOARD_FIXTURE,
    title: selected ? `[${selected.key}] ${selected.summary} - ${board.name} - Jira` : `${board.name} - Agile board - Jira`,
    colorMode,
    body: cloudFrame(site, project, 'board', main, selected ? previewPanel(data, site, selected) : null),
  });
}

function columnHtml(data: SandboxData, site: JiraSite, column: (typeof COLUMNS)[number], cards: JiraIssue[]): SafeHtml {
  return html`<div data-testid="platform-board-kit.ui.column.draggable-column.styled-wrapper" class="column">
  <div data-testid="platform-board-kit.common.ui.column-header.header.column-header-container" class="column-header">
    <h2 data-testid="platform-board-kit.common.ui.column-header.editable-title.column-title.column-name">${column.name}</h2><span>${cards.length}</span>
  </div>
  <div role="list" aria-label="${column.name}">${cards.map((issue) => card(data, site, issue))}</div>
</div>`;
}

function card(data: SandboxData, site: JiraSite, issue: JiraIssue): SafeHtml {
  const parent = issue.parentKey ? issueByKey(site, issue.parentKey) : null;
  const assignee = person(data, issue.assignee);
  return html`<div role="listitem" data-testid="software-context-menu.ui.context-menu.children-wrapper">
<div data-testid="platform-board-kit.ui.card.card" id="card-${issue.key}" data-component-selector="platform-board-kit.ui.card-container" aria-describedby="card-description-${issue.key}" class="card">
  <div data-testid="platform-card.ui.card.focus-container" role="button" tabindex="0" aria-label="${issue.key} ${issue.summary}. Use the enter key to load the work item.">
    <div data-component-selector="platform-card.ui.card.card-content.content-section"><span data-testid="issue-field-single-line-text-readview-card.ui.single-line-text.container.box" class="card-summary">${issue.summary}</span></div>
    ${parent ? html`<div data-component-selector="platform-card.ui.card.card-content.content-section"><span class="epic-lozenge">${parent.summary}</span></div>` : ''}
    <div data-component-selector="platform-card.ui.card.card-content.content-section" data-testid="platform-card.ui.card.card-content.footer">
      <div class="card-footer">
        ${typeIcon(issue.issueType)}
        <div data-testid="platform-card.common.ui.key.key"><a href="/browse/${issue.key}" target="_blank">${issue.key}</a></div>
        <span class="spacer"></span>
        ${issue.originalEstimateSeconds === null ? '' : html`<span class="badge" aria-label="Original estimate">${jiraDuration(issue.originalEstimateSeconds)}</span>`}
        <div data-testid="platform-card.common.ui.priority.icon">${priorityIcon(issue.priority)}</div>
        <div data-testid="software-board.board-container.board.card-container.card.assignee-field.button">${avatar(assignee)}</div>
      </div>
    </div>
  </div>
  <span id="card-description-${issue.key}" hidden>${issue.issueType}, ${issue.status.name}${assignee ? `, assigned to ${assignee.name}` : ', unassigned'}</span>
</div>
</div>`;
}

/**
 * The preview panel: header first (its "Open in new tab" link precedes the breadcrumbs in DOM order), then the item.
 * The backlog's panel has no Expand button (stored file 57772441650 §3.2).
 */
export function previewPanel(data: SandboxData, site: JiraSite, issue: JiraIssue, { expand = true }: { readonly expand?: boolean } = {}): SafeHtml {
  return html`<section data-testid="preview-panels.preview-panel" aria-label="Work item preview">
  <div data-testid="platform-issue-preview-panel.preview-panel-header">
    <span class="title">Jira work item</span>
    <a data-testid="platform-issue-preview-panel.preview-panel-new-tab-link" href="/browse/${issue.key}" target="_blank">Open in new tab<span hidden>, (opens new window)</span></a>
    ${expand ? html`<button type="button" aria-label="Expand">⤢</button>` : ''}
    <button type="button" aria-label="Close">✕</button>
  </div>
  <div class="preview-body">${cloudIssueLayout(data, site, issue, true)}</div>
</section>`;
}
