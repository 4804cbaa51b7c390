import type { RepoScope } from './context.ts';
import { renderDocument } from './layout.ts';
import { listPage, parseListQuery, type ListKind } from './list-query.ts';
import { railsList } from './list-rails.ts';
import { reactList } from './list-react.ts';

/**
 * `/<owner>/<repo>/issues` and `/<owner>/<repo>/pulls`, 25 rows a page.
 * - Issues: the React list by default (issues-react ListView, 2024–2026); `?ui=classic` renders the Rails rows.
 * - Pull requests: the Rails rows by default (still what the repository PR list serves in 2026); `?ui=react` renders
 *   the React ListView list GitHub is rolling out (`li[class*="PullsListItem-module__listItem"]`, absolute hrefs).
 */
export function listDocument(scope: RepoScope, kind: ListKind): string {
  const query = parseListQuery(scope.url, kind);
  const page = listPage(scope.repo, query);
  const react = kind === 'issues' ? scope.ui !== 'classic' : scope.ui === 'react';
  const noun = kind === 'issues' ? 'Issues' : 'Pull requests';
  const generation = react
    ? kind === 'issues'
      ? 'React issue list (issues-react ListView), 2024–2026'
      : 'React pull request list (ListView, rolling out 2026)'
    : kind === 'issues'
      ? 'Rails issue list (pre-2024, older GHE)'
      : 'Rails pull request list, 2025–2026';
  return renderDocument(scope, {
    title: `${noun} · ${scope.repo.owner.login}/${scope.repo.name}`,
    fixture: `github ${kind} list — ${generation}`,
    routePattern: `/:user_id/:repository/${kind}(.:format)`,
    repo: { repo: scope.repo, tab: kind },
    main: react ? reactList(scope, query, page) : railsList(scope, query, page),
  });
}
