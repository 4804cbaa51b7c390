import type { PageMatch } from '../types';

// A project path is two or more segments (`group/project`, `group/sub/project`); `/-/` separates it from the page.
const SEGMENT = '[A-Za-z0-9_.][A-Za-z0-9_.-]*';
const PROJECT_PAGE = new RegExp(`^/((?:${SEGMENT}/)+${SEGMENT})/-/(.+?)/?$`);
const RESERVED_FIRST = new Set(['-', 'admin', 'api', 'dashboard', 'explore', 'groups', 'help', 'search', 'users']);

/**
 * What a GitLab (gitlab.com or self-managed) URL is. Issues are items `#iid`, merge requests `!iid`; the newer
 * work-item URL of an issue (`/-/work_items/<iid>`) is the same item as `/-/issues/<iid>`.
 */
export function matchGitlabPage(url: URL): PageMatch | null {
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (path === '/dashboard/issues' || path === '/dashboard/merge_requests') {
    return { kind: 'list', host, project: null, list: path.endsWith('issues') ? 'issues' : 'merge_requests' };
  }
  const page = PROJECT_PAGE.exec(path);
  if (!page) return null;
  const [, project = '', rest = ''] = page;
  const first = project.split('/')[0] ?? '';
  if (RESERVED_FIRST.has(first.toLowerCase())) return null;
  const item = /^(issues|work_items|merge_requests)\/(\d+)(?:\/(?:diffs|commits|pipelines|designs))?$/.exec(rest);
  if (item) {
    const [, section, iid = ''] = item;
    if (iid.startsWith('0')) return null;
    return { kind: 'item', item: { provider: 'gitlab', host, project, id: iid, kind: section === 'merge_requests' ? 'mr' : 'issue' } };
  }
  if (rest === 'issues' || rest === 'work_items') return { kind: 'list', host, project, list: 'issues' };
  if (rest === 'merge_requests') return { kind: 'list', host, project, list: 'merge_requests' };
  if (/^boards(?:\/\d+)?$/.test(rest)) {
    const show = /^(\d+)$/.exec(url.searchParams.get('show') ?? '');
    return { kind: 'board', host, project, item: show?.[1] ? { provider: 'gitlab', host, project, id: show[1], kind: 'issue' } : null };
  }
  return null;
}
