import { entrySeconds, type TimeEntry } from '../../core/entry';
import { itemKey, parseItemKey } from '../../core/item-ref';
import { readReportMarker } from '../../core/status-report';
import type { WorkItem } from '../../core/work-item';
import { ProviderError } from '../errors';
import type { EstimateContext, PullContext, PullResult, PushContext, ReportContext, SyncAdapter } from '../types';
import { changedIssuables, createNote, createTimelog, deleteNote, deleteTimelog, itemNotes, itemTimelogs, setTimeEstimate, timelogsOf, type GitlabTarget, type IssuableKind } from './api';
import { entryIdOf, mapIssuable, mapTimelog, timelogSummary, type ProjectRef } from './map';
import { GitlabTimelog } from './schemas';

const KINDS: readonly { kind: IssuableKind; scope: string }[] = [
  { kind: 'issue', scope: 'issues' },
  { kind: 'mr', scope: 'mrs' },
];

/** `2026-11-26T10:00:00+01:00`: the entry's start in the person's own time zone, as GitLab shows spent time. */
export function spentAtOf(start: number, offsetMinutes: number): string {
  const local = new Date(start + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * GitLab's part in the sync engine. Items: issues and MRs updated since the last read (`updated_after`; an unchanged
 * project costs one request per kind), with GitLab's own estimate and spent time. Team time: the timelogs of the
 * items that changed — and only those — through GraphQL, each item's whole set, so a timelog deleted in GitLab goes
 * here too. Write-back: one timelog per entry carrying the entry id, found again before any retry.
 */
export const gitlabAdapter: SyncAdapter = {
  scopes: (projectKey) => KINDS.map(({ scope }) => `${projectKey}#${scope}`),

  async pull(context: PullContext): Promise<PullResult> {
    const project: ProjectRef = { host: context.project.host, path: context.project.project };
    const target: GitlabTarget = { apiBase: context.connection.apiBase, token: context.token };
    const items: WorkItem[] = [];
    const teamEntries: TimeEntry[] = [];
    const replacedItems: string[] = [];
    const scopes = [];
    for (const { kind, scope } of KINDS) {
      const name = `${context.project.key}#${scope}`;
      const previous = context.scopes.get(name);
      const since = previous?.cursor ?? null;
      let cursor = since;
      const changed: string[] = [];
      for (const raw of await changedIssuables(target, project.host, project.path, kind, since)) {
        const mapped = mapIssuable(project, kind, raw, context.now);
        if (mapped.ok) {
          const updated = mapped.value.remoteUpdatedAt ?? 0;
          // `updated_after` includes the cursor's own moment: what was read then is not read again.
          if (since === null || updated > since) {
            items.push(mapped.value);
            const iid = parseItemKey(mapped.value.key)?.id;
            if (iid) changed.push(iid);
          }
          cursor = Math.max(cursor ?? 0, updated);
        } else if (mapped.iid !== null) {
          items.push({ key: itemKey({ provider: 'gitlab', host: project.host, project: project.path, id: String(mapped.iid), kind }), provider: 'gitlab', kind, url: `https://${project.host}/${project.path}/-/${kind === 'issue' ? 'issues' : 'merge_requests'}/${mapped.iid}`, title: null, updatedAt: context.now, syncError: mapped.reason });
        }
      }
      for (const found of await timelogsOf(target, project.host, project.path, kind, changed)) {
        replacedItems.push(itemKey({ provider: 'gitlab', host: project.host, project: project.path, id: found.iid, kind }));
        for (const raw of found.timelogs) {
          const entry = mapTimelog(project, kind, found.iid, raw, context.now);
          if (entry) teamEntries.push(entry);
        }
      }
      scopes.push({ scope: name, etag: null, cursor, lastSuccess: context.now, lastError: null });
    }
    return { items, teamEntries, replacedItems, scopes };
  },

  async push(context: PushContext) {
    const { target, host, path, kind, iid } = locate(context);
    const entry = context.entry;
    const seconds = entrySeconds(entry, entry.end ?? entry.start);
    const summary = timelogSummary(entry.id, entry.note);
    const spentAt = spentAtOf(entry.start, -new Date(entry.start).getTimezoneOffset());
    const mine = async () => {
      const found = await itemTimelogs(target, host, path, kind, iid);
      return { globalId: found.globalId, logs: timelogsOfEntry(found.timelogs, entry.id) };
    };
    // Always look first: an earlier attempt (or the version before an edit) may be there already.
    const before = await mine();
    const same = before.logs.find((log) => log.timeSpent === seconds && log.summary === summary && log.spentAt !== null && Math.abs(Date.parse(log.spentAt) - entry.start) < 1000);
    if (same) {
      for (const log of before.logs) if (log.id !== same.id) await deleteTimelog(target, host, log.id);
      return { id: same.id, version: String(seconds) };
    }
    const created = await createTimelog(target, host, before.globalId, seconds, spentAt, summary);
    // The edited entry's old timelog goes; so does a second copy, if the browser resent the POST after a dropped
    // connection (Chromium does), which only a fresh look can find.
    for (const log of (await mine()).logs) if (log.id !== created) await deleteTimelog(target, host, log.id);
    return { id: created, version: String(seconds) };
  },

  async setEstimate(context: EstimateContext) {
    const ref = parseItemKey(context.itemKey);
    if (ref?.provider !== 'gitlab') throw new ProviderError('bad-payload', { reason: 'not-its-item', itemKey: context.itemKey, provider: 'gitlab' }, `Not a GitLab item: ${context.itemKey}`);
    await setTimeEstimate({ apiBase: context.connection.apiBase, token: context.token }, ref.host, ref.project, ref.kind === 'mr' ? 'mr' : 'issue', ref.id, context.seconds);
  },

  async remove(context: PushContext) {
    const { target, host, path, kind, iid } = locate(context);
    const found = await itemTimelogs(target, host, path, kind, iid);
    for (const log of timelogsOfEntry(found.timelogs, context.entry.id)) await deleteTimelog(target, host, log.id);
  },

  async postReport(context: ReportContext) {
    const ref = parseItemKey(context.itemKey);
    if (ref?.provider !== 'gitlab') throw new ProviderError('bad-payload', { reason: 'not-its-item', itemKey: context.itemKey, provider: 'gitlab' }, `Not a GitLab item: ${context.itemKey}`);
    const target: GitlabTarget = { apiBase: context.connection.apiBase, token: context.token };
    const kind: IssuableKind = ref.kind === 'mr' ? 'mr' : 'issue';
    const mine = async () => (await itemNotes(target, ref.host, ref.project, kind, ref.id)).flatMap((raw) => {
      const note = raw as { id?: unknown; body?: unknown };
      return typeof note.id === 'number' && typeof note.body === 'string' && readReportMarker(note.body) === context.reportId ? [note.id] : [];
    });
    // Look first, always: an earlier attempt may have posted it and lost the answer.
    const [earlier] = await mine();
    if (earlier !== undefined) return { commentId: String(earlier) };
    const created = await createNote(target, ref.host, ref.project, kind, ref.id, context.bodies.markdown);
    // A POST the browser resent after a dropped connection leaves a second copy: only a fresh look finds it.
    for (const extra of await mine()) if (extra !== created) await deleteNote(target, ref.host, ref.project, kind, ref.id, extra);
    return { commentId: String(created) };
  },
};

/** The timelogs that carry this entry's marker (Stint's own writes of it, including any duplicate). */
function timelogsOfEntry(raw: readonly unknown[], entryId: string): GitlabTimelog[] {
  return raw.flatMap((node) => {
    const log = GitlabTimelog.safeParse(node);
    return log.success && entryIdOf(log.data.summary) === entryId.toLowerCase() ? [log.data] : [];
  });
}

function locate(context: PushContext): { target: GitlabTarget; host: string; path: string; kind: IssuableKind; iid: string } {
  const ref = parseItemKey(context.entry.itemKey);
  if (ref?.provider !== 'gitlab') throw new ProviderError('bad-payload', { reason: 'not-its-item', itemKey: context.entry.itemKey, provider: 'gitlab' }, `Not a GitLab item: ${context.entry.itemKey}`);
  return { target: { apiBase: context.connection.apiBase, token: context.token }, host: ref.host, path: ref.project, kind: ref.kind === 'mr' ? 'mr' : 'issue', iid: ref.id };
}
