import type { GlGroup, GlIssuable, GlIteration, GlMilestone, GlProject } from '../../../data/model.ts';
import { humanDuration } from '../duration.ts';
import { textColor } from '../render/planning.ts';
import { isoDay } from '../render/time.ts';
import { avatarUrl } from '../render/users.ts';
import {
  allTimelogs,
  groupById,
  groupWebUrl,
  groupWithAncestors,
  issuableReference,
  issuableWebUrl,
  issuablesOf,
  iterationById,
  personByUsername,
  projectWebUrl,
  projectsInGroup,
  totalTimeSpent,
  type IssuableRef,
  type TimelogRef,
} from '../world.ts';
import type { ConnectionArgs } from './connection.ts';
import type { GqlContext } from './context.ts';
import { gid, gqlDate, gqlTime } from './ids.ts';
import { issuableConnection, iterationConnection, listConnection, milestoneConnection, timelogConnection, type IssuableArgs, type MilestoneArgs, type TimelogArgs } from './lists.ts';

/**
 * GraphQL objects as plain records: values for scalar fields, functions for fields with arguments or that lead
 * elsewhere (graphql-js calls them with the field's arguments), so only what a query selects is built.
 */
export type Node = Record<string, unknown>;

export function userNode(ctx: GqlContext, username: string, typename: 'UserCore' | 'CurrentUser' = 'UserCore'): Node {
  const person = personByUsername(ctx.state, username);
  const name = person?.gitlab.username ?? username;
  return {
    __typename: typename,
    id: gid('User', person?.gitlab.id ?? 1),
    username: name,
    name: person?.name ?? username,
    state: 'active',
    webUrl: `https://${ctx.instance.host}/${name}`,
    webPath: `/${name}`,
    avatarUrl: avatarUrl(person?.email ?? username),
    publicEmail: null,
    bot: false,
  };
}

function labelNodes(project: GlProject, names: readonly string[]): Node[] {
  return names.map((name) => {
    const label = project.labels.find((l) => l.name === name);
    const color = label?.color ?? '#6699cc';
    return { id: gid('ProjectLabel', label?.id ?? 0), title: name, color, textColor: textColor(color), description: null };
  });
}

export function issuableNode(ctx: GqlContext, { project, issuable: item }: IssuableRef): Node {
  const isIssue = item.kind === 'issue';
  const web = issuableWebUrl(ctx.instance, project, item);
  const milestone = project.milestones.find((m) => m.id === item.milestoneId);
  const spent = () => totalTimeSpent(item);
  const tasks = item.description.match(/^\s*[-*] \[[ xX]\]/gm) ?? [];
  const common: Node = {
    __typename: isIssue ? 'Issue' : 'MergeRequest',
    id: gid(isIssue ? 'Issue' : 'MergeRequest', item.id),
    iid: String(item.iid),
    title: item.title,
    description: item.description,
    state: item.state,
    webUrl: web,
    webPath: new URL(web).pathname,
    reference: ({ full }: { full?: boolean | null }) => issuableReference(project, item, full ?? false),
    createdAt: gqlTime(item.createdAt),
    updatedAt: gqlTime(item.updatedAt),
    closedAt: gqlTime(item.state === 'closed' ? item.closedAt : null),
    projectId: project.id,
    author: () => userNode(ctx, item.author),
    assignees: (args: ConnectionArgs) => listConnection(item.assignees, args, (u) => userNode(ctx, u)),
    labels: (args: ConnectionArgs) => listConnection(labelNodes(project, item.labels), args, (l) => l),
    milestone: () => (milestone ? milestoneNode(ctx, project, milestone) : null),
    timeEstimate: item.timeEstimate,
    totalTimeSpent: spent,
    humanTimeEstimate: humanDuration(item.timeEstimate),
    humanTotalTimeSpent: () => humanDuration(spent()),
    timelogs: (args: ConnectionArgs) => timelogConnection(ctx, item.timelogs.map((timelog) => ({ project, issuable: item, timelog })), args),
    userNotesCount: 0,
  };
  if (isIssue) {
    const iteration = iterationById(ctx.instance, item.iterationId);
    return {
      ...common,
      type: 'ISSUE',
      dueDate: gqlDate(item.dueDate),
      confidential: false,
      iteration: () => (iteration ? iterationNode(ctx, iteration) : null),
      taskCompletionStatus: { count: tasks.length, completedCount: tasks.filter((t) => /\[[xX]\]/.test(t)).length },
    };
  }
  return {
    ...common,
    draft: item.draft,
    mergedAt: gqlTime(item.mergedAt),
    sourceBranch: item.sourceBranch ?? `mr-${item.iid}`,
    targetBranch: item.targetBranch ?? 'main',
    reviewers: (args: ConnectionArgs) => listConnection([], args, (u: string) => userNode(ctx, u)),
  };
}

