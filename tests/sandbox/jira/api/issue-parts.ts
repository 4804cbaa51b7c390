import type { JiraIssue, JiraSite, JiraSprint } from '../../data/model.ts';
import type { SiteCall } from './call.ts';
import { formatUtcDateTime } from './dates.ts';
import { formatJiraDuration } from './duration.ts';
import { renderIssueType, renderPriority, renderStatus } from './render.ts';
import { renderWorklog } from './render-worklog.ts';

/** The composite parts of an issue's fields: time tracking, links, parent, sub-tasks, sprints, embedded worklogs. */

export const timeSpentSeconds = (issue: JiraIssue): number => issue.worklogs.reduce((sum, w) => sum + w.timeSpentSeconds, 0);

/** Jira reports no time spent as null, not 0. */
export const timeSpentOrNull = (issue: JiraIssue): number | null => (issue.worklogs.length > 0 ? timeSpentSeconds(issue) : null);

export function subtasksOf(site: JiraSite, issue: JiraIssue): JiraIssue[] {
  return site.issues.filter((i) => i.parentKey === issue.key && i.issueType === 'Sub-task');
}

/** Aggregates cover the issue and its sub-tasks (not an epic's children), null when none of them has a value. */
export function aggregate(site: JiraSite, issue: JiraIssue, value: (i: JiraIssue) => number | null): number | null {
  const values = [issue, ...subtasksOf(site, issue)].map(value).filter((v): v is number => v !== null);
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
}

export function timeTracking(issue: JiraIssue): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const spent = timeSpentOrNull(issue);
  if (issue.originalEstimateSeconds !== null) out.originalEstimate = formatJiraDuration(issue.originalEstimateSeconds);
  if (issue.remainingEstimateSeconds !== null) out.remainingEstimate = formatJiraDuration(issue.remainingEstimateSeconds);
  if (spent !== null) out.timeSpent = formatJiraDuration(spent);
  if (issue.originalEstimateSeconds !== null) out.originalEstimateSeconds = issue.originalEstimateSeconds;
  if (issue.remainingEstimateSeconds !== null) out.remainingEstimateSeconds = issue.remainingEstimateSeconds;
  if (spent !== null) out.timeSpentSeconds = spent;
  return out;
}

export function progress(spent: number | null, remaining: number | null): Record<string, number> {
  const done = spent ?? 0;
  const total = done + (remaining ?? 0);
  return total > 0 ? { progress: done, total, percent: Math.round((done / total) * 100) } : { progress: done, total };
}

/** The short form of another issue embedded in links, parent and sub-tasks. */
export function issueRef(call: SiteCall, issue: JiraIssue): Record<string, unknown> {
  return {
    id: issue.id,
    key: issue.key,
    self: `${call.apiBase}/issue/${issue.id}`,
    fields: { summary: issue.summary, status: renderStatus(call, issue.status), priority: renderPriority(call, issue.priority), issuetype: renderIssueType(call, issue.issueType) },
  };
}

const BLOCKS = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };

/**
 * "Blocks" links seen from one issue. Jira names the *other* issue by its side of the link: on the blocked issue the
 * blocker appears as `inwardIssue` (read "this issue *is blocked by* …"); on the blocker, the blocked issue appears as
 * `outwardIssue` ("this issue *blocks* …").
 */
export function issueLinks(call: SiteCall, issue: JiraIssue): Record<string, unknown>[] {
  const type = { ...BLOCKS, self: `${call.apiBase}/issueLinkType/${BLOCKS.id}` };
  const link = (blocked: JiraIssue, blocker: JiraIssue) => {
    const id = `${blocked.id}${blocker.id}`;
    return { id, self: `${call.apiBase}/issueLink/${id}`, type };
  };
  const out: Record<string, unknown>[] = [];
  for (const key of issue.blockedBy) {
    const blocker = call.site.issues.find((i) => i.key === key);
    if (blocker) out.push({ ...link(issue, blocker), inwardIssue: issueRef(call, blocker) });
  }
  for (const blocked of call.site.issues.filter((i) => i.blockedBy.includes(issue.key))) {
    out.push({ ...link(blocked, issue), outwardIssue: issueRef(call, blocked) });
  }
  return out;
}

/**
 * Cloud shows every parent (epic or story) in `parent`; Data Center only a sub-task's parent, since epics there are
 * linked through the Epic Link custom field.
 */
export function parentOf(call: SiteCall, issue: JiraIssue): JiraIssue | null {
  if (issue.parentKey === null) return null;
  const parent = call.site.issues.find((i) => i.key === issue.parentKey) ?? null;
  if (call.site.deployment === 'Cloud' || issue.issueType === 'Sub-task') return parent;
  return null;
}

export function epicLinkOf(call: SiteCall, issue: JiraIssue): string | null {
  if (call.site.deployment === 'Cloud' || issue.issueType === 'Sub-task' || issue.parentKey === null) return null;
  return call.site.issues.find((i) => i.key === issue.parentKey)?.issueType === 'Epic' ? issue.parentKey : null;
}

/** A sprint as the Sprint custom field holds it (dates in UTC, absent until set). */
export function sprintFieldValue(sprint: JiraSprint): Record<string, unknown> {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.boardId,
    goal: sprint.goal,
    ...(sprint.startDate === null ? {} : { startDate: formatUtcDateTime(sprint.startDate) }),
    ...(sprint.endDate === null ? {} : { endDate: formatUtcDateTime(sprint.endDate) }),
    ...(sprint.completeDate === null ? {} : { completeDate: formatUtcDateTime(sprint.completeDate) }),
  };
}

export function sprintsOf(site: JiraSite, issue: JiraIssue): JiraSprint[] {
  return issue.sprintIds.map((id) => site.sprints.find((s) => s.id === id)).filter((s): s is JiraSprint => s !== undefined);
}

/** Jira embeds the first 20 worklogs in the issue's `worklog` field. */
export function worklogField(call: SiteCall, issue: JiraIssue): Record<string, unknown> {
  const worklogs = issue.worklogs.slice(0, 20).map((w) => renderWorklog(call, issue, w));
  return { startAt: 0, maxResults: 20, total: issue.worklogs.length, worklogs };
}
