import { GraphQLError } from 'graphql';
import type { GlGroup, GlIteration, GlMilestone, GlProject } from '../../../data/model.ts';
import { filterIssuables, issuableKey, type IssuableFilter, type IssuableOrder } from '../filters.ts';
import type { Direction } from '../sorting.ts';
import { personByUserId, personByUsername, type IssuableKind, type IssuableRef, type TimelogRef } from '../world.ts';
import { connection, type Connection, type ConnectionArgs } from './connection.ts';
import type { GqlContext } from './context.ts';
import { parseTime } from './ids.ts';
import { issuableNode, iterationNode, milestoneNode, timelogNode, type Node } from './nodes.ts';

/** Filtered, sorted, paged lists behind GraphQL connection fields. */

export interface IssuableArgs extends ConnectionArgs {
  readonly iid?: string | null;
  readonly iids?: readonly string[] | null;
  readonly state?: string | null;
  readonly labelName?: readonly (string | null)[] | null;
  readonly labels?: readonly string[] | null;
  readonly milestoneTitle?: string | readonly (string | null)[] | null;
  readonly assigneeUsernames?: readonly string[] | null;
  readonly assigneeUsername?: string | null;
  readonly authorUsername?: string | null;
  readonly search?: string | null;
  readonly draft?: boolean | null;
  readonly createdAfter?: string | null;
  readonly createdBefore?: string | null;
  readonly updatedAfter?: string | null;
  readonly updatedBefore?: string | null;
  readonly mergedAfter?: string | null;
  readonly mergedBefore?: string | null;
  readonly sort?: string | null;
}

const optionalTime = (value: string | null | undefined, name: string) => (value === null || value === undefined ? undefined : parseTime(value, name));
const strings = (values: readonly (string | null)[] | null | undefined) => values?.filter((v): v is string => v !== null);

/** `created_desc`, `UPDATED_ASC`, `MERGED_AT_DESC`… → GitLab's order and direction. */
function issuableSort(sort: string | null | undefined): { orderBy: IssuableOrder; direction: Direction } {
  const match = /^(created|updated|due_date|title|merged_at)_(asc|desc)$/i.exec(sort ?? 'created_desc');
  const field = (match?.[1] ?? 'created').toLowerCase();
  const orderBy: IssuableOrder = field === 'created' ? 'created_at' : field === 'updated' ? 'updated_at' : (field as IssuableOrder);
  return { orderBy, direction: match?.[2]?.toLowerCase() === 'asc' ? 1 : -1 };
}

export function issuableConnection(ctx: GqlContext, kind: IssuableKind, refs: readonly IssuableRef[], args: IssuableArgs): Connection<Node> {
  const milestones = typeof args.milestoneTitle === 'string' ? [args.milestoneTitle] : strings(args.milestoneTitle);
  const iids = [...(args.iids ?? []), ...(args.iid ? [args.iid] : [])];
  const filter: IssuableFilter = {
    state: (args.state ?? undefined) as IssuableFilter['state'],
    iids: iids.length > 0 ? iids.map(Number) : undefined,
    labels: strings(args.labelName) ?? args.labels ?? undefined,
    milestones: milestones && milestones.length > 0 ? milestones : undefined,
    assigneeUsernames: args.assigneeUsernames ?? (args.assigneeUsername ? [args.assigneeUsername] : undefined),
    authorUsername: args.authorUsername ?? undefined,
    search: args.search ?? undefined,
    createdAfter: optionalTime(args.createdAfter, 'createdAfter'),
    createdBefore: optionalTime(args.createdBefore, 'createdBefore'),
    updatedAfter: optionalTime(args.updatedAfter, 'updatedAfter'),
    updatedBefore: optionalTime(args.updatedBefore, 'updatedBefore'),
  };
  const mergedAfter = optionalTime(args.mergedAfter, 'mergedAfter');
  const mergedBefore = optionalTime(args.mergedBefore, 'mergedBefore');
  const kept = filterIssuables(ctx.instance, refs.filter((r) => r.issuable.kind === kind), filter, ctx.state.now(), (id) => personByUserId(ctx.state, id)?.gitlab.username).filter(
    ({ issuable }) =>
      (args.draft === null || args.draft === undefined || issuable.draft === args.draft) &&
      (mergedAfter === undefined || (issuable.mergedAt !== null && issuable.mergedAt >= mergedAfter)) &&
      (mergedBefore === undefined || (issuable.mergedAt !== null && issuable.mergedAt <= mergedBefore)),
  );
  const { orderBy, direction } = issuableSort(args.sort);
  return connection(kept, (r) => issuableKey(r.issuable, orderBy), direction, args, (r) => issuableNode(ctx, r));
}

