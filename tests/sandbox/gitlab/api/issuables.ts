import type { GlIssuable, GlProject } from '../../data/model.ts';
import type { Reply, ScopedRouter } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { filterIssuables, sortIssuables, type IssuableFilter, type IssuableOrder } from './filters.ts';
import { pagedReply } from './paging.ts';
import type { Params } from './params.ts';
import { issue, mergeRequest } from './render/issuables.ts';
import { apiRoute, type ApiCall } from './route.ts';
import { applyIssuableUpdate } from './update.ts';
import { groupOr404, issuableOr404, issuablesOf, personByUserId, projectOr404, projectsInGroup, type IssuableKind, type IssuableRef } from './world.ts';

/** REST routes for issues and merge requests: project, group and "mine" lists, one item, and edits. */
export function registerIssuableRoutes(r: ScopedRouter, state: SandboxState): void {
  for (const { kind, segment, name } of KINDS) {
    r.get(`/projects/:id/${segment}`, `gitlab.${name}.list`, apiRoute(state, 'read', (call) => {
      const project = projectOr404(call.instance, call.ctx.params.id ?? '');
      return listReply(call, kind, refsOf([project], kind), 'all');
    }));
    r.get(`/groups/:id/${segment}`, `gitlab.groups.${name}.list`, apiRoute(state, 'read', (call) => {
      const group = groupOr404(call.instance, call.ctx.params.id ?? '');
      const includeSubgroups = call.params.boolean('include_subgroups') ?? true;
      return listReply(call, kind, refsOf(projectsInGroup(call.instance, group, includeSubgroups), kind), 'all');
    }));
    r.get(`/${segment}`, `gitlab.${name}.listMine`, apiRoute(state, 'read', (call) => listReply(call, kind, refsOf(call.instance.projects, kind), 'created_by_me')));
    r.get(`/projects/:id/${segment}/:iid`, `gitlab.${name}.get`, apiRoute(state, 'read', (call) => {
      const { project, issuable } = target(call, kind);
      return { status: 200, body: render(call, project, issuable, { single: true }) };
    }));
    r.put(`/projects/:id/${segment}/:iid`, `gitlab.${name}.update`, apiRoute(state, 'write', (call) => {
      const { project, issuable } = target(call, kind);
      applyIssuableUpdate(call, project, issuable);
      return { status: 200, body: render(call, project, issuable, { single: true }) };
    }));
  }
}

const KINDS: readonly { kind: IssuableKind; segment: string; name: string }[] = [
  { kind: 'issue', segment: 'issues', name: 'issues' },
  { kind: 'mr', segment: 'merge_requests', name: 'mergeRequests' },
];

export function target(call: ApiCall, kind: IssuableKind): IssuableRef {
  const project = projectOr404(call.instance, call.ctx.params.id ?? '');
  return { project, issuable: issuableOr404(project, kind, call.ctx.params.iid ?? '') };
}

function refsOf(projects: readonly GlProject[], kind: IssuableKind): IssuableRef[] {
  return projects.flatMap((project) => issuablesOf(project, kind).map((issuable) => ({ project, issuable })));
}

function render(call: ApiCall, project: GlProject, issuable: GlIssuable, options: { single?: boolean; labelDetails?: boolean }): Record<string, unknown> {
  return issuable.kind === 'issue' ? issue(call.state, call.instance, project, issuable, options) : mergeRequest(call.state, call.instance, project, issuable, options);
}

function listReply(call: ApiCall, kind: IssuableKind, refs: IssuableRef[], defaultScope: 'all' | 'created_by_me'): Reply {
  const { params } = call;
  const me = call.caller.person.gitlab.username;
  const scope = params.oneOf('scope', ['created_by_me', 'assigned_to_me', 'all', 'created-by-me', 'assigned-to-me']) ?? defaultScope;
  const scoped = refs.filter(({ issuable }) =>
    scope.startsWith('created') ? issuable.author === me : scope.startsWith('assigned') ? issuable.assignees.includes(me) : true,
  );
  const filtered = filterIssuables(call.instance, scoped, restFilter(params, kind), call.state.now(), (id) => personByUserId(call.state, id)?.gitlab.username);
  const orderBy = params.oneOf<IssuableOrder>('order_by', ['created_at', 'updated_at', 'due_date', 'title', 'merged_at']);
  const sorted = sortIssuables(filtered, orderBy, params.oneOf('sort', ['asc', 'desc']));
  const labelDetails = params.boolean('with_labels_details') ?? false;
  return pagedReply(call, sorted, ({ project, issuable }) => render(call, project, issuable, { labelDetails }));
}

function restFilter(params: Params, kind: IssuableKind): IssuableFilter {
  const states = kind === 'issue' ? (['opened', 'closed', 'all'] as const) : (['opened', 'closed', 'locked', 'merged', 'all'] as const);
  return {
    state: params.oneOf('state', states),
    labels: params.list('labels'),
    milestones: params.has('milestone') ? [params.string('milestone') ?? ''] : undefined,
    assigneeUsernames: params.list('assignee_username'),
    assigneeId: special(params, 'assignee_id', ['None', 'Any']),
    authorUsername: params.string('author_username'),
    iids: params.integers('iids'),
    createdAfter: params.time('created_after'),
    createdBefore: params.time('created_before'),
    updatedAfter: params.time('updated_after'),
    updatedBefore: params.time('updated_before'),
    search: params.string('search'),
    iterationId: kind === 'issue' ? special(params, 'iteration_id', ['None', 'Any', 'Current']) : undefined,
  };
}

/** Parameters that take an id or a keyword (`assignee_id=None`). */
function special<K extends string>(params: Params, name: string, keywords: readonly K[]): number | K | undefined {
  const value = params.string(name);
  if (value === undefined) return undefined;
  const keyword = keywords.find((k) => k.toLowerCase() === value.toLowerCase());
  return keyword ?? params.integer(name);
}
