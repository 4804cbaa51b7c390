import type { Reply } from '../../http/router.ts';
import type { GhIssue, GhRepo } from '../../data/model.ts';
import { validationFailed } from './errors.ts';
import { assignableLogins } from './lookup.ts';
import type { RepoRequest } from './pipeline.ts';
import { names, typeProblems } from './validate.ts';

/**
 * The editable fields of an issue (`POST …/issues`, `PATCH …/issues/{n}`): checked first, in GitHub's words, so a
 * rejected request changes nothing; then applied in one go.
 */
export type EditPlan = { readonly ok: true; apply(issue: GhIssue, now: number): void } | { readonly ok: false; readonly reply: Reply };

const TYPES = {
  title: ['string', 'integer'],
  body: ['string', 'null'],
  assignee: ['string', 'null'],
  assignees: ['array'],
  milestone: ['string', 'integer', 'null'],
  labels: ['array'],
  state: ['string'],
  state_reason: ['string', 'null'],
} as const;

export function planIssueEdit(gh: RepoRequest, fields: Record<string, unknown>, creating: boolean): EditPlan {
  const typeProblem = typeProblems(gh, fields, TYPES);
  if (typeProblem) return { ok: false, reply: typeProblem };
  const fail = (field: string, code: 'missing_field' | 'invalid', value?: string | number): EditPlan => ({
    ok: false,
    reply: validationFailed(gh.docs, { resource: 'Issue', code, field, ...(value === undefined ? {} : { value }) }),
  });

  // Types are checked above, so these casts only name what is already known.
  const title = fields.title as string | number | null | undefined;
  if ((creating && title === undefined) || title === '' || title === null) return fail('title', 'missing_field');
  const state = fields.state as string | undefined;
  if (state !== undefined && state !== 'open' && state !== 'closed') return fail('state', 'invalid', state);
  const reason = fields.state_reason as string | null | undefined;
  if (typeof reason === 'string' && !['completed', 'not_planned', 'reopened'].includes(reason)) return fail('state_reason', 'invalid', reason);

  const people = assignableLogins();
  const wanted = 'assignees' in fields ? names(fields.assignees) : 'assignee' in fields ? (typeof fields.assignee === 'string' ? [fields.assignee] : []) : null;
  const assignees: string[] = [];
  for (const login of wanted ?? []) {
    const known = people.find((p) => p.toLowerCase() === login.toLowerCase());
    if (!known) return fail('assignees', 'invalid', login);
    if (!assignees.includes(known)) assignees.push(known);
  }

  let milestone: number | null | undefined;
  if ('milestone' in fields) {
    const raw = fields.milestone;
    milestone = raw === null ? null : Number(raw);
    if (milestone !== null && !gh.repo.milestones.some((m) => m.number === milestone)) return fail('milestone', 'invalid', typeof raw === 'number' ? raw : String(raw));
  }
  const labels = 'labels' in fields ? [...new Set(names(fields.labels))] : null;

  return {
    ok: true,
    apply(issue, now) {
      if (title !== undefined) issue.title = String(title);
      if ('body' in fields) issue.body = typeof fields.body === 'string' ? fields.body : '';
      if (wanted !== null) issue.assignees = assignees;
      if (milestone !== undefined) issue.milestone = milestone;
      if (labels !== null) issue.labels = labels.map((name) => ensureLabel(gh.repo, name, () => gh.state.nextId()));
      applyState(issue, state, reason as GhIssue['stateReason'] | undefined, now);
      issue.updatedAt = now;
    },
  };
}

function applyState(issue: GhIssue, state: string | undefined, reason: GhIssue['stateReason'] | undefined, now: number): void {
  if (state === 'closed' && issue.state === 'open') {
    issue.state = 'closed';
    issue.closedAt = now;
    issue.stateReason = reason ?? 'completed';
  } else if (state === 'open' && issue.state === 'closed') {
    issue.state = 'open';
    issue.closedAt = null;
    issue.stateReason = 'reopened';
  } else if (reason !== undefined && issue.state === 'closed') {
    issue.stateReason = reason;
  }
}

/** GitHub creates a label that does not exist yet when an issue is given it; the canonical name is returned. */
export function ensureLabel(repo: GhRepo, name: string, nextId: () => number): string {
  const existing = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (existing) return existing.name;
  repo.labels.push({ id: nextId(), name, color: 'ededed', description: null });
  return name;
}
