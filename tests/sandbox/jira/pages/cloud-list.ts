import type { JiraIssue, JiraProject, JiraSite, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { cloudFrame } from './cloud-chrome.ts';
import { renderDocument, type ColorMode } from './document.ts';
import { avatar, person, shortDate, statusLozenge, typeIcon } from './format.ts';
import { PAGE_SIZE, type Page } from './jql.ts';

export const CLOUD_LIST_FIXTURE = 'jira list — Jira Cloud issue navigator, list view (native issue table), 2025–2026';

/**
 * The Jira Cloud issue navigator in list view (`/issues/?jql=…` and a space's `/jira/software/[c/]projects/KEY/issues`):
 * `table[data-vc="issue-table"][aria-label="Work"]` with one `tr[data-testid="native-issue-table.ui.issue-row"]` per
 * work item; the key is `a[data-testid="native-issue-table.common.ui.issue-cells.issue-key.issue-key-cell"]` (the `<a>`
 * carries the testid) in the row's merged cell `native-issue-table.ui.row.issue-row.merged-cell`, the summary
 * `…issue-cells.issue-summary.issue-summary-cell`. Evidence: several public extensions and userscripts found via
 * find_string "native-issue-table.ui.issue-row" / "issue-key.issue-key-cell" (e.g. stored files 59654644076,
 * 53786566138, 55650607760), and the 2026 live-DOM survey (stored file 57820147188). Navigator rows are virtualised on
 * the real site; the fixture renders one page (50) and pages with `startIndex`.
 */
export function cloudListPage(
  data: SandboxData,
  site: JiraSite,
  project: JiraProject | null,
  jql: string,
  page: Page<JiraIssue>,
  url: URL,
  colorMode: ColorMode,
): string {
  const heading = project ? `${project.name} work items` : 'Search work items';
  const main = html`<header>
  ${project ? html`<nav aria-label="Breadcrumbs" class="breadcrumbs"><ol><li><a href="/jira/projects">Spaces</a></li><li>${project.name}</li></ol></nav>` : ''}
  <h1>${heading}</h1>
  <form role="search" aria-label="Search work items" method="get"><textarea name="jql" rows="1" aria-label="Search work items using JQL">${jql}</textarea> <button type="submit">Search</button></form>
  <div role="group" aria-label="View"><button type="button" aria-pressed="true">List view</button> <button type="button" aria-pressed="false">Detail view</button></div>
</header>
<div data-vc="issue-table-main-container">
<table data-vc="issue-table" aria-label="Work">
  <thead><tr><th>Work</th><th>Status</th><th>Assignee</th><th>Priority</th><th>Created</th><th>Updated</th></tr></thead>
  <tbody>${page.items.map((issue) => row(data, issue))}</tbody>
</table>
</div>
${pagination(page, url)}`;
  return renderDocument({
    flavour: 'cloud',
    fixture: CLOUD_LIST_FIXTURE,
    title: project ? `${project.name} - Work items - Jira` : 'Search - Jira',
    colorMode,
    body: cloudFrame(site, project, project ? 'list' : 'search', main),
  });
}

function row(data: SandboxData, issue: JiraIssue): SafeHtml {
  const assignee = person(data, issue.assignee);
  return html`<tr data-testid="native-issue-table.ui.issue-row">
  <td data-testid="native-issue-table.ui.row.issue-row.merged-cell">${typeIcon(issue.issueType)}
    <a data-testid="native-issue-table.common.ui.issue-cells.issue-key.issue-key-cell" href="/browse/${issue.key}">${issue.key}</a>
    <a data-testid="native-issue-table.common.ui.issue-cells.issue-summary.issue-summary-cell" href="/browse/${issue.key}">${issue.summary}</a></td>
  <td>${statusLozenge(issue)}</td>
  <td>${avatar(assignee)} ${assignee?.name ?? 'Unassigned'}</td>
  <td>${issue.priority}</td>
  <td>${shortDate(issue.created)}</td>
  <td>${shortDate(issue.updated)}</td>
</tr>`;
}

function pagination(page: Page<JiraIssue>, url: URL): SafeHtml {
  const link = (start: number) => {
    const next = new URL(url);
    next.searchParams.set('startIndex', String(start));
    return `${next.pathname}${next.search}`;
  };
  const last = Math.min(page.start + page.items.length, page.total);
  return html`<nav class="pagination" aria-label="Pagination">
  ${page.start > 0 ? html`<a href="${link(page.start - PAGE_SIZE)}" aria-label="Previous page">‹</a>` : ''}
  <span>${page.total === 0 ? 0 : page.start + 1}–${last} of ${page.total}</span>
  ${last < page.total ? html`<a href="${link(last)}" aria-label="Next page">›</a>` : ''}
</nav>`;
}
