import type { JiraIssue, JiraSite, Person } from '../../data/model.ts';
import { localDate, zonedTimeToEpoch } from './dates.ts';
import { JiraError } from './errors.ts';
import { sprintFieldId } from './fields.ts';
import type { JqlValue } from './jql-parse.ts';
import { ISSUE_TYPE_NAMES, PRIORITY_ORDER } from './render.ts';

/** The JQL fields the sandbox knows, how each reads an issue, and how operands (values, functions, dates) resolve. */

/** What JQL is evaluated against: the site, who asks (`currentUser()`, their time zone for dates) and now. */
export interface JqlEnv {
  readonly site: JiraSite;
  readonly viewer: Person;
  readonly people: readonly Person[];
  readonly now: number;
}

type Kind = 'set' | 'instant' | 'day' | 'text';

export interface FieldHandler {
  readonly name: string;
  readonly kind: Kind;
  /** Set fields: normalised strings; instant and day fields: epoch ms; text fields: one string. */
  readonly values: (issue: JiraIssue, env: JqlEnv) => readonly (string | number)[];
  /** Set fields: the normalised strings an operand stands for (throws Jira's 400 for unknown values). */
  readonly operand?: (value: JqlValue, env: JqlEnv) => readonly string[];
  readonly isEmpty?: (issue: JiraIssue) => boolean;
}

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000 };

const unknownValue = (value: string, field: string) => new JiraError(400, [`The value '${value}' does not exist for the field '${field}'.`]);
export const unknownField = (field: string) => new JiraError(400, [`Field '${field}' does not exist or you do not have permission to view it.`]);
export const unsupported = (op: string, field: string) => new JiraError(400, [`The operator '${op}' is not supported by the '${field}' field.`]);

export function literal(value: JqlValue, field: string): string {
  if (value.kind === 'literal') return value.text;
  if (value.kind === 'function') throw new JiraError(400, [`Unable to find JQL function '${value.name}(${value.args.join(', ')})'.`]);
  throw unknownValue('EMPTY', field);
}

function findPerson(text: string, env: JqlEnv): Person | undefined {
  const t = text.toLowerCase();
  return env.people.find((p) => p.jira.accountId === text || p.email === t || (env.site.deployment === 'Server' && (p.id === t || p.jira.key.toLowerCase() === t)));
}

function userField(name: string, pick: (issue: JiraIssue) => readonly string[]): FieldHandler {
  return {
    name,
    kind: 'set',
    values: pick,
    operand: (value, env) => {
      if (value.kind === 'function' && value.name.toLowerCase() === 'currentuser') return [env.viewer.id];
      const text = literal(value, name);
      const person = findPerson(text, env);
      if (!person) throw unknownValue(text, name);
      return [person.id];
    },
  };
}

function enumField(name: string, pick: (issue: JiraIssue) => string, known: (env: JqlEnv) => readonly string[]): FieldHandler {
  return {
    name,
    kind: 'set',
    values: (issue) => [pick(issue).toLowerCase()],
    operand: (value, env) => {
      const text = literal(value, name);
      if (!known(env).some((k) => k.toLowerCase() === text.toLowerCase())) throw unknownValue(text, name);
      return [text.toLowerCase()];
    },
  };
}

function issueKeyField(name: string, pick: (issue: JiraIssue) => readonly string[]): FieldHandler {
  return {
    name,
    kind: 'set',
    values: pick,
    operand: (value, env) => {
      const text = literal(value, name).toUpperCase();
      const issue = env.site.issues.find((i) => i.key === text || i.id === text);
      if (!issue) throw new JiraError(400, [`An issue with key '${text}' does not exist for field '${name}'.`]);
      return [issue.key];
    },
  };
}

const SPRINT_FUNCTIONS: Record<string, 'active' | 'closed' | 'future'> = { opensprints: 'active', closedsprints: 'closed', futuresprints: 'future' };

const CATEGORY_NAMES: Record<string, JiraIssue['status']['category']> = {
  'to do': 'new', new: 'new', '2': 'new',
  'in progress': 'indeterminate', indeterminate: 'indeterminate', '4': 'indeterminate',
  done: 'done', complete: 'done', '3': 'done',
};

const sprintField: FieldHandler = {
  name: 'sprint',
  kind: 'set',
  values: (issue) => issue.sprintIds.map(String),
  operand: (value, env) => {
    if (value.kind === 'function') {
      const state = SPRINT_FUNCTIONS[value.name.toLowerCase()];
      if (!state) throw new JiraError(400, [`Unable to find JQL function '${value.name}()'.`]);
      return env.site.sprints.filter((s) => s.state === state).map((s) => String(s.id));
    }
    const text = literal(value, 'sprint');
    const sprint = env.site.sprints.find((s) => String(s.id) === text || s.name.toLowerCase() === text.toLowerCase());
    if (!sprint) throw unknownValue(text, 'sprint');
    return [String(sprint.id)];
  },
};

const instantField = (name: string, pick: (issue: JiraIssue) => number | null): FieldHandler => ({
  name,
  kind: 'instant',
  values: (issue) => {
    const v = pick(issue);
    return v === null ? [] : [v];
  },
});

export function startOfLocalDay(ms: number, timeZone: string): number {
  const [y, m, d] = localDate(ms, timeZone).split('-').map(Number);
  return zonedTimeToEpoch(timeZone, y ?? 1970, m ?? 1, d ?? 1);
}

