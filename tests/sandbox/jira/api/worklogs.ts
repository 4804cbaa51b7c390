import type { JiraWorklog } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import { type ApiVersion, type JiraCall, intParam, jiraRoute, noContent, ok } from './call.ts';
import { parseJiraDateTime } from './dates.ts';
import { parseJiraDuration } from './duration.ts';
import { estimateChange } from './estimates.ts';
import { JiraError, fieldErrors } from './errors.ts';
import { isRecord } from './issue-edit.ts';
import { issueFor, worklogFor } from './lookups.ts';
import { readRichText } from './render.ts';
import { expandsProperties, renderWorklog } from './render-worklog.ts';

/** An issue's worklogs: list, add, read, edit, delete. */
export function registerWorklogRoutes(r: ScopedRouter, version: ApiVersion): void {
  r.get(
    '/issue/:issueIdOrKey/worklog',
    'jira.worklogs.list',
    jiraRoute(version, (call) => {
      const issue = issueFor(call);
      const startAt = intParam(call, 'startAt', 0);
      const maxResults = Math.min(5000, intParam(call, 'maxResults', 5000));
      const after = intParam(call, 'startedAfter', 0);
      const before = intParam(call, 'startedBefore', Number.MAX_SAFE_INTEGER);
      const matching = issue.worklogs.filter((w) => w.started >= after && w.started < before);
      const worklogs = matching.slice(startAt, startAt + maxResults).map((w) => renderWorklog(call, issue, w, expandsProperties(call)));
      return ok({ startAt, maxResults, total: matching.length, worklogs });
    }),
  );

  r.post(
    '/issue/:issueIdOrKey/worklog',
    'jira.worklogs.create',
    jiraRoute(version, (call) => {
      const issue = issueFor(call);
      const input = readWorklog(call, call.ctx.body, true);
      const seconds = input.seconds ?? 0;
      const adjust = estimateChange(call, 'create', seconds);
      const worklog: JiraWorklog = {
        id: call.ctx.sandbox.nextId(),
        personId: call.viewer.id,
        started: input.started ?? call.now,
        timeSpentSeconds: seconds,
        comment: input.comment ?? '',
        created: call.now,
        updated: call.now,
        properties: input.properties ?? {},
      };
      issue.worklogs.push(worklog);
      adjust(issue);
      issue.updated = call.now;
      return ok(renderWorklog(call, issue, worklog, expandsProperties(call)), 201);
    }),
  );

  r.get('/issue/:issueIdOrKey/worklog/:id', 'jira.worklogs.get', jiraRoute(version, (call) => {
    const { issue, worklog } = worklogFor(call, call.ctx.params.id ?? '');
    return ok(renderWorklog(call, issue, worklog, expandsProperties(call)));
  }));

  r.put(
    '/issue/:issueIdOrKey/worklog/:id',
    'jira.worklogs.update',
    jiraRoute(version, (call) => {
      const { issue, worklog } = worklogFor(call, call.ctx.params.id ?? '');
      const input = readWorklog(call, call.ctx.body, false);
      const adjust = estimateChange(call, 'update', (input.seconds ?? worklog.timeSpentSeconds) - worklog.timeSpentSeconds);
      if (input.started !== undefined) worklog.started = input.started;
      if (input.seconds !== undefined) worklog.timeSpentSeconds = input.seconds;
      if (input.comment !== undefined) worklog.comment = input.comment;
      if (input.properties !== undefined) worklog.properties = { ...worklog.properties, ...input.properties };
      worklog.updated = call.now;
      adjust(issue);
      issue.updated = call.now;
      return ok(renderWorklog(call, issue, worklog, expandsProperties(call)));
    }),
  );

  r.delete(
    '/issue/:issueIdOrKey/worklog/:id',
    'jira.worklogs.delete',
    jiraRoute(version, (call) => {
      const { issue, worklog } = worklogFor(call, call.ctx.params.id ?? '');
      const adjust = estimateChange(call, 'delete', -worklog.timeSpentSeconds);
      issue.worklogs.splice(issue.worklogs.indexOf(worklog), 1);
      call.site.deletedWorklogs.push({ worklogId: worklog.id, updatedTime: call.now });
      adjust(issue);
      issue.updated = call.now;
      return noContent();
    }),
  );
}

interface WorklogInput {
  started?: number;
  seconds?: number;
  comment?: string;
  properties?: Record<string, unknown>;
}

/** Validate a worklog body; on create `started` and a time spent are required. */
function readWorklog(call: JiraCall, body: unknown, creating: boolean): WorklogInput {
  if (!isRecord(body)) throw new JiraError(400, ['Can not deserialize the request body.']);
  const errors: Record<string, string> = {};
  const input: WorklogInput = {};
  if (body.started !== undefined) {
    const started = typeof body.started === 'string' ? parseJiraDateTime(body.started) : null;
    if (started === null) errors.started = "Invalid date format. Please enter the date in the format \"yyyy-MM-dd'T'HH:mm:ss.SSSZ\".";
    else input.started = started;
  } else if (creating) {
    errors.started = 'You must specify a start date for the worklog.';
  }
  const seconds = readTimeSpent(body);
  if (typeof seconds === 'string') errors.timeLogged = seconds;
  else if (seconds !== undefined) input.seconds = seconds;
  else if (creating) errors.timeLogged = 'You must indicate the time spent working.';
  if (body.comment !== undefined) input.comment = readRichText(call, 'comment', body.comment);
  if (Array.isArray(body.properties)) {
    input.properties = Object.fromEntries(body.properties.filter(isRecord).filter((p) => typeof p.key === 'string').map((p) => [p.key as string, p.value]));
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return input;
}

/** Seconds, an error message, or undefined when no time was given. */
function readTimeSpent(body: Record<string, unknown>): number | string | undefined {
  const { timeSpent, timeSpentSeconds } = body;
  if (timeSpentSeconds !== undefined && timeSpentSeconds !== null) {
    if (typeof timeSpentSeconds !== 'number' || !Number.isInteger(timeSpentSeconds)) return 'Invalid time duration entered.';
    return timeSpentSeconds > 0 ? timeSpentSeconds : 'You must indicate the time spent working.';
  }
  if (timeSpent !== undefined && timeSpent !== null) {
    const seconds = typeof timeSpent === 'string' ? parseJiraDuration(timeSpent) : null;
    if (seconds === null) return 'Invalid time duration entered.';
    return seconds > 0 ? seconds : 'You must indicate the time spent working.';
  }
  return undefined;
}
