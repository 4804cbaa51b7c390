import type { PageMatch } from '../types';

// First path segments that are GitHub's own pages, never an owner (a subset that matters for /x/y/issues shapes).
const RESERVED_OWNERS = new Set([
  'about', 'account', 'apps', 'codespaces', 'collections', 'contact', 'copilot', 'customer-stories', 'dashboard',
  'enterprise', 'events', 'explore', 'features', 'issues', 'login', 'marketplace', 'new', 'notifications', 'orgs',
  'organizations', 'pricing', 'pulls', 'search', 'security', 'settings', 'site', 'sponsors', 'stars', 'team', 'topics',
  'trending', 'users',
]);

const NAME = '[A-Za-z0-9_.-]+';
const ITEM = new RegExp(`^/(${NAME})/(${NAME})/(issues|pull)/(\\d+)(?:/(?:files|commits|checks|changes))?/?$`);
const REPO_LIST = new RegExp(`^/(${NAME})/(${NAME})/(issues|pulls)/?$`);
const PROJECT_BOARD = new RegExp(`^/(orgs|users)/(${NAME})/projects/(\\d+)(?:/views/\\d+)?/?$`);

/**
 * What a GitHub (or GitHub Enterprise) URL is. Pure: the host is taken from the URL, so any GHE host works.
 * `/owner/repo/issues/12` and `/owner/repo/pull/12` are one number space, so both are item `#12` of the repo.
 */
export function matchGithubPage(url: URL): PageMatch | null {
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const item = ITEM.exec(path);
  if (item) {
    const [, owner = '', repo = '', section, number = ''] = item;
    if (RESERVED_OWNERS.has(owner.toLowerCase()) || number.startsWith('0')) return null;
    return { kind: 'item', item: { provider: 'github', host, project: `${owner}/${repo}`, id: number, kind: section === 'pull' ? 'pr' : 'issue' } };
  }
  const list = REPO_LIST.exec(path);
  if (list) {
    const [, owner = '', repo = '', section] = list;
    if (RESERVED_OWNERS.has(owner.toLowerCase())) return null;
    return { kind: 'list', host, project: `${owner}/${repo}`, list: section === 'pulls' ? 'pulls' : 'issues', item: null };
  }
  // The global dashboard; Jira's navigator shares the path but always carries `jql` or `filter`.
  const jiraLike = url.searchParams.has('jql') || url.searchParams.has('filter') || url.searchParams.has('selectedIssue');
  if ((path === '/issues' || path === '/issues/') && !jiraLike) return { kind: 'list', host, project: null, list: 'issues', item: null };
  if (path === '/pulls' || path === '/pulls/') return { kind: 'list', host, project: null, list: 'pulls', item: null };
  if ((path === '/search' || path === '/search/') && /^(issues|pullrequests)$/i.test(url.searchParams.get('type') ?? '')) {
    return { kind: 'list', host, project: null, list: 'search', item: null };
  }
  const board = PROJECT_BOARD.exec(path);
  if (board) {
    const [, , owner = '', number = ''] = board;
    return { kind: 'board', host, project: `${owner}/projects/${number}`, item: null };
  }
  return null;
}
