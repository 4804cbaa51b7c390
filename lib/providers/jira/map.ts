import type { TimeEntry } from '../../core/entry';
import { itemKey } from '../../core/item-ref';
import type { ItemContainer, PlannedContainer, WorkItem } from '../../core/work-item';
import { JiraIssue, JiraSprintValue, JiraWorklog, parseJiraDateTime, type JiraSprintValue as Sprint } from './schemas';

/** The worklog property that carries Stint's entry id, so a retry finds its own worklog and nobody counts it twice. */
export const ENTRY_PROPERTY = 'stint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string; key: string | null };

function reasonOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join('.') || 'payload'}: ${first.message}` : 'unreadable payload';
}

/** The offset of `timeZone` at `at`, in minutes east of UTC (Sydney in summer: 660). */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * A worklog's `started`: the entry's start as wall-clock time in the person's Jira time zone, with that zone's offset
 * in Jira's own format — `2026-11-26T08:15:00.000+1000`.
 */
export function startedOf(start: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, start);
  const local = new Date(start + offset * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const dayStart = (day: string | null | undefined) => (day ? Date.parse(`${day}T00:00:00Z`) : null);
const instant = (value: string | undefined | null) => (value ? parseJiraDateTime(value) : null);

/** The sprint an issue is planned in now: the active one, else the next, else the last it was in. */
function currentSprint(raw: unknown): ItemContainer | null {
  if (!Array.isArray(raw)) return null;
  const sprints = raw.flatMap((value) => {
    const read = JiraSprintValue.safeParse(value);
    return read.success ? [read.data] : [];
  });
  const rank = (state: string) => (state === 'active' ? 0 : state === 'future' ? 1 : 2);
  const chosen = [...sprints].sort((a, b) => rank(a.state) - rank(b.state) || (rank(a.state) === 2 ? b.id - a.id : a.id - b.id))[0];
  if (!chosen) return null;
  return { kind: 'sprint', id: String(chosen.id), title: chosen.name, startsAt: instant(chosen.startDate), dueAt: instant(chosen.endDate) };
}

/** A sprint of a project's boards, as a planned container (the timeline's lane). */
export function plannedSprint(projectKey: string, sprint: Sprint): PlannedContainer {
  const state = sprint.state === 'active' || sprint.state === 'future' || sprint.state === 'closed' ? sprint.state : null;
  return {
    key: `${projectKey}#sprint:${sprint.id}`,
    projectKey,
    kind: 'sprint',
    id: String(sprint.id),
    title: sprint.name,
    startsAt: instant(sprint.startDate),
    dueAt: instant(sprint.endDate),
    state,
    completedAt: instant(sprint.completeDate),
  };
}

/**
 * An issue with Jira's own estimates and time spent, status category, sprint (from the field found by schema), epic
 * or parent, due date and "is blocked by" links. Identity comes from the key Jira answers, checked against the site.
 */
