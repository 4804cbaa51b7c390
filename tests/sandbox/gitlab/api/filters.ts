import type { GlInstance, GlIssuable, GlMilestone } from '../../data/model.ts';
import { isoDay } from './render/time.ts';
import { compareKeys, type Direction, type SortKey } from './sorting.ts';
import { iterationById, type IssuableRef } from './world.ts';

/** The list filters GitLab offers on issues and merge requests, shared by REST and GraphQL. */
export interface IssuableFilter {
  readonly state?: 'opened' | 'closed' | 'merged' | 'locked' | 'all';
  /** Every label must be present; `None` = no labels, `Any` = at least one. */
  readonly labels?: readonly string[];
  /** Milestone titles (any of them), or one of `None` / `Any` / `Upcoming` / `Started`. */
  readonly milestones?: readonly string[];
  readonly assigneeUsernames?: readonly string[];
  readonly assigneeId?: number | 'None' | 'Any';
  readonly authorUsername?: string;
  readonly iids?: readonly number[];
  readonly createdAfter?: number;
  readonly createdBefore?: number;
  readonly updatedAfter?: number;
  readonly updatedBefore?: number;
  readonly search?: string;
  readonly iterationId?: number | 'None' | 'Any' | 'Current';
}

export type IssuableOrder = 'created_at' | 'updated_at' | 'due_date' | 'title' | 'merged_at' | 'closed_at';

export function filterIssuables(instance: GlInstance, refs: readonly IssuableRef[], filter: IssuableFilter, now: number, assigneeIdToUsername: (id: number) => string | undefined): IssuableRef[] {
  const today = isoDay(now);
  return refs.filter(({ project, issuable: item }) => {
    if (filter.state && filter.state !== 'all' && item.state !== filter.state) return false;
    if (filter.iids && !filter.iids.includes(item.iid)) return false;
    if (filter.labels && !labelsMatch(item, filter.labels)) return false;
    if (filter.milestones && !filter.milestones.some((wanted) => milestoneMatches(project.milestones.find((m) => m.id === item.milestoneId), wanted, today))) return false;
    if (filter.assigneeUsernames && !filter.assigneeUsernames.every((u) => item.assignees.some((a) => a.toLowerCase() === u.toLowerCase()))) return false;
    if (filter.assigneeId !== undefined) {
      if (filter.assigneeId === 'None' ? item.assignees.length > 0 : filter.assigneeId === 'Any' ? item.assignees.length === 0 : !item.assignees.includes(assigneeIdToUsername(filter.assigneeId) ?? '')) return false;
    }
    if (filter.authorUsername && item.author.toLowerCase() !== filter.authorUsername.toLowerCase()) return false;
    if (filter.createdAfter !== undefined && item.createdAt < filter.createdAfter) return false;
    if (filter.createdBefore !== undefined && item.createdAt > filter.createdBefore) return false;
    if (filter.updatedAfter !== undefined && item.updatedAt < filter.updatedAfter) return false;
    if (filter.updatedBefore !== undefined && item.updatedAt > filter.updatedBefore) return false;
    if (filter.search && !`${item.title}\n${item.description}`.toLowerCase().includes(filter.search.toLowerCase())) return false;
    if (filter.iterationId !== undefined) {
      const it = iterationById(instance, item.iterationId);
      const wanted = filter.iterationId;
      if (wanted === 'None' ? it : wanted === 'Any' ? !it : wanted === 'Current' ? it?.state !== 'current' : it?.id !== wanted) return false;
    }
    return true;
  });
}

function milestoneMatches(ms: GlMilestone | undefined, wanted: string, today: string): boolean {
  switch (wanted) {
    case 'None':
      return !ms;
    case 'Any':
      return !!ms;
    case 'Upcoming':
      return !!ms?.dueDate && ms.dueDate > today;
    case 'Started':
      return !!ms?.startDate && ms.startDate <= today && ms.state === 'active';
    default:
      return ms?.title === wanted;
  }
}

function labelsMatch(item: GlIssuable, wanted: readonly string[]): boolean {
  if (wanted.length === 1 && wanted[0] === 'None') return item.labels.length === 0;
  if (wanted.length === 1 && wanted[0] === 'Any') return item.labels.length > 0;
  return wanted.every((w) => item.labels.some((l) => l.toLowerCase() === w.toLowerCase()));
}

/** The sort key of an item for an `order_by`. */
export function issuableKey(item: GlIssuable, orderBy: IssuableOrder): SortKey {
  switch (orderBy) {
    case 'updated_at':
      return [item.updatedAt, item.id];
    case 'due_date':
      return [item.dueDate, item.id];
    case 'title':
      return [item.title.toLowerCase(), item.id];
    case 'merged_at':
      return [item.mergedAt, item.id];
    case 'closed_at':
      return [item.closedAt, item.id];
    default:
      return [item.createdAt, item.id];
  }
}

/** GitLab's `order_by` / `sort` (default `created_at` / `desc`); ties broken by id so pages never overlap. */
export function sortIssuables(refs: readonly IssuableRef[], orderBy: IssuableOrder = 'created_at', direction: 'asc' | 'desc' = 'desc'): IssuableRef[] {
  const sign: Direction = direction === 'asc' ? 1 : -1;
  return [...refs].sort((a, b) => compareKeys(issuableKey(a.issuable, orderBy), issuableKey(b.issuable, orderBy), sign));
}
