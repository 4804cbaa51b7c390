import { AgileClient, HttpException, Version2Client, Version3Client } from 'jira.js';
import type { JiraSite, Person } from '../../data/model.ts';
import type { Sandbox } from '../../server.ts';

/** Real jira.js clients pointed at the sandbox, for the Jira API tests (not used by the sandbox itself). */

export const CLOUD_HOST = 'acme.atlassian.net';
export const DC_HOST = 'jira.example.test';

export function jiraSite(sandbox: Sandbox, host: string): JiraSite {
  const site = sandbox.data.jira.find((s) => s.host === host);
  if (!site) throw new Error(`no Jira site ${host}`);
  return site;
}

export function person(sandbox: Sandbox, id: string): Person {
  const found = sandbox.data.people.find((p) => p.id === id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
}

export function tokenOf(sandbox: Sandbox, host: string, personId: string): string {
  const token = jiraSite(sandbox, host).tokens.find((t) => t.personId === personId);
  if (!token) throw new Error(`no token for ${personId} on ${host}`);
  return token.value;
}

export const origin = (sandbox: Sandbox, host: string) => `https://${host}:${sandbox.port}`;

export function cloudBasic(sandbox: Sandbox, personId = 'ana') {
  return { email: person(sandbox, personId).email, apiToken: tokenOf(sandbox, CLOUD_HOST, personId) };
}

export function cloudClient(sandbox: Sandbox, personId = 'ana'): Version3Client {
  return new Version3Client({ host: origin(sandbox, CLOUD_HOST), authentication: { basic: cloudBasic(sandbox, personId) } });
}

export function cloudV2Client(sandbox: Sandbox, personId = 'ana'): Version2Client {
  return new Version2Client({ host: origin(sandbox, CLOUD_HOST), authentication: { basic: cloudBasic(sandbox, personId) } });
}

/** Data Center takes a personal access token as `Authorization: Bearer`; jira.js sends it for `oauth2.accessToken`. */
export function dcClient(sandbox: Sandbox, personId = 'ana'): Version2Client {
  return new Version2Client({ host: origin(sandbox, DC_HOST), authentication: { oauth2: { accessToken: tokenOf(sandbox, DC_HOST, personId) } } });
}

export function agileClient(sandbox: Sandbox, host: string, personId = 'ana'): AgileClient {
  if (host === CLOUD_HOST) return new AgileClient({ host: origin(sandbox, host), authentication: { basic: cloudBasic(sandbox, personId) } });
  return new AgileClient({ host: origin(sandbox, host), authentication: { oauth2: { accessToken: tokenOf(sandbox, host, personId) } } });
}

/** Raw HTTPS for what a client library hides (status codes, headers, unusual bodies). */
export async function jiraFetch(
  sandbox: Sandbox,
  host: string,
  path: string,
  init: { method?: string; body?: unknown; personId?: string; authorization?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const personId = init.personId ?? 'ana';
  const authorization =
    init.authorization !== undefined
      ? init.authorization
      : host === CLOUD_HOST
        ? `Basic ${Buffer.from(`${person(sandbox, personId).email}:${tokenOf(sandbox, host, personId)}`).toString('base64')}`
        : `Bearer ${tokenOf(sandbox, host, personId)}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${origin(sandbox, host)}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

export interface ClientFailure {
  readonly status: number;
  /** The response body as jira.js surfaced it. */
  readonly data: unknown;
  /** The response headers (lower-case names), read from the axios error jira.js keeps as `cause`. */
  readonly headers: Record<string, unknown>;
}

/** Await a jira.js call that must fail, and return what the client surfaced about the failure. */
export async function clientFailure(call: Promise<unknown>): Promise<ClientFailure> {
  try {
    await call;
  } catch (error) {
    if (error instanceof HttpException) {
      const response = (error.response ?? {}) as { data?: unknown };
      const cause = error.cause as { response?: { headers?: Record<string, unknown> } } | undefined;
      return { status: error.status, data: response.data, headers: { ...cause?.response?.headers } };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}