export function timelogNode(ctx: GqlContext, { project, issuable, timelog }: TimelogRef): Node {
  return {
    id: gid('Timelog', timelog.id),
    spentAt: gqlTime(timelog.spentAt),
    timeSpent: timelog.timeSpent,
    summary: timelog.summary,
    user: () => userNode(ctx, timelog.user),
    issue: () => (issuable.kind === 'issue' ? issuableNode(ctx, { project, issuable }) : null),
    mergeRequest: () => (issuable.kind === 'mr' ? issuableNode(ctx, { project, issuable }) : null),
    // The sandbox records time through the API, never through a `/spend` comment.
    note: null,
    project: () => projectNode(ctx, project),
  };
}

export function milestoneNode(ctx: GqlContext, project: GlProject, m: GlMilestone): Node {
  const today = isoDay(ctx.state.now());
  const issues = project.issues.filter((i) => i.milestoneId === m.id);
  return {
    id: gid('Milestone', m.id),
    iid: String(m.iid),
    title: m.title,
    description: m.description,
    state: m.state,
    startDate: gqlDate(m.startDate),
    dueDate: gqlDate(m.dueDate),
    createdAt: gqlTime(m.createdAt),
    updatedAt: gqlTime(m.updatedAt),
    webPath: `/${project.pathWithNamespace}/-/milestones/${m.iid}`,
    expired: m.dueDate !== null && m.dueDate < today,
    upcoming: m.startDate !== null && m.startDate > today,
    projectMilestone: true,
    groupMilestone: false,
    subgroupMilestone: false,
    stats: { totalIssuesCount: issues.length, closedIssuesCount: issues.filter((i) => i.state === 'closed').length },
  };
}

export function iterationNode(ctx: GqlContext, it: GlIteration): Node {
  const group = groupById(ctx.instance, it.groupId);
  const webUrl = group ? `${groupWebUrl(ctx.instance, group)}/-/iterations/${it.id}` : `https://${ctx.instance.host}/-/iterations/${it.id}`;
  const created = gqlTime(Date.parse(`${it.startDate}T00:00:00Z`) - 14 * 86_400_000);
  return {
    id: gid('Iteration', it.id),
    iid: String(it.iid),
    sequence: it.iid,
    title: it.title,
    description: null,
    state: it.state,
    startDate: gqlDate(it.startDate),
    dueDate: gqlDate(it.dueDate),
    createdAt: created,
    updatedAt: created,
    webUrl,
    webPath: new URL(webUrl).pathname,
  };
}

function refsOf(projects: readonly GlProject[]): IssuableRef[] {
  return projects.flatMap((project) => [...issuablesOf(project, 'issue'), ...issuablesOf(project, 'mr')].map((issuable: GlIssuable) => ({ project, issuable })));
}

