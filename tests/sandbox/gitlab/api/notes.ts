import type { GlIssuable, GlProject } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { invalidParameter, notFound } from './errors.ts';
import { target } from './issuables.ts';
import { pagedReply } from './paging.ts';
import { userBasic } from './render/users.ts';
import { iso } from './render/time.ts';
import { apiRoute, type ApiCall } from './route.ts';
import { personByUsername, touch } from './world.ts';

/** A note on an issue or MR, kept beside the seeded world (which has none): a new world (`reset()`) starts without. */
interface SandboxNote {
  readonly id: number;
  readonly author: string;
  readonly body: string;
  readonly createdAt: number;
}

const notesOf = new WeakMap<GlIssuable, SandboxNote[]>();

/** The notes of an issue or MR, oldest first (for tests that check what a client left behind). */
export function notesOn(issuable: GlIssuable): readonly SandboxNote[] {
  return notesOf.get(issuable) ?? [];
}

function listOf(issuable: GlIssuable): SandboxNote[] {
  let list = notesOf.get(issuable);
  if (!list) notesOf.set(issuable, (list = []));
  return list;
}

/** A note as GitLab's REST API renders it (`Note` entity). */
function renderNote(call: ApiCall, project: GlProject, issuable: GlIssuable, noteableType: 'Issue' | 'MergeRequest', note: SandboxNote): Record<string, unknown> {
  return {
    id: note.id,
    type: null,
    body: note.body,
    attachment: null,
    author: userBasic(call.instance, personByUsername(call.state, note.author), note.author),
    created_at: iso(note.createdAt),
    updated_at: iso(note.createdAt),
    system: false,
    noteable_id: issuable.id,
    noteable_type: noteableType,
    project_id: project.id,
    resolvable: false,
    confidential: false,
    internal: false,
    noteable_iid: issuable.iid,
    commands_changes: {},
  };
}

/**
 * GitLab's notes (comments) of issues and merge requests: list (newest first unless `sort=asc`, offset paging with
 * GitLab's headers), create (`body` required, 201), delete (204).
 */
export function registerNoteRoutes(r: ScopedRouter, state: SandboxState): void {
  for (const { kind, segment, name, noteableType } of [
    { kind: 'issue', segment: 'issues', name: 'issues', noteableType: 'Issue' },
    { kind: 'mr', segment: 'merge_requests', name: 'mergeRequests', noteableType: 'MergeRequest' },
  ] as const) {
    const base = `/projects/:id/${segment}/:iid/notes`;
    r.get(base, `gitlab.${name}.notes.list`, apiRoute(state, 'read', (call) => {
      const { project, issuable } = target(call, kind);
      const ascending = call.params.oneOf('sort', ['asc', 'desc']) === 'asc';
      const notes = [...listOf(issuable)].sort((a, b) => (ascending ? a.id - b.id : b.id - a.id));
      return pagedReply(call, notes, (note) => renderNote(call, project, issuable, noteableType, note));
    }));
    r.post(base, `gitlab.${name}.notes.create`, apiRoute(state, 'write', (call) => {
      const { project, issuable } = target(call, kind);
      const body = call.params.string('body');
      if (body === undefined) throw invalidParameter('body is missing');
      const note: SandboxNote = { id: call.state.nextId(), author: call.caller.person.gitlab.username, body, createdAt: call.state.now() };
      listOf(issuable).push(note);
      touch(call.state, project, issuable);
      return { status: 201, body: renderNote(call, project, issuable, noteableType, note) };
    }));
    r.delete(`${base}/:noteId`, `gitlab.${name}.notes.delete`, apiRoute(state, 'write', (call) => {
      const { issuable } = target(call, kind);
      const list = listOf(issuable);
      const at = list.findIndex((n) => String(n.id) === call.ctx.params.noteId);
      if (at < 0) throw notFound('Note');
      list.splice(at, 1);
      return { status: 204 };
    }));
  }
}
