/**
 * The sandbox's in-memory world: one company's people, projects and work on GitHub, GitLab and Jira.
 * These are the sandbox's own records (dates as epoch milliseconds, durations in seconds); each provider's routes
 * render them into that provider's real JSON shapes and HTML pages. Nothing in the extension imports this file.
 */

export interface Person {
  /** Stable sandbox id, e.g. `ana`. */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly timeZone: string;
  readonly github: { readonly login: string; readonly id: number };
  readonly gitlab: { readonly username: string; readonly id: number };
  /** Atlassian account ids are opaque 24+ character strings. */
  readonly jira: { readonly accountId: string; readonly key: string };
}

/** A credential the sandbox accepts. `scopes` mimics classic GitHub PAT scopes and GitLab PAT scopes. */
export interface Token {
  readonly value: string;
  readonly personId: string;
  readonly scopes: readonly string[];
}

// ───────────────────────────── GitHub ─────────────────────────────

export interface GhInstance {
  /** Web host: `github.com`, or a GitHub Enterprise Server host. */
  readonly host: string;
  /** API origin + base path: `https://api.github.com` or `https://<ghe-host>/api/v3`. */
  readonly apiBase: string;
  readonly repos: GhRepo[];
  readonly tokens: Token[];
}

export interface GhRepo {
  readonly id: number;
  readonly nodeId: string;
  readonly owner: { readonly login: string; readonly id: number; readonly type: 'Organization' | 'User' };
  readonly name: string;
  readonly description: string;
  readonly private: boolean;
  readonly createdAt: number;
  updatedAt: number;
  readonly labels: GhLabel[];
  readonly milestones: GhMilestone[];
  /** Issues and pull requests share one number space, as on GitHub. */
  readonly issues: GhIssue[];
}

export interface GhLabel {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
}

export interface GhMilestone {
  readonly id: number;
  readonly number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  readonly createdAt: number;
  updatedAt: number;
  dueOn: number | null;
  closedAt: number | null;
}

export interface GhIssue {
  readonly id: number;
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  /** Login of the author. */
  readonly user: string;
  assignees: string[];
  /** Label names (must exist in the repo's labels). */
  labels: string[];
  /** Milestone number, or null. */
  milestone: number | null;
  readonly createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  /** Present on pull requests only. */
  pull: GhPull | null;
  comments: GhComment[];
}

export interface GhPull {
  readonly headRef: string;
  readonly baseRef: string;
  draft: boolean;
  mergedAt: number | null;
  /** Issue numbers this PR closes ("Fixes #12"). */
  readonly closes: number[];
}

export interface GhComment {
  readonly id: number;
  readonly nodeId: string;
  readonly user: string;
  body: string;
  readonly createdAt: number;
  updatedAt: number;
}

// ───────────────────────────── GitLab ─────────────────────────────

export interface GlInstance {
  /** `gitlab.com` or a self-managed host. */
  readonly host: string;
  readonly version: string;
  readonly groups: GlGroup[];
  readonly projects: GlProject[];
  readonly tokens: Token[];
}

export interface GlGroup {
  readonly id: number;
  /** Full path, e.g. `acme/platform`. */
  readonly fullPath: string;
  readonly name: string;
  readonly parentId: number | null;
  readonly iterations: GlIteration[];
}

export interface GlIteration {
  readonly id: number;
  readonly iid: number;
  readonly title: string;
  readonly startDate: string; // YYYY-MM-DD
  readonly dueDate: string; // YYYY-MM-DD
  readonly state: 'upcoming' | 'current' | 'closed';
  readonly groupId: number;
}

export interface GlProject {
  readonly id: number;
  /** Full path with namespace, e.g. `acme/platform/billing-service`. */
  readonly pathWithNamespace: string;
  readonly name: string;
  readonly description: string;
  readonly groupId: number;
  readonly createdAt: number;
  lastActivityAt: number;
  readonly labels: GlLabel[];
  readonly milestones: GlMilestone[];
  readonly issues: GlIssuable[];
  readonly mergeRequests: GlIssuable[];
}

export interface GlLabel {
  readonly id: number;
  readonly name: string;
  readonly color: string;
}

