import type { GhIssue, GhRepo } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { itemPath, type PageScope } from './context.ts';
import { itemState, octicon } from './format.ts';
import { renderDocument } from './layout.ts';

const PER_PAGE = 10;

/**
 * `/search?q=…&type=issues` (or `type=pullrequests`): GitHub's React search results (2023–2026), 10 a page. Mirrors the
 * hooks extensions read there: the results in `div[data-testid="results-list"]`, one child `div` per result, its title
 * link inside `.search-title` (ChinaGodMan/UserScripts github-repo-size-view `selectors.js`;
 * cumbersomeamir/universal-leads-agent `selectors.py`: `div[data-testid='results-list'] a[href*='/issues/']`). The
 * query matches titles (case-insensitive words) and `repo:owner/name`; the app shell around it is approximate.
 */
export function searchPage(scope: PageScope): string {
  const query = scope.url.searchParams.get('q') ?? '';
  const pulls = (scope.url.searchParams.get('type') ?? '').toLowerCase() === 'pullrequests';
  const page = Math.max(1, Number.parseInt(scope.url.searchParams.get('p') ?? '1', 10) || 1);
  const repoFilter = /(?:^|\s)repo:(\S+)/.exec(query)?.[1]?.toLowerCase() ?? null;
  const words = query.replace(/(?:^|\s)\w+:\S+/g, ' ').toLowerCase().split(/\s+/).filter(Boolean);
  const results = scope.instance.repos
    .filter((repo) => !repoFilter || `${repo.owner.login}/${repo.name}`.toLowerCase() === repoFilter)
    .flatMap((repo) => repo.issues.filter((item) => (item.pull !== null) === pulls && words.every((w) => item.title.toLowerCase().includes(w))).map((item) => ({ repo, item })))
    .sort((a, b) => b.item.updatedAt - a.item.updatedAt);
  const shown = results.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const next = new URL(scope.url);
  next.searchParams.set('p', String(page + 1));
  return renderDocument(scope, {
    title: `Search · ${query}`,
    fixture: 'github search results — React search (issues / pull requests), 2023–2026',
    routePattern: '/search(.:format)',
    main: html`<div class="container-xl p-responsive">
  <h1 class="sr-only">Search results</h1>
  <h2 class="h4">${results.length} results</h2>
  <div data-testid="results-list">${shown.map(({ repo, item }) => result(scope, repo, item))}</div>
  ${page * PER_PAGE < results.length ? html`<a rel="next" href="${next.pathname}${next.search}">Next</a>` : ''}
</div>`,
  });
}

function result(scope: PageScope, repo: GhRepo, item: GhIssue): SafeHtml {
  const state = itemState(item);
  return html`<div class="Box-sc-g0xbh4-0 flszRz">
  <div class="color-fg-muted">${octicon(state.icon, 'color-fg-open')} <a href="/${repo.owner.login}/${repo.name}">${repo.owner.login}/${repo.name}</a></div>
  <div class="search-title"><a href="${scope.origin}${itemPath(repo, item)}" data-hovercard-type="${item.pull ? 'pull_request' : 'issue'}"><span>${item.title}</span></a></div>
  <div class="color-fg-muted">#${item.number}</div>
</div>`;
}
