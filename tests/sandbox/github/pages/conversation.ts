import type { GhComment, GhIssue } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { itemPath, repoPath, type RepoScope } from './context.ts';
import { avatar, commentCount, itemState, labelStyle, labelsOf, markdown, milestoneOf, octicon, relativeTime, shortDate } from './format.ts';

/** The parts an issue or pull request page shares between GitHub's React views and the Rails conversation view. */

export interface SidebarSection {
  readonly heading: string;
  readonly body: SafeHtml;
}

/** A list URL filtered like GitHub's sidebar links do (`state:open label:"bug"`). */
export function listFilterHref(scope: RepoScope, item: GhIssue, filter: string): string {
  const list = item.pull ? 'pulls' : 'issues';
  const q = `${item.pull ? 'is:pr' : 'is:issue'} state:open ${filter}`;
  return `${repoPath(scope.repo)}/${list}?q=${encodeURIComponent(q)}`;
}

/** Other items of the repository linked to this one: the PRs closing an issue, or the issues a PR closes. */
export function linkedItems(scope: RepoScope, item: GhIssue): GhIssue[] {
  if (item.pull) return item.pull.closes.map((n) => scope.repo.issues.find((i) => i.number === n)).filter((i): i is GhIssue => i !== undefined);
  return scope.repo.issues.filter((i) => i.pull?.closes.includes(item.number));
}

/** An in-repository link to another item, the kind GitHub soft-navigates to. */
export function itemLink(scope: RepoScope, item: GhIssue): SafeHtml {
  const state = itemState(item);
  return html`<a href="${itemPath(scope.repo, item)}" class="Link--primary" data-hovercard-type="${item.pull ? 'pull_request' : 'issue'}" data-hovercard-url="${itemPath(scope.repo, item)}/hovercard">${octicon(state.icon, `color-fg-${state.tone === 'draft' ? 'muted' : state.tone}`)} ${item.title} <span class="color-fg-muted">#${item.number}</span></a>`;
}

export function sidebarSections(scope: RepoScope, item: GhIssue, labelClass: 'react' | 'rails'): SidebarSection[] {
  const labels = labelsOf(scope.repo, item);
  const milestone = milestoneOf(scope.repo, item);
  const linked = linkedItems(scope, item);
  return [
    {
      heading: 'Assignees',
      body:
        item.assignees.length === 0
          ? html`<span class="color-fg-muted">No one assigned</span>`
          : html`<ul class="list-style-none">${item.assignees.map((login) => html`<li><a href="/${login}" class="assignee Link--primary" data-hovercard-type="user" data-hovercard-url="/users/${login}/hovercard">${avatar(login, 20)} <span class="css-truncate-target">${login}</span></a></li>`)}</ul>`,
    },
    {
      heading: 'Labels',
      body:
        labels.length === 0
          ? html`<span class="color-fg-muted">No labels</span>`
          : html`<div class="js-issue-labels d-flex flex-wrap">${labels.map((label) =>
              labelClass === 'react'
                ? html`<a class="prc-Token-IssueLabel-9bxX2" href="${listFilterHref(scope, item, `label:"${label.name}"`)}" style="${labelStyle(label)}" title="${label.description ?? label.name}"><span class="prc-Token-Text-8l9NR">${label.name}</span></a>`
                : html`<a class="IssueLabel hx_IssueLabel" data-name="${label.name}" href="${repoPath(scope.repo)}/labels/${encodeURIComponent(label.name)}" style="${labelStyle(label)}">${label.name}</a>`,
            )}</div>`,
    },
    { heading: 'Projects', body: html`<span class="color-fg-muted">None yet</span>` },
    {
      heading: 'Milestone',
      body: milestone
        ? html`<a href="${repoPath(scope.repo)}/milestone/${milestone.number}" class="Link--secondary milestone-name" title="${milestone.title}"><strong>${milestone.title}</strong></a>${milestone.dueOn === null ? '' : html`<div class="color-fg-muted">Due by ${shortDate(milestone.dueOn)}</div>`}`
        : html`<span class="color-fg-muted">No milestone</span>`,
    },
    {
      heading: 'Development',
      body:
        linked.length === 0
          ? html`<span class="color-fg-muted">${item.pull ? 'Successfully merging this pull request may close these issues.' : 'No branches or pull requests'}</span>`
          : html`${item.pull ? html`<p class="color-fg-muted">Successfully merging this pull request may close these issues.</p>` : ''}<ul class="list-style-none">${linked.map((other) => html`<li>${itemLink(scope, other)}</li>`)}</ul>`,
    },
  ];
}

