import type { Reply } from '../../http/router.ts';
import type { GhComment } from '../../data/model.ts';
import { notFound, validationFailed } from './errors.ts';
import { nodeId, toSecond } from './links.ts';
import { allComments, findComment, findIssue, type CommentOnIssue } from './lookup.ts';
import { pagedReply } from './paging.ts';
import { addRepoRoute, type ApiScope, type GhRequest, type RepoRequest } from './pipeline.ts';
import { renderComment } from './render.ts';
import { jsonObject, typeProblem } from './validate.ts';

/**
 * Issue comments: per issue and for the whole repository (Stint reads its time markers incrementally from the latter
 * with `since`), and single comments. Register before the issue routes: `/issues/comments` would match `/issues/{n}`.
 */
export function registerComments(scope: ApiScope): void {
  addRepoRoute(scope, 'GET', '/issues/comments', { name: 'github.issues.comments.listForRepo', docs: 'issues/comments#list-issue-comments-for-a-repository' }, (gh) => {
    const since = sinceParam(gh);
    if (since === 'invalid') return validationFailed(gh.docs, { resource: 'IssueComment', code: 'invalid', field: 'since', value: gh.query.get('since') ?? '' });
    const sort = gh.query.get('sort') ?? 'created';
    if (sort !== 'created' && sort !== 'updated') return validationFailed(gh.docs, { resource: 'IssueComment', code: 'invalid', field: 'sort', value: sort });
    // `direction` is ignored without `sort`, as GitHub documents; the default order is oldest first.
    const direction = gh.query.has('sort') ? (gh.query.get('direction') ?? 'desc') : 'asc';
    if (direction !== 'asc' && direction !== 'desc') return validationFailed(gh.docs, { resource: 'IssueComment', code: 'invalid', field: 'direction', value: direction });
    const key = (c: CommentOnIssue) => toSecond(sort === 'updated' ? c.comment.updatedAt : c.comment.createdAt);
    const sign = direction === 'asc' ? 1 : -1;
    const found = allComments(gh.repo)
      .filter((c) => since === null || toSecond(c.comment.updatedAt) >= since)
      .sort((a, b) => sign * (key(a) - key(b) || a.comment.id - b.comment.id));
    return pagedReply(gh, found, (c) => renderComment(gh.links, c.issue, c.comment), gh.listUrl);
  });

  addRepoRoute(scope, 'GET', '/issues/comments/:commentId', { name: 'github.issues.comments.get', docs: 'issues/comments#get-an-issue-comment' }, (gh) => {
    const found = findComment(gh.repo, gh.ctx.params.commentId);
    if (!found) return notFound(gh.docs);
    return { status: 200, body: renderComment(gh.links, found.issue, found.comment), lastModified: found.comment.updatedAt };
  });

  addRepoRoute(scope, 'PATCH', '/issues/comments/:commentId', { name: 'github.issues.comments.update', docs: 'issues/comments#update-an-issue-comment' }, (gh) => {
    const found = findComment(gh.repo, gh.ctx.params.commentId);
    if (!found) return notFound(gh.docs);
    const body = commentBody(gh);
    if (typeof body !== 'string') return body;
    found.comment.body = body;
    found.comment.updatedAt = gh.state.now();
    return { status: 200, body: renderComment(gh.links, found.issue, found.comment) };
  });

  addRepoRoute(scope, 'DELETE', '/issues/comments/:commentId', { name: 'github.issues.comments.delete', docs: 'issues/comments#delete-an-issue-comment' }, (gh) => {
    const found = findComment(gh.repo, gh.ctx.params.commentId);
    if (!found) return notFound(gh.docs);
    found.issue.comments = found.issue.comments.filter((c) => c !== found.comment);
    return { status: 204 };
  });

  addRepoRoute(scope, 'GET', '/issues/:number/comments', { name: 'github.issues.comments.list', docs: 'issues/comments#list-issue-comments' }, (gh) => {
    const issue = findIssue(gh.repo, gh.ctx.params.number);
    if (!issue) return notFound(gh.docs);
    const since = sinceParam(gh);
    if (since === 'invalid') return validationFailed(gh.docs, { resource: 'IssueComment', code: 'invalid', field: 'since', value: gh.query.get('since') ?? '' });
    const found = issue.comments.filter((c) => since === null || toSecond(c.updatedAt) >= since).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    return pagedReply(gh, found, (comment) => renderComment(gh.links, issue, comment), gh.listUrl);
  });

  addRepoRoute(scope, 'POST', '/issues/:number/comments', { name: 'github.issues.comments.create', docs: 'issues/comments#create-an-issue-comment' }, (gh) => {
    const issue = findIssue(gh.repo, gh.ctx.params.number);
    if (!issue) return notFound(gh.docs);
    const body = commentBody(gh);
    if (typeof body !== 'string') return body;
    const now = gh.state.now();
    const id = gh.state.nextId();
    const comment: GhComment = { id, nodeId: nodeId('IC_kwDO', id), user: gh.person.github.login, body, createdAt: now, updatedAt: now };
    issue.comments.push(comment);
    issue.updatedAt = now;
    const rendered = renderComment(gh.links, issue, comment);
    return { status: 201, headers: { location: String(rendered.url) }, body: rendered };
  });
}

function sinceParam(gh: GhRequest): number | null | 'invalid' {
  const text = gh.query.get('since');
  if (text === null) return null;
  const at = Date.parse(text);
  return Number.isFinite(at) ? at : 'invalid';
}

/** The comment text of a POST or PATCH, or GitHub's 400/422 for a missing, empty or mistyped `body`. */
function commentBody(gh: RepoRequest): string | Reply {
  const parsed = jsonObject(gh);
  if (!parsed.ok) return parsed.reply;
  const mistyped = typeProblem(gh, parsed.fields, 'body', ['string']);
  if (mistyped) return mistyped;
  const body = parsed.fields.body;
  if (typeof body !== 'string' || body.trim() === '') return validationFailed(gh.docs, { resource: 'IssueComment', code: 'missing_field', field: 'body' });
  return body;
}