export function jqlFields(site: JiraSite): Record<string, FieldHandler> {
  const sprintCf = `cf[${sprintFieldId(site).replace('customfield_', '')}]`;
  const project: FieldHandler = {
    name: 'project',
    kind: 'set',
    values: (issue) => [issue.projectKey],
    operand: (value, env) => {
      const text = literal(value, 'project');
      const found = env.site.projects.find((p) => p.key === text.toUpperCase() || p.id === text || p.name.toLowerCase() === text.toLowerCase());
      if (!found) throw unknownValue(text, 'project');
      return [found.key];
    },
  };
  const key = issueKeyField('key', (issue) => [issue.key]);
  const parent = issueKeyField('parent', (issue) => (issue.parentKey ? [issue.parentKey] : []));
  const updated = instantField('updated', (i) => i.updated);
  const created = instantField('created', (i) => i.created);
  const resolved = instantField('resolved', (i) => i.resolutionDate);
  const due: FieldHandler = {
    name: 'due',
    kind: 'day',
    values: (issue, env) => {
      if (issue.dueDate === null) return [];
      const [y, m, d] = issue.dueDate.split('-').map(Number);
      return [zonedTimeToEpoch(env.viewer.timeZone, y ?? 1970, m ?? 1, d ?? 1)];
    },
  };
  const summary: FieldHandler = { name: 'summary', kind: 'text', values: (issue) => [issue.summary] };
  const text: FieldHandler = { name: 'text', kind: 'text', values: (issue) => [`${issue.summary}\n${issue.description}`] };
  return {
    project,
    key,
    issuekey: key,
    id: key,
    parent,
    'epic link': parent,
    sprint: sprintField,
    [sprintCf]: sprintField,
    updated,
    updateddate: updated,
    created,
    createddate: created,
    resolved,
    resolutiondate: resolved,
    due,
    duedate: due,
    assignee: userField('assignee', (i) => (i.assignee ? [i.assignee] : [])),
    reporter: userField('reporter', (i) => [i.reporter]),
    worklogauthor: userField('worklogAuthor', (i) => [...new Set(i.worklogs.map((w) => w.personId))]),
    worklogdate: { name: 'worklogDate', kind: 'day', values: (i, env) => i.worklogs.map((w) => startOfLocalDay(w.started, env.viewer.timeZone)) },
    status: enumField('status', (i) => i.status.name, (env) => [...new Set(['To Do', 'In Progress', 'In Review', 'Done', ...env.site.issues.map((i) => i.status.name)])]),
    statuscategory: {
      name: 'statusCategory',
      kind: 'set',
      values: (issue) => [issue.status.category],
      operand: (value) => {
        const t = literal(value, 'statusCategory');
        const category = CATEGORY_NAMES[t.toLowerCase()];
        if (!category) throw unknownValue(t, 'statusCategory');
        return [category];
      },
    },
    issuetype: enumField('issuetype', (i) => i.issueType, () => ISSUE_TYPE_NAMES),
    type: enumField('issuetype', (i) => i.issueType, () => ISSUE_TYPE_NAMES),
    priority: enumField('priority', (i) => i.priority, () => PRIORITY_ORDER),
    labels: { name: 'labels', kind: 'set', values: (i) => i.labels, operand: (v) => [literal(v, 'labels')] },
    resolution: {
      name: 'resolution',
      kind: 'set',
      values: (i) => [i.status.category === 'done' ? 'done' : 'unresolved'],
      isEmpty: (i) => i.status.category !== 'done',
      operand: (v) => {
        const t = literal(v, 'resolution').toLowerCase();
        if (t !== 'done' && t !== 'unresolved') throw unknownValue(t, 'resolution');
        return [t];
      },
    },
    summary,
    text,
  };
}

/** A date operand as an instant: `-5d`, `"2026-11-20 14:30"`, `"2026/11/20"`, `now()`, `startOfDay(-1)`… in the viewer's zone. */
export function dateOperand(value: JqlValue, field: string, env: JqlEnv): number {
  const zone = env.viewer.timeZone;
  if (value.kind === 'function') {
    const name = value.name.toLowerCase();
    const shift = value.args[0] ? relative(value.args[0].endsWith('d') ? value.args[0] : `${value.args[0]}d`) : 0;
    if (name === 'now') return env.now;
    if (name === 'startofday' && shift !== null) return startOfLocalDay(env.now + shift, zone);
    if (name === 'endofday' && shift !== null) return startOfLocalDay(env.now + shift, zone) + DAY - 1;
    throw new JiraError(400, [`Unable to find JQL function '${value.name}(${value.args.join(', ')})'.`]);
  }
  const text = literal(value, field).trim();
  const offset = relative(text);
  if (offset !== null) return env.now + offset;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (m) return zonedTimeToEpoch(zone, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  throw new JiraError(400, [
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  ]);
}

function relative(text: string): number | null {
  const m = /^([+-]?)((?:\d+[wdhm]\s*)+)$/i.exec(text.trim());
  if (!m) return null;
  let total = 0;
  for (const part of (m[2] ?? '').matchAll(/(\d+)([wdhm])/gi)) total += Number(part[1]) * (UNIT_MS[(part[2] ?? 'm').toLowerCase()] ?? 0);
  return m[1] === '-' ? -total : total;
}
