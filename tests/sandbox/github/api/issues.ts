import type { GhIssue } from '../../data/model.ts';
import { notFound } from './errors.ts';
import { matchesIssue, parseIssueFilter, sortIssues } from './issue-filter.ts';
import { planIssueEdit } from './issue-edit.ts';
import { findIssue } from './lookup.ts';
import { pagedReply } from './paging.ts';
import { addRepoRoute, type ApiScope } from './pipeline.ts';
import { renderIssue } from './render.ts';
import { jsonObject } from './validate.ts';

/** Issues and pull requests through the issues API: list (with GitHub's filters), create, get, update. */
export function registerIssues(scope: ApiScope): void {
  addRepoRoute(scope, 'GET', '/issues', { name: 'github.issues.list', docs: 'issues/issues#list-repository-issues' }, (gh) => {
    const parsed = parseIssueFilter(gh);
    if (!parsed.ok) return parsed.reply;
    const { filter } = parsed;
    const found = sortIssues(
      gh.repo.issues.filter((i) => matchesIssue(i, filter)),
      filter.sort,
      filter.direction,
    );
    return pagedReply(gh, found, (issue) => renderIssue(gh.links, gh.repo, issue), gh.listUrl);
  });

  addRepoRoute(scope, 'POST', '/issues', { name: 'github.issues.create', docs: 'issues/issues#create-an-issue' }, (gh) => {
    const body = jsonObject(gh);
    if (!body.ok) return body.reply;
    const plan = planIssueEdit(gh, body.fields, true);
    if (!plan.ok) return plan.reply;
    const now = gh.state.now();
    const issue: GhIssue = {
      id: gh.state.nextId(),
      number: Math.max(0, ...gh.repo.issues.map((i) => i.number)) + 1,
      title: '',
      body: '',
      state: 'open',
      stateReason: null,
      user: gh.person.github.login,
      assignees: [],
      labels: [],
      milestone: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      pull: null,
      comments: [],
    };
    plan.apply(issue, now);
    gh.repo.issues.push(issue);
    return { status: 201, headers: { location: `${gh.links.repoApi}/issues/${issue.number}` }, body: renderIssue(gh.links, gh.repo, issue, { single: true }) };
  });

  addRepoRoute(scope, 'GET', '/issues/:number', { name: 'github.issues.get', docs: 'issues/issues#get-an-issue' }, (gh) => {
    const issue = findIssue(gh.repo, gh.ctx.params.number);
    if (!issue) return notFound(gh.docs);
    return { status: 200, body: renderIssue(gh.links, gh.repo, issue, { single: true }), lastModified: issue.updatedAt };
  });

  addRepoRoute(scope, 'PATCH', '/issues/:number', { name: 'github.issues.update', docs: 'issues/issues#update-an-issue' }, (gh) => {
    const issue = findIssue(gh.repo, gh.ctx.params.number);
    if (!issue) return notFound(gh.docs);
    const body = jsonObject(gh);
    if (!body.ok) return body.reply;
    // Nothing to change: GitHub answers with the issue as it is, and nothing moves.
    if (Object.keys(body.fields).length === 0) return { status: 200, body: renderIssue(gh.links, gh.repo, issue, { single: true }) };
    const plan = planIssueEdit(gh, body.fields, false);
    if (!plan.ok) return plan.reply;
    plan.apply(issue, gh.state.now());
    return { status: 200, body: renderIssue(gh.links, gh.repo, issue, { single: true }) };
  });
}
