import type { GlGroup, GlInstance, GlIteration, GlLabel, GlMilestone, GlProject } from '../../../data/model.ts';
import { groupById, groupWebUrl, projectWebUrl } from '../world.ts';
import { iso, isoDay } from './time.ts';

/** A project milestone as GitLab renders it (`MilestoneSchema`); `expired` once the due date has passed. */
export function milestone(instance: GlInstance, project: GlProject, m: GlMilestone, now: number): Record<string, unknown> {
  return {
    id: m.id,
    iid: m.iid,
    project_id: project.id,
    title: m.title,
    description: m.description,
    state: m.state,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
    due_date: m.dueDate,
    start_date: m.startDate,
    expired: m.dueDate !== null && m.dueDate < isoDay(now),
    web_url: `${projectWebUrl(instance, project)}/-/milestones/${m.iid}`,
  };
}

/** Iteration states are numbers in REST: 1 upcoming, 2 current, 3 closed. */
const ITERATION_STATE = { upcoming: 1, current: 2, closed: 3 } as const;

/** Iterations are created by their cadence ahead of time: two weeks before they start. */
export function iteration(instance: GlInstance, it: GlIteration): Record<string, unknown> {
  const group = groupById(instance, it.groupId);
  const created = iso(Date.parse(`${it.startDate}T00:00:00Z`) - 14 * 86_400_000);
  return {
    id: it.id,
    iid: it.iid,
    sequence: it.iid,
    group_id: it.groupId,
    title: it.title,
    description: null,
    state: ITERATION_STATE[it.state],
    created_at: created,
    updated_at: created,
    start_date: it.startDate,
    due_date: it.dueDate,
    web_url: group ? `${groupWebUrl(instance, group)}/-/iterations/${it.id}` : `https://${instance.host}/-/iterations/${it.id}`,
  };
}

/** Black or white text, whichever reads on the label colour (GitLab's `text_color`). */
export function textColor(color: string): string {
  const hex = color.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) || 0);
  return (r ?? 0) * 0.299 + (g ?? 0) * 0.587 + (b ?? 0) * 0.114 > 186 ? '#1F1E24' : '#FFFFFF';
}

export function simpleLabel(label: GlLabel): Record<string, unknown> {
  return { id: label.id, name: label.name, description: null, description_html: '', text_color: textColor(label.color), color: label.color };
}

/** `GET /projects/:id/labels`: counts only with `with_counts=true`, as GitLab computes them on request. */
export function projectLabel(project: GlProject, label: GlLabel, withCounts: boolean): Record<string, unknown> {
  const base = { ...simpleLabel(label), subscribed: false, priority: null, is_project_label: true };
  if (!withCounts) return base;
  const has = (labels: string[]) => labels.includes(label.name);
  return {
    ...base,
    open_issues_count: project.issues.filter((i) => i.state === 'opened' && has(i.labels)).length,
    closed_issues_count: project.issues.filter((i) => i.state === 'closed' && has(i.labels)).length,
    open_merge_requests_count: project.mergeRequests.filter((m) => m.state === 'opened' && has(m.labels)).length,
  };
}

export function namespace(instance: GlInstance, group: GlGroup): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    path: group.fullPath.split('/').pop() ?? group.fullPath,
    kind: 'group',
    full_path: group.fullPath,
    parent_id: group.parentId,
    avatar_url: null,
    web_url: groupWebUrl(instance, group),
  };
}
