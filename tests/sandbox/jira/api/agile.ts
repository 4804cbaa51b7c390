import type { JiraBoard, JiraIssue, JiraSprint } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import { type JiraCall, type SiteCall, intParam, jiraRoute, listParam, ok } from './call.ts';
import { formatUtcDateTime } from './dates.ts';
import { JiraError } from './errors.ts';
import { sprintsOf } from './issue-parts.ts';
import { compileJql } from './jql.ts';
import { findProject } from './render.ts';
import { expandSet, fieldNames, renderFields, selectFields } from './render-issue.ts';

/** Jira Software's Agile 1.0 API: boards, their sprints, and the issues on a board or in a sprint. */
export function registerAgileRoutes(r: ScopedRouter): void {
  r.get(
    '/board',
    'jira.agile.boards.list',
    jiraRoute('agile', (call) => {
      const project = call.query.get('projectKeyOrId');
      const type = call.query.get('type');
      const name = call.query.get('name')?.toLowerCase();
      const wantedProject = project === null ? null : findProject(call, project);
      if (project !== null && !wantedProject) throw new JiraError(400, [`No project could be found with key or id '${project}'.`]);
      const boards = call.site.boards.filter(
        (b) => (!wantedProject || b.projectKey === wantedProject.key) && (!type || type.split(',').includes(b.type)) && (!name || b.name.toLowerCase().includes(name)),
      );
      return ok(page(call, boards.map((b) => renderBoard(call, b)), 50, true));
    }),
  );

  r.get('/board/:boardId', 'jira.agile.boards.get', jiraRoute('agile', (call) => ok(renderBoard(call, boardFor(call)))));

  r.get(
    '/board/:boardId/sprint',
    'jira.agile.boards.sprints',
    jiraRoute('agile', (call) => {
      const board = boardFor(call);
      if (board.type !== 'scrum') throw new JiraError(400, ['The board does not support sprints']);
      const states = listParam(call, 'state');
      const sprints = call.site.sprints.filter((s) => s.boardId === board.id && (states.length === 0 || states.includes(s.state)));
      // Sprint pages carry no total, as on Jira.
      return ok(page(call, sprints.map((s) => renderSprint(call, s)), 50, false));
    }),
  );

  r.get(
    '/board/:boardId/issue',
    'jira.agile.boards.issues',
    jiraRoute('agile', (call) => {
      const board = boardFor(call);
      return ok(issuePage(call, (i) => i.projectKey === board.projectKey));
    }),
  );

  r.get('/sprint/:sprintId', 'jira.agile.sprints.get', jiraRoute('agile', (call) => ok(renderSprint(call, sprintFor(call)))));

  r.get(
    '/sprint/:sprintId/issue',
    'jira.agile.sprints.issues',
    jiraRoute('agile', (call) => {
      const sprint = sprintFor(call);
      return ok(issuePage(call, (i) => i.sprintIds.includes(sprint.id)));
    }),
  );
}

const agileBase = (call: SiteCall) => `${call.base}/rest/agile/1.0`;

function boardFor(call: JiraCall): JiraBoard {
  const board = call.site.boards.find((b) => String(b.id) === call.ctx.params.boardId);
  if (!board) throw new JiraError(404, ['Board does not exist or you do not have permission to see it.']);
  return board;
}

function sprintFor(call: JiraCall): JiraSprint {
  const sprint = call.site.sprints.find((s) => String(s.id) === call.ctx.params.sprintId);
  if (!sprint) throw new JiraError(404, ['The requested sprint cannot be viewed because it either does not exist or you do not have permission to view it.']);
  return sprint;
}

function page<T>(call: JiraCall, all: T[], cap: number, withTotal: boolean): Record<string, unknown> {
  const startAt = intParam(call, 'startAt', 0);
  const maxResults = Math.max(1, Math.min(cap, intParam(call, 'maxResults', 50)));
  const values = all.slice(startAt, startAt + maxResults);
  return { maxResults, startAt, ...(withTotal ? { total: all.length } : {}), isLast: startAt + values.length >= all.length, values };
}

function renderBoard(call: SiteCall, board: JiraBoard): Record<string, unknown> {
  const project = findProject(call, board.projectKey);
  return {
    id: board.id,
    self: `${agileBase(call)}/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: project
      ? {
          projectId: Number(project.id),
          displayName: `${project.name} (${project.key})`,
          projectName: project.name,
          projectKey: project.key,
          projectTypeKey: 'software',
          avatarURI: `${call.base}/secure/projectavatar?size=small&pid=${project.id}`,
          name: `${project.name} (${project.key})`,
        }
      : {},
  };
}

/** A sprint as the Agile API returns it: `originBoardId` (not the Sprint field's `boardId`), dates in UTC. */
export function renderSprint(call: SiteCall, sprint: JiraSprint): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${agileBase(call)}/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate === null ? {} : { startDate: formatUtcDateTime(sprint.startDate) }),
    ...(sprint.endDate === null ? {} : { endDate: formatUtcDateTime(sprint.endDate) }),
    ...(sprint.completeDate === null ? {} : { completeDate: formatUtcDateTime(sprint.completeDate) }),
    originBoardId: sprint.boardId,
    goal: sprint.goal,
  };
}

/** Issues on a board or in a sprint, optionally narrowed by `jql`, in rank order (the sandbox ranks by key). */
function issuePage(call: JiraCall, belongs: (issue: JiraIssue) => boolean): Record<string, unknown> {
  const jql = call.query.get('jql') ?? '';
  const compiled = compileJql(jql, { site: call.site, viewer: call.viewer, people: call.people, now: call.now });
  const issues = call.site.issues.filter((i) => belongs(i) && compiled.matches(i));
  const startAt = intParam(call, 'startAt', 0);
  const maxResults = Math.max(1, Math.min(100, intParam(call, 'maxResults', 50)));
  const requested = listParam(call, 'fields');
  const defs = selectFields(call, requested, ['*navigable']);
  const wantsAgileFields = (id: string) => requested.length === 0 || requested.some((f) => f === id || f === '*all' || f === '*navigable');
  const rendered = issues.slice(startAt, startAt + maxResults).map((issue) => {
    const fields = renderFields(call, issue, defs);
    const sprints = sprintsOf(call.site, issue);
    if (wantsAgileFields('sprint')) fields.sprint = sprints.filter((s) => s.state !== 'closed').map((s) => renderSprint(call, s))[0] ?? null;
    if (wantsAgileFields('closedSprints')) fields.closedSprints = sprints.filter((s) => s.state === 'closed').map((s) => renderSprint(call, s));
    if (wantsAgileFields('flagged')) fields.flagged = false;
    return { expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields', id: issue.id, self: `${agileBase(call)}/issue/${issue.id}`, key: issue.key, fields };
  });
  const expand = expandSet(listParam(call, 'expand'));
  return { expand: 'schema,names', startAt, maxResults, total: issues.length, issues: rendered, ...(expand.has('names') ? { names: fieldNames(defs) } : {}) };
}
