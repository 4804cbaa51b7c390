import { createHash } from 'node:crypto';
import type { GlInstance, GlIssuable, GlProject } from '../../../data/model.ts';
import type { SandboxState } from '../../../state.ts';
import { humanDuration } from '../duration.ts';
import { issuableReference, issuableWebUrl, iterationById, personByUsername, totalTimeSpent } from '../world.ts';
import { iteration, milestone, simpleLabel } from './planning.ts';
import { iso, isoOrNull } from './time.ts';
import { userBasic } from './users.ts';

export interface RenderOptions {
  /** `with_labels_details=true`: labels as objects instead of names. */
  readonly labelDetails?: boolean;
  /** The single-item endpoints add a few fields (`subscribed`, MR `diff_refs`…). */
  readonly single?: boolean;
}

/** `Entities::IssuableTimeStats`: seconds, plus GitLab's human form (`1d 2h`), null when zero. */
export function timeStats(issuable: GlIssuable): Record<string, unknown> {
  const spent = totalTimeSpent(issuable);
  return {
    time_estimate: issuable.timeEstimate,
    total_time_spent: spent,
    human_time_estimate: humanDuration(issuable.timeEstimate),
    human_total_time_spent: humanDuration(spent),
  };
}

/** Checklist items in the description, for `task_completion_status`. */
function tasks(description: string): { count: number; completed_count: number } {
  const items = description.match(/^\s*[-*] \[[ xX]\]/gm) ?? [];
  return { count: items.length, completed_count: items.filter((i) => /\[[xX]\]/.test(i)).length };
}

/** Fields issues and merge requests share. */
function common(state: SandboxState, instance: GlInstance, project: GlProject, item: GlIssuable, options: RenderOptions): Record<string, unknown> {
  const user = (username: string) => userBasic(instance, personByUsername(state, username), username);
  const assignees = item.assignees.map(user);
  const ms = item.milestoneId === null ? undefined : project.milestones.find((m) => m.id === item.milestoneId);
  // The seed does not record who closed an item: the assignee did, or else its author.
  const closer = item.assignees[0] ?? item.author;
  const labels = options.labelDetails
    ? item.labels.map((name) => {
        const label = project.labels.find((l) => l.name === name);
        return label ? simpleLabel(label) : { id: 0, name, description: null, description_html: '', text_color: '#FFFFFF', color: '#6699cc' };
      })
    : [...item.labels];
  return {
    id: item.id,
    iid: item.iid,
    project_id: project.id,
    title: item.title,
    description: item.description,
    state: item.state,
    created_at: iso(item.createdAt),
    updated_at: iso(item.updatedAt),
    closed_at: isoOrNull(item.closedAt),
    closed_by: item.closedAt !== null && item.state === 'closed' ? user(closer) : null,
    labels,
    milestone: ms ? milestone(instance, project, ms, state.now()) : null,
    author: user(item.author),
    assignees,
    assignee: assignees[0] ?? null,
    user_notes_count: 0,
    upvotes: 0,
    downvotes: 0,
    discussion_locked: null,
    web_url: issuableWebUrl(instance, project, item),
    references: {
      short: issuableReference(project, item, false),
      relative: issuableReference(project, item, false),
      full: issuableReference(project, item, true),
    },
    time_stats: timeStats(item),
    task_completion_status: tasks(item.description),
    ...(options.single ? { subscribed: false } : {}),
  };
}

/** `IssueSchema` for the REST issue endpoints. */
export function issue(state: SandboxState, instance: GlInstance, project: GlProject, item: GlIssuable, options: RenderOptions = {}): Record<string, unknown> {
  const it = iterationById(instance, item.iterationId);
  const api = `https://${instance.host}/api/v4/projects/${project.id}`;
  const taskStatus = tasks(item.description);
  return {
    ...common(state, instance, project, item, options),
    type: 'ISSUE',
    issue_type: 'issue',
    merge_requests_count: 0,
    due_date: item.dueDate,
    confidential: false,
    imported: false,
    imported_from: 'none',
    severity: 'UNKNOWN',
    has_tasks: taskStatus.count > 0,
    task_status: `${taskStatus.completed_count} of ${taskStatus.count} checklist items completed`,
    moved_to_id: null,
    service_desk_reply_to: null,
    blocking_issues_count: 0,
    weight: null,
    epic_iid: null,
    epic: null,
    health_status: null,
    iteration: it ? iteration(instance, it) : null,
    _links: {
      self: `${api}/issues/${item.iid}`,
      notes: `${api}/issues/${item.iid}/notes`,
      award_emoji: `${api}/issues/${item.iid}/award_emoji`,
      project: api,
      closed_as_duplicate_of: null,
    },
  };
}

function sha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** `MergeRequestSchema` (and the expanded fields of `GET …/merge_requests/:iid`). */
export function mergeRequest(state: SandboxState, instance: GlInstance, project: GlProject, item: GlIssuable, options: RenderOptions = {}): Record<string, unknown> {
  const base = common(state, instance, project, item, options);
  const merged = item.state === 'merged';
  const merger = merged ? (base.assignee ?? base.author) : null;
  const head = sha(`${project.id}:${item.iid}:head`);
  const body: Record<string, unknown> = {
    ...base,
    closed_by: item.state === 'closed' ? base.closed_by : null,
    closed_at: item.state === 'closed' ? base.closed_at : null,
    merged_by: merger,
    merge_user: merger,
    merged_at: isoOrNull(item.mergedAt),
    target_branch: item.targetBranch ?? 'main',
    source_branch: item.sourceBranch ?? `mr-${item.iid}`,
    reviewers: [],
    source_project_id: project.id,
    target_project_id: project.id,
    draft: item.draft,
    work_in_progress: item.draft,
    imported: false,
    imported_from: 'none',
    merge_when_pipeline_succeeds: false,
    merge_status: item.state === 'opened' ? 'can_be_merged' : 'unchecked',
    detailed_merge_status: item.state !== 'opened' ? 'not_open' : item.draft ? 'draft_status' : 'mergeable',
    merge_after: null,
    sha: head,
    merge_commit_sha: merged ? sha(`${project.id}:${item.iid}:merge`) : null,
    squash_commit_sha: null,
    should_remove_source_branch: null,
    force_remove_source_branch: true,
    prepared_at: iso(item.createdAt),
    reference: issuableReference(project, item, false),
    squash: false,
    squash_on_merge: false,
    has_conflicts: false,
    blocking_discussions_resolved: true,
    approvals_before_merge: null,
  };
  if (options.single) {
    Object.assign(body, {
      changes_count: '3',
      latest_build_started_at: null,
      latest_build_finished_at: null,
      first_deployed_to_production_at: null,
      pipeline: null,
      head_pipeline: null,
      diff_refs: { base_sha: sha(`${project.id}:${item.iid}:base`), head_sha: head, start_sha: sha(`${project.id}:${item.iid}:base`) },
      merge_error: null,
      first_contribution: false,
      user: { can_merge: true },
    });
  }
  return body;
}
