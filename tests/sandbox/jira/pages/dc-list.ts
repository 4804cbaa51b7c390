import type { JiraIssue, JiraSite, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { dcFrame } from './dc-chrome.ts';
import { renderDocument, type ColorMode } from './document.ts';
import { dcDate, person, statusLozenge } from './format.ts';
import { PAGE_SIZE, type Page } from './jql.ts';

export const DC_LIST_FIXTURE = 'jira list — Jira Data Center issue navigator, list view (#issuetable), Jira 9–10';

/**
 * Jira Data Center's issue navigator in list view (`/issues/?jql=…`): `table#issuetable` with one
 * `tr.issuerow[data-issuekey]` per issue (`id="issuerow<id>"`, `rel="<id>"`), the key in
 * `td.issuekey > a.issue-link[data-issue-key]` and the summary in `td.summary a.issue-link`. Evidence: public Jira
 * extensions selecting `tr[data-issuekey]` / `.issuerow` and `.issue-list tr[data-issue-key]` (found via find_string
 * "native-issue-table.ui.issue-row", stored file 54061956144; stored file 70100570847).
 */
export function dcListPage(data: SandboxData, site: JiraSite, jql: string, page: Page<JiraIssue>, url: URL, colorMode: ColorMode): string {
  const content = html`<div class="navigator-container"><div class="navigator-content">
  <form class="navigator-search" role="search" method="get" action="/issues/"><textarea id="advanced-search" name="jql" rows="1" aria-label="Query">${jql}</textarea> <button type="submit" class="aui-button aui-button-primary">Search</button></form>
  <div class="results-panel navigator-item">
    <div class="issue-table-info-bar navigator-results"><span class="results-count-total results-count-link">${page.total}</span> issues</div>
    <div class="issue-table-container"><div><table id="issuetable">
      <thead><tr class="rowHeader">
        <th class="colHeaderLink headerrow-issuetype">T</th><th class="colHeaderLink headerrow-issuekey">Key</th><th class="colHeaderLink headerrow-summary">Summary</th>
        <th class="colHeaderLink headerrow-assignee">Assignee</th><th class="colHeaderLink headerrow-status">Status</th><th class="colHeaderLink headerrow-created">Created</th>
      </tr></thead>
      <tbody>${page.items.map((issue) => row(data, issue))}</tbody>
    </table></div></div>
    ${pagination(page, url)}
  </div>
</div></div>`;
  return renderDocument({
    flavour: 'dc',
    fixture: DC_LIST_FIXTURE,
    title: `Issue Navigator - ${site.serverTitle}`,
    colorMode,
    bodyAttributes: html`id="jira" class="aui-layout aui-theme-default page-type-navigator"`,
    body: dcFrame(site, null, content),
  });
}

function row(data: SandboxData, issue: JiraIssue): SafeHtml {
  return html`<tr id="issuerow${issue.id}" rel="${issue.id}" data-issuekey="${issue.key}" class="issuerow">
  <td class="issuetype"><span class="type-icon type-${issue.issueType.toLowerCase()}" role="img" aria-label="${issue.issueType}"></span></td>
  <td class="issuekey"><a class="issue-link" data-issue-key="${issue.key}" href="/browse/${issue.key}">${issue.key}</a></td>
  <td class="summary"><p><a class="issue-link" data-issue-key="${issue.key}" href="/browse/${issue.key}">${issue.summary}</a></p></td>
  <td class="assignee">${person(data, issue.assignee)?.name ?? html`<em>Unassigned</em>`}</td>
  <td class="status">${statusLozenge(issue)}</td>
  <td class="created"><time datetime="${new Date(issue.created).toISOString()}">${dcDate(issue.created)}</time></td>
</tr>`;
}

function pagination(page: Page<JiraIssue>, url: URL): SafeHtml {
  const link = (start: number) => {
    const next = new URL(url);
    next.searchParams.set('startIndex', String(start));
    return `${next.pathname}${next.search}`;
  };
  const last = Math.min(page.start + page.items.length, page.total);
  return html`<div class="pagination">
  ${page.start > 0 ? html`<a class="icon-previous" href="${link(page.start - PAGE_SIZE)}" aria-label="Previous">‹</a>` : ''}
  <span class="results-count-start">${page.total === 0 ? 0 : page.start + 1}</span>–<span class="results-count-end">${last}</span> of <span class="results-count-total">${page.total}</span>
  ${last < page.total ? html`<a class="icon-next" href="${link(last)}" aria-label="Next">›</a>` : ''}
</div>`;
}
