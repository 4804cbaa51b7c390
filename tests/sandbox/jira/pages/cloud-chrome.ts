import type { JiraProject, JiraSite } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { boardOfProject, boardPath, projectIssuesPath } from './site.ts';

export type CloudSection = 'backlog' | 'board' | 'list' | 'issue' | 'search';

/**
 * Jira Cloud's page frame (2025–2026 navigation): `#jira-frontend` › `[data-testid="page-layout.root"]` with the top
 * navigation, the sidebar, `main#ak-main-content`, and the slot the preview panel opens into. `page-layout.root` and
 * the panel being its grandchild come from a 2026 live-DOM survey of the board preview panel (public notes found via
 * find_string "preview panel", stored file 57772441650); `#ak-main-content` is what board extensions scope cards to.
 */
export function cloudFrame(site: JiraSite, project: JiraProject | null, section: CloudSection, main: SafeHtml, aside: SafeHtml | null = null): SafeHtml {
  return html`<div id="jira-frontend">
<div data-testid="page-layout.root">
<header data-testid="page-layout.top-nav" role="banner" class="top-nav">
  <button type="button" aria-label="Switch apps">▦</button>
  <a class="product" href="/jira/for-you" aria-label="Go to your Jira homepage">Jira</a>
  <div role="search"><input type="search" placeholder="Search" aria-label="Search"></div>
  <button type="button" class="create">+ Create</button>
  <button type="button" aria-label="Notifications">•</button>
  <span class="avatar avatar-small" role="img" aria-label="Your profile and settings" data-initials="AR"></span>
</header>
<nav data-testid="page-layout.sidebar" aria-label="Sidebar" class="sidebar">
  <a href="/jira/for-you">For you</a>
  <a href="/jira/your-work">Recent</a>
  <a href="/issues/" ${section === 'search' ? html`aria-current="page"` : ''}>Filters</a>
  <h2>Spaces</h2>
  ${site.projects.map((p) => projectLinks(site, p, p.key === project?.key ? section : null))}
</nav>
<main id="ak-main-content" data-testid="page-layout.main" aria-label="Main content">
${main}
</main>
${aside}
</div>
</div>`;
}

function projectLinks(site: JiraSite, project: JiraProject, current: CloudSection | null): SafeHtml {
  const board = boardOfProject(site, project.key);
  const here = (section: CloudSection) => (current === section ? html`aria-current="page"` : '');
  const boardHref = board ? boardPath(site, board) : projectIssuesPath(site, project.key);
  if (current === null) return html`<a href="${boardHref}">${project.name}</a>`;
  return html`<a href="${boardHref}">${project.name}</a>
  <div class="nested">
    ${board?.type === 'scrum' ? html`<a href="${boardHref}/backlog" ${here('backlog')}>Backlog</a>` : ''}
    <a href="${boardHref}" ${here('board')}>Board</a>
    <a href="${projectIssuesPath(site, project.key)}" ${here('list')}>List</a>
  </div>`;
}
