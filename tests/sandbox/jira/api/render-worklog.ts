import type { JiraIssue, JiraWorklog } from '../../data/model.ts';
import type { SiteCall } from './call.ts';
import { formatJiraDateTime } from './dates.ts';
import { formatJiraDuration } from './duration.ts';
import { personById, renderUser, richText } from './render.ts';

/**
 * A worklog as Jira returns it. Date-times use the author's time zone, so `started` reads as the wall-clock time the
 * author worked. Properties appear only when asked for with `expand=properties`, as on Jira.
 */
export function renderWorklog(call: SiteCall, issue: JiraIssue, worklog: JiraWorklog, withProperties = false): Record<string, unknown> {
  const author = personById(call, worklog.personId);
  const user = renderUser(call, author);
  const comment = richText(call, worklog.comment);
  return {
    self: `${call.apiBase}/issue/${issue.id}/worklog/${worklog.id}`,
    author: user,
    // The model keeps no separate editor: the author is the last one to have changed it.
    updateAuthor: user,
    ...(comment === null ? {} : { comment }),
    created: formatJiraDateTime(worklog.created, author.timeZone),
    updated: formatJiraDateTime(worklog.updated, author.timeZone),
    started: formatJiraDateTime(worklog.started, author.timeZone),
    timeSpent: formatJiraDuration(worklog.timeSpentSeconds),
    timeSpentSeconds: worklog.timeSpentSeconds,
    id: String(worklog.id),
    issueId: issue.id,
    ...(withProperties ? { properties: renderProperties(worklog) } : {}),
  };
}

export function renderProperties(worklog: JiraWorklog): { key: string; value: unknown }[] {
  return Object.entries(worklog.properties).map(([key, value]) => ({ key, value }));
}

/** Whether `expand` asks for worklog properties. */
export function expandsProperties(call: SiteCall): boolean {
  return call.query
    .getAll('expand')
    .flatMap((v) => v.split(','))
    .some((v) => v.trim() === 'properties');
}
