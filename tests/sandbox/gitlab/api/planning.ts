import type { GlGroup, GlIteration, GlMilestone, GlProject } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { notFound } from './errors.ts';
import { sortIssuables } from './filters.ts';
import { pagedReply } from './paging.ts';
import { issue, mergeRequest } from './render/issuables.ts';
import { iteration, milestone, projectLabel } from './render/planning.ts';
import { apiRoute, type ApiCall } from './route.ts';
import { groupById, groupOr404, groupWithAncestors, groupWithDescendants, projectOr404, projectsInGroup } from './world.ts';

/** Milestones, iterations and labels: the containers Stint budgets and draws on its timeline. */
export function registerPlanningRoutes(r: ScopedRouter, state: SandboxState): void {
  r.get('/projects/:id/milestones', 'gitlab.milestones.list', apiRoute(state, 'read', (call) => {
    const project = projectOr404(call.instance, call.ctx.params.id ?? '');
    return milestoneList(call, project.milestones.map((m) => ({ project, milestone: m })));
  }));
  r.get('/projects/:id/milestones/:milestoneId', 'gitlab.milestones.get', apiRoute(state, 'read', (call) => {
    const { project, milestone: m } = projectMilestone(call);
    return { status: 200, body: milestone(call.instance, project, m, call.state.now()) };
  }));
  for (const [segment, name] of [['issues', 'issues'], ['merge_requests', 'mergeRequests']] as const) {
    r.get(`/projects/:id/milestones/:milestoneId/${segment}`, `gitlab.milestones.${name}`, apiRoute(state, 'read', (call) => {
      const { project, milestone: m } = projectMilestone(call);
      const items = (segment === 'issues' ? project.issues : project.mergeRequests).filter((i) => i.milestoneId === m.id);
      const sorted = sortIssuables(items.map((issuable) => ({ project, issuable })));
      return pagedReply(call, sorted, ({ issuable }) =>
        segment === 'issues' ? issue(call.state, call.instance, project, issuable) : mergeRequest(call.state, call.instance, project, issuable),
      );
    }));
  }
  r.get('/groups/:id/milestones', 'gitlab.groups.milestones.list', apiRoute(state, 'read', (call) => {
    const group = groupOr404(call.instance, call.ctx.params.id ?? '');
    // The sandbox's milestones all belong to projects: a group lists them only with `include_descendants=true`.
    const projects = call.params.boolean('include_descendants') ? projectsInGroup(call.instance, group) : [];
    return milestoneList(call, projects.flatMap((project) => project.milestones.map((m) => ({ project, milestone: m }))));
  }));
  r.get('/groups/:id/iterations', 'gitlab.groups.iterations.list', apiRoute(state, 'read', (call) => {
    const group = groupOr404(call.instance, call.ctx.params.id ?? '');
    return iterationList(call, group);
  }));
  r.get('/projects/:id/iterations', 'gitlab.iterations.list', apiRoute(state, 'read', (call) => {
    const project = projectOr404(call.instance, call.ctx.params.id ?? '');
    const group = groupById(call.instance, project.groupId);
    if (!group) throw notFound('Group');
    return iterationList(call, group);
  }));
  r.get('/projects/:id/labels', 'gitlab.labels.list', apiRoute(state, 'read', (call) => {
    const project = projectOr404(call.instance, call.ctx.params.id ?? '');
    const search = call.params.string('search')?.toLowerCase();
    const labels = [...project.labels].filter((l) => !search || l.name.toLowerCase().includes(search)).sort((a, b) => a.name.localeCompare(b.name));
    const withCounts = call.params.boolean('with_counts') ?? false;
    return pagedReply(call, labels, (label) => projectLabel(project, label, withCounts));
  }));
  r.get('/groups/:id/labels', 'gitlab.groups.labels.list', apiRoute(state, 'read', (call) => {
    groupOr404(call.instance, call.ctx.params.id ?? '');
    return pagedReply(call, [], (label: never) => label);
  }));
}

interface MilestoneRef {
  readonly project: GlProject;
  readonly milestone: GlMilestone;
}

function projectMilestone(call: ApiCall): MilestoneRef {
  const project = projectOr404(call.instance, call.ctx.params.id ?? '');
  const m = project.milestones.find((x) => String(x.id) === call.ctx.params.milestoneId);
  if (!m) throw notFound('Milestone');
  return { project, milestone: m };
}

function milestoneList(call: ApiCall, refs: MilestoneRef[]): ReturnType<typeof pagedReply> {
  const { params } = call;
  const state = params.oneOf('state', ['active', 'closed']);
  const title = params.string('title');
  const iids = params.integers('iids');
  const search = params.string('search')?.toLowerCase();
  const updatedAfter = params.time('updated_after');
  const updatedBefore = params.time('updated_before');
  const kept = refs.filter(({ milestone: m }) =>
    (!state || m.state === state) &&
    (title === undefined || m.title === title) &&
    (!iids || iids.includes(m.iid)) &&
    (!search || `${m.title} ${m.description}`.toLowerCase().includes(search)) &&
    (updatedAfter === undefined || m.updatedAt >= updatedAfter) &&
    (updatedBefore === undefined || m.updatedAt <= updatedBefore),
  );
  // Newest first, as GitLab's milestones API lists them (by id, descending).
  kept.sort((a, b) => b.milestone.id - a.milestone.id);
  return pagedReply(call, kept, ({ project, milestone: m }) => milestone(call.instance, project, m, call.state.now()));
}

const ITERATION_STATES = ['opened', 'upcoming', 'current', 'closed', 'all'] as const;

function iterationList(call: ApiCall, group: GlGroup): ReturnType<typeof pagedReply> {
  const { params } = call;
  const wanted = params.oneOf('state', ITERATION_STATES) ?? 'all';
  const includeAncestors = params.boolean('include_ancestors') ?? true;
  const includeDescendants = params.boolean('include_descendants') ?? false;
  const groups = new Set<GlGroup>([group, ...(includeAncestors ? groupWithAncestors(call.instance, group) : []), ...(includeDescendants ? groupWithDescendants(call.instance, group) : [])]);
  const search = params.string('search')?.toLowerCase();
  const iterations: GlIteration[] = [...groups].flatMap((g) => g.iterations).filter((it) =>
    (wanted === 'all' || it.state === wanted || (wanted === 'opened' && it.state !== 'closed')) && (!search || it.title.toLowerCase().includes(search)),
  );
  iterations.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  return pagedReply(call, iterations, (it) => iteration(call.instance, it));
}
