import type { ScopedRouter } from '../../http/router.ts';
import { type ApiVersion, type JiraCall, jiraRoute, listParam, noContent, ok } from './call.ts';
import { editIssue } from './issue-edit.ts';
import { issueFor } from './lookups.ts';
import { expandSet, renderIssue, selectFields } from './render-issue.ts';

/** `GET` / `PUT /issue/{issueIdOrKey}`. */
export function registerIssueRoutes(r: ScopedRouter, version: ApiVersion): void {
  r.get('/issue/:issueIdOrKey', 'jira.issues.get', jiraRoute(version, (call) => ok(issueBody(call))));

  r.put(
    '/issue/:issueIdOrKey',
    'jira.issues.edit',
    jiraRoute(version, (call) => {
      editIssue(call, issueFor(call), call.ctx.body);
      return call.query.get('returnIssue') === 'true' ? ok(issueBody(call)) : noContent();
    }),
  );
}

function issueBody(call: JiraCall): Record<string, unknown> {
  return renderIssue(call, issueFor(call), selectFields(call, listParam(call, 'fields'), ['*all']), expandSet(listParam(call, 'expand')));
}