export interface TimelogArgs extends ConnectionArgs {
  readonly startDate?: string | null;
  readonly endDate?: string | null;
  readonly startTime?: string | null;
  readonly endTime?: string | null;
  readonly username?: string | null;
  readonly sort?: string | null;
}

const DAY = 86_400_000;

/** GitLab's TimelogResolver rules: dates widen to whole days, and a date and a time for the same end conflict. */
export function timelogConnection(ctx: GqlContext, refs: readonly TimelogRef[], args: TimelogArgs): Connection<Node> & { totalSpentTime: string } {
  if (args.startDate && args.startTime) throw new GraphQLError('Provide either a start date or time, but not both');
  if (args.endDate && args.endTime) throw new GraphQLError('Provide either an end date or time, but not both');
  const start = args.startTime ? parseTime(args.startTime, 'startTime') : args.startDate ? Math.floor(parseTime(args.startDate, 'startDate') / DAY) * DAY : undefined;
  const end = args.endTime ? parseTime(args.endTime, 'endTime') : args.endDate ? Math.floor(parseTime(args.endDate, 'endDate') / DAY) * DAY + DAY - 1 : undefined;
  if (start !== undefined && end !== undefined && end < start) throw new GraphQLError('Start argument must be before End argument');
  const user = args.username ? personByUsername(ctx.state, args.username) : undefined;
  const kept = refs.filter(
    ({ timelog }) =>
      (!args.username || timelog.user === (user?.gitlab.username ?? args.username)) &&
      (start === undefined || timelog.spentAt >= start) &&
      (end === undefined || timelog.spentAt <= end),
  );
  const bySpent = !args.sort || args.sort.startsWith('SPENT_AT');
  const direction: Direction = args.sort?.endsWith('DESC') ? -1 : 1;
  const page = connection(kept, ({ timelog }) => [bySpent ? timelog.spentAt : timelog.timeSpent, timelog.id], direction, args, (r) => timelogNode(ctx, r));
  return { ...page, totalSpentTime: String(kept.reduce((sum, r) => sum + r.timelog.timeSpent, 0)) };
}

export interface MilestoneArgs extends ConnectionArgs {
  readonly state?: string | null;
  readonly title?: string | null;
  readonly searchTitle?: string | null;
  readonly iids?: readonly string[] | null;
}

export function milestoneConnection(ctx: GqlContext, refs: readonly { project: GlProject; milestone: GlMilestone }[], args: MilestoneArgs): Connection<Node> {
  const kept = refs.filter(
    ({ milestone: m }) =>
      (!args.state || m.state === args.state) &&
      (!args.title || m.title === args.title) &&
      (!args.searchTitle || m.title.toLowerCase().includes(args.searchTitle.toLowerCase())) &&
      (!args.iids || args.iids.includes(String(m.iid))),
  );
  // GitLab lists milestones by due date, undated ones last.
  return connection(kept, ({ milestone: m }) => [m.dueDate, m.id], 1, args, ({ project, milestone: m }) => milestoneNode(ctx, project, m));
}

export function iterationConnection(ctx: GqlContext, groups: readonly GlGroup[], args: ConnectionArgs & { readonly state?: string | null }): Connection<Node> {
  const wanted = args.state ?? 'all';
  const iterations: GlIteration[] = groups.flatMap((g) => g.iterations).filter((it) => wanted === 'all' || it.state === wanted || (wanted === 'opened' && it.state !== 'closed'));
  return connection(iterations, (it) => [it.startDate, it.id], 1, args, (it) => iterationNode(ctx, it));
}

/** Small fixed lists (assignees, labels) keep their stored order. */
export function listConnection<T>(items: readonly T[], args: ConnectionArgs, toNode: (item: T) => Node): Connection<Node> {
  return connection(items, (item) => [items.indexOf(item), items.indexOf(item)], 1, args, toNode);
}
