import type { JiraIssue, JiraSite, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { dcFrame, rapidBoardPath } from './dc-chrome.ts';
import { renderDocument, type ColorMode } from './document.ts';
import { dcDate, descriptionBlocks, jiraDuration, person, statusLozenge } from './format.ts';
import { currentSprint, issueByKey, projectByKey, spentSeconds } from './site.ts';

export const DC_ISSUE_FIXTURE = 'jira issue — Jira Data Center view issue page (/browse/KEY), Jira 9–10';

/**
 * The Jira Data Center (Server) view issue page, the older generation still served by self-hosted Jira:
 * `#issue-content` › `header#stalker.issue-header` › `.issue-header-content` › `.aui-page-header-main` with
 * `ol.aui-nav-breadcrumbs` (`#project-name-val`, `a#key-val.issue-link[data-issue-key]`) and `h1#summary-val`; then
 * `.issue-body-content` with `#details-module` (`#type-val`, `#status-val`, `#priority-val`, labels), `#descriptionmodule`
 * (`#description-val`), and the side column `#viewissuesidebar` with `#peoplemodule` (`#assignee-val`), `#datesmodule`
 * and `#timetrackingmodule`. Evidence: toggl/track-extension src/content/atlassian.js ("Jira 2017 issue page":
 * `.issue-header-content`, `#key-val`, `#summary-val`, `#project-name-val`), clockify/browser-extension
 * src/integrations/atlassian.js (`div#issue-content` › header breadcrumbs `ol` › `h1`), and
 * everii-Group/mocoapp-browser-extension src/js/remoteServices.js (`[id="summary-val"]`, added 2024 for DC).
 */
export function dcIssuePage(data: SandboxData, site: JiraSite, issue: JiraIssue, colorMode: ColorMode): string {
  const project = projectByKey(site, issue.projectKey);
  const content = html`<div class="issue-view">
<div id="issue-content" class="issue-edit-form">
  <header id="stalker" class="issue-header js-stalker">
    <div class="issue-header-content">
      <div class="aui-page-header"><div class="aui-page-header-inner">
        <div class="aui-page-header-image"><span class="aui-avatar aui-avatar-large aui-avatar-project"><span class="aui-avatar-inner">${issue.projectKey}</span></span></div>
        <div class="aui-page-header-main">
          <ol class="aui-nav aui-nav-breadcrumbs">
            <li><a id="project-name-val" href="/browse/${issue.projectKey}">${project?.name ?? issue.projectKey}</a></li>
            ${issue.parentKey ? html`<li><a id="parent_issue_summary" class="issue-link" data-issue-key="${issue.parentKey}" href="/browse/${issue.parentKey}">${issue.parentKey}</a></li>` : ''}
            <li><a class="issue-link" data-issue-key="${issue.key}" href="/browse/${issue.key}" id="key-val" rel="${issue.id}">${issue.key}</a></li>
          </ol>
          <h1 id="summary-val">${issue.summary}</h1>
        </div>
      </div></div>
      <div class="command-bar"><div class="ops-cont"><div class="aui-toolbar2" role="toolbar"><div class="aui-toolbar2-inner"><div class="aui-toolbar2-primary">
        <a id="edit-issue" class="aui-button toolbar-trigger issueaction-edit-issue" href="/secure/EditIssue!default.jspa?id=${issue.id}">Edit</a>
        <a id="footer-comment-button" class="aui-button toolbar-trigger" href="#">Comment</a>
        <a id="log-work" class="aui-button toolbar-trigger issueaction-log-work" href="/secure/CreateWorklog!default.jspa?id=${issue.id}">Log work</a>
      </div></div></div></div></div>
    </div>
  </header>
  <div class="issue-body-content"><div class="aui-group issue-body">
    <div class="aui-item issue-main-column">
      <div id="details-module" class="module toggle-wrap">
        <div id="details-module_heading" class="mod-header"><h4 class="toggle-title">Details</h4></div>
        <div class="mod-content"><ul id="issuedetails" class="property-list two-cols">
          <li class="item"><div class="wrap"><strong class="name">Type:</strong> <span id="type-val" class="value">${issue.issueType}</span></div></li>
          <li class="item item-right"><div class="wrap"><strong class="name">Status:</strong> <span id="status-val" class="value">${statusLozenge(issue)}</span></div></li>
          <li class="item"><div class="wrap"><strong class="name">Priority:</strong> <span id="priority-val" class="value">${issue.priority}</span></div></li>
          <li class="item item-right"><div class="wrap"><strong class="name">Resolution:</strong> <span id="resolution-val" class="value">${issue.resolutionDate === null ? 'Unresolved' : 'Done'}</span></div></li>
          <li class="item full-width"><div class="wrap"><strong class="name">Labels:</strong> <div class="labels-wrap value"><ul class="labels" id="labels-${issue.id}-value">${issue.labels.length > 0 ? issue.labels.map((label) => html`<li><a class="lozenge" href="/issues/?jql=labels%20%3D%20${encodeURIComponent(label)}"><span>${label}</span></a></li>`) : html`<li>None</li>`}</ul></div></div></li>
          <li class="item full-width"><div class="wrap"><strong class="name">Sprint:</strong> <span class="value">${currentSprint(site, issue)?.name ?? 'None'}</span></div></li>
        </ul></div>
      </div>
      <div id="descriptionmodule" class="module toggle-wrap">
        <div id="descriptionmodule_heading" class="mod-header"><h4 class="toggle-title">Description</h4></div>
        <div class="mod-content"><div id="description-val" class="field-ignore-highlight editable-field inactive"><div class="user-content-block">${descriptionBlocks(issue.description)}</div></div></div>
      </div>
      ${dcLinks(site, issue)}
    </div>
    <div id="viewissuesidebar" class="aui-item issue-side-column">
      ${dcPeople(data, issue)}
      <div id="datesmodule" class="module toggle-wrap">
        <div id="datesmodule_heading" class="mod-header"><h4 class="toggle-title">Dates</h4></div>
        <div class="mod-content"><ul class="property-list">
          ${issue.dueDate ? html`<li><strong class="name">Due:</strong> <span id="due-date" class="value"><time datetime="${issue.dueDate}">${issue.dueDate}</time></span></li>` : ''}
          <li><strong class="name">Created:</strong> <span id="created-val" class="value"><time datetime="${new Date(issue.created).toISOString()}">${dcDate(issue.created)}</time></span></li>
          <li><strong class="name">Updated:</strong> <span id="updated-val" class="value"><time datetime="${new Date(issue.updated).toISOString()}">${dcDate(issue.updated)}</time></span></li>
        </ul></div>
      </div>
      ${dcTimeTracking(issue)}
      <div id="greenhopper-agile-issue-web-panel" class="module toggle-wrap"><div class="mod-header"><h4 class="toggle-title">Agile</h4></div><div class="mod-content"><a href="${rapidBoardPath(site, issue.projectKey)}">View on Board</a></div></div>
    </div>
  </div></div>
</div>
</div>`;
  return renderDocument({
    flavour: 'dc',
    fixture: DC_ISSUE_FIXTURE,
    title: `[${issue.key}] ${issue.summary} - ${site.serverTitle}`,
    colorMode,
    bodyAttributes: html`id="jira" class="aui-layout aui-theme-default page-type-navigator"`,
    body: dcFrame(site, project, content),
  });
}

function dcPeople(data: SandboxData, issue: JiraIssue): SafeHtml {
  const assignee = person(data, issue.assignee);
  const reporter = person(data, issue.reporter);
  return html`<div id="peoplemodule" class="module toggle-wrap">
  <div id="peoplemodule_heading" class="mod-header"><h4 class="toggle-title">People</h4></div>
  <div class="mod-content"><ul class="item-details" id="peopledetails">
    <li><dl><dt>Assignee:</dt><dd><span id="assignee-val" class="view-issue-field">${assignee ? html`<span class="user-hover" rel="${assignee.jira.key}">${assignee.name}</span>` : html`<em>Unassigned</em>`}</span></dd></dl></li>
    <li><dl><dt>Reporter:</dt><dd><span id="reporter-val" class="view-issue-field">${reporter?.name ?? 'Anonymous'}</span></dd></dl></li>
  </ul></div>
</div>`;
}

function dcTimeTracking(issue: JiraIssue): SafeHtml {
  const spent = spentSeconds(issue);
  const row = (id: string, label: string, value: string) =>
    html`<dl><dt id="tt_single_text_${id}" class="tt_text">${label}</dt><dd id="tt_single_values_${id}" class="tt_values">${value}</dd></dl>`;
  return html`<div id="timetrackingmodule" class="module toggle-wrap">
  <div id="timetrackingmodule_heading" class="mod-header"><h4 class="toggle-title">Time Tracking</h4></div>
  <div class="mod-content"><div id="tt_single_table_info" class="tt_inner">
    ${row('orig', 'Estimated:', issue.originalEstimateSeconds === null ? 'Not Specified' : jiraDuration(issue.originalEstimateSeconds))}
    ${row('remain', 'Remaining:', issue.remainingEstimateSeconds === null ? 'Not Specified' : jiraDuration(issue.remainingEstimateSeconds))}
    ${row('spent', 'Logged:', spent > 0 ? jiraDuration(spent) : 'Not Specified')}
  </div></div>
</div>`;
}

function dcLinks(site: JiraSite, issue: JiraIssue): SafeHtml | string {
  if (issue.blockedBy.length === 0) return '';
  return html`<div id="linkingmodule" class="module toggle-wrap">
  <div id="linkingmodule_heading" class="mod-header"><h4 class="toggle-title">Issue Links</h4></div>
  <div class="mod-content"><dl class="links-list"><dt title="is blocked by">is blocked by</dt>
  ${issue.blockedBy.map((key) => html`<dd><a class="issue-link link-title" data-issue-key="${key}" href="/browse/${key}">${key}</a> <span class="link-summary">${issueByKey(site, key)?.summary ?? ''}</span></dd>`)}
  </dl></div>
</div>`;
}
