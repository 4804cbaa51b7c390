import type { JiraBoard, JiraIssue, JiraSite, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { dcFrame } from './dc-chrome.ts';
import { renderDocument, type ColorMode } from './document.ts';
import { jiraDuration, person, statusLozenge } from './format.ts';
import { activeSprint, boardIssues, COLUMNS, issueByKey, projectByKey, spentSeconds } from './site.ts';

export const DC_BOARD_FIXTURE = 'jira board — Jira Data Center agile board (RapidBoard.jspa) with the detail view, Jira 9–10';

/**
 * Jira Data Center's agile board (`/secure/RapidBoard.jspa?rapidView=ID[&selectedIssue=KEY]`), the older generation of
 * boards: `#ghx-work` › `#ghx-pool-column` › `#ghx-column-headers` (`.ghx-column-title`) and `#ghx-pool` ›
 * `.ghx-swimlane` › `ul.ghx-columns` › `li.ghx-column[data-column-id]` › cards
 * `div.js-issue.ghx-issue[data-issue-key][data-issue-id]` with the key link in `.ghx-key > a[href="/browse/KEY"]` and the
 * summary in `.ghx-summary`. The selected issue opens `#ghx-detail-view` › `#ghx-detail-issue[data-issuekey]` with the
 * key under `.ghx-fieldname-issuekey` and the summary in `[data-field-id="summary"]`. Evidence:
 * jira-helper/jira-helper src/page-objects/BoardPage/BoardPage.cloud.tsx (`.ghx-issue`, `.ghx-key`, `#ghx-pool`,
 * `.ghx-swimlane`, `.ghx-column[data-column-id]`, `[data-issue-key]`), toggl/track-extension src/content/atlassian.js and
 * clockify/browser-extension src/integrations/atlassian.js (`#ghx-detail-issue`, `[data-field-id="summary"]`,
 * `.ghx-fieldname-issuekey a`).
 */
export function dcBoardPage(data: SandboxData, site: JiraSite, board: JiraBoard, selectedKey: string | null, colorMode: ColorMode): string {
  const project = projectByKey(site, board.projectKey);
  const sprint = board.type === 'scrum' ? activeSprint(site, board) : null;
  const issues = boardIssues(site, board);
  const selected = selectedKey ? issueByKey(site, selectedKey) : null;
  const content = html`<div id="ghx-header"><h1 id="ghx-board-name">${board.name}</h1>${sprint ? html`<span id="ghx-sprint-name">${sprint.name}</span>` : ''}</div>
<div id="ghx-work" class="ghx-work" data-rapid-view-id="${board.id}">
  <div id="ghx-pool-column">
    <div id="ghx-column-header-group"><ul id="ghx-column-headers" class="ghx-column-headers">
      ${COLUMNS.map((column, index) => html`<li class="ghx-column" data-id="${index + 1}"><div class="ghx-column-header-flex"><h2 class="ghx-column-title">${column.name}</h2></div></li>`)}
    </ul></div>
    <div id="ghx-pool"><div class="ghx-swimlane ghx-first" swimlane-id="0"><ul class="ghx-columns">
      ${COLUMNS.map((column, index) => html`<li class="ghx-column" data-column-id="${index + 1}">${issues.filter((issue) => issue.status.category === column.category).map((issue) => card(data, issue))}</li>`)}
    </ul></div></div>
  </div>
  ${selected ? detailView(data, site, selected) : ''}
</div>`;
  return renderDocument({
    flavour: 'dc',
    fixture: DC_BOARD_FIXTURE,
    title: `${board.name} - Agile Board - ${site.serverTitle}`,
    colorMode,
    bodyAttributes: html`id="jira" class="aui-layout aui-theme-default ghx-agile page-type-rapidboard"`,
    body: dcFrame(site, project, content),
  });
}

function card(data: SandboxData, issue: JiraIssue): SafeHtml {
  const assignee = person(data, issue.assignee);
  return html`<div class="js-issue ghx-issue js-detailview ghx-has-avatar" data-issue-id="${issue.id}" data-issue-key="${issue.key}">
  <div class="ghx-issue-content"><div class="ghx-issue-fields">
    <div class="ghx-key"><a href="/browse/${issue.key}" title="${issue.key}" class="js-key-link" aria-label="${issue.key}">${issue.key}</a></div>
    <div class="ghx-summary" title="${issue.summary}"><span class="ghx-inner">${issue.summary}</span></div>
  </div></div>
  <div class="ghx-card-footer">
    <div class="ghx-type" title="${issue.issueType}"><span class="type-icon type-${issue.issueType.toLowerCase()}"></span></div>
    ${issue.originalEstimateSeconds === null ? '' : html`<aside class="ghx-corner"><span class="ghx-estimate">${jiraDuration(issue.originalEstimateSeconds)}</span></aside>`}
    ${assignee ? html`<span class="ghx-avatar"><span class="ghx-avatar-img" data-tooltip="Assignee: ${assignee.name}">${assignee.name.slice(0, 1)}</span></span>` : ''}
  </div>
</div>`;
}

function detailView(data: SandboxData, site: JiraSite, issue: JiraIssue): SafeHtml {
  const project = projectByKey(site, issue.projectKey);
  const assignee = person(data, issue.assignee);
  return html`<div id="ghx-detail-view" class="ghx-detail-view" role="complementary" aria-label="Issue detail view">
<div id="ghx-detail-contents"><div id="ghx-detail-issue" class="ghx-detail-issue" data-issueid="${issue.id}" data-issuekey="${issue.key}">
  <div id="ghx-detail-head"><header class="ghx-header">
    <div class="ghx-group">
      <ol class="aui-nav aui-nav-breadcrumbs"><li><a href="/browse/${issue.projectKey}">${project?.name ?? issue.projectKey}</a></li><li class="ghx-fieldname-issuekey"><a href="/browse/${issue.key}" class="issue-link" data-issue-key="${issue.key}">${issue.key}</a></li></ol>
      <div data-field-id="summary" class="ghx-fieldname-summary ghx-editable"><span class="ghx-detail-summary">${issue.summary}</span></div>
    </div>
    <button type="button" class="aui-button aui-button-subtle js-close" aria-label="Close">✕</button>
  </header></div>
  <div id="ghx-detail-body"><ul class="property-list">
    <li><strong class="name">Status:</strong> ${statusLozenge(issue)}</li>
    <li><strong class="name">Assignee:</strong> ${assignee?.name ?? 'Unassigned'}</li>
    <li><strong class="name">Estimate:</strong> ${issue.originalEstimateSeconds === null ? 'Not Specified' : jiraDuration(issue.originalEstimateSeconds)}</li>
    <li><strong class="name">Logged:</strong> ${jiraDuration(spentSeconds(issue))}</li>
  </ul></div>
</div></div>
</div>`;
}
