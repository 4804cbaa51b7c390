import type { JiraSite, Person } from '../../data/model.ts';
import type { Handler, Reply, RequestContext } from '../../http/router.ts';
import { authenticate } from './auth.ts';
import { JiraError, notAuthenticated } from './errors.ts';

/** Which API answers: the platform REST API v2 or v3, or Jira Software's Agile 1.0. */
export type ApiVersion = 2 | 3 | 'agile';

/** One request to one Jira site, before anyone is known. */
export interface SiteCall {
  readonly ctx: RequestContext;
  readonly site: JiraSite;
  readonly version: ApiVersion;
  /** The origin as the client called it (port included), so every link in a body can be followed. */
  readonly base: string;
  /** Where platform resources of this API live; the Agile API links them through `/rest/api/2`. */
  readonly apiBase: string;
  readonly query: URLSearchParams;
  readonly people: readonly Person[];
  readonly now: number;
}

/** An authenticated request: `viewer` is who called (their time zone shapes date-times, `currentUser()` in JQL). */
export interface JiraCall extends SiteCall {
  readonly viewer: Person;
}

/** A route that needs a signed-in person; JiraErrors thrown inside become Jira's error replies. */
export function jiraRoute(version: ApiVersion, handle: (call: JiraCall) => Reply): Handler {
  return (ctx) =>
    guarded(() => {
      const call = siteCall(ctx, version);
      const auth = authenticate(ctx.req, call.site, call.people);
      if (auth.kind !== 'person') throw notAuthenticated(auth.kind === 'refused');
      return handle({ ...call, viewer: auth.person });
    });
}

/** A route anonymous callers may use (as `serverInfo` is); a refused credential still answers 401. */
export function publicJiraRoute(version: ApiVersion, handle: (call: SiteCall) => Reply): Handler {
  return (ctx) =>
    guarded(() => {
      const call = siteCall(ctx, version);
      if (authenticate(ctx.req, call.site, call.people).kind === 'refused') throw notAuthenticated(true);
      return handle(call);
    });
}

function siteCall(ctx: RequestContext, version: ApiVersion): SiteCall {
  const data = ctx.sandbox.data;
  const site = data.jira.find((s) => s.host === ctx.host);
  if (!site) throw new JiraError(404, ['Not Found']);
  const base = ctx.url.origin;
  return {
    ctx,
    site,
    version,
    base,
    apiBase: `${base}/rest/api/${version === 'agile' ? 2 : version}`,
    query: ctx.url.searchParams,
    people: data.people,
    now: ctx.sandbox.now(),
  };
}

function guarded(run: () => Reply): Reply {
  try {
    return run();
  } catch (error) {
    if (error instanceof JiraError) return error.toReply();
    throw error;
  }
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

export const noContent = (): Reply => ({ status: 204 });

/** A non-negative integer query parameter, or `fallback` when absent; garbage is Jira's 400. */
export function intParam(call: SiteCall, name: string, fallback: number): number {
  const raw = call.query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new JiraError(400, [`The value '${raw}' is not valid for the parameter '${name}'.`]);
  return value;
}

/** Comma-separated, possibly repeated query parameter (`fields=a,b&fields=c`). */
export function listParam(call: SiteCall, name: string): string[] {
  return call.query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}
