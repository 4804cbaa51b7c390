import type { GlIssuable, GlProject } from '../../data/model.ts';
import { invalidParameter } from './errors.ts';
import type { ApiCall } from './route.ts';
import { personByUserId, touch } from './world.ts';

const UPDATE_PARAMS = ['title', 'description', 'labels', 'add_labels', 'remove_labels', 'assignee_ids', 'assignee_id', 'milestone_id', 'state_event', 'due_date', 'discussion_locked', 'confidential'] as const;

/**
 * `PUT /projects/:id/issues/:iid` (and merge requests): the fields Stint and a PM touch. Unknown labels are created
 * in the project, as GitLab does; `assignee_ids: []` or `0` unassigns; `milestone_id: 0` clears.
 */
export function applyIssuableUpdate(call: ApiCall, project: GlProject, item: GlIssuable): void {
  const { params } = call;
  if (!UPDATE_PARAMS.some((name) => params.has(name))) {
    throw invalidParameter(`${UPDATE_PARAMS.join(', ')} are missing, at least one parameter must be provided`);
  }
  const before = JSON.stringify(item);
  const title = params.string('title');
  if (title !== undefined) item.title = title;
  const description = params.string('description');
  if (description !== undefined) item.description = description;

  const labels = params.list('labels');
  if (labels !== undefined) item.labels = unique(labels);
  const added = params.list('add_labels');
  if (added) item.labels = unique([...item.labels, ...added]);
  const removed = params.list('remove_labels');
  if (removed) item.labels = item.labels.filter((l) => !removed.includes(l));
  ensureLabels(call, project, item.labels);

  const assigneeIds = params.has('assignee_ids') ? (params.integers('assignee_ids') ?? []) : params.has('assignee_id') ? [params.integer('assignee_id') ?? 0] : undefined;
  if (assigneeIds !== undefined) {
    item.assignees = assigneeIds.flatMap((id) => {
      const person = personByUserId(call.state, id);
      return person ? [person.gitlab.username] : [];
    });
  }

  if (params.has('milestone_id')) {
    const id = params.integer('milestone_id') ?? 0;
    item.milestoneId = project.milestones.some((m) => m.id === id) ? id : null;
  }

  if (params.has('due_date') && item.kind === 'issue') {
    const due = params.string('due_date') ?? '';
    if (due !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(due)) throw invalidParameter('due_date is invalid');
    item.dueDate = due === '' ? null : due;
  }

  const event = params.oneOf('state_event', ['close', 'reopen']);
  if (event === 'close' && item.state === 'opened') {
    item.state = 'closed';
    item.closedAt = call.state.now();
  } else if (event === 'reopen' && item.state === 'closed') {
    item.state = 'opened';
    item.closedAt = null;
  }

  if (JSON.stringify(item) !== before) touch(call.state, project, item);
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/** GitLab creates a project label the first time an issue names it. */
function ensureLabels(call: ApiCall, project: GlProject, names: readonly string[]): void {
  for (const name of names) {
    if (!project.labels.some((l) => l.name === name)) project.labels.push({ id: call.state.nextId(), name, color: '#6699cc' });
  }
}
