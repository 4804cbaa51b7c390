import type { JiraIssue, JiraWorklog } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import { type ApiVersion, type JiraCall, intParam, jiraRoute, ok } from './call.ts';
import { JiraError } from './errors.ts';
import { isRecord } from './issue-edit.ts';
import { expandsProperties, renderProperties, renderWorklog } from './render-worklog.ts';

/** Jira's feeds hand out at most this many worklog ids per page. */
const FEED_PAGE_SIZE = 1000;
/** Changes younger than this are left out (they may still be committing elsewhere in Jira's cluster). */
const FEED_SETTLE_MS = 60_000;

interface FeedEntry {
  readonly worklogId: number;
  readonly updatedTime: number;
  readonly properties: { key: string; value: unknown }[];
}

/**
 * The incremental sync feeds: ids of worklogs changed or deleted since a time, and the worklogs for a list of ids.
 * `since` is inclusive, so the entry at a page's `until` comes again on the next page: clients dedupe by id.
 */
export function registerWorklogFeedRoutes(r: ScopedRouter, version: ApiVersion): void {
  r.get(
    '/worklog/updated',
    'jira.worklogs.updated',
    jiraRoute(version, (call) => {
      const withProperties = expandsProperties(call);
      const entries = allWorklogs(call).map(({ worklog }) => ({
        worklogId: worklog.id,
        updatedTime: worklog.updated,
        properties: withProperties ? renderProperties(worklog) : [],
      }));
      return ok(feedPage(call, 'updated', entries));
    }),
  );

  r.get(
    '/worklog/deleted',
    'jira.worklogs.deleted',
    jiraRoute(version, (call) => ok(feedPage(call, 'deleted', call.site.deletedWorklogs.map((d) => ({ ...d, properties: [] }))))),
  );

  r.post(
    '/worklog/list',
    'jira.worklogs.byIds',
    jiraRoute(version, (call) => {
      const body = call.ctx.body;
      const ids = isRecord(body) ? body.ids : undefined;
      if (!Array.isArray(ids) || ids.some((id) => !Number.isInteger(Number(id)))) throw new JiraError(400, ['Request must contain a list of worklog ids.']);
      if (ids.length > FEED_PAGE_SIZE) throw new JiraError(400, [`The number of worklog ids must not exceed ${FEED_PAGE_SIZE}.`]);
      const byId = new Map(allWorklogs(call).map((found) => [found.worklog.id, found]));
      const withProperties = expandsProperties(call);
      const worklogs = ids.flatMap((id) => {
        const found = byId.get(Number(id));
        return found ? [renderWorklog(call, found.issue, found.worklog, withProperties)] : [];
      });
      return ok(worklogs);
    }),
  );
}

function allWorklogs(call: JiraCall): { issue: JiraIssue; worklog: JiraWorklog }[] {
  return call.site.issues.flatMap((issue) => issue.worklogs.map((worklog) => ({ issue, worklog })));
}

function feedPage(call: JiraCall, feed: 'updated' | 'deleted', entries: FeedEntry[]): Record<string, unknown> {
  const since = intParam(call, 'since', 0);
  const settled = call.now - FEED_SETTLE_MS;
  const eligible = entries
    .filter((e) => e.updatedTime >= since && e.updatedTime <= settled)
    .sort((a, b) => a.updatedTime - b.updatedTime || a.worklogId - b.worklogId);
  const values = eligible.slice(0, FEED_PAGE_SIZE);
  const until = values.at(-1)?.updatedTime ?? since;
  const link = (at: number) => {
    const url = new URL(`${call.apiBase}/worklog/${feed}`);
    url.searchParams.set('since', String(at));
    const expand = call.query.get('expand');
    if (expand) url.searchParams.set('expand', expand);
    return url.toString();
  };
  return { values, since, until, self: link(since), nextPage: link(until), lastPage: eligible.length <= FEED_PAGE_SIZE };
}