export function mapIssue(host: string, raw: unknown, sprintField: string | null, now: number): Mapped<WorkItem> {
  const parsed = JiraIssue.safeParse(raw);
  if (!parsed.success) {
    const key = (raw as { key?: unknown } | null)?.key;
    return { ok: false, reason: reasonOf(parsed.error), key: typeof key === 'string' ? key : null };
  }
  const issue = parsed.data;
  const m = /^([A-Z][A-Z0-9_]+)-([1-9]\d*)$/.exec(issue.key);
  if (!m) return { ok: false, reason: `key: “${issue.key.slice(0, 64)}” is not a Jira issue key`, key: null };
  const f = issue.fields;
  const key = (issueKey: string) => itemKey({ provider: 'jira', host, project: issueKey.split('-')[0] ?? '', id: issueKey, kind: 'issue' });
  const sprintValue = sprintField ? (raw as { fields: Record<string, unknown> }).fields[sprintField] : null;
  const parent = f.parent?.key && /^[A-Z][A-Z0-9_]+-\d+$/.test(f.parent.key) ? f.parent.key : null;
  const container = currentSprint(sprintValue) ?? (parent ? { kind: 'epic' as const, id: parent, title: f.parent?.fields?.summary ?? parent, startsAt: null, dueAt: null } : null);
  const category = f.status?.statusCategory?.key;
  const blockedBy = (f.issuelinks ?? []).filter((link) => link.type.inward === 'is blocked by' && link.inwardIssue).map((link) => key(link.inwardIssue!.key));
  const assignee = f.assignee ? (f.assignee.accountId ?? f.assignee.name ?? null) : null;
  return {
    ok: true,
    value: {
      key: key(issue.key),
      provider: 'jira',
      kind: 'issue',
      url: `https://${host}/browse/${issue.key}`,
      title: f.summary ?? null,
      updatedAt: now,
      project: m[1]!,
      state: category === 'done' ? 'closed' : 'open',
      labels: f.labels ?? [],
      assignees: assignee ? [assignee] : [],
      container,
      estimateSeconds: f.timetracking?.originalEstimateSeconds ?? null,
      remainingEstimateSeconds: f.timetracking?.remainingEstimateSeconds ?? null,
      providerSpentSeconds: f.timetracking?.timeSpentSeconds ?? 0,
      statusName: f.status?.name ?? null,
      dueAt: dayStart(f.duedate),
      parentKey: parent ? key(parent) : null,
      blockedBy,
      createdAt: instant(f.created) ?? now,
      closedAt: instant(f.resolutiondate),
      remoteUpdatedAt: instant(f.updated) ?? now,
      syncError: null,
    },
  };
}

/** Plain text of a worklog comment: a v2 string, or the text nodes of a v3 Atlassian Document. */
export function commentText(comment: unknown, depth = 0): string {
  if (typeof comment === 'string') return comment;
  if (depth > 20 || typeof comment !== 'object' || comment === null) return '';
  const node = comment as { type?: unknown; text?: unknown; content?: unknown };
  if (node.type === 'text' && typeof node.text === 'string') return node.text;
  if (!Array.isArray(node.content)) return '';
  const parts = node.content.map((child) => commentText(child, depth + 1));
  return (node.type === 'doc' ? parts.join('\n') : parts.join('')).slice(0, 10_000);
}

/** The Stint entry id a worklog carries in its property, if any. */
export function entryIdOf(worklog: Pick<JiraWorklog, 'properties'>): string | null {
  const value = worklog.properties?.find((p) => p.key === ENTRY_PROPERTY)?.value as { entry?: unknown } | undefined;
  return typeof value?.entry === 'string' && UUID.test(value.entry) ? value.entry.toLowerCase() : null;
}

/** The property Stint writes on a worklog. */
export const entryProperty = (entryId: string) => ({ key: ENTRY_PROPERTY, value: { v: 1, entry: entryId } });

/**
 * A worklog becomes a team entry: Stint's own (its entry id from the property) or anyone's logged in Jira (an id of
 * its own, from the worklog id). Null when unreadable, not positive, or on an issue of another project.
 */
export function mapWorklog(host: string, issueKeyOf: ReadonlyMap<string, string>, raw: unknown, now: number): TimeEntry | null {
  const parsed = JiraWorklog.safeParse(raw);
  if (!parsed.success || parsed.data.timeSpentSeconds <= 0) return null;
  const log = parsed.data;
  const issue = issueKeyOf.get(String(log.issueId));
  const start = parseJiraDateTime(log.started);
  if (!issue || start === null) return null;
  return {
    id: entryIdOf(log) ?? `jira-worklog:${host}:${log.id}`,
    itemKey: itemKey({ provider: 'jira', host, project: issue.split('-')[0] ?? '', id: issue, kind: 'issue' }),
    start,
    end: start + log.timeSpentSeconds * 1000,
    note: commentText(log.comment),
    billable: true,
    author: log.author?.accountId ?? log.author?.name ?? 'unknown',
    origin: 'jira',
    remote: { jira: { id: String(log.id), version: String(log.timeSpentSeconds) } },
    sync: 'synced',
    updatedAt: now,
    deletedAt: null,
  };
}