export interface GlMilestone {
  readonly id: number;
  readonly iid: number;
  title: string;
  description: string;
  state: 'active' | 'closed';
  startDate: string | null; // YYYY-MM-DD
  dueDate: string | null; // YYYY-MM-DD
  readonly createdAt: number;
  updatedAt: number;
}

export interface GlIssuable {
  readonly id: number;
  readonly iid: number;
  readonly kind: 'issue' | 'mr';
  title: string;
  description: string;
  state: 'opened' | 'closed' | 'merged';
  /** Username of the author. */
  readonly author: string;
  assignees: string[];
  labels: string[];
  milestoneId: number | null;
  iterationId: number | null;
  readonly createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  mergedAt: number | null;
  dueDate: string | null;
  /** Native estimate in seconds (`time_stats.time_estimate`). */
  timeEstimate: number;
  timelogs: GlTimelog[];
  /** MRs only. */
  readonly sourceBranch: string | null;
  readonly targetBranch: string | null;
  draft: boolean;
}

export interface GlTimelog {
  readonly id: number;
  /** Username. */
  readonly user: string;
  /** Seconds; negative values subtract time, as GitLab allows. */
  readonly timeSpent: number;
  readonly spentAt: number;
  readonly summary: string | null;
  readonly createdAt: number;
}

// ───────────────────────────── Jira ─────────────────────────────

export interface JiraSite {
  /** `acme.atlassian.net` (Cloud) or a Data Center host. */
  readonly host: string;
  readonly deployment: 'Cloud' | 'Server';
  readonly serverTitle: string;
  readonly projects: JiraProject[];
  readonly boards: JiraBoard[];
  readonly sprints: JiraSprint[];
  readonly issues: JiraIssue[];
  /** Worklogs removed, for `/worklog/deleted`. */
  readonly deletedWorklogs: { readonly worklogId: number; readonly updatedTime: number }[];
  /** Cloud: email + API token (basic). Data Center: personal access token (bearer). */
  readonly tokens: Token[];
}

export interface JiraProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly leadPersonId: string;
  readonly style: 'classic' | 'next-gen';
}

export interface JiraBoard {
  readonly id: number;
  readonly name: string;
  readonly type: 'scrum' | 'kanban';
  readonly projectKey: string;
}

export interface JiraSprint {
  readonly id: number;
  readonly boardId: number;
  readonly name: string;
  state: 'future' | 'active' | 'closed';
  readonly startDate: number | null;
  readonly endDate: number | null;
  completeDate: number | null;
  readonly goal: string;
}

export type JiraStatusCategory = 'new' | 'indeterminate' | 'done';

export interface JiraIssue {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  issueType: 'Epic' | 'Story' | 'Task' | 'Bug' | 'Sub-task';
  summary: string;
  description: string;
  status: { readonly name: string; readonly category: JiraStatusCategory };
  priority: 'Highest' | 'High' | 'Medium' | 'Low';
  /** Person id, or null when unassigned. */
  assignee: string | null;
  readonly reporter: string;
  labels: string[];
  readonly created: number;
  updated: number;
  resolutionDate: number | null;
  dueDate: string | null; // YYYY-MM-DD
  originalEstimateSeconds: number | null;
  remainingEstimateSeconds: number | null;
  /** Key of the parent (epic, or story for a sub-task). */
  parentKey: string | null;
  sprintIds: number[];
  /** Keys of issues that block this one ("is blocked by"). */
  blockedBy: string[];
  worklogs: JiraWorklog[];
}

export interface JiraWorklog {
  readonly id: number;
  readonly personId: string;
  /** Epoch ms; rendered with the author's time-zone offset. */
  started: number;
  timeSpentSeconds: number;
  comment: string;
  readonly created: number;
  updated: number;
  /** Entity properties (`/worklog/{id}/properties/{key}`). */
  properties: Record<string, unknown>;
}

// ───────────────────────────── The whole world ─────────────────────────────

export interface SandboxData {
  /** The sandbox's "now" (epoch ms) when the data was made; dates are spread around it. */
  readonly now: number;
  readonly people: Person[];
  readonly github: GhInstance[];
  readonly gitlab: GlInstance[];
  readonly jira: JiraSite[];
  /** Next id for anything a write creates (comments, timelogs, worklogs…): one counter, so ids never collide. */
  nextId: number;
}
