import type { GhComment, GhInstance, GhIssue, GhRepo, Person } from '../../data/model.ts';
import { PEOPLE } from '../../data/people.ts';

/** Finding records the way GitHub resolves URLs: owner and repository names are case-insensitive. */

export function findRepo(instance: GhInstance, owner: string, name: string): GhRepo | null {
  const o = owner.toLowerCase();
  const n = name.toLowerCase();
  return instance.repos.find((r) => r.owner.login.toLowerCase() === o && r.name.toLowerCase() === n) ?? null;
}

export function findRepoById(instance: GhInstance, id: string): GhRepo | null {
  return /^\d+$/.test(id) ? (instance.repos.find((r) => r.id === Number(id)) ?? null) : null;
}

export function findIssue(repo: GhRepo, number: string | undefined): GhIssue | null {
  return number !== undefined && /^\d+$/.test(number) ? (repo.issues.find((i) => i.number === Number(number)) ?? null) : null;
}

export interface CommentOnIssue {
  readonly issue: GhIssue;
  readonly comment: GhComment;
}

export function allComments(repo: GhRepo): CommentOnIssue[] {
  return repo.issues.flatMap((issue) => issue.comments.map((comment) => ({ issue, comment })));
}

export function findComment(repo: GhRepo, id: string | undefined): CommentOnIssue | null {
  if (id === undefined || !/^\d+$/.test(id)) return null;
  return allComments(repo).find((c) => c.comment.id === Number(id)) ?? null;
}

export function personByLogin(login: string): Person | null {
  const l = login.toLowerCase();
  return PEOPLE.find((p) => p.github.login.toLowerCase() === l) ?? null;
}

/** Everyone in the sandbox's organisation can be assigned in every repository. */
export function assignableLogins(): string[] {
  return PEOPLE.map((p) => p.github.login);
}
