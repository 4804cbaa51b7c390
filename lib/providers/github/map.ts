import { closingReferences } from './closing-refs';
import type { WorkWeek } from '../../core/duration';
import type { TimeEntry } from '../../core/entry';
import { estimateFromLabels, type EstimateLabelConvention } from '../../core/estimate-labels';
import { itemKey } from '../../core/item-ref';
import { readTimeMarker } from '../../core/time-marker';
import type { WorkItem } from '../../core/work-item';
import { GithubComment, GithubIssue } from './schemas';

/** Pure mapping from GitHub's payloads (unknown until validated) to Stint's records. */

export interface RepoRef {
  readonly host: string;
  readonly owner: string;
  readonly name: string;
}

export type Mapped<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string; readonly number: number | null };

function reasonOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}` : 'unreadable payload';
}

export function mapIssue(repo: RepoRef, raw: unknown, convention: EstimateLabelConvention, week: WorkWeek, now: number): Mapped<WorkItem> {
  const parsed = GithubIssue.safeParse(raw);
  if (!parsed.success) {
    const number = typeof (raw as { number?: unknown } | null)?.number === 'number' ? (raw as { number: number }).number : null;
    return { ok: false, reason: reasonOf(parsed.error), number };
  }
  const issue = parsed.data;
  const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
  const isPull = issue.pull_request !== undefined;
  const project = `${repo.owner}/${repo.name}`;
  return {
    ok: true,
    value: {
      key: itemKey({ provider: 'github', host: repo.host, project, id: String(issue.number), kind: isPull ? 'pr' : 'issue' }),
      provider: 'github',
      kind: isPull ? 'pr' : 'issue',
      url: issue.html_url,
      title: issue.title,
      updatedAt: now,
      project,
      state: isPull && issue.pull_request?.merged_at ? 'merged' : issue.state,
      labels,
      assignees: (issue.assignees ?? []).map((a) => a.login),
      container: issue.milestone
        ? { kind: 'milestone', id: String(issue.milestone.number), title: issue.milestone.title, startsAt: null, dueAt: issue.milestone.due_on ? Date.parse(issue.milestone.due_on) : null }
        : null,
      estimateSeconds: estimateFromLabels(labels, convention, week),
      createdAt: Date.parse(issue.created_at),
      closedAt: issue.closed_at ? Date.parse(issue.closed_at) : null,
      remoteUpdatedAt: Date.parse(issue.updated_at),
      closes: isPull ? closingReferences(issue.body, repo) : [],
      syncError: null,
    },
  };
}

/** The issue or PR number a comment belongs to, from its `issue_url` (`…/repos/o/r/issues/12`). */
function issueNumberOf(issueUrl: string): number | null {
  const m = /\/issues\/(\d+)$/.exec(new URL(issueUrl).pathname);
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * A comment carrying a Stint time marker becomes a team entry (author = the comment's author). Comments without a
 * valid marker are nobody's time: null. (Issues and PRs share one number space, so the key is the same for both.)
 */
export function mapTimeComment(repo: RepoRef, raw: unknown): { entry: TimeEntry; commentId: number; updatedAt: number } | null {
  const parsed = GithubComment.safeParse(raw);
  if (!parsed.success || !parsed.data.body || !parsed.data.user) return null;
  const marker = readTimeMarker(parsed.data.body);
  const number = issueNumberOf(parsed.data.issue_url);
  if (!marker || number === null) return null;
  const updatedAt = Date.parse(parsed.data.updated_at);
  return {
    commentId: parsed.data.id,
    updatedAt,
    entry: {
      id: marker.entry,
      itemKey: itemKey({ provider: 'github', host: repo.host, project: `${repo.owner}/${repo.name}`, id: String(number), kind: 'issue' }),
      start: marker.start,
      end: marker.start + marker.seconds * 1000,
      note: '',
      billable: true,
      author: parsed.data.user.login,
      origin: 'github',
      remote: { github: { id: String(parsed.data.id), version: parsed.data.updated_at } },
      sync: 'synced',
      updatedAt,
      deletedAt: null,
    },
  };
}
