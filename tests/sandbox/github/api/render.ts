import type { GhComment, GhIssue, GhLabel, GhMilestone, GhRepo } from '../../data/model.ts';
import { PEOPLE } from '../../data/people.ts';
import { iso, isoOrNull, nodeId, type Links, type RepoLinks } from './links.ts';
import { personByLogin } from './lookup.ts';

/** The sandbox's records rendered into GitHub's REST shapes (schemas `simple-user`, `label`, `milestone`, `issue`, `issue-comment`). */

/** Labels GitHub creates in every new repository (`default: true`). */
const DEFAULT_LABELS = new Set(['bug', 'documentation', 'duplicate', 'enhancement', 'good first issue', 'help wanted', 'invalid', 'question', 'wontfix']);

/** Who created a milestone through the API (the model has no creator; seeded ones were made by the project manager). */
export const milestoneCreators = new WeakMap<GhMilestone, string>();

export function simpleUser(links: Links, login: string, type: 'User' | 'Organization' = 'User', orgId?: number): Record<string, unknown> {
  const id = orgId ?? personByLogin(login)?.github.id ?? stableId(login);
  const user = `${links.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId(type === 'User' ? 'U_kgDO' : 'O_kgDO', id),
    avatar_url: `${links.avatars}/u/${id}?v=4`,
    gravatar_id: '',
    url: user,
    html_url: `${links.web}/${login}`,
    followers_url: `${user}/followers`,
    following_url: `${user}/following{/other_user}`,
    gists_url: `${user}/gists{/gist_id}`,
    starred_url: `${user}/starred{/owner}{/repo}`,
    subscriptions_url: `${user}/subscriptions`,
    organizations_url: `${user}/orgs`,
    repos_url: `${user}/repos`,
    events_url: `${user}/events{/privacy}`,
    received_events_url: `${user}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function ownerUser(links: Links, repo: GhRepo): Record<string, unknown> {
  return simpleUser(links, repo.owner.login, repo.owner.type, repo.owner.id);
}

export function renderLabel(links: RepoLinks, label: GhLabel): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('LA_kwDO', label.id),
    url: `${links.repoApi}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: DEFAULT_LABELS.has(label.name),
    description: label.description,
  };
}

/** An issue's labels in its own order, as label objects (names missing from the repo are skipped, as GitHub never has them). */
export function issueLabels(repo: GhRepo, issue: GhIssue): GhLabel[] {
  return issue.labels.flatMap((name) => repo.labels.filter((l) => l.name === name));
}

export function renderMilestone(links: RepoLinks, repo: GhRepo, milestone: GhMilestone): Record<string, unknown> {
  const items = repo.issues.filter((i) => i.milestone === milestone.number);
  const url = `${links.repoApi}/milestones/${milestone.number}`;
  return {
    url,
    html_url: `${links.repoWeb}/milestone/${milestone.number}`,
    labels_url: `${url}/labels`,
    id: milestone.id,
    node_id: nodeId('MI_kwDO', milestone.id),
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    creator: simpleUser(links, milestoneCreators.get(milestone) ?? projectManagerLogin()),
    open_issues: items.filter((i) => i.state === 'open').length,
    closed_issues: items.filter((i) => i.state === 'closed').length,
    state: milestone.state,
    created_at: iso(milestone.createdAt),
    updated_at: iso(milestone.updatedAt),
    due_on: isoOrNull(milestone.dueOn),
    closed_at: isoOrNull(milestone.closedAt),
  };
}

export function issueMilestone(links: RepoLinks, repo: GhRepo, issue: GhIssue): Record<string, unknown> | null {
  const milestone = repo.milestones.find((m) => m.number === issue.milestone);
  return milestone ? renderMilestone(links, repo, milestone) : null;
}

export function reactions(url: string): Record<string, unknown> {
  return { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}

export function issueHtmlUrl(links: RepoLinks, issue: GhIssue): string {
  return `${links.repoWeb}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
}

export interface IssueOptions {
  /** `GET …/issues/{n}` also says who closed it. */
  readonly single?: boolean;
}

export function renderIssue(links: RepoLinks, repo: GhRepo, issue: GhIssue, options: IssueOptions = {}): Record<string, unknown> {
  const url = `${links.repoApi}/issues/${issue.number}`;
  const assignees = issue.assignees.map((login) => simpleUser(links, login));
  const out: Record<string, unknown> = {
    url,
    repository_url: links.repoApi,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: issueHtmlUrl(links, issue),
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR_kwDO' : 'I_kwDO', issue.id),
    number: issue.number,
    title: issue.title,
    user: simpleUser(links, issue.user),
    labels: issueLabels(repo, issue).map((l) => renderLabel(links, l)),
    state: issue.state,
    locked: false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: issueMilestone(links, repo, issue),
    comments: issue.comments.length,
    created_at: iso(issue.createdAt),
    updated_at: iso(issue.updatedAt),
    closed_at: isoOrNull(issue.closedAt),
    author_association: 'MEMBER',
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    issue_dependencies_summary: { blocked_by: 0, total_blocked_by: 0, blocking: 0, total_blocking: 0 },
    issue_field_values: [],
    body: issue.body,
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
  if (issue.pull) {
    const web = `${links.repoWeb}/pull/${issue.number}`;
    out.draft = issue.pull.draft;
    out.pull_request = { url: `${links.repoApi}/pulls/${issue.number}`, html_url: web, diff_url: `${web}.diff`, patch_url: `${web}.patch`, merged_at: isoOrNull(issue.pull.mergedAt) };
  }
  if (options.single) {
    // The model does not record who closed an item: the first assignee, else the author, is the best stand-in.
    out.closed_by = issue.state === 'closed' ? simpleUser(links, issue.assignees[0] ?? issue.user) : null;
  }
  return out;
}

export function renderComment(links: RepoLinks, issue: GhIssue, comment: GhComment): Record<string, unknown> {
  const url = `${links.repoApi}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${issueHtmlUrl(links, issue)}#issuecomment-${comment.id}`,
    issue_url: `${links.repoApi}/issues/${issue.number}`,
    id: comment.id,
    node_id: comment.nodeId,
    user: simpleUser(links, comment.user),
    created_at: iso(comment.createdAt),
    updated_at: iso(comment.updatedAt),
    author_association: 'MEMBER',
    body: comment.body,
    reactions: reactions(url),
    performed_via_github_app: null,
  };
}

function projectManagerLogin(): string {
  return PEOPLE[0]?.github.login ?? 'ghost';
}

/** A positive id for a login the sandbox does not know (never collides with seeded people: those are < 700,000). */
function stableId(login: string): number {
  let h = 0;
  for (const c of login) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return 10_000_000 + (h % 10_000_000);
}