/** React views: `[data-testid="issue-viewer-metadata-pane"]` of `[data-testid="sidebar-section"]`s. */
export function reactSidebar(sections: readonly SidebarSection[]): SafeHtml {
  return html`<div data-testid="issue-viewer-metadata-container" class="IssueViewer-module__metadataContainer--uH9sZ">
  <div data-testid="issue-viewer-metadata-pane" class="IssueMetadata-module__metadataPane--hlZyV">
    <h2 class="sr-only">Metadata</h2>
    ${sections.map((s) => html`<div data-testid="sidebar-section" class="SidebarSection-module__sidebarSection--cA2mm"><h3 class="SidebarSection-module__heading--wVYh1">${s.heading}</h3>${s.body}</div>`)}
  </div>
</div>`;
}

/** Rails: `#partial-discussion-sidebar` of `.discussion-sidebar-item`s. */
export function railsSidebar(sections: readonly SidebarSection[]): SafeHtml {
  return html`<div id="partial-discussion-sidebar" class="js-socket-channel js-updatable-content">
  ${sections.map((s) => html`<div class="discussion-sidebar-item js-discussion-sidebar-item"><div class="discussion-sidebar-heading text-bold">${s.heading}</div>${s.body}</div>`)}
</div>`;
}

/** Comments GitHub shows: everything but Stint's markers is text; the markers live in hidden HTML comments. */
export function reactComment(comment: GhComment): SafeHtml {
  return html`<div class="react-issue-comment ActivityItem-module__comment--gjgNh" id="issuecomment-${comment.id}">
  <div data-testid="comment-header" class="ActivityHeader-module__header--Fv7eI">
    <a data-testid="avatar-link" href="/${comment.user}" data-hovercard-url="/users/${comment.user}/hovercard">${avatar(comment.user, 20)} ${comment.user}</a>
    commented <a href="#issuecomment-${comment.id}" class="Link--secondary">${relativeTime(comment.createdAt)}</a>
  </div>
  <div data-testid="markdown-body" class="markdown-body">${markdown(comment.body)}</div>
</div>`;
}

export function railsComment(comment: GhComment): SafeHtml {
  return html`<div class="js-timeline-item js-timeline-progressive-focus-container">
  <div class="TimelineItem js-comment-container">
    <div class="avatar-parent-child TimelineItem-avatar d-none d-md-block"><a class="d-inline-block" data-hovercard-type="user" href="/${comment.user}">${avatar(comment.user, 40)}</a></div>
    <div class="timeline-comment-group js-minimizable-comment-group" id="issuecomment-${comment.id}">
      <div class="timeline-comment unminimized-comment comment previewable-edit js-task-list-container js-comment">
        <div class="timeline-comment-header clearfix d-flex"><h3 class="f5 text-normal"><strong><a class="author Link--primary text-bold" data-hovercard-type="user" href="/${comment.user}">${comment.user}</a></strong>
          commented <a href="#issuecomment-${comment.id}" class="Link--secondary js-timestamp">${relativeTime(comment.createdAt)}</a></h3></div>
        <div class="edit-comment-hide"><div class="comment-body markdown-body js-comment-body">${markdown(comment.body)}</div></div>
      </div>
    </div>
  </div>
</div>`;
}