export function projectNode(ctx: GqlContext, p: GlProject): Node {
  const group = groupById(ctx.instance, p.groupId);
  const one = (kind: 'issue' | 'mr', iid: string | null | undefined) => {
    const found = issuablesOf(p, kind).find((i) => String(i.iid) === iid);
    return found ? issuableNode(ctx, { project: p, issuable: found }) : null;
  };
  return {
    id: gid('Project', p.id),
    fullPath: p.pathWithNamespace,
    name: p.name,
    nameWithNamespace: [...(group ? groupWithAncestors(ctx.instance, group).reverse().map((g) => g.name) : []), p.name].join(' / '),
    path: p.pathWithNamespace.split('/').pop() ?? p.name,
    description: p.description,
    webUrl: projectWebUrl(ctx.instance, p),
    visibility: 'private',
    archived: false,
    createdAt: gqlTime(p.createdAt),
    lastActivityAt: gqlTime(p.lastActivityAt),
    group: () => (group ? groupNode(ctx, group) : null),
    issue: ({ iid }: { iid?: string | null }) => one('issue', iid),
    issues: (args: IssuableArgs) => issuableConnection(ctx, 'issue', refsOf([p]), args),
    mergeRequest: ({ iid }: { iid: string }) => one('mr', iid),
    mergeRequests: (args: IssuableArgs) => issuableConnection(ctx, 'mr', refsOf([p]), args),
    milestones: (args: MilestoneArgs) => milestoneConnection(ctx, p.milestones.map((m) => ({ project: p, milestone: m })), args),
    iterations: (args: ConnectionArgs & { state?: string | null }) => iterationConnection(ctx, group ? groupWithAncestors(ctx.instance, group) : [], args),
    labels: (args: ConnectionArgs & { searchTerm?: string | null }) => {
      const term = args.searchTerm?.toLowerCase();
      const names = p.labels.map((l) => l.name).filter((n) => !term || n.toLowerCase().includes(term));
      return listConnection(labelNodes(p, names), args, (l) => l);
    },
    timelogs: (args: TimelogArgs) => timelogConnection(ctx, allTimelogs([p]), args),
  };
}

export function groupNode(ctx: GqlContext, g: GlGroup): Node {
  const parent = g.parentId === null ? undefined : groupById(ctx.instance, g.parentId);
  const projects = (includeSubgroups: boolean | null | undefined) => projectsInGroup(ctx.instance, g, includeSubgroups ?? false);
  return {
    id: gid('Group', g.id),
    fullPath: g.fullPath,
    fullName: groupWithAncestors(ctx.instance, g).reverse().map((x) => x.name).join(' / '),
    name: g.name,
    path: g.fullPath.split('/').pop() ?? g.fullPath,
    webUrl: groupWebUrl(ctx.instance, g),
    parent: () => (parent ? groupNode(ctx, parent) : null),
    projects: (args: ConnectionArgs & { includeSubgroups?: boolean | null; search?: string | null }) => {
      const term = args.search?.toLowerCase();
      const list = projects(args.includeSubgroups).filter((p) => !term || p.pathWithNamespace.toLowerCase().includes(term));
      return listConnection(list, args, (p) => projectNode(ctx, p));
    },
    issues: (args: IssuableArgs & { includeSubgroups?: boolean | null }) => issuableConnection(ctx, 'issue', refsOf(projects(args.includeSubgroups)), args),
    mergeRequests: (args: IssuableArgs & { includeSubgroups?: boolean | null }) => issuableConnection(ctx, 'mr', refsOf(projects(args.includeSubgroups)), args),
    // Milestones in the sandbox belong to projects; a group shows them with `includeDescendants`.
    milestones: (args: MilestoneArgs & { includeDescendants?: boolean | null }) =>
      milestoneConnection(ctx, args.includeDescendants ? projects(true).flatMap((p) => p.milestones.map((m) => ({ project: p, milestone: m }))) : [], args),
    iterations: (args: ConnectionArgs & { state?: string | null; includeAncestors?: boolean | null }) =>
      iterationConnection(ctx, args.includeAncestors === false ? [g] : groupWithAncestors(ctx.instance, g), args),
    timelogs: (args: TimelogArgs) => timelogConnection(ctx, allTimelogs(projects(true)), args),
  };
}
