import { html, type SafeHtml } from '../../http/html.ts';
import type { RepoScope } from './context.ts';
import { octicon } from './format.ts';
import { listHref, type ListQuery } from './list-query.ts';

/** The open/closed toggle of a list: React lists mark it `aria-current`, Rails lists with `.selected`. */
export function stateLink(scope: RepoScope, query: ListQuery, state: 'open' | 'closed', count: number, cls: string, mark: 'aria-current' | 'selected'): SafeHtml {
  const icon = query.kind === 'issues' ? (state === 'open' ? 'issue-opened' : 'issue-closed') : state === 'open' ? 'git-pull-request' : 'issue-closed';
  const current = query.state === state;
  const label = state === 'open' ? 'Open' : 'Closed';
  if (mark === 'selected') {
    return html`<a href="${listHref(scope.repo, query, { state })}" class="${cls}${current ? ' selected' : ''}" data-turbo-frame="repo-content-turbo-frame">${octicon(icon)} ${count} ${label}</a>`;
  }
  return html`<a href="${listHref(scope.repo, query, { state })}" class="${cls}"${current ? html` aria-current="page"` : ''}>${octicon(icon)} ${label} <span data-component="counter">${count}</span></a>`;
}
