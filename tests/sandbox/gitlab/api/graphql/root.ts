import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { parseDuration } from '../duration.ts';
import { deleteTimelog, setTimeEstimate, spendTime } from '../tracking.ts';
import { allTimelogs, findGroup, findProject, issuableById, issuablesOf, personByUserId, personByUsername, touch, type IssuableRef } from '../world.ts';
import { RESOURCE_NOT_AVAILABLE, requireWriter, visibleProjects, type GqlContext } from './context.ts';
import { parseGid, parseTime } from './ids.ts';
import { timelogConnection, type TimelogArgs } from './lists.ts';
import { groupNode, issuableNode, projectNode, timelogNode, userNode, type Node } from './nodes.ts';

const TIME_SPENT_FORMAT = 'Time spent must be formatted correctly. For example: 1h 30m.';

interface MutationInput<T> {
  readonly input: T & { readonly clientMutationId?: string | null };
}

/** The Query and Mutation root fields; graphql-js calls them with (args, context). */
export function rootValue(): Node {
  return {
    currentUser: (_: unknown, ctx: GqlContext) => (ctx.caller ? userNode(ctx, ctx.caller.person.gitlab.username, 'CurrentUser') : null),
    user: ({ id, username }: { id?: string | null; username?: string | null }, ctx: GqlContext) => {
      const person = id ? personByUserId(ctx.state, parseGid(id, ['User'], 'User').id) : username ? personByUsername(ctx.state, username) : undefined;
      return person && ctx.caller ? userNode(ctx, person.gitlab.username) : null;
    },
    project: ({ fullPath }: { fullPath: string }, ctx: GqlContext) => {
      const project = findProject(ctx.instance, fullPath);
      return project && visibleProjects(ctx).includes(project) ? projectNode(ctx, project) : null;
    },
    group: ({ fullPath }: { fullPath: string }, ctx: GqlContext) => {
      const group = findGroup(ctx.instance, fullPath);
      return group && ctx.caller ? groupNode(ctx, group) : null;
    },
    issue: ({ id }: { id: string }, ctx: GqlContext) => visibleIssuable(ctx, id, ['Issue', 'WorkItem'], 'Issue'),
    mergeRequest: ({ id }: { id: string }, ctx: GqlContext) => visibleIssuable(ctx, id, ['MergeRequest'], 'MergeRequest'),
    timelogs: (args: TimelogArgs & { projectId?: string | null; groupId?: string | null }, ctx: GqlContext) => {
      const { projectId, groupId, username, startDate, endDate, startTime, endTime } = args;
      if (![projectId, groupId, username, startDate, endDate, startTime, endTime].some((a) => a !== null && a !== undefined)) {
        throw new GraphQLError('Provide at least one argument');
      }
      let projects = visibleProjects(ctx);
      if (projectId) projects = projects.filter((p) => p.id === parseGid(projectId, ['Project'], 'Project').id);
      if (groupId) {
        const group = findGroup(ctx.instance, String(parseGid(groupId, ['Group'], 'Group').id));
        projects = group ? projects.filter((p) => p.groupId === group.id || isUnder(ctx, p.groupId, group.id)) : [];
      }
      return timelogConnection(ctx, allTimelogs(projects), args);
    },
    metadata: (_: unknown, ctx: GqlContext) =>
      ctx.caller ? { version: ctx.instance.version, revision: createHash('sha1').update(ctx.instance.version).digest('hex').slice(0, 11), enterprise: ctx.instance.version.endsWith('-ee') } : null,

    timelogCreate: ({ input }: MutationInput<{ timeSpent: string; spentAt?: string | null; summary: string; issuableId: string }>, ctx: GqlContext) => {
      const caller = requireWriter(ctx);
      const seconds = parseDuration(input.timeSpent);
      if (seconds === null) return payload(input, { timelog: null, errors: [TIME_SPENT_FORMAT] });
      const ref = issuableFor(ctx, input.issuableId, ['Issue', 'WorkItem', 'MergeRequest'], 'Issuable');
      if (input.summary.length > 255) return payload(input, { timelog: null, errors: ['Summary is too long (maximum is 255 characters)'] });
      const spentAt = input.spentAt ? parseTime(input.spentAt, 'spentAt') : undefined;
      const result = spendTime(ctx.state, ref.project, ref.issuable, { seconds, spentAt, summary: input.summary, username: caller.person.gitlab.username, keepZero: true });
      if ('error' in result) return payload(input, { timelog: null, errors: [result.error] });
      return payload(input, { timelog: result.timelog ? timelogNode(ctx, { ...ref, timelog: result.timelog }) : null, errors: [] });
    },
    timelogDelete: ({ input }: MutationInput<{ id: string }>, ctx: GqlContext) => {
      requireWriter(ctx);
      const { id } = parseGid(input.id, ['Timelog'], 'Timelog');
      const found = allTimelogs(visibleProjects(ctx)).find((r) => r.timelog.id === id);
      if (!found) throw new GraphQLError(RESOURCE_NOT_AVAILABLE);
      const node = timelogNode(ctx, found);
      deleteTimelog(ctx.state, found.project, found.issuable, found.timelog);
      return payload(input, { timelog: node, errors: [] });
    },
    updateIssue: ({ input }: MutationInput<IssuableUpdate & { dueDate?: string | null; stateEvent?: 'CLOSE' | 'REOPEN' | null; milestoneId?: string | null }>, ctx: GqlContext) => {
      requireWriter(ctx);
      const ref = byPath(ctx, input.projectPath, 'issue', input.iid);
      updateCommon(ctx, ref, input);
      if (input.dueDate !== undefined) ref.issuable.dueDate = input.dueDate;
      if (input.milestoneId !== undefined) ref.issuable.milestoneId = input.milestoneId === null ? null : parseGid(input.milestoneId, ['Milestone'], 'Milestone').id;
      if (input.stateEvent) changeState(ctx, ref, input.stateEvent === 'CLOSE' ? 'closed' : 'opened');
      touch(ctx.state, ref.project, ref.issuable);
      return payload(input, { issue: issuableNode(ctx, ref), errors: [] });
    },
    mergeRequestUpdate: ({ input }: MutationInput<IssuableUpdate & { targetBranch?: string | null; state?: 'OPEN' | 'CLOSED' | null }>, ctx: GqlContext) => {
      requireWriter(ctx);
      const ref = byPath(ctx, input.projectPath, 'mr', input.iid);
      updateCommon(ctx, ref, input);
      if (input.state) changeState(ctx, ref, input.state === 'CLOSED' ? 'closed' : 'opened');
      touch(ctx.state, ref.project, ref.issuable);
      return payload(input, { mergeRequest: issuableNode(ctx, ref), errors: [] });
    },
  };
}

