import type { ItemRef, PageMatch } from '../types';

// Jira issue keys: a project key (a letter, then letters, digits or underscores) and a number.
const KEY = /^([A-Z][A-Z0-9_]+)-([1-9]\d*)$/;
const BROWSE = /^\/browse\/([^/]+)\/?$/;
const BOARD = /^\/jira\/(?:software|core)\/(?:c\/)?projects\/([A-Za-z][A-Za-z0-9_]+)\/boards\/(\d+)(?:\/backlog)?\/?$/;
const PROJECT_ISSUES = /^\/jira\/(?:software|core)\/(?:c\/)?projects\/([A-Za-z][A-Za-z0-9_]+)\/issues(?:\/([^/]+))?\/?$/;

function itemFor(host: string, candidate: string | null | undefined): ItemRef | null {
  const m = KEY.exec((candidate ?? '').toUpperCase());
  if (!m) return null;
  return { provider: 'jira', host, project: m[1] ?? '', id: `${m[1]}-${m[2]}`, kind: 'issue' };
}

/** A path segment unescaped, or null when its escapes are broken (`%E0%A4%A`: decodeURIComponent throws). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * What a Jira Cloud or Data Center URL is. The issue view (`/browse/KEY-1`), the new issue navigator with an issue
 * open, and a board or backlog whose side panel shows `?selectedIssue=KEY-1` all identify that issue.
 */
export function matchJiraPage(url: URL): PageMatch | null {
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const selected = itemFor(host, url.searchParams.get('selectedIssue'));
  const browse = BROWSE.exec(path);
  if (browse) {
    const item = itemFor(host, decoded(browse[1] ?? ''));
    return item ? { kind: 'item', item } : null;
  }
  const board = BOARD.exec(path);
  if (board) return { kind: 'board', host, project: (board[1] ?? '').toUpperCase(), item: selected };
  if (path === '/secure/RapidBoard.jspa' && url.searchParams.has('rapidView')) {
    return { kind: 'board', host, project: url.searchParams.get('projectKey')?.toUpperCase() ?? null, item: selected };
  }
  const issues = PROJECT_ISSUES.exec(path);
  if (issues) {
    const item = itemFor(host, issues[2]) ?? selected;
    if (issues[2] !== undefined && !itemFor(host, issues[2])) return null;
    return item ? { kind: 'item', item } : { kind: 'list', host, project: (issues[1] ?? '').toUpperCase(), list: 'issues', item: null };
  }
  // The global navigator: `/issues/?jql=…` or `?filter=…` (GitHub's `/issues` dashboard has neither).
  if ((path === '/issues' || path === '/issues/') && (selected || url.searchParams.has('jql') || url.searchParams.has('filter'))) {
    return selected ? { kind: 'item', item: selected } : { kind: 'list', host, project: null, list: 'search', item: null };
  }
  return null;
}
