import type { JiraProject, JiraSite } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { boardOfProject } from './site.ts';

/** The DC agile board URL: `/secure/RapidBoard.jspa?rapidView=ID&projectKey=KEY`. */
export function rapidBoardPath(site: JiraSite, projectKey: string): string {
  const board = boardOfProject(site, projectKey);
  return board ? `/secure/RapidBoard.jspa?rapidView=${board.id}&projectKey=${projectKey}` : `/browse/${projectKey}`;
}

/**
 * Jira Data Center's page frame (AUI, Jira 9/10): `header#header[role="banner"]` with `nav.aui-header`, `#content` with
 * the project sidebar `.aui-sidebar.projects-sidebar` and `.aui-page-panel`. DC pages are full page loads.
 */
export function dcFrame(site: JiraSite, project: JiraProject | null, content: SafeHtml): SafeHtml {
  return html`<div id="page">
<header id="header" role="banner">
  <nav class="aui-header aui-dropdown2-trigger-group" role="navigation" aria-label="Site">
    <div class="aui-header-primary">
      <span id="logo" class="aui-header-logo"><a href="/secure/MyJiraHome.jspa"><span class="aui-header-logo-device">${site.serverTitle}</span></a></span>
      <ul class="aui-nav">
        <li><a href="/secure/Dashboard.jspa" id="home_link">Dashboards</a></li>
        <li><a href="/browse/" id="browse_link">Projects</a></li>
        <li><a href="/issues/" id="find_link">Issues</a></li>
        <li><a href="/secure/RapidBoard.jspa" id="greenhopper_menu">Boards</a></li>
        <li><a href="/secure/CreateIssue!default.jspa" id="create_link" class="aui-button aui-button-primary">Create</a></li>
      </ul>
    </div>
    <div class="aui-header-secondary"><ul class="aui-nav"><li><form id="quicksearch" role="search" action="/secure/QuickSearch.jspa" method="get"><input id="quickSearchInput" name="searchString" type="search" placeholder="Search" aria-label="Search"></form></li></ul></div>
  </nav>
</header>
<div id="content">
  ${project
    ? html`<div class="aui-sidebar projects-sidebar"><div class="aui-navgroup aui-navgroup-vertical" role="navigation" aria-label="Project">
    <div class="aui-sidebar-group"><strong id="project-name-sidebar">${project.name}</strong></div>
    <ul class="aui-nav">
      <li><a href="${rapidBoardPath(site, project.key)}">Active sprints</a></li>
      <li><a href="/issues/?jql=project%20%3D%20${project.key}">Issues</a></li>
    </ul></div></div>`
    : ''}
  <div class="aui-page-panel"><div class="aui-page-panel-inner"><section class="aui-page-panel-content">
${content}
  </section></div></div>
</div>
</div>`;
}
