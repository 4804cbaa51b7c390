import type { Reply } from '../../http/router.ts';
import type { GhMilestone } from '../../data/model.ts';
import { notFound, validationFailed } from './errors.ts';
import { pagedReply } from './paging.ts';
import { addRepoRoute, type ApiScope, type RepoRequest } from './pipeline.ts';
import { milestoneCreators, renderMilestone } from './render.ts';
import { jsonObject, typeProblems } from './validate.ts';

/** Milestones: list (state, sort by due date or completeness, direction), create, get, update, delete. */
export function registerMilestones(scope: ApiScope): void {
  addRepoRoute(scope, 'GET', '/milestones', { name: 'github.milestones.list', docs: 'issues/milestones#list-milestones' }, (gh) => {
    const invalid = (field: string, value: string) => validationFailed(gh.docs, { resource: 'Milestone', code: 'invalid', field, value });
    const state = gh.query.get('state') ?? 'open';
    if (state !== 'open' && state !== 'closed' && state !== 'all') return invalid('state', state);
    const sort = gh.query.get('sort') ?? 'due_on';
    if (sort !== 'due_on' && sort !== 'completeness') return invalid('sort', sort);
    const direction = gh.query.get('direction') ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') return invalid('direction', direction);
    const completeness = (m: GhMilestone) => {
      const items = gh.repo.issues.filter((i) => i.milestone === m.number);
      return items.length === 0 ? 0 : items.filter((i) => i.state === 'closed').length / items.length;
    };
    // Milestones without a due date come last in either direction.
    const key = (m: GhMilestone) => (sort === 'completeness' ? completeness(m) : (m.dueOn ?? null));
    const sign = direction === 'asc' ? 1 : -1;
    const found = gh.repo.milestones
      .filter((m) => state === 'all' || m.state === state)
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === null || kb === null) return ka === kb ? a.number - b.number : ka === null ? 1 : -1;
        return sign * (ka - kb) || a.number - b.number;
      });
    return pagedReply(gh, found, (m) => renderMilestone(gh.links, gh.repo, m), gh.listUrl);
  });

  addRepoRoute(scope, 'POST', '/milestones', { name: 'github.milestones.create', docs: 'issues/milestones#create-a-milestone' }, (gh) => {
    const now = gh.state.now();
    const milestone: GhMilestone = { id: 0, number: 0, title: '', description: null, state: 'open', createdAt: now, updatedAt: now, dueOn: null, closedAt: null };
    const problem = editMilestone(gh, milestone, true);
    if (problem) return problem;
    const created: GhMilestone = { ...milestone, id: gh.state.nextId(), number: Math.max(0, ...gh.repo.milestones.map((m) => m.number)) + 1 };
    gh.repo.milestones.push(created);
    milestoneCreators.set(created, gh.person.github.login);
    return { status: 201, headers: { location: `${gh.links.repoApi}/milestones/${created.number}` }, body: renderMilestone(gh.links, gh.repo, created) };
  });

  addRepoRoute(scope, 'GET', '/milestones/:number', { name: 'github.milestones.get', docs: 'issues/milestones#get-a-milestone' }, (gh) => {
    const milestone = findMilestone(gh);
    if (!milestone) return notFound(gh.docs);
    return { status: 200, body: renderMilestone(gh.links, gh.repo, milestone), lastModified: milestone.updatedAt };
  });

  addRepoRoute(scope, 'PATCH', '/milestones/:number', { name: 'github.milestones.update', docs: 'issues/milestones#update-a-milestone' }, (gh) => {
    const milestone = findMilestone(gh);
    if (!milestone) return notFound(gh.docs);
    const problem = editMilestone(gh, milestone, false);
    if (problem) return problem;
    return { status: 200, body: renderMilestone(gh.links, gh.repo, milestone) };
  });

  addRepoRoute(scope, 'DELETE', '/milestones/:number', { name: 'github.milestones.delete', docs: 'issues/milestones#delete-a-milestone' }, (gh) => {
    const milestone = findMilestone(gh);
    if (!milestone) return notFound(gh.docs);
    gh.repo.milestones.splice(gh.repo.milestones.indexOf(milestone), 1);
    for (const issue of gh.repo.issues) if (issue.milestone === milestone.number) issue.milestone = null;
    return { status: 204 };
  });
}

function findMilestone(gh: RepoRequest): GhMilestone | null {
  const number = gh.ctx.params.number ?? '';
  return /^\d+$/.test(number) ? (gh.repo.milestones.find((m) => m.number === Number(number)) ?? null) : null;
}

/** Check the body, then change `milestone` in place; a problem changes nothing. */
function editMilestone(gh: RepoRequest, milestone: GhMilestone, creating: boolean): Reply | null {
  const parsed = jsonObject(gh);
  if (!parsed.ok) return parsed.reply;
  const fields = parsed.fields;
  const mistyped = typeProblems(gh, fields, { title: ['string'], state: ['string'], description: ['string', 'null'], due_on: ['string', 'null'] });
  if (mistyped) return mistyped;
  const fail = (field: string, code: 'missing_field' | 'invalid' | 'already_exists', value?: string) =>
    validationFailed(gh.docs, { resource: 'Milestone', code, field, ...(value === undefined ? {} : { value }) });
  const title = fields.title as string | undefined;
  if ((creating && title === undefined) || title === '') return fail('title', 'missing_field');
  if (title !== undefined && gh.repo.milestones.some((m) => m !== milestone && m.title === title)) return fail('title', 'already_exists', title);
  const state = fields.state as string | undefined;
  if (state !== undefined && state !== 'open' && state !== 'closed') return fail('state', 'invalid', state);
  const dueText = fields.due_on as string | null | undefined;
  const dueOn = typeof dueText === 'string' ? Date.parse(dueText) : dueText;
  if (typeof dueOn === 'number' && !Number.isFinite(dueOn)) return fail('due_on', 'invalid', String(dueText));

  const now = gh.state.now();
  if (title !== undefined) milestone.title = title;
  if ('description' in fields) milestone.description = (fields.description as string | null) ?? null;
  if (dueOn !== undefined) milestone.dueOn = dueOn;
  if (state !== undefined && state !== milestone.state) {
    milestone.state = state;
    milestone.closedAt = state === 'closed' ? now : null;
  }
  milestone.updatedAt = now;
  return null;
}
