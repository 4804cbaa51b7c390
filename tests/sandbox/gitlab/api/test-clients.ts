import { Gitlab } from '@gitbeaker/rest';
import type { GlInstance, GlProject, Person } from '../../data/model.ts';
import type { Sandbox } from '../../server.ts';

/** A real gitbeaker client and raw HTTPS helpers pointed at the sandbox, for the GitLab API tests. */

export const GITLAB = 'gitlab.com';
export const SELF_MANAGED = 'gitlab.example.test';
export const BILLING = 'acme/platform/billing-service';

export function instance(sandbox: Sandbox, host = GITLAB): GlInstance {
  const found = sandbox.data.gitlab.find((i) => i.host === host);
  if (!found) throw new Error(`no GitLab instance ${host}`);
  return found;
}

export function project(sandbox: Sandbox, path = BILLING, host = GITLAB): GlProject {
  const found = instance(sandbox, host).projects.find((p) => p.pathWithNamespace === path);
  if (!found) throw new Error(`no project ${path}`);
  return found;
}

export function person(sandbox: Sandbox, id: string): Person {
  const found = sandbox.data.people.find((p) => p.id === id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
}

/** `api`-scoped token of a person, or the `read_api` one with `readOnly`. */
export function token(sandbox: Sandbox, personId = 'ana', options: { host?: string; readOnly?: boolean } = {}): string {
  const found = instance(sandbox, options.host).tokens.find((t) => t.personId === personId && t.scopes.includes(options.readOnly ? 'read_api' : 'api'));
  if (!found) throw new Error(`no token for ${personId}`);
  return found.value;
}

export function client(sandbox: Sandbox, tokenValue: string, host = GITLAB) {
  return new Gitlab({ host: `https://${host}:${sandbox.port}`, token: tokenValue });
}

export const encoded = (path: string) => encodeURIComponent(path);

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** Raw HTTPS, for what gitbeaker hides (status, headers, exact bodies). */
export async function gitlabFetch(sandbox: Sandbox, path: string, init: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string>; host?: string } = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers['private-token'] = init.token;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`https://${init.host ?? GITLAB}:${sandbox.port}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body };
}

/** POST a GraphQL document the way any GitLab GraphQL client does. */
export async function graphql(sandbox: Sandbox, query: string, variables: Record<string, unknown> = {}, options: { token?: string | null; host?: string } = {}): Promise<RawResponse & { json: GraphqlBody }> {
  const authorization = options.token === undefined ? `Bearer ${token(sandbox, 'ana', { host: options.host })}` : options.token === null ? undefined : `Bearer ${options.token}`;
  const res = await fetch(`https://${options.host ?? GITLAB}:${sandbox.port}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as GraphqlBody;
  return { status: res.status, headers: res.headers, body: json, json };
}

export interface GraphqlBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Read a nested value from GraphQL data without casting at every step. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
