import type { GlGroup, GlInstance, GlIssuable, GlIteration, GlProject, GlTimelog, Person } from '../../data/model.ts';
import type { SandboxState } from '../../state.ts';
import { notFound } from './errors.ts';

/** Lookups over one GitLab instance of the seeded world, shared by the REST routes and the GraphQL resolvers. */

export type IssuableKind = GlIssuable['kind'];

export interface IssuableRef {
  readonly project: GlProject;
  readonly issuable: GlIssuable;
}

export function instanceFor(state: SandboxState, host: string): GlInstance | undefined {
  return state.data.gitlab.find((instance) => instance.host === host);
}

/** `:id` is the numeric id or the URL-decoded full path (`acme/platform/billing-service`). */
export function findProject(instance: GlInstance, id: string): GlProject | undefined {
  return /^\d+$/.test(id) ? instance.projects.find((p) => p.id === Number(id)) : instance.projects.find((p) => p.pathWithNamespace.toLowerCase() === id.toLowerCase());
}

export function projectOr404(instance: GlInstance, id: string): GlProject {
  const project = findProject(instance, id);
  if (!project) throw notFound('Project');
  return project;
}

export function findGroup(instance: GlInstance, id: string): GlGroup | undefined {
  return /^\d+$/.test(id) ? instance.groups.find((g) => g.id === Number(id)) : instance.groups.find((g) => g.fullPath.toLowerCase() === id.toLowerCase());
}

export function groupOr404(instance: GlInstance, id: string): GlGroup {
  const group = findGroup(instance, id);
  if (!group) throw notFound('Group');
  return group;
}

export function groupById(instance: GlInstance, id: number): GlGroup | undefined {
  return instance.groups.find((g) => g.id === id);
}

/** The group and every subgroup below it. */
export function groupWithDescendants(instance: GlInstance, group: GlGroup): GlGroup[] {
  const out = [group];
  for (let i = 0; i < out.length; i++) {
    const parent = out[i];
    if (parent) out.push(...instance.groups.filter((g) => g.parentId === parent.id));
  }
  return out;
}

/** The group, its parent, its parent's parent… */
export function groupWithAncestors(instance: GlInstance, group: GlGroup): GlGroup[] {
  const out = [group];
  let parentId = group.parentId;
  while (parentId !== null) {
    const parent = groupById(instance, parentId);
    if (!parent) break;
    out.push(parent);
    parentId = parent.parentId;
  }
  return out;
}

export function projectsInGroup(instance: GlInstance, group: GlGroup, includeSubgroups = true): GlProject[] {
  const ids = new Set((includeSubgroups ? groupWithDescendants(instance, group) : [group]).map((g) => g.id));
  return instance.projects.filter((p) => ids.has(p.groupId));
}

export function issuablesOf(project: GlProject, kind: IssuableKind): GlIssuable[] {
  return kind === 'issue' ? project.issues : project.mergeRequests;
}

export function issuableOr404(project: GlProject, kind: IssuableKind, iid: string): GlIssuable {
  const found = /^\d+$/.test(iid) ? issuablesOf(project, kind).find((i) => i.iid === Number(iid)) : undefined;
  if (!found) throw notFound();
  return found;
}

/** By global (database) id, as GraphQL global ids carry it. */
export function issuableById(instance: GlInstance, kind: IssuableKind, id: number): IssuableRef | undefined {
  for (const project of instance.projects) {
    const issuable = issuablesOf(project, kind).find((i) => i.id === id);
    if (issuable) return { project, issuable };
  }
  return undefined;
}

export interface TimelogRef extends IssuableRef {
  readonly timelog: GlTimelog;
}

export function allTimelogs(projects: readonly GlProject[]): TimelogRef[] {
  const out: TimelogRef[] = [];
  for (const project of projects) {
    for (const issuable of [...project.issues, ...project.mergeRequests]) {
      for (const timelog of issuable.timelogs) out.push({ project, issuable, timelog });
    }
  }
  return out;
}

export function iterationById(instance: GlInstance, id: number | null): GlIteration | undefined {
  if (id === null) return undefined;
  for (const group of instance.groups) {
    const found = group.iterations.find((it) => it.id === id);
    if (found) return found;
  }
  return undefined;
}

export function personByUsername(state: SandboxState, username: string): Person | undefined {
  return state.data.people.find((p) => p.gitlab.username.toLowerCase() === username.toLowerCase());
}

export function personByUserId(state: SandboxState, id: number): Person | undefined {
  return state.data.people.find((p) => p.gitlab.id === id);
}

export function totalTimeSpent(issuable: GlIssuable): number {
  return issuable.timelogs.reduce((sum, t) => sum + t.timeSpent, 0);
}

/** `https://gitlab.com/acme/platform/billing-service` — the instance's external URL, never the sandbox port. */
export function projectWebUrl(instance: GlInstance, project: GlProject): string {
  return `https://${instance.host}/${project.pathWithNamespace}`;
}

export function issuableWebUrl(instance: GlInstance, project: GlProject, issuable: GlIssuable): string {
  return `${projectWebUrl(instance, project)}/-/${issuable.kind === 'issue' ? 'issues' : 'merge_requests'}/${issuable.iid}`;
}

export function groupWebUrl(instance: GlInstance, group: GlGroup): string {
  return `https://${instance.host}/groups/${group.fullPath}`;
}

/** `#12` / `!12`, or with the project path when `full`. */
export function issuableReference(project: GlProject, issuable: GlIssuable, full: boolean): string {
  const local = `${issuable.kind === 'issue' ? '#' : '!'}${issuable.iid}`;
  return full ? `${project.pathWithNamespace}${local}` : local;
}

/** A write happened: the item and its project show fresh activity, as GitLab bumps `updated_at`. */
export function touch(state: SandboxState, project: GlProject, issuable: GlIssuable): void {
  const now = Math.max(state.now(), issuable.updatedAt + 1);
  issuable.updatedAt = now;
  project.lastActivityAt = Math.max(project.lastActivityAt, now);
}
