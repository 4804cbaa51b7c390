import { createHash } from 'node:crypto';
import type { GhIssue, GhPull, GhRepo } from '../../data/model.ts';
import { iso, isoOrNull, nodeId, type RepoLinks } from './links.ts';
import { issueLabels, issueMilestone, ownerUser, renderLabel, simpleUser } from './render.ts';
import { renderRepository } from './render-repo.ts';

/** Schemas `pull-request-simple` (lists) and `pull-request` (`GET …/pulls/{n}`), from an issue record that has `pull`. */

/** Pull requests have their own id, distinct from the id of the issue they share a number with. */
export function pullId(issue: GhIssue): number {
  return 2_000_000_000 + issue.id;
}

function sha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

function branch(links: RepoLinks, repo: GhRepo, ref: string, repository: Record<string, unknown>): Record<string, unknown> {
  return { label: `${repo.owner.login}:${ref}`, ref, sha: sha(`${repo.id}:${ref}`), user: ownerUser(links, repo), repo: repository };
}

export function renderPullSimple(links: RepoLinks, repo: GhRepo, issue: GhIssue, pull: GhPull): Record<string, unknown> {
  const api = `${links.repoApi}/pulls/${issue.number}`;
  const html = `${links.repoWeb}/pull/${issue.number}`;
  const issueApi = `${links.repoApi}/issues/${issue.number}`;
  const repository = renderRepository(links, repo);
  const head = branch(links, repo, pull.headRef, repository);
  const statuses = `${links.repoApi}/statuses/${String(head.sha)}`;
  const assignees = issue.assignees.map((login) => simpleUser(links, login));
  return {
    url: api,
    id: pullId(issue),
    node_id: nodeId('PR_kwDO', pullId(issue)),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${links.repoApi}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: statuses,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: simpleUser(links, issue.user),
    body: issue.body,
    // The subset's `pull-request-simple` label requires a string description (GitHub itself sends null for none).
    labels: issueLabels(repo, issue).map((l) => ({ ...renderLabel(links, l), description: l.description ?? '' })),
    milestone: issueMilestone(links, repo, issue),
    active_lock_reason: null,
    created_at: iso(issue.createdAt),
    updated_at: iso(issue.updatedAt),
    closed_at: isoOrNull(issue.closedAt),
    merged_at: isoOrNull(pull.mergedAt),
    merge_commit_sha: sha(`merge:${issue.id}`),
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: [],
    requested_teams: [],
    head,
    base: branch(links, repo, pull.baseRef, repository),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${links.repoApi}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: statuses },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: pull.draft,
  };
}

export function renderPull(links: RepoLinks, repo: GhRepo, issue: GhIssue, pull: GhPull): Record<string, unknown> {
  const merged = pull.mergedAt !== null;
  const size = issue.number * 7;
  return {
    ...renderPullSimple(links, repo, issue, pull),
    merged,
    // GitHub computes mergeability lazily; open PRs in the sandbox are always clean.
    mergeable: issue.state === 'open' ? true : null,
    rebaseable: issue.state === 'open' ? true : null,
    mergeable_state: issue.state === 'open' ? (pull.draft ? 'draft' : 'clean') : 'unknown',
    merged_by: merged ? simpleUser(links, issue.assignees[0] ?? issue.user) : null,
    comments: issue.comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1 + (issue.number % 5),
    additions: 10 + size,
    deletions: 3 + (size % 40),
    changed_files: 1 + (issue.number % 9),
  };
}
