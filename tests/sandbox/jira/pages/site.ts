import type { JiraBoard, JiraIssue, JiraProject, JiraSite, JiraSprint, JiraStatusCategory, SandboxData } from '../../data/model.ts';

/** A board's columns map statuses by category, as a new board's default column configuration does. */
export const COLUMNS: readonly { readonly name: string; readonly category: JiraStatusCategory }[] = [
  { name: 'To Do', category: 'new' },
  { name: 'In Progress', category: 'indeterminate' },
  { name: 'Done', category: 'done' },
];

/** Jira Cloud sites live on `<site>.atlassian.net`; every other Jira host in the world is a Data Center stand-in. */
export function isCloudHost(host: string): boolean {
  return /^[a-z0-9-]+\.atlassian\.net$/.test(host);
}

/** Hosts of seeded Data Center sites, looked up per request because `reset()` replaces the world. */
export function isDataCenterHost(data: SandboxData, host: string): boolean {
  return data.jira.some((site) => site.host === host && site.deployment === 'Server');
}

export function siteFor(data: SandboxData, host: string): JiraSite | null {
  return data.jira.find((site) => site.host === host) ?? null;
}

/** Keys are matched case-insensitively, as Jira redirects `/browse/pay-5` to `/browse/PAY-5`. */
export function issueByKey(site: JiraSite, key: string): JiraIssue | null {
  const wanted = key.toUpperCase();
  return site.issues.find((issue) => issue.key === wanted) ?? null;
}

export function projectByKey(site: JiraSite, key: string): JiraProject | null {
  const wanted = key.toUpperCase();
  return site.projects.find((project) => project.key === wanted) ?? null;
}

export function boardById(site: JiraSite, id: string): JiraBoard | null {
  return site.boards.find((board) => String(board.id) === id) ?? null;
}

export function boardOfProject(site: JiraSite, projectKey: string): JiraBoard | null {
  return site.boards.find((board) => board.projectKey === projectKey) ?? null;
}

export function activeSprint(site: JiraSite, board: JiraBoard): JiraSprint | null {
  return site.sprints.find((sprint) => sprint.boardId === board.id && sprint.state === 'active') ?? null;
}

/** The sprint an issue is in now: the last one it was added to (a spill-over keeps both, the newest is current). */
export function currentSprint(site: JiraSite, issue: JiraIssue): JiraSprint | null {
  const id = issue.sprintIds.at(-1);
  return site.sprints.find((sprint) => sprint.id === id) ?? null;
}

/**
 * The cards a board shows: a scrum board shows its active sprint, a kanban board every open work item. Epics are not
 * cards on either (they are parents, shown on cards as a lozenge).
 */
export function boardIssues(site: JiraSite, board: JiraBoard): JiraIssue[] {
  const own = site.issues.filter((issue) => issue.projectKey === board.projectKey && issue.issueType !== 'Epic');
  if (board.type === 'kanban') return own.filter((issue) => issue.status.category !== 'done');
  const sprint = activeSprint(site, board);
  return sprint ? own.filter((issue) => issue.sprintIds.includes(sprint.id)) : [];
}

/** Company-managed ("classic") projects live under `/jira/software/c/projects/…`, team-managed ones without the `c`. */
export function boardPath(site: JiraSite, board: JiraBoard): string {
  const project = projectByKey(site, board.projectKey);
  const managed = project?.style === 'next-gen' ? '' : '/c';
  return `/jira/software${managed}/projects/${board.projectKey}/boards/${board.id}`;
}

export function projectIssuesPath(site: JiraSite, projectKey: string): string {
  const project = projectByKey(site, projectKey);
  const managed = project?.style === 'next-gen' ? '' : '/c';
  return `/jira/software${managed}/projects/${projectKey}/issues`;
}

export function spentSeconds(issue: JiraIssue): number {
  return issue.worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0);
}

/** Issue ids are numeric strings (`10042`); DC rows and cards carry them as `rel` / `data-issue-id`. */
export function issueNumber(issue: JiraIssue): number {
  return Number(issue.key.split('-')[1] ?? 0);
}
