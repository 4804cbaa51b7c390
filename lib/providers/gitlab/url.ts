import type { ItemRef, PageMatch } from '../types';

// A project path is two or more segments (`group/project`, `group/sub/project`); `/-/` separates it from the page.
const SEGMENT = '[A-Za-z0-9_.][A-Za-z0-9_.-]*';
const PROJECT_PAGE = new RegExp(`^/((?:${SEGMENT}/)+${SEGMENT})/-/(.+?)/?$`);
const RESERVED_FIRST = new Set(['-', 'admin', 'api', 'dashboard', 'explore', 'groups', 'help', 'search', 'users']);

/**
 * The item a list or board shows in its drawer: GitLab puts `?show=<base64 of {"id","iid","full_path"}>` in the URL
 * (`work_items/constants.js`, DETAIL_VIEW_QUERY_PARAM_NAME). Anything that does not decode to that shape is ignored.
 */
function drawerItem(host: string, show: string | null): ItemRef | null {
  if (!show || show.length > 2000) return null;
  try {
    const decoded: unknown = JSON.parse(atob(show));
    if (typeof decoded !== 'object' || decoded === null) return null;
    const { iid, full_path: fullPath } = decoded as { iid?: unknown; full_path?: unknown };
    const iidText = typeof iid === 'number' ? String(iid) : iid;
    if (typeof iidText !== 'string' || !/^[1-9]\d*$/.test(iidText) || typeof fullPath !== 'string') return null;
    if (!new RegExp(`^(?:${SEGMENT}/)+${SEGMENT}$`).test(fullPath)) return null;
    return { provider: 'gitlab', host, project: fullPath, id: iidText, kind: 'issue' };
  } catch {
    return null;
  }
}

/**
 * What a GitLab (gitlab.com or self-managed) URL is. Issues are items `#iid`, merge requests `!iid`; the newer
 * work-item URL of an issue (`/-/work_items/<iid>`) is the same item as `/-/issues/<iid>`.
 */
export function matchGitlabPage(url: URL): PageMatch | null {
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (path === '/dashboard/issues' || path === '/dashboard/merge_requests') {
    return { kind: 'list', host, project: null, list: path.endsWith('issues') ? 'issues' : 'merge_requests', item: null };
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
  const shown = drawerItem(host, url.searchParams.get('show'));
  if (rest === 'issues' || rest === 'work_items') return { kind: 'list', host, project, list: 'issues', item: shown };
  if (rest === 'merge_requests') return { kind: 'list', host, project, list: 'merge_requests', item: null };
  if (/^boards(?:\/\d+)?$/.test(rest)) return { kind: 'board', host, project, item: shown };
  return null;
}
