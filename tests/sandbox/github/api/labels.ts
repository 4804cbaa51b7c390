import type { Reply } from '../../http/router.ts';
import type { GhIssue } from '../../data/model.ts';
import { ghError, notFound, validationFailed } from './errors.ts';
import { ensureLabel } from './issue-edit.ts';
import { findIssue } from './lookup.ts';
import { pagedReply } from './paging.ts';
import { addRepoRoute, type ApiScope, type RepoRequest } from './pipeline.ts';
import { issueLabels, renderLabel } from './render.ts';
import { jsonObject, names } from './validate.ts';

/** A repository's labels, and an issue's labels: list, add, replace, remove all, remove one. */
export function registerLabels(scope: ApiScope): void {
  addRepoRoute(scope, 'GET', '/labels', { name: 'github.labels.list', docs: 'issues/labels#list-labels-for-a-repository' }, (gh) =>
    pagedReply(gh, gh.repo.labels, (l) => renderLabel(gh.links, l), gh.listUrl),
  );

  const onIssue = (handler: (gh: RepoRequest, issue: GhIssue) => Reply) => (gh: RepoRequest) => {
    const issue = findIssue(gh.repo, gh.ctx.params.number);
    return issue ? handler(gh, issue) : notFound(gh.docs);
  };
  const current = (gh: RepoRequest, issue: GhIssue): Reply => ({ status: 200, body: issueLabels(gh.repo, issue).map((l) => renderLabel(gh.links, l)) });

  addRepoRoute(scope, 'GET', '/issues/:number/labels', { name: 'github.issues.labels.list', docs: 'issues/labels#list-labels-for-an-issue' }, onIssue((gh, issue) =>
    pagedReply(gh, issueLabels(gh.repo, issue), (l) => renderLabel(gh.links, l), gh.listUrl),
  ));

  addRepoRoute(scope, 'POST', '/issues/:number/labels', { name: 'github.issues.labels.add', docs: 'issues/labels#add-labels-to-an-issue' }, onIssue((gh, issue) => {
    const wanted = requestedLabels(gh);
    if (!Array.isArray(wanted)) return wanted;
    setLabels(gh, issue, [...issue.labels, ...wanted]);
    return current(gh, issue);
  }));

  addRepoRoute(scope, 'PUT', '/issues/:number/labels', { name: 'github.issues.labels.set', docs: 'issues/labels#set-labels-for-an-issue' }, onIssue((gh, issue) => {
    const wanted = requestedLabels(gh);
    if (!Array.isArray(wanted)) return wanted;
    setLabels(gh, issue, wanted);
    return current(gh, issue);
  }));

  addRepoRoute(scope, 'DELETE', '/issues/:number/labels', { name: 'github.issues.labels.removeAll', docs: 'issues/labels#remove-all-labels-from-an-issue' }, onIssue((gh, issue) => {
    setLabels(gh, issue, []);
    return { status: 204 };
  }));

  addRepoRoute(scope, 'DELETE', '/issues/:number/labels/:name', { name: 'github.issues.labels.remove', docs: 'issues/labels#remove-a-label-from-an-issue' }, onIssue((gh, issue) => {
    const name = (gh.ctx.params.name ?? '').toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === name)) return ghError(404, 'Label does not exist', gh.docs);
    setLabels(gh, issue, issue.labels.filter((l) => l.toLowerCase() !== name));
    return current(gh, issue);
  }));
}

/** `{"labels": [...]}`, a bare array, or label objects `{ name }`, as GitHub accepts. */
function requestedLabels(gh: RepoRequest): string[] | Reply {
  if (Array.isArray(gh.ctx.body)) return names(gh.ctx.body);
  const parsed = jsonObject(gh);
  if (!parsed.ok) return parsed.reply;
  if (!Array.isArray(parsed.fields.labels)) return validationFailed(gh.docs, { resource: 'Label', code: 'missing_field', field: 'labels' });
  return names(parsed.fields.labels);
}

function setLabels(gh: RepoRequest, issue: GhIssue, wanted: readonly string[]): void {
  const canonical = wanted.map((name) => ensureLabel(gh.repo, name, () => gh.state.nextId()));
  issue.labels = [...new Set(canonical)];
  issue.updatedAt = gh.state.now();
}
