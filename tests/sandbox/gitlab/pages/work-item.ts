import type { GlIssuable } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { href, type ProjectScope } from './context.ts';
import { glDuration, isoTime, iterationOf, mediumDate, milestoneOf, timeAgo, timeSpent } from './format.ts';
import { projectCrumbs, renderPage } from './layout.ts';
import { labelPills, renderedDescription, stateBadge, userLink, userLinks } from './parts.ts';

/**
 * The issue page of the work-items generation: GitLab 17.x behind the "new issue look" preference, the default from
 * 18.x (2025–2026), also served at `/-/work_items/<iid>`. Structure after `app/assets/javascripts/work_items/components/`
 * `work_item_detail.vue` (`div.work-item-detail[data-testid="work-item-detail"] > section.work-item-view`, the title
 * block `[data-testid="work-item-type"]`, `[data-testid="work-item-overview"]` with the right sidebar) and
 * `work_item_title.vue` (`h1[data-testid="work-item-title"] > span`, an `h2` in the drawer). The title carries no
 * `dir="auto"` there (only list rows do), so the right-to-left seeded title relies on the browser's own bidi.
 */
export function renderWorkItemPage(scope: ProjectScope, item: GlIssuable): string {
  const { project } = scope;
  const listPath = `/${project.pathWithNamespace}/-/issues`;
  return renderPage({
    scope,
    project,
    title: `${item.title} (#${item.iid}) · Issues`,
    dataPage: 'projects:issues:show',
    fixture: 'issue page — work items view (GitLab 18.x default, 17.x opt-in), 2025–2026',
    nav: 'issues',
    crumbs: [...projectCrumbs(scope, project), { text: 'Issues', href: href(scope, listPath) }, { text: `#${item.iid}`, href: href(scope, `${listPath}/${item.iid}`) }],
    content: html`<div id="js-work-items" data-full-path="${project.pathWithNamespace}" data-issues-list-path="${href(scope, listPath)}">
${workItemDetail(scope, item, 'h1')}
</div>`,
  });
}

/** The detail view itself; the list's drawer shows the same block with an `h2` title. */
export function workItemDetail(scope: ProjectScope, item: GlIssuable, heading: 'h1' | 'h2'): SafeHtml {
  const title = heading === 'h1'
    ? html`<h1 data-testid="work-item-title" class="gl-heading-1 !gl-m-0 gl-w-full gl-wrap-anywhere"><span>${item.title}</span></h1>`
    : html`<h2 data-testid="work-item-title" class="gl-heading-1 !gl-m-0 gl-w-full gl-wrap-anywhere"><span>${item.title}</span></h2>`;
  return html`<div class="work-item-detail" data-testid="work-item-detail">
  <section class="work-item-view">
    <section class="gl-pt-5">
      <div data-testid="detail-wrapper">
        <div class="gl-block gl-flex-row gl-items-start gl-gap-3 sm:!gl-flex" style="display: flex; gap: 12px; align-items: flex-start">
          <div class="sm:!gl-block gl-w-full" data-testid="work-item-type" style="flex: 1">${title}</div>
          <div class="gl-ml-auto gl-mt-1 gl-flex gl-gap-3 gl-self-start">
            <button type="button" class="btn gl-button" data-testid="work-item-edit-form-button">Edit</button>
            <button type="button" class="btn gl-button" data-testid="work-item-actions-dropdown" aria-label="More actions">⋮</button>
          </div>
        </div>
        <div class="gl-flex gl-items-center gl-gap-3" data-testid="work-item-created">
          ${stateBadge(item, 'work-item-state-badge')}
          <span class="text-subtle">Issue created <time datetime="${isoTime(item.createdAt)}">${timeAgo(scope.data.now, item.createdAt)}</time> by ${userLink(scope, item.author, 'work-item-author')}</span>
        </div>
        <div data-testid="work-item-overview" class="work-item-overview">
          <section>
            <div class="work-item-description" data-testid="work-item-description-wrapper">
              <div class="md" data-testid="work-item-description">${renderedDescription(item.description)}</div>
            </div>
            <div class="work-item-notes" id="work-item-notes" data-testid="work-item-activity">
              <h2 class="gl-font-bold">Activity</h2>
              <ul class="notes main-notes-list timeline">${item.timelogs.map(
                (log) => html`<li class="note system-note timeline-entry"><span class="text-subtle">${userLink(scope, log.user, 'note-author')} added ${glDuration(log.timeSpent)} of time spent <time datetime="${isoTime(log.createdAt)}">${timeAgo(scope.data.now, log.createdAt)}</time></span></li>`,
              )}</ul>
            </div>
          </section>
          <section data-testid="work-item-overview-right-sidebar" class="work-item-overview-right-sidebar">
            <h2 class="gl-sr-only" style="position: absolute; width: 1px; height: 1px; overflow: hidden">Attributes</h2>
            <div class="work-item-attributes-wrapper">${attributes(scope, item)}</div>
          </section>
        </div>
      </div>
    </section>
  </section>
</div>`;
}

function attributes(scope: ProjectScope, item: GlIssuable): SafeHtml {
  const { project } = scope;
  const listPath = `/${project.pathWithNamespace}/-/issues`;
  const milestone = milestoneOf(project, item);
  const iteration = iterationOf(scope.instance, item);
  const spent = timeSpent(item);
  return html`<div class="work-item-attribute" data-testid="work-item-assignees"><span class="sidebar-title">Assignees</span>${userLinks(scope, item.assignees, 'assignee-link', 'None')}</div>
<div class="work-item-attribute" data-testid="work-item-labels"><span class="sidebar-title">Labels</span><div data-testid="selected-label-content">${labelPills(scope, project, item, listPath)}</div></div>
<div class="work-item-attribute" data-testid="work-item-milestone"><span class="sidebar-title">Milestone</span>${
    milestone ? html`<a href="${href(scope, `/${project.pathWithNamespace}/-/milestones/${milestone.iid}`)}" data-testid="work-item-milestone-link">${milestone.title}</a>` : html`<span class="text-subtle">None</span>`
  }</div>
<div class="work-item-attribute" data-testid="work-item-iteration"><span class="sidebar-title">Iteration</span>${
    iteration ? html`<span>${iteration.title}: ${mediumDate(iteration.startDate)} – ${mediumDate(iteration.dueDate)}</span>` : html`<span class="text-subtle">None</span>`
  }</div>
<div class="work-item-attribute" data-testid="work-item-due-dates"><span class="sidebar-title">Dates</span><span>Due: ${item.dueDate ? mediumDate(item.dueDate) : 'None'}</span></div>
<div class="work-item-attribute" data-testid="work-item-time-tracking"><span class="sidebar-title">Time tracking</span><span data-testid="time-tracking-body">${
    spent === 0 && item.timeEstimate === 0
      ? 'Add an estimate or time spent.'
      : html`Spent <span data-testid="time-spent">${glDuration(spent)}</span>${item.timeEstimate > 0 ? html` / Estimate <span data-testid="time-estimate">${glDuration(item.timeEstimate)}</span>` : ''}`
  }</span></div>`;
}
