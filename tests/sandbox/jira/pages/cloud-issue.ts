import type { JiraIssue, JiraSite, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { cloudFrame } from './cloud-chrome.ts';
import { renderDocument, type ColorMode } from './document.ts';
import { avatar, descriptionBlocks, jiraDuration, longDateTime, person, priorityIcon, shortDate, statusLozenge, typeIcon } from './format.ts';
import { boardOfProject, boardPath, currentSprint, issueByKey, projectByKey, projectIssuesPath, spentSeconds } from './site.ts';

export const CLOUD_ISSUE_FIXTURE = 'jira issue — Jira Cloud work item view (/browse/KEY), 2025–2026';

/**
 * The Jira Cloud work item ("issue") view as rendered in 2025–2026. The hooks and their nesting:
 * - `issue.views.issue-details.issue-layout.issue-layout` › `container-left` / `container-right`;
 * - breadcrumbs: `…breadcrumbs.breadcrumb-current-issue-container` › `a[data-testid="…breadcrumbs.current-issue.item"]`
 *   (the `<a>` itself carries the testid), parent via `…breadcrumbs.parent-issue.item`;
 * - `h1[data-testid="issue.views.issue-base.foundation.summary.heading"]`;
 * - status: `…foundation.status.status-field-wrapper` › `button[data-testid="issue-field-status.ui.status-view.status-button.status-button"]`;
 * - fields: `issue.issue-view-layout.issue-view-assignee-field.assignee` with `issue-field-heading-styled-field-heading.<field>`.
 * Evidence: everii-Group/mocoapp-browser-extension src/js/remoteServices.js (summary heading); toggl/track-extension
 * issue #2243 (breadcrumb container); a public 2026 live-DOM survey of atlassian.net (stored file 57820147188) for the
 * breadcrumb `<a>`, and a trimmed real work item page (stored file 68976818494) for the status and people fields.
 * Time tracking follows the same `issue-field-heading-styled-field-heading.<fieldId>` pattern (`timetracking`); its
 * exact container testid was not found in public code, so nothing selects on it.
 */
export function cloudIssueLayout(data: SandboxData, site: JiraSite, issue: JiraIssue, compact: boolean): SafeHtml {
  const project = projectByKey(site, issue.projectKey);
  const board = boardOfProject(site, issue.projectKey);
  const projectHref = board ? boardPath(site, board) : projectIssuesPath(site, issue.projectKey);
  const parent = issue.parentKey ? issueByKey(site, issue.parentKey) : null;
  return html`<div data-testid="issue.views.issue-details.issue-layout.issue-layout" class="issue-layout${compact ? ' compact' : ''}">
<div data-testid="issue.views.issue-details.issue-layout.container-left">
  <div id="jira-issue-header" class="issue-header">
    <nav aria-label="Work item breadcrumbs" class="breadcrumbs"><ol>
      <li><a href="${projectHref}">${project?.name ?? issue.projectKey}</a></li>
      ${parent
        ? html`<li><div data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-parent-issue-container"><a data-testid="issue.views.issue-base.foundation.breadcrumbs.parent-issue.item" href="/browse/${parent.key}">${typeIcon(parent.issueType)} <span>${parent.key}</span></a></div></li>`
        : ''}
      <li><div data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container"><a data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item" href="/browse/${issue.key}">${typeIcon(issue.issueType)} <span>${issue.key}</span></a></div></li>
    </ol></nav>
    <div role="toolbar" aria-label="Work item actions">
      <button type="button" aria-label="Watch options">Watch</button>
      <button type="button" aria-label="Share">Share</button>
      <button type="button" aria-label="More actions">…</button>
    </div>
  </div>
  <h1 data-testid="issue.views.issue-base.foundation.summary.heading">${issue.summary}</h1>
  <div role="group" aria-label="Quick add"><button type="button">+ Add</button> <button type="button">Apps</button></div>
  <section class="issue-section" aria-label="Description">
    <h2>Description</h2>
    <div data-testid="issue.views.field.rich-text.description"><div class="ak-renderer-document">${descriptionBlocks(issue.description)}</div></div>
  </section>
  ${linkedItems(site, issue)}
  ${compact ? '' : activity(data, issue)}
</div>
<div data-testid="issue.views.issue-details.issue-layout.container-right">
  <div data-testid="issue.views.issue-base.foundation.status.status-field-wrapper">
    <button type="button" data-testid="issue-field-status.ui.status-view.status-button.status-button" aria-label="${issue.status.name} - Change status"><span data-testid="issue-field-status.ui.status-view.status-button.status-button--text">${issue.status.name}</span></button>
  </div>
  <div class="details">
    <div data-testid="issue-view-layout-group.common.ui.collapsible-group-factory.title"><h2>Details</h2></div>
    ${detailFields(data, site, issue)}
  </div>
  <p class="field-heading">Created ${longDateTime(issue.created)}<br>Updated ${longDateTime(issue.updated)}</p>
</div>
</div>`;
}

function field(id: string, label: string, value: SafeHtml | string, wrapperTestId?: string): SafeHtml {
  return html`<div class="field" ${wrapperTestId ? html`data-testid="${wrapperTestId}"` : ''}>
  <div class="field-heading" data-testid="issue-field-heading-styled-field-heading.${id}"><span>${label}</span></div>
  <div>${value}</div>
</div>`;
}

function detailFields(data: SandboxData, site: JiraSite, issue: JiraIssue): SafeHtml {
  const assignee = person(data, issue.assignee);
  const reporter = person(data, issue.reporter);
  const sprint = currentSprint(site, issue);
  const spent = spentSeconds(issue);
  const remaining = issue.remainingEstimateSeconds ?? 0;
  const total = spent + remaining;
  const percent = total > 0 ? Math.round((spent / total) * 100) : 0;
  return html`${field(
    'assignee',
    'Assignee',
    html`<div data-testid="issue.views.field.user.assignee"><div data-testid="profilecard-next.ui.profilecard.profilecard-trigger">${avatar(assignee)} <span>${assignee?.name ?? 'Unassigned'}</span></div></div>`,
    'issue.issue-view-layout.issue-view-assignee-field.assignee',
  )}
${field('reporter', 'Reporter', html`${avatar(reporter)} <span>${reporter?.name ?? 'Anonymous'}</span>`, 'issue.issue-view-layout.issue-view-reporter-field.reporter')}
${field('labels', 'Labels', issue.labels.length > 0 ? html`${issue.labels.map((label) => html`<a class="lozenge" href="/issues/?jql=labels%20%3D%20${encodeURIComponent(label)}">${label}</a> `)}` : 'None')}
${field('parent', 'Parent', issue.parentKey ? html`<a href="/browse/${issue.parentKey}">${issue.parentKey}</a>` : 'None')}
${field('customfield_10020', 'Sprint', sprint ? html`<a href="${boardHref(site, issue)}">${sprint.name}</a>` : 'None')}
${field('priority', 'Priority', html`${priorityIcon(issue.priority)} ${issue.priority}`)}
${field('duedate', 'Due date', issue.dueDate ?? 'None')}
${field('timeoriginalestimate', 'Original estimate', issue.originalEstimateSeconds === null ? '0m' : jiraDuration(issue.originalEstimateSeconds))}
${field(
  'timetracking',
  'Time tracking',
  html`<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${percent}" aria-label="Time tracking"><span style="width:${percent}%"></span></div>
  <div><span>${spent > 0 ? `${jiraDuration(spent)} logged` : 'No time logged'}</span> · <span>${jiraDuration(remaining)} remaining</span></div>`,
)}`;
}

function boardHref(site: JiraSite, issue: JiraIssue): string {
  const board = boardOfProject(site, issue.projectKey);
  return board ? boardPath(site, board) : projectIssuesPath(site, issue.projectKey);
}

function linkedItems(site: JiraSite, issue: JiraIssue): SafeHtml | string {
  if (issue.blockedBy.length === 0) return '';
  const rows = issue.blockedBy.map((key) => {
    const blocker = issueByKey(site, key);
    return html`<li data-testid="issue.issue-view.views.common.issue-line-card.issue-line-card-view">
  ${blocker ? typeIcon(blocker.issueType) : ''}
  <a data-testid="issue.issue-view.views.common.issue-line-card.issue-line-card-view.key" href="/browse/${key}">${key}</a>
  <a data-testid="issue-field-summary.ui.inline-read.link-item" href="/browse/${key}">${blocker?.summary ?? ''}</a>
  ${blocker ? statusLozenge(blocker) : ''}
</li>`;
  });
  return html`<section class="issue-section" aria-label="Linked work items"><h2>Linked work items</h2><h3>is blocked by</h3><ul>${rows}</ul></section>`;
}

function activity(data: SandboxData, issue: JiraIssue): SafeHtml {
  const logs = [...issue.worklogs].sort((a, b) => b.started - a.started);
  return html`<section class="issue-section" aria-label="Activity">
  <h2>Activity</h2>
  <div role="tablist" aria-label="Activity"><button type="button" role="tab" aria-selected="false">All</button> <button type="button" role="tab" aria-selected="false">Comments</button> <button type="button" role="tab" aria-selected="false">History</button> <button type="button" role="tab" aria-selected="true">Work log</button></div>
  <div role="tabpanel">
  ${logs.length === 0 ? html`<p>No work has yet been logged on this work item.</p>` : ''}
  ${logs.map((log) => {
    const who = person(data, log.personId);
    return html`<div class="worklog" data-worklog-id="${log.id}">${avatar(who)} <strong>${who?.name ?? log.personId}</strong> logged <strong>${jiraDuration(log.timeSpentSeconds)}</strong> <span>${shortDate(log.started)}</span>${log.comment ? html`<p>${log.comment}</p>` : ''}</div>`;
  })}
  </div>
</section>`;
}

export function cloudIssuePage(data: SandboxData, site: JiraSite, issue: JiraIssue, colorMode: ColorMode): string {
  const project = projectByKey(site, issue.projectKey);
  return renderDocument({
    flavour: 'cloud',
    fixture: CLOUD_ISSUE_FIXTURE,
    title: `[${issue.key}] ${issue.summary} - Jira`,
    colorMode,
    body: cloudFrame(site, project, 'issue', cloudIssueLayout(data, site, issue, false)),
  });
}
