import type { JiraIssue, JiraWorklog } from '../../data/model.ts';
import type { JiraCall } from './call.ts';
import { issueNotFound, worklogNotFound } from './errors.ts';
import { findIssue } from './render.ts';

/** The issue named by `:issueIdOrKey`, or Jira's 404. */
export function issueFor(call: JiraCall): JiraIssue {
  const issue = findIssue(call, call.ctx.params.issueIdOrKey ?? '');
  if (!issue) throw issueNotFound();
  return issue;
}

/** The worklog `id` of that issue, or Jira's 404. */
export function worklogFor(call: JiraCall, id: string): { issue: JiraIssue; worklog: JiraWorklog } {
  const issue = issueFor(call);
  const worklog = issue.worklogs.find((w) => String(w.id) === id);
  if (!worklog) throw worklogNotFound(id);
  return { issue, worklog };
}

