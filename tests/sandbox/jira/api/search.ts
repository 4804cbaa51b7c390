import type { JiraIssue } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import { type ApiVersion, type JiraCall, intParam, jiraRoute, listParam, ok } from './call.ts';
import { JiraError } from './errors.ts';
import { isRecord } from './issue-edit.ts';
import { runJql } from './jql.ts';
import { expandSet, fieldNames, fieldSchemas, renderFields, selectFields, wantsNoFields } from './render-issue.ts';

interface SearchRequest {
  readonly jql: string;
  readonly fields: string[];
  readonly expand: Set<string>;
  readonly maxResults?: number;
  readonly startAt?: number;
  readonly nextPageToken?: string;
}

/**
 * Issue search: Cloud's `/search/jql` pages with an opaque `nextPageToken` and refuses unbounded queries; the older
 * `/search` (v2, and all Data Center has) pages with `startAt` / `maxResults` / `total`.
 */
export function registerSearchRoutes(r: ScopedRouter, version: ApiVersion): void {
  const enhanced = (call: JiraCall, request: SearchRequest) => {
    if (call.site.deployment !== 'Cloud') throw new JiraError(404, ['Not Found']);
    return ok(enhancedSearch(call, request));
  };
  r.get('/search/jql', 'jira.search.jql', jiraRoute(version, (call) => enhanced(call, fromQuery(call))));
  r.post('/search/jql', 'jira.search.jql.post', jiraRoute(version, (call) => enhanced(call, fromBody(call.ctx.body))));
  if (version === 2) {
    r.get('/search', 'jira.search', jiraRoute(version, (call) => ok(offsetSearch(call, fromQuery(call)))));
    r.post('/search', 'jira.search.post', jiraRoute(version, (call) => ok(offsetSearch(call, fromBody(call.ctx.body)))));
  }
}

function fromQuery(call: JiraCall): SearchRequest {
  const maxResults = call.query.has('maxResults') ? intParam(call, 'maxResults', 50) : undefined;
  const startAt = call.query.has('startAt') ? intParam(call, 'startAt', 0) : undefined;
  const token = call.query.get('nextPageToken');
  return {
    jql: call.query.get('jql') ?? '',
    fields: listParam(call, 'fields'),
    expand: expandSet(listParam(call, 'expand')),
    ...(maxResults === undefined ? {} : { maxResults }),
    ...(startAt === undefined ? {} : { startAt }),
    ...(token ? { nextPageToken: token } : {}),
  };
}

function fromBody(body: unknown): SearchRequest {
  if (!isRecord(body)) throw new JiraError(400, ['Can not deserialize the request body.']);
  const number = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const maxResults = number(body.maxResults);
  const startAt = number(body.startAt);
  return {
    jql: typeof body.jql === 'string' ? body.jql : '',
    fields: Array.isArray(body.fields) ? body.fields.filter((f): f is string => typeof f === 'string').flatMap((f) => f.split(',')) : [],
    expand: expandSet(typeof body.expand === 'string' ? [body.expand] : Array.isArray(body.expand) ? body.expand.map(String) : []),
    ...(maxResults === undefined ? {} : { maxResults }),
    ...(startAt === undefined ? {} : { startAt }),
    ...(typeof body.nextPageToken === 'string' ? { nextPageToken: body.nextPageToken } : {}),
  };
}

function find(call: JiraCall, jql: string): { issues: JiraIssue[]; bounded: boolean } {
  return runJql(jql, { site: call.site, viewer: call.viewer, people: call.people, now: call.now });
}

/** The page token carries the query it belongs to, so a token replayed with other JQL is refused like an expired one. */
function encodeToken(jql: string, at: number): string {
  return Buffer.from(JSON.stringify({ jql, at })).toString('base64url');
}

function decodeToken(token: string, jql: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { jql?: unknown; at?: unknown };
    if (parsed.jql === jql && typeof parsed.at === 'number' && parsed.at >= 0) return parsed.at;
  } catch {
    // fall through to Jira's answer for a bad token
  }
  throw new JiraError(400, ['The provided next page token is invalid or expired.']);
}

function enhancedSearch(call: JiraCall, request: SearchRequest): Record<string, unknown> {
  const { issues, bounded } = find(call, request.jql);
  if (!bounded) throw new JiraError(400, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
  const idsOnly = request.fields.length === 0 || request.fields.every((f) => f === 'id');
  const cap = idsOnly || wantsNoFields(request.fields) ? 5000 : 100;
  const maxResults = Math.max(1, Math.min(cap, request.maxResults ?? 50));
  const at = request.nextPageToken ? decodeToken(request.nextPageToken, request.jql) : 0;
  const page = issues.slice(at, at + maxResults);
  const defs = selectFields(call, request.fields, []);
  const rendered = page.map((issue) =>
    idsOnly ? { id: issue.id } : { expand: '', id: issue.id, self: `${call.apiBase}/issue/${issue.id}`, key: issue.key, fields: renderFields(call, issue, defs) },
  );
  const isLast = at + page.length >= issues.length;
  return {
    issues: rendered,
    ...(isLast ? {} : { nextPageToken: encodeToken(request.jql, at + page.length) }),
    isLast,
    ...(request.expand.has('names') ? { names: fieldNames(defs) } : {}),
    ...(request.expand.has('schema') ? { schema: fieldSchemas(defs) } : {}),
  };
}

function offsetSearch(call: JiraCall, request: SearchRequest): Record<string, unknown> {
  const { issues } = find(call, request.jql);
  const cap = call.site.deployment === 'Cloud' ? 100 : 1000;
  const maxResults = Math.min(cap, request.maxResults ?? 50);
  const startAt = request.startAt ?? 0;
  const defs = selectFields(call, request.fields, ['*navigable']);
  const rendered = issues
    .slice(startAt, startAt + maxResults)
    .map((issue) => ({ expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields', id: issue.id, self: `${call.apiBase}/issue/${issue.id}`, key: issue.key, fields: renderFields(call, issue, defs) }));
  return {
    expand: 'schema,names',
    startAt,
    maxResults,
    total: issues.length,
    issues: rendered,
    ...(request.expand.has('names') ? { names: fieldNames(defs) } : {}),
    ...(request.expand.has('schema') ? { schema: fieldSchemas(defs) } : {}),
  };
}
