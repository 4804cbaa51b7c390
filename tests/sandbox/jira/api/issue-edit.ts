import type { JiraIssue } from '../../data/model.ts';
import type { JiraCall } from './call.ts';
import { parseJiraDuration } from './duration.ts';
import { JiraError } from './errors.ts';
import { readRichText } from './render.ts';

/**
 * `PUT /issue/{key}`: `fields` sets values, `update` applies operations (`labels: [{add: "x"}]`). Everything is
 * validated before anything changes, and all problems come back together in `errors`, as Jira does.
 */
export function editIssue(call: JiraCall, issue: JiraIssue, body: unknown): void {
  const { fields = {}, update = {} } = (isRecord(body) ? body : {}) as { fields?: unknown; update?: unknown };
  if (!isRecord(fields) || !isRecord(update)) throw new JiraError(400, ['Can not deserialize the request body.']);
  const errors: Record<string, string> = {};
  const changes: (() => void)[] = [];
  const fail = (field: string, message: string) => {
    errors[field] = message;
  };

  for (const [field, value] of Object.entries(fields)) setField(call, issue, field, value, changes, fail);
  for (const [field, operations] of Object.entries(update)) {
    if (!Array.isArray(operations)) {
      fail(field, `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`);
      continue;
    }
    for (const operation of operations as unknown[]) {
      if (!isRecord(operation)) continue;
      if (field === 'labels') labelOperation(issue, operation, changes, fail);
      else if ('set' in operation) setField(call, issue, field, operation.set, changes, fail);
      else if (field === 'timetracking' && 'edit' in operation) setField(call, issue, field, operation.edit, changes, fail);
      else fail(field, `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`);
    }
  }
  if (Object.keys(errors).length > 0) throw new JiraError(400, [], errors);
  for (const change of changes) change();
  issue.updated = call.now;
}

type Fail = (field: string, message: string) => void;

function setField(call: JiraCall, issue: JiraIssue, field: string, value: unknown, changes: (() => void)[], fail: Fail): void {
  switch (field) {
    case 'summary': {
      if (typeof value !== 'string' || value.trim() === '') return fail('summary', 'You must specify a summary of the issue.');
      if (value.length > 255) return fail('summary', 'Summary must be less than 255 characters.');
      changes.push(() => (issue.summary = value));
      return;
    }
    case 'description': {
      const text = readRichText(call, 'description', value);
      changes.push(() => (issue.description = text));
      return;
    }
    case 'labels': {
      if (!Array.isArray(value) || value.some((l) => typeof l !== 'string')) return fail('labels', 'Labels must be a list of strings.');
      const labels = value as string[];
      const spaced = labels.find((l) => /\s/.test(l));
      if (spaced !== undefined) return fail('labels', `The label '${spaced}' contains spaces which is invalid.`);
      changes.push(() => (issue.labels = [...new Set(labels)]));
      return;
    }
    case 'duedate': {
      if (value === null) {
        changes.push(() => (issue.dueDate = null));
        return;
      }
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        return fail('duedate', `Error parsing date string: ${JSON.stringify(value).replace(/^"|"$/g, '')}`);
      }
      changes.push(() => (issue.dueDate = value));
      return;
    }
    case 'timetracking':
      return setTimeTracking(issue, value, changes, fail);
    default:
      fail(field, `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`);
  }
}

function setTimeTracking(issue: JiraIssue, value: unknown, changes: (() => void)[], fail: Fail): void {
  if (!isRecord(value)) return fail('timetracking', 'Time tracking must be an object.');
  const read = (name: 'originalEstimate' | 'remainingEstimate', label: string): number | null | undefined => {
    const raw = value[name];
    if (raw === undefined) return undefined;
    const seconds = typeof raw === 'string' ? parseJiraDuration(raw) : null;
    if (seconds === null) fail('timetracking', `The ${label} specified is not valid.`);
    return seconds;
  };
  const original = read('originalEstimate', 'original estimate');
  const remaining = read('remainingEstimate', 'remaining estimate');
  if (original === null || remaining === null) return;
  changes.push(() => {
    if (original !== undefined) issue.originalEstimateSeconds = original;
    if (remaining !== undefined) issue.remainingEstimateSeconds = remaining;
    // A first estimate also becomes what remains, as when it is typed into a fresh issue.
    else if (original !== undefined && issue.remainingEstimateSeconds === null) issue.remainingEstimateSeconds = original;
  });
}

function labelOperation(issue: JiraIssue, operation: Record<string, unknown>, changes: (() => void)[], fail: Fail): void {
  const { add, remove, set } = operation;
  if (typeof add === 'string' && !/\s/.test(add)) changes.push(() => (issue.labels = [...new Set([...issue.labels, add])]));
  else if (typeof remove === 'string') changes.push(() => (issue.labels = issue.labels.filter((l) => l !== remove)));
  else if (Array.isArray(set) && set.every((l) => typeof l === 'string' && !/\s/.test(l))) changes.push(() => (issue.labels = [...new Set(set as string[])]));
  else fail('labels', 'The label operation is not valid.');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
