import { entrySeconds } from '../../core/entry';
import { parseItemKey } from '../../core/item-ref';
import { readReportMarker } from '../../core/status-report';
import { readTimeMarker, timeComment } from '../../core/time-marker';
import type { WorkItem } from '../../core/work-item';
import type { PullContext, PullResult, PushContext, ReportContext, SyncAdapter } from '../types';
import { changedComments, changedIssues, createComment, deleteComment, issueComments, updateComment, type GithubTarget } from './api';
import { mapIssue, mapTimeComment, type RepoRef } from './map';

/**
 * GitHub's part in the sync engine. Items: the repository's issues and PRs changed since the last read (one 304 when
 * nothing changed). Team time: Stint markers in the repository's comments changed since the last read. Write-back:
 * one comment per entry, carrying the entry id, found again before any retry.
 */
export const githubAdapter: SyncAdapter = {
  scopes: (projectKey) => [`${projectKey}#issues`, `${projectKey}#comments`],

  async pull(context: PullContext): Promise<PullResult> {
    const [owner = '', name = ''] = context.project.project.split('/');
    const repo: RepoRef = { host: context.project.host, owner, name };
    const target: GithubTarget = { apiBase: context.connection.apiBase, token: context.token };
    const issuesScope = `${context.project.key}#issues`;
    const commentsScope = `${context.project.key}#comments`;
    const issuesState = context.scopes.get(issuesScope);
    const commentsState = context.scopes.get(commentsScope);

    const issues = await changedIssues(target, repo.host, repo, issuesState?.cursor ?? null, issuesState?.etag ?? null);
    const items: WorkItem[] = [];
    let issuesCursor = issuesState?.cursor ?? null;
    if (!issues.notModified) {
      for (const raw of issues.records) {
        const mapped = mapIssue(repo, raw, context.estimateLabels, context.week, context.now);
        if (mapped.ok) {
          items.push(mapped.value);
          issuesCursor = Math.max(issuesCursor ?? 0, mapped.value.remoteUpdatedAt ?? 0);
        } else if (mapped.number !== null) {
          // The item is kept, marked with why it could not be read: the sync goes on with the others.
          items.push({ key: `github:${repo.host}/${context.project.project}#${mapped.number}`, provider: 'github', kind: 'issue', url: `https://${repo.host}/${context.project.project}/issues/${mapped.number}`, title: null, updatedAt: context.now, syncError: mapped.reason });
        }
      }
    }

    const comments = await changedComments(target, repo.host, repo, commentsState?.cursor ?? null, commentsState?.etag ?? null);
    const teamEntries = [];
    let commentsCursor = commentsState?.cursor ?? null;
    if (!comments.notModified) {
      for (const raw of comments.records) {
        const stamp = (raw as { updated_at?: unknown } | null)?.updated_at;
        const updated = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
        if (Number.isFinite(updated)) commentsCursor = Math.max(commentsCursor ?? 0, updated);
        const mapped = mapTimeComment(repo, raw);
        if (mapped) teamEntries.push(mapped.entry);
      }
    }

    const state = (scope: string, previous: typeof issuesState, read: typeof issues, cursor: number | null) => ({
      scope,
      etag: read.notModified ? (previous?.etag ?? null) : read.etag,
      cursor,
      lastSuccess: context.now,
      lastError: null,
    });
    return { items, teamEntries, scopes: [state(issuesScope, issuesState, issues, issuesCursor), state(commentsScope, commentsState, comments, commentsCursor)] };
  },

  async push(context: PushContext) {
    const { target, repo, number } = locate(context);
    const entry = context.entry;
    const body = timeComment({ entry: entry.id, seconds: entrySeconds(entry, entry.end ?? entry.start), start: entry.start }, entry.note);
    let commentId = entry.remote.github ? Number(entry.remote.github.id) : null;
    if (commentId === null && context.mayExist) commentId = (await findOwnComments(target, repo, number, entry.id))[0] ?? null;
    if (commentId !== null) {
      const updated = await updateComment(target, repo.host, repo, commentId, body);
      if (updated) return { id: String(updated.id), version: updated.updatedAt };
    }
    const created = await createComment(target, repo.host, repo, number, body);
    // A browser may resend a POST by itself when a reused connection drops before the answer (Chromium does), so one
    // create can leave two comments. Check, and remove any other comment carrying this entry's marker.
    for (const extra of await findOwnComments(target, repo, number, entry.id)) {
      if (extra !== created.id) await deleteComment(target, repo.host, repo, extra);
    }
    return { id: String(created.id), version: created.updatedAt };
  },

  async remove(context: PushContext) {
    const { target, repo, number } = locate(context);
    const known = context.entry.remote.github ? [Number(context.entry.remote.github.id)] : [];
    const found = context.mayExist || known.length === 0 ? await findOwnComments(target, repo, number, context.entry.id) : [];
    for (const commentId of new Set([...known, ...found])) await deleteComment(target, repo.host, repo, commentId);
  },

  async postReport(context: ReportContext) {
    const ref = parseItemKey(context.itemKey);
    if (ref?.provider !== 'github') throw new Error(`Not a GitHub item: ${context.itemKey}`);
    const [owner = '', name = ''] = ref.project.split('/');
    const target: GithubTarget = { apiBase: context.connection.apiBase, token: context.token };
    const repo: RepoRef = { host: ref.host, owner, name };
    const number = Number(ref.id);
    // Look first, always: an earlier attempt may have posted it and lost the answer.
    const [earlier] = await findReportComments(target, repo, number, context.reportId);
    if (earlier !== undefined) return { commentId: String(earlier) };
    const created = await createComment(target, repo.host, repo, number, context.bodies.markdown);
    // A POST the browser resent after a dropped connection leaves a second copy: only a fresh look finds it.
    for (const extra of await findReportComments(target, repo, number, context.reportId)) {
      if (extra !== created.id) await deleteComment(target, repo.host, repo, extra);
    }
    return { commentId: String(created.id) };
  },
};

/** The comments carrying this report's marker, oldest first. */
async function findReportComments(target: GithubTarget, repo: RepoRef, number: number, reportId: string): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of await issueComments(target, repo.host, repo, number)) {
    const comment = raw as { id?: unknown; body?: unknown };
    if (typeof comment.body === 'string' && typeof comment.id === 'number' && readReportMarker(comment.body) === reportId) ids.push(comment.id);
  }
  return ids;
}

function locate(context: PushContext): { target: GithubTarget; repo: RepoRef; number: number } {
  const ref = parseItemKey(context.entry.itemKey);
  if (ref?.provider !== 'github') throw new Error(`Not a GitHub item: ${context.entry.itemKey}`);
  const [owner = '', name = ''] = ref.project.split('/');
  return { target: { apiBase: context.connection.apiBase, token: context.token }, repo: { host: ref.host, owner, name }, number: Number(ref.id) };
}

/** The comments carrying this entry's marker (an earlier attempt's, whose answer was lost), oldest first. */
async function findOwnComments(target: GithubTarget, repo: RepoRef, number: number, entryId: string): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of await issueComments(target, repo.host, repo, number)) {
    const comment = raw as { id?: unknown; body?: unknown };
    if (typeof comment.body === 'string' && typeof comment.id === 'number' && readTimeMarker(comment.body)?.entry === entryId) ids.push(comment.id);
  }
  return ids;
}