interface IssuableUpdate {
  readonly projectPath: string;
  readonly iid: string;
  readonly title?: string | null;
  readonly description?: string | null;
  readonly timeEstimate?: string | null;
}

function payload(input: { clientMutationId?: string | null }, body: Node): Node {
  return { clientMutationId: input.clientMutationId ?? null, ...body };
}

function isUnder(ctx: GqlContext, groupId: number, ancestorId: number): boolean {
  let current = ctx.instance.groups.find((g) => g.id === groupId);
  while (current && current.parentId !== null) {
    if (current.parentId === ancestorId) return true;
    const parentId = current.parentId;
    current = ctx.instance.groups.find((g) => g.id === parentId);
  }
  return false;
}

function issuableFor(ctx: GqlContext, id: string, accepted: readonly string[], typeName: string): IssuableRef {
  const { type, id: numeric } = parseGid(id, accepted, typeName);
  const ref = issuableById(ctx.instance, type === 'MergeRequest' ? 'mr' : 'issue', numeric);
  if (!ref || !visibleProjects(ctx).includes(ref.project)) throw new GraphQLError(RESOURCE_NOT_AVAILABLE);
  return ref;
}

function visibleIssuable(ctx: GqlContext, id: string, accepted: readonly string[], typeName: string): Node | null {
  try {
    return issuableNode(ctx, issuableFor(ctx, id, accepted, typeName));
  } catch (error) {
    if (error instanceof GraphQLError && error.message === RESOURCE_NOT_AVAILABLE) return null;
    throw error;
  }
}

function byPath(ctx: GqlContext, projectPath: string, kind: 'issue' | 'mr', iid: string): IssuableRef {
  const project = findProject(ctx.instance, projectPath);
  const issuable = project ? issuablesOf(project, kind).find((i) => String(i.iid) === iid) : undefined;
  if (!project || !issuable) throw new GraphQLError(RESOURCE_NOT_AVAILABLE);
  return { project, issuable };
}

function updateCommon(ctx: GqlContext, ref: IssuableRef, input: IssuableUpdate): void {
  if (input.title) ref.issuable.title = input.title;
  if (input.description !== undefined && input.description !== null) ref.issuable.description = input.description;
  if (input.timeEstimate !== undefined && input.timeEstimate !== null) {
    const seconds = parseDuration(input.timeEstimate);
    if (seconds === null || seconds < 0) throw new GraphQLError('timeEstimate must be formatted correctly, for example `1h 30m`');
    setTimeEstimate(ctx.state, ref.project, ref.issuable, seconds);
  }
}

function changeState(ctx: GqlContext, { issuable }: IssuableRef, to: 'opened' | 'closed'): void {
  if (issuable.state === 'merged' || issuable.state === to) return;
  issuable.state = to;
  issuable.closedAt = to === 'closed' ? ctx.state.now() : null;
}
