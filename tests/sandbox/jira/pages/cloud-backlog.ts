import type { JiraBoard, JiraIssue, JiraSite, JiraSprint, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { previewPanel } from './cloud-board.ts';
import { cloudFrame } from './cloud-chrome.ts';
import { renderDocument, type ColorMode } from './document.ts';
import { avatar, jiraDuration, person, statusLozenge, typeIcon } from './format.ts';
import { boardPath, currentSprint, issueByKey, projectByKey } from './site.ts';

export const CLOUD_BACKLOG_FIXTURE = 'jira backlog — Jira Cloud backlog: sprints and the Backlog as card lists, the work item preview panel (?selectedIssue=KEY), 2025–2026';

/**
 * The Jira Cloud backlog of a scrum board (`/jira/software/[c/]projects/KEY/boards/ID/backlog`). Hooks, nesting and
 * evidence:
 * - the scroll container `software-backlog.backlog-content.scrollable` (backlog extensions observing it, stored files
 *   40679827732, 63343675293, 53123355572; `data-test-id` in an older one, stored file 11298879773);
 * - per section (the active and future sprints, then the Backlog) a header `software-backlog.card-list.container.<sprintId>`
 *   / `…container.BACKLOG` whose toggle is `div[role="button"][data-testid="software-backlog.card-list.left-side"]`
 *   with `aria-expanded` and `aria-controls="backlog-accordion-…"` (sprint-collapsing extensions, stored files
 *   32235995618, 17095860176; section ids, stored file 57716928364). A 2026 survey found the BACKLOG container holding
 *   none of its own rows (stored file 57672543414, §3 and §4.4), so here the rows follow the header as its sibling;
 * - each row `div[data-testid="software-backlog.card-list.card.content-container.KEY"]` › `…card.context-menu.escape-wrapper`
 *   › `platform-context-menu.ui.context-menu.children-wrapper` › `…card.card-contents.card-container`, which holds the
 *   interaction layer `…card-contents.interaction-layer.accessible-card` (aria-label: key and summary), the checkbox,
 *   the type icon, `…card-contents.accessible-card-key` with the screen-reader link (key and summary) and the visible
 *   key `a[data-testid="software-backlog.card-list.card.card-contents.key"][href="/browse/KEY"][aria-hidden="true"]`,
 *   the summary `…summary-field.summary-field-static.content`, status, estimate and the assignee, whose testid drops the
 *   `software-` prefix (a row's outerHTML in the 2026 survey, stored file 57672543414 §4.2; the key cell's outerHTML,
 *   stored file 57829156733);
 * - with `?selectedIssue=KEY` the same preview panel as the board, without its Expand button (2026 live-DOM survey of
 *   the board and backlog panels, stored file 57772441650 §3.2).
 * Deliberate deviations: the real backlog virtualises long lists (only the rows near the viewport are in the DOM); this
 * one renders every row. A kanban board has no backlog here (it is off by default on Jira's kanban boards): 404.
 */
export function cloudBacklogPage(data: SandboxData, site: JiraSite, board: JiraBoard, selectedKey: string | null, colorMode: ColorMode): string {
  const project = projectByKey(site, board.projectKey);
  const selected = selectedKey ? issueByKey(site, selectedKey) : null;
  const sections = backlogSections(site, board);
  const main = html`<div class="board-header">
  <nav aria-label="Breadcrumbs" class="breadcrumbs"><ol><li><a href="/jira/projects">Spaces</a></li><li><a href="${boardPath(site, board)}">${project?.name ?? board.projectKey}</a></li></ol></nav>
  <h1>Backlog</h1>
  <div role="search" aria-label="Filter backlog"><input type="search" placeholder="Search backlog" aria-label="Search backlog"> <button type="button">Epic</button> <button type="button">Type</button></div>
</div>
<div data-testid="software-backlog.backlog-content.scrollable" class="backlog-scroll">
  ${sections.map((section) => sectionHtml(data, site, section))}
</div>`;
  return renderDocument({
    flavour: 'cloud',
    fixture: CLOUD_BACKLOG_FIXTURE,
    title: selected ? `[${selected.key}] ${selected.summary} - ${board.name} - Jira` : `${board.name} - Backlog - Jira`,
    colorMode,
    body: cloudFrame(site, project, 'backlog', main, selected ? previewPanel(data, site, selected, { expand: false }) : null),
  });
}

export interface BacklogSection {
  /** The sprint, or null for the Backlog itself. */
  readonly sprint: JiraSprint | null;
  readonly issues: JiraIssue[];
}

/**
 * What a scrum backlog shows, top to bottom: the active sprint, the future sprints in order, then the Backlog — open
 * work items in no active or future sprint. A sprint shows all its work items, done ones too; epics are not rows.
 */
export function backlogSections(site: JiraSite, board: JiraBoard): BacklogSection[] {
  const own = site.issues.filter((issue) => issue.projectKey === board.projectKey && issue.issueType !== 'Epic');
  const open = site.sprints.filter((sprint) => sprint.boardId === board.id && sprint.state !== 'closed');
  const order = (sprint: JiraSprint) => (sprint.state === 'active' ? 0 : 1);
  const sprints = [...open].sort((a, b) => order(a) - order(b) || a.id - b.id);
  const sprintOf = (issue: JiraIssue) => {
    const sprint = currentSprint(site, issue);
    return sprint && open.includes(sprint) ? sprint : null;
  };
  return [
    ...sprints.map((sprint) => ({ sprint, issues: own.filter((issue) => sprintOf(issue) === sprint) })),
    { sprint: null, issues: own.filter((issue) => sprintOf(issue) === null && issue.status.category !== 'done') },
  ];
}

/** `20 Nov – 4 Dec`, the sprint header's dates (UTC, so the same seed renders the same page everywhere). */
function sprintDates(sprint: JiraSprint): string {
  if (sprint.startDate === null || sprint.endDate === null) return '';
  const day = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${day(sprint.startDate)} – ${day(sprint.endDate)}`;
}

function sectionHtml(data: SandboxData, site: JiraSite, { sprint, issues }: BacklogSection): SafeHtml {
  const id = sprint ? String(sprint.id) : 'BACKLOG';
  const name = sprint ? sprint.name : 'Backlog';
  const action = sprint ? (sprint.state === 'active' ? 'Complete sprint' : 'Start sprint') : 'Create sprint';
  const dates = sprint ? sprintDates(sprint) : '';
  return html`<div class="backlog-section">
  <div data-testid="software-backlog.card-list.container.${id}" class="section-header">
    <div data-testid="software-backlog.card-list.left-side" role="button" tabindex="0" aria-expanded="true" aria-controls="backlog-accordion-${id}">
      <h2>${name}</h2>${dates ? html` <span class="section-meta">${dates}</span>` : ''} <span class="section-meta">(${issues.length} work items)</span>
    </div>
    <button type="button">${action}</button>
  </div>
  <div id="backlog-accordion-${id}" role="list" aria-label="${name}" class="card-list">
    ${issues.map((issue) => row(data, site, issue))}
  </div>
  ${sprint ? '' : html`<button type="button" class="inline-create">+ Create</button>`}
</div>`;
}

function row(data: SandboxData, site: JiraSite, issue: JiraIssue): SafeHtml {
  const parent = issue.parentKey ? issueByKey(site, issue.parentKey) : null;
  const assignee = person(data, issue.assignee);
  const cc = 'software-backlog.card-list.card.card-contents';
  return html`<div data-testid="software-backlog.card-list.card.content-container.${issue.key}" role="listitem">
<div data-testid="software-backlog.card-list.card.context-menu.escape-wrapper">
<div data-testid="platform-context-menu.ui.context-menu.children-wrapper">
<div data-testid="${cc}.card-container" data-component-selector="software-backlog-card-container" class="backlog-card">
  <div data-testid="${cc}.interaction-layer.accessible-card" role="button" tabindex="0" aria-label="${issue.key} ${issue.summary}" class="interaction-layer"></div>
  <div data-testid="${cc}.checkbox"><input type="checkbox" tabindex="-1" aria-label="Select ${issue.key}"></div>
  <div data-testid="${cc}.type-icon.type">${typeIcon(issue.issueType)}</div>
  <div data-testid="${cc}.accessible-card-key" class="backlog-key">
    <a href="/browse/${issue.key}" data-testid="${cc}.screen-reader-key" class="visually-hidden">${issue.key}<div>${issue.summary}</div></a>
    <a tabindex="-1" aria-hidden="true" data-component-selector="${cc}.key" data-is-router-link="true" data-testid="${cc}.key" href="/browse/${issue.key}" target="_self">${issue.key}</a>
  </div>
  <div data-testid="${cc}.summary" class="backlog-summary"><span data-testid="${cc}.summary-field.summary-field-static.content">${issue.summary}</span></div>
  ${parent ? html`<span class="epic-lozenge">${parent.summary}</span>` : ''}
  <div data-testid="${cc}.status-field.status-field-wrapper.status-container">${statusLozenge(issue)}</div>
  <div data-testid="${cc}.estimate-field-wrapper">${issue.originalEstimateSeconds === null ? html`<span class="badge" aria-label="No estimate">-</span>` : html`<span class="badge" aria-label="Original estimate">${jiraDuration(issue.originalEstimateSeconds)}</span>`}</div>
  <div data-testid="backlog.card-list.card.card-contents.assignee-field.assignee-field-static.avatar">${avatar(assignee)}</div>
  <button type="button" aria-label="More actions for ${issue.key} ${issue.summary}" class="more">•••</button>
</div>
</div>
</div>
</div>`;
}
