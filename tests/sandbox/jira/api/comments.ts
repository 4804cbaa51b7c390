import type { JiraIssue } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import { type ApiVersion, type JiraCall, intParam, jiraRoute, noContent, ok } from './call.ts';
import { formatJiraDateTime } from './dates.ts';
import { JiraError } from './errors.ts';
import { isRecord } from './issue-edit.ts';
import { issueFor } from './lookups.ts';
import { personById, readRichText, renderUser, richText } from './render.ts';
import { expandsProperties } from './render-worklog.ts';

/** A comment on an issue, kept beside the seeded world (which has none): a new world (`reset()`) starts without. */
interface SandboxComment {
  readonly id: number;
  readonly personId: string;
  /** Plain text: v3 clients send ADF (read to text), v2 clients a string; each version renders it its own way. */
  readonly body: string;
  readonly created: number;
  readonly properties: Record<string, unknown>;
}

const commentsOf = new WeakMap<JiraIssue, SandboxComment[]>();

function listOf(issue: JiraIssue): SandboxComment[] {
  let list = commentsOf.get(issue);
  if (!list) commentsOf.set(issue, (list = []));
  return list;
}

function render(call: JiraCall, issue: JiraIssue, comment: SandboxComment, withProperties: boolean): Record<string, unknown> {
  const author = personById(call, comment.personId);
  const user = renderUser(call, author);
  return {
    self: `${call.apiBase}/issue/${issue.id}/comment/${comment.id}`,
    id: String(comment.id),
    author: user,
    body: richText(call, comment.body) ?? (call.version === 3 ? { type: 'doc', version: 1, content: [] } : ''),
    updateAuthor: user,
    created: formatJiraDateTime(comment.created, author.timeZone),
    updated: formatJiraDateTime(comment.created, author.timeZone),
    jsdPublic: true,
    ...(withProperties ? { properties: Object.entries(comment.properties).map(([key, value]) => ({ key, value })) } : {}),
  };
}

/**
 * An issue's comments: list (`startAt` / `maxResults` paging, `orderBy=created|-created`, `expand=properties`), add
 * (with optional entity `properties`, as Jira accepts on create), delete.
 */
export function registerCommentRoutes(r: ScopedRouter, version: ApiVersion): void {
  r.get('/issue/:issueIdOrKey/comment', 'jira.comments.list', jiraRoute(version, (call) => {
    const issue = issueFor(call);
    const startAt = intParam(call, 'startAt', 0);
    const maxResults = Math.min(5000, intParam(call, 'maxResults', 5000));
    const order = call.query.get('orderBy') ?? 'created';
    const all = [...listOf(issue)].sort((a, b) => (order.startsWith('-') ? b.id - a.id : a.id - b.id));
    const comments = all.slice(startAt, startAt + maxResults).map((c) => render(call, issue, c, expandsProperties(call)));
    return ok({ startAt, maxResults, total: all.length, comments });
  }));

  r.post('/issue/:issueIdOrKey/comment', 'jira.comments.create', jiraRoute(version, (call) => {
    const issue = issueFor(call);
    const body = call.ctx.body;
    if (!isRecord(body)) throw new JiraError(400, ['Can not deserialize the request body.']);
    const text = readRichText(call, 'comment', body.body);
    if (text.trim() === '') throw new JiraError(400, [], { comment: 'Comment body can not be empty!' });
    const properties = Array.isArray(body.properties) ? Object.fromEntries(body.properties.filter(isRecord).filter((p) => typeof p.key === 'string').map((p) => [p.key as string, p.value])) : {};
    const comment: SandboxComment = { id: call.ctx.sandbox.nextId(), personId: call.viewer.id, body: text, created: call.now, properties };
    listOf(issue).push(comment);
    issue.updated = call.now;
    return ok(render(call, issue, comment, false), 201);
  }));

  r.delete('/issue/:issueIdOrKey/comment/:id', 'jira.comments.delete', jiraRoute(version, (call) => {
    const issue = issueFor(call);
    const list = listOf(issue);
    const at = list.findIndex((c) => String(c.id) === call.ctx.params.id);
    if (at < 0) throw new JiraError(404, [`Can not find a comment for the id: ${call.ctx.params.id ?? ''}.`]);
    list.splice(at, 1);
    return noContent();
  }));
}