/** The Rails conversation header (`#partial-discussion-header`), shared by issues and pull requests. */
export function railsHeader(scope: RepoScope, item: GhIssue): SafeHtml {
  const state = itemState(item);
  // Rails paints merged PRs and completed issues alike (`State--merged`, purple).
  const stateClass = state.tone === 'done' ? 'merged' : state.tone;
  const summary = item.pull
    ? html`<a class="author Link--secondary text-bold css-truncate css-truncate-target expandable" data-hovercard-type="user" href="/${item.user}">${item.user}</a>
      ${item.pull.mergedAt === null ? 'wants to merge into' : 'merged commits into'}
      <span title="${scope.repo.owner.login}/${scope.repo.name}:${item.pull.baseRef}" class="commit-ref css-truncate user-select-contain expandable base-ref"><a href="${repoPath(scope.repo)}/tree/${item.pull.baseRef}" class="no-underline"><span class="css-truncate-target">${item.pull.baseRef}</span></a></span>
      from <span title="${scope.repo.owner.login}/${scope.repo.name}:${item.pull.headRef}" class="commit-ref css-truncate user-select-contain expandable head-ref"><a href="${repoPath(scope.repo)}/tree/${item.pull.headRef}" class="no-underline"><span class="css-truncate-target">${item.pull.headRef}</span></a></span>`
    : html`<a class="author text-bold Link--secondary" data-hovercard-type="user" href="/${item.user}">${item.user}</a> opened this issue ${relativeTime(item.createdAt)} · ${commentCount(item.comments.length)}`;
  return html`<div id="partial-discussion-header" class="gh-header mb-3 js-details-container Details js-socket-channel js-updatable-content${item.pull ? ' pull request js-pull-header-details' : ' issue'}"${item.pull ? html` data-pull-is-open="${String(item.state === 'open')}"` : ''}>
  <div class="gh-header-show">
    <div class="d-flex flex-column flex-md-row">
      <div class="gh-header-actions mt-0 mb-3 mb-md-2 ml-0 flex-md-order-1 flex-shrink-0 d-flex flex-items-center gap-1">
        <button type="button" class="Button--secondary Button--small Button js-details-target js-title-edit-button" aria-label="Edit ${item.pull ? 'Pull Request' : 'Issue'} title">Edit</button>
        ${item.pull ? html`<button type="button" class="Button--primary Button--small Button">Code</button>` : html`<a class="Button--primary Button--small Button" href="${repoPath(scope.repo)}/issues/new/choose">New issue</a>`}
      </div>
      <h1 class="gh-header-title mb-2 lh-condensed f1 mr-0 flex-auto wb-break-word">
        <bdi class="js-issue-title markdown-title">${item.title}</bdi>
        <span class="f1-light color-fg-muted">#${item.number}</span>
      </h1>
    </div>
  </div>
  <div class="gh-header-edit mb-2" hidden><input id="issue_title" class="form-control" value="${item.title}" aria-label="Title"></div>
  <div class="d-flex flex-items-center flex-wrap mt-0 gh-header-meta">
    <div class="flex-shrink-0 mb-2 flex-self-start flex-md-self-center"><span title="Status: ${state.label}" class="State State--${stateClass} d-flex flex-items-center">${octicon(state.icon)} ${state.label}</span></div>
    <div class="flex-auto min-width-0 mb-2">${summary}</div>
  </div>
  <div class="js-sticky js-position-sticky gh-header-sticky" hidden>
    <div class="sticky-content"><h1 class="d-flex text-bold f5"><a class="js-issue-title css-truncate css-truncate-target Link--primary width-fit markdown-title js-smoothscroll-anchor" href="#top">${item.title}</a><span class="gh-header-number color-fg-muted pl-1">#${item.number}</span></h1></div>
  </div>
</div>`;
}

/** The Rails timeline: the opening post, then comments (`.js-discussion` in `#discussion_bucket`). */
export function railsDiscussion(item: GhIssue, sidebar: readonly SidebarSection[]): SafeHtml {
  const opening: GhComment = { id: item.id, nodeId: '', user: item.user, body: item.body, createdAt: item.createdAt, updatedAt: item.updatedAt };
  return html`<div class="Layout Layout--flowRow-until-md Layout--sidebarPosition-end Layout--sidebarPosition-flowRow-end">
  <div class="Layout-main">
    <div id="discussion_bucket" class="pull-discussion-timeline js-pull-discussion-timeline js-quote-selection-container">
      <div class="js-discussion js-socket-channel" id="issue-${item.id}">
        ${railsComment(opening)}
        ${item.comments.map((c) => railsComment(c))}
      </div>
      <div id="partial-new-comment-form-actions"><textarea name="comment[body]" id="new_comment_field" aria-label="Comment body" placeholder="Leave a comment"></textarea></div>
    </div>
  </div>
  <div class="Layout-sidebar">${railsSidebar(sidebar)}</div>
</div>`;
}
