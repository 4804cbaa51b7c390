import type { GlIssuable } from '../../data/model.ts';
import { html } from '../../http/html.ts';
import { href, type ProjectScope } from './context.ts';
import { isoTime, personName, timeAgo } from './format.ts';
import { projectCrumbs, renderPage } from './layout.ts';
import { legacySidebar } from './legacy-issue.ts';
import { renderedDescription, stateBadge, userLink } from './parts.ts';

export type MergeRequestTab = 'show' | 'commits' | 'pipelines' | 'diffs';

const TAB_NAMES: Record<MergeRequestTab, string> = { show: 'Overview', commits: 'Commits', pipelines: 'Pipelines', diffs: 'Changes' };

/**
 * The merge request page, GitLab 17.x–18.x (2024–2026), one generation: server-rendered HAML around Vue widgets.
 * After `app/views/projects/merge_requests/_page.html.haml` (`.merge-request[data-mr-action]`, `.merge-request-details
 * .issuable-details`, `ul.merge-request-tabs` with `[data-testid="notes-tab"]` / `[data-testid="diffs-tab"]`,
 * `#notes` and `#js-diffs-app` panes) and `_mr_title.html.haml` (`.detail-page-header > .detail-page-header-body >
 * h1.title.gl-heading-1[data-testid="title-content"]`). All four tabs share one document: switching
 * tabs toggles the panes and pushes the tab's URL, as GitLab's merge request tabs do.
 */
export function renderMergeRequestPage(scope: ProjectScope, mr: GlIssuable, tab: MergeRequestTab): string {
  const { project } = scope;
  const base = `/${project.pathWithNamespace}/-/merge_requests`;
  const mrPath = `${base}/${mr.iid}`;
  const verb = mr.state === 'merged' ? 'merged' : 'requested to merge';
  return renderPage({
    scope,
    project,
    title: `${mr.title} (!${mr.iid}) · Merge requests`,
    dataPage: `projects:merge_requests:${tab}`,
    fixture: `merge request page (${TAB_NAMES[tab]} tab) — GitLab 17.x–18.x, 2024–2026`,
    nav: 'merge_requests',
    crumbs: [...projectCrumbs(scope, project), { text: 'Merge requests', href: href(scope, base) }, { text: `!${mr.iid}`, href: href(scope, mrPath) }],
    content: html`<div class="merge-request" data-mr-action="${tab}" data-url="${mrPath}.json" data-project-path="/${project.pathWithNamespace}">
  <div class="detail-page-header border-bottom-0 gl-block gl-pt-5 sm:!gl-flex is-merge-request" style="display: flex; gap: 12px; align-items: flex-start">
    <div class="detail-page-header-body" style="flex: 1">
      <h1 class="title gl-heading-1 gl-my-0 gl-block gl-grow gl-break-anywhere !gl-m-0" data-testid="title-content">${mr.draft ? 'Draft: ' : ''}${mr.title}</h1>
    </div>
    <div class="detail-page-header-actions gl-self-start is-merge-request js-issuable-actions gl-flex gl-mt-1">
      <a class="btn gl-button js-issuable-edit" data-testid="edit-title-button" href="${href(scope, `${mrPath}/edit`)}">Edit</a>
      <button type="button" class="btn gl-button" data-testid="mr-code-dropdown">Code</button>
    </div>
  </div>
  <div id="js-merge-sticky-header"></div>
  <div class="merge-request-details issuable-details" data-id="${project.id}">
    <div class="detail-page-description gl-pb-4">
      ${stateBadge(mr, 'mr-state-badge')}
      <span class="text-subtle">${userLink(scope, mr.author, 'mr-author')} ${verb}
        <code class="ref-container" data-testid="source-branch">${mr.sourceBranch ?? ''}</code> into
        <code class="ref-container" data-testid="target-branch">${mr.targetBranch ?? ''}</code>
        <time datetime="${isoTime(mr.createdAt)}">${timeAgo(scope.data.now, mr.createdAt)}</time></span>
    </div>
    <div class="merge-request-tabs-holder"><div class="merge-request-tabs-container">
      <ul class="merge-request-tabs nav-tabs nav nav-links">
        <li class="notes-tab${tab === 'show' ? ' active' : ''}" data-testid="notes-tab"><a href="${href(scope, mrPath)}" data-action="show" data-target="#notes">Overview</a></li>
        <li class="commits-tab${tab === 'commits' ? ' active' : ''}" data-testid="commits-tab"><a href="${href(scope, `${mrPath}/commits`)}" data-action="commits" data-target="#commits">Commits</a></li>
        <li class="pipelines-tab${tab === 'pipelines' ? ' active' : ''}"><a href="${href(scope, `${mrPath}/pipelines`)}" data-action="pipelines" data-target="#pipelines">Pipelines</a></li>
        <li class="diffs-tab js-diffs-tab${tab === 'diffs' ? ' active' : ''}" id="diffs-tab" data-testid="diffs-tab"><a href="${href(scope, `${mrPath}/diffs`)}" data-action="diffs" data-target="#js-diffs-app">Changes</a></li>
      </ul>
    </div></div>
    <div class="tab-content" id="diff-notes-app">
      <div class="notes voting_notes tab-pane" id="notes"${tab === 'show' ? '' : html` hidden`}>
        <div class="merge-request-overview"><section>
          <div class="issuable-discussion js-vue-notes-event">
            <div class="detail-page-description gl-pb-0"><div class="description"><div class="md">${renderedDescription(mr.description)}</div></div></div>
            <div class="mr-state-widget" id="widget-state" data-testid="mr-widget">${mr.state === 'merged' ? 'Merged' : mr.state === 'closed' ? 'Closed' : 'Ready to merge'}</div>
            <ul class="notes main-notes-list timeline" id="notes-list">${mr.timelogs.map(
              (log) => html`<li class="note system-note timeline-entry">${personName(scope.data, log.user)} added time spent <time datetime="${isoTime(log.createdAt)}">${timeAgo(scope.data.now, log.createdAt)}</time></li>`,
            )}</ul>
          </div>
        </section></div>
      </div>
      <div class="commits tab-pane" id="commits"${tab === 'commits' ? '' : html` hidden`}><ol class="content-list commit-list"><li class="commit">${mr.title}</li></ol></div>
      <div class="pipelines tab-pane" id="pipelines"${tab === 'pipelines' ? '' : html` hidden`}><p class="text-subtle">No pipelines to show.</p></div>
      <div class="diffs tab-pane" id="js-diffs-app"${tab === 'diffs' ? '' : html` hidden`}>
        <div class="diff-file file-holder" data-testid="diff-file"><div class="file-title">src/${mr.sourceBranch ?? 'change'}.ts</div>
          <pre>+ // ${mr.title}</pre></div>
      </div>
    </div>
  </div>
</div>
${legacySidebar(scope, mr, 'Merge request')}`,
  });
}
