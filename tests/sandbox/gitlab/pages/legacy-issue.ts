import type { GlIssuable } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { href, type ProjectScope } from './context.ts';
import { glDuration, isoTime, mediumDate, milestoneOf, timeAgo, timeSpent } from './format.ts';
import { projectCrumbs, renderPage } from './layout.ts';
import { labelPills, renderedDescription, stateBadge, userLink, userLinks } from './parts.ts';

/**
 * The older issue page (`?ui=legacy`): GitLab ≤ 17.x's default, and what 18.x still renders for incidents and Service
 * Desk issues (`spec/features/issues/.../unsupported work item types use legacy issue views`: `.issuable-details`, no
 * `.work-item-view`). Structure after `app/views/projects/issues/_details_content.html.haml` (`.issue-details
 * .issuable-details > .detail-page-description > #js-issuable-app`), `issuable_header.vue` (`.detail-page-header`,
 * `[data-testid="issue-state-badge"]`) and `issues/show/components/title.vue`
 * (`h1.title.gl-heading-1[data-testid="issue-title"][dir="auto"]`), with the HAML right sidebar.
 */
export function renderLegacyIssuePage(scope: ProjectScope, item: GlIssuable): string {
  const { project } = scope;
  const listPath = `/${project.pathWithNamespace}/-/issues`;
  return renderPage({
    scope,
    project,
    title: `${item.title} (#${item.iid}) · Issues`,
    dataPage: 'projects:issues:show',
    fixture: 'issue page — legacy issue view (GitLab ≤ 17.x default; 18.x incidents and Service Desk)',
    nav: 'issues',
    crumbs: [...projectCrumbs(scope, project), { text: 'Issues', href: href(scope, listPath) }, { text: `#${item.iid}`, href: href(scope, `${listPath}/${item.iid}`) }],
    content: html`<div class="issue-details issuable-details js-issue-details">
  <div class="detail-page-description content-block js-detail-page-description gl-pt-3 gl-pb-0 gl-border-none">
    <div id="js-issuable-app">
      <div class="detail-page-header gl-flex-col md:gl-flex-row">
        <div class="detail-page-header-body gl-flex-wrap gl-gap-x-2 gl-text-subtle">
          ${stateBadge(item, 'issue-state-badge')}
          <span class="text-subtle">Issue created <time datetime="${isoTime(item.createdAt)}">${timeAgo(scope.data.now, item.createdAt)}</time> by ${userLink(scope, item.author, 'issue-author')}</span>
        </div>
        <div class="detail-page-header-actions gl-flex gl-gap-3 gl-self-center"><button type="button" class="btn gl-button" data-testid="issue-edit-button">Edit</button></div>
      </div>
      <div class="gl-flex gl-flex-col gl-items-start gl-gap-3 gl-pt-3 md:gl-flex-row">
        <h1 class="title gl-heading-1 !gl-m-0" data-testid="issue-title" dir="auto">${item.title}</h1>
      </div>
      <div class="description"><div class="md">${renderedDescription(item.description)}</div></div>
    </div>
  </div>
  <section class="issuable-discussion js-vue-notes-event"><div id="notes"><ul class="notes main-notes-list timeline" id="notes-list">${item.timelogs.map(
    (log) => html`<li class="note system-note timeline-entry">${userLink(scope, log.user, 'note-author')} added ${glDuration(log.timeSpent)} of time spent <time datetime="${isoTime(log.createdAt)}">${timeAgo(scope.data.now, log.createdAt)}</time></li>`,
  )}</ul></div></section>
</div>
${legacySidebar(scope, item, 'Issue')}`,
  });
}

/** The HAML right sidebar issues and merge requests share (`shared/issuable/_sidebar.html.haml`). */
export function legacySidebar(scope: ProjectScope, item: GlIssuable, kind: 'Issue' | 'Merge request'): SafeHtml {
  const { project } = scope;
  const listPath = `/${project.pathWithNamespace}/-/${kind === 'Issue' ? 'issues' : 'merge_requests'}`;
  const milestone = milestoneOf(project, item);
  const spent = timeSpent(item);
  return html`<aside class="right-sidebar right-sidebar-expanded js-right-sidebar" data-testid="issuable-sidebar" aria-label="${kind}">
  <div class="issuable-sidebar">
    <div class="block assignee" data-testid="assignee-block"><span class="title-text">Assignees</span>${userLinks(scope, item.assignees, 'assignee-link', 'None')}</div>
    <div class="block labels js-labels-block" data-testid="sidebar-labels"><span class="title-text">Labels</span><div class="issuable-show-labels">${labelPills(scope, project, item, listPath)}</div></div>
    <div class="block milestone" data-testid="sidebar-milestones"><span class="title-text">Milestone</span>${milestone ? milestone.title : 'None'}</div>
    <div class="block time-tracking" data-testid="time-tracker"><span class="title-text">Time tracking</span>${
      spent === 0 && item.timeEstimate === 0 ? 'No estimate or time spent' : html`Spent: ${glDuration(spent)}${item.timeEstimate > 0 ? html` · Est: ${glDuration(item.timeEstimate)}` : ''}`
    }</div>
    ${kind === 'Issue' ? html`<div class="block due_date" data-testid="sidebar-due-date"><span class="title-text">Due date</span>${item.dueDate ? mediumDate(item.dueDate) : 'None'}</div>` : ''}
  </div>
</aside>`;
}
