import type { TimeEntry } from '../../core/entry';
import { itemKey } from '../../core/item-ref';
import type { ItemContainer, WorkItem } from '../../core/work-item';
import { GitlabIssuable, GitlabTimelog } from './schemas';
import type { IssuableKind } from './api';

export interface ProjectRef {
  readonly host: string;
  /** `group/sub/project`, as in the URL. */
  readonly path: string;
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string; iid: number | null };

function reasonOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join('.') || 'payload'}: ${first.message}` : 'unreadable payload';
}

const dayStart = (day: string | null | undefined) => (day ? Date.parse(`${day.slice(0, 10)}T00:00:00Z`) : null);

/** An issue or MR with GitLab's own estimate and spent time (`time_stats`), milestone or iteration, labels, people. */
export function mapIssuable(project: ProjectRef, kind: IssuableKind, raw: unknown, now: number): Mapped<WorkItem> {
  const parsed = GitlabIssuable.safeParse(raw);
  if (!parsed.success) {
    const iid = typeof (raw as { iid?: unknown } | null)?.iid === 'number' ? (raw as { iid: number }).iid : null;
    return { ok: false, reason: reasonOf(parsed.error), iid };
  }
  const item = parsed.data;
  const planned = item.milestone ?? null;
  const iteration = item.iteration ?? null;
  const container: ItemContainer | null = planned
    ? { kind: 'milestone', id: String(planned.id), title: planned.title ?? '', startsAt: dayStart(planned.start_date), dueAt: dayStart(planned.due_date) }
    : iteration
      ? { kind: 'iteration', id: String(iteration.id), title: iteration.title ?? '', startsAt: dayStart(iteration.start_date), dueAt: dayStart(iteration.due_date) }
      : null;
  return {
    ok: true,
    value: {
      key: itemKey({ provider: 'gitlab', host: project.host, project: project.path, id: String(item.iid), kind }),
      provider: 'gitlab',
      kind,
      url: item.web_url,
      title: item.title,
      updatedAt: now,
      project: project.path,
      state: item.state === 'merged' ? 'merged' : item.state === 'opened' ? 'open' : 'closed',
      labels: item.labels.map((l) => (typeof l === 'string' ? l : l.name)),
      assignees: (item.assignees ?? []).map((a) => a.username),
      container,
      estimateSeconds: item.time_stats.time_estimate > 0 ? item.time_stats.time_estimate : null,
      providerSpentSeconds: item.time_stats.total_time_spent,
      createdAt: Date.parse(item.created_at),
      closedAt: item.closed_at ? Date.parse(item.closed_at) : null,
      dueAt: dayStart(item.due_date),
      remoteUpdatedAt: Date.parse(item.updated_at),
      syncError: null,
    },
  };
}

// Stint's timelogs carry the entry id at the end of their summary, so a retry finds its own earlier write and a
// teammate's Stint entry is never counted twice.
const MARKER = /(?:^|\s)\[stint:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]\s*$/i;
const SUMMARY_MAX = 255;

/** The summary of a timelog Stint writes: the note (shortened to fit GitLab's 255 characters) and the marker. */
export function timelogSummary(entryId: string, note: string): string {
  const marker = `[stint:${entryId}]`;
  const room = SUMMARY_MAX - marker.length - 1;
  const text = note.replace(/\s+/g, ' ').trim();
  const shortened = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  return shortened ? `${shortened} ${marker}` : marker;
}

/** The Stint entry id a timelog summary carries, if any. */
export function entryIdOf(summary: string | null | undefined): string | null {
  return summary ? (MARKER.exec(summary)?.[1]?.toLowerCase() ?? null) : null;
}

/** The note part of a summary (without Stint's marker). */
function noteOf(summary: string | null): string {
  return (summary ?? '').replace(MARKER, '').trim();
}

/**
 * A timelog becomes a team entry: Stint's own (its entry id from the marker) or anyone's logged in GitLab (an id of
 * its own, from the timelog's global id). It starts at `spentAt` and lasts `timeSpent` seconds. Null when unreadable
 * or not positive (GitLab allows negative "subtract time" logs; they are shown by GitLab's total, not as entries).
 */
export function mapTimelog(project: ProjectRef, kind: IssuableKind, iid: string, raw: unknown, now: number): TimeEntry | null {
  const parsed = GitlabTimelog.safeParse(raw);
  if (!parsed.success || parsed.data.timeSpent <= 0 || !parsed.data.spentAt) return null;
  const log = parsed.data;
  const start = Date.parse(log.spentAt!);
  const timelogNumber = /\d+$/.exec(log.id)?.[0] ?? log.id;
  return {
    id: entryIdOf(log.summary) ?? `gitlab-timelog:${project.host}:${timelogNumber}`,
    itemKey: itemKey({ provider: 'gitlab', host: project.host, project: project.path, id: iid, kind }),
    start,
    end: start + log.timeSpent * 1000,
    note: noteOf(log.summary),
    billable: true,
    author: log.user.username,
    origin: 'gitlab',
    remote: { gitlab: { id: log.id, version: String(log.timeSpent) } },
    sync: 'synced',
    updatedAt: now,
    deletedAt: null,
  };
}
