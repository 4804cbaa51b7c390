import { withEtag } from '../../http/conditional.ts';
import type { Reply, RequestContext, Router } from '../../http/router.ts';
import type { GhInstance, GhRepo, Person, Token } from '../../data/model.ts';
import type { SandboxState } from '../../state.ts';
import { grants, identify, type Caller } from './auth.ts';
import { DOCS_ROOT, badCredentials, missingScope, notFound, rateLimitExceeded, requiresAuthentication } from './errors.ts';
import { baseHeaders, mediaType, requestId } from './headers.ts';
import { linksFor, repoLinks, toSecond, type Links, type RepoLinks } from './links.ts';
import { findRepo, findRepoById } from './lookup.ts';
import { rateHeaders, rateWindow, remaining, type RateResource } from './rate-limit.ts';

/**
 * Every GitHub API route runs through here: identify the caller, apply the rate limit, run the handler, answer
 * conditional requests, then add the headers GitHub puts on every response.
 */

/** One GitHub instance's API as mounted on the router (`api.github.com`, or a GHE host under `/api/v3`). */
export interface ApiScope {
  readonly router: Router;
  readonly state: SandboxState;
  /** The instance's web host: the key into `state.data.github` (looked up per request: `reset()` swaps the data). */
  readonly webHost: string;
  readonly apiHost: string;
  readonly prefix: string;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteSpec {
  /** Route name for the request log and fault rules, e.g. `github.issues.list`. */
  readonly name: string;
  /** The operation's page under https://docs.github.com/rest/, used as `documentation_url` in its errors. */
  readonly docs: string;
  /** Scopes GitHub accepts for the operation (`x-accepted-oauth-scopes`). */
  readonly accepted?: readonly string[];
  /** Served without a token (`/meta`, `/rate_limit`). */
  readonly anonymous?: boolean;
  readonly resource?: RateResource;
  /** Not counted against the rate limit (`GET /rate_limit`). */
  readonly free?: boolean;
}

export interface GhRequest {
  readonly ctx: RequestContext;
  readonly state: SandboxState;
  readonly instance: GhInstance;
  readonly links: Links;
  /** `documentation_url` for this operation's errors. */
  readonly docs: string;
  readonly token: Token | null;
  readonly person: Person | null;
  readonly query: URLSearchParams;
}

export interface RepoRequest extends GhRequest {
  readonly repo: GhRepo;
  readonly links: RepoLinks;
  readonly token: Token;
  readonly person: Person;
  /** This request's URL in the `/repositories/{id}/…` form GitHub uses in `Link` headers. */
  readonly listUrl: URL;
}

/** A handler's answer; `lastModified` adds `Last-Modified` and answers `If-Modified-Since`. */
export type GhReply = Reply & { readonly lastModified?: number };

const CACHE_HEADERS = { 'cache-control': 'private, max-age=60, s-maxage=60', vary: 'Accept, Authorization, Cookie, X-GitHub-OTP' };

export function addRoute(scope: ApiScope, method: Method, path: string, spec: RouteSpec, handler: (gh: GhRequest) => GhReply): void {
  scope.router.add(method, scope.apiHost, scope.prefix + path, spec.name, (ctx) => serve(scope, spec, ctx, handler));
}

/**
 * A route under a repository, mounted twice as GitHub serves it: `/repos/{owner}/{repo}…` and `/repositories/{id}…`
 * (the form its `Link` headers use). Every seeded repository is private: a token without `repo` gets 404 on reads and
 * a 403 naming the scope on writes.
 */
export function addRepoRoute(scope: ApiScope, method: Method, subpath: string, spec: RouteSpec, handler: (gh: RepoRequest) => GhReply): void {
  const full: RouteSpec = { ...spec, accepted: spec.accepted ?? ['repo'] };
  const inRepo = (gh: GhRequest): GhReply => {
    if (!gh.token || !gh.person) return requiresAuthentication(gh.docs);
    const repo = gh.ctx.params.repoId !== undefined ? findRepoById(gh.instance, gh.ctx.params.repoId) : findRepo(gh.instance, gh.ctx.params.owner ?? '', gh.ctx.params.repo ?? '');
    if (repo?.private && !grants(gh.token, 'repo')) return method === 'GET' ? notFound(gh.docs) : missingScope(gh.token, full.accepted ?? []);
    if (!repo) return notFound(gh.docs);
    const listUrl = new URL(gh.ctx.url);
    listUrl.pathname = gh.ctx.url.pathname.replace(/^(.*?)\/(?:repos\/[^/]+\/[^/]+|repositories\/\d+)/, `$1/repositories/${repo.id}`);
    return handler({ ...gh, repo, links: repoLinks(gh.links, repo), token: gh.token, person: gh.person, listUrl });
  };
  addRoute(scope, method, `/repos/:owner/:repo${subpath}`, full, inRepo);
  addRoute(scope, method, `/repositories/:repoId${subpath}`, full, inRepo);
}

function serve(scope: ApiScope, spec: RouteSpec, ctx: RequestContext, handler: (gh: GhRequest) => GhReply): Reply {
  const instance = scope.state.data.github.find((i) => i.host === scope.webHost);
  const links = linksFor(ctx, scope.webHost, scope.prefix);
  const id = requestId();
  const head = baseHeaders(links.enterprise, mediaType(ctx), id);
  const docs = `${DOCS_ROOT}/${spec.docs}`;
  if (!instance) return { ...notFound(docs), headers: head };

  const caller: Caller = identify(ctx.req, instance);
  const token = caller.kind === 'token' ? caller.token : null;
  const resource = spec.resource ?? 'core';
  const window = rateWindow(scope.state, instance.host, token?.value ?? null, resource);
  let counts = spec.free !== true;
  let reply: GhReply;
  if (counts && remaining(window) === 0) {
    reply = rateLimitExceeded(403, caller.kind === 'token' ? { userId: caller.person.github.id } : null, id, scope.state.now());
    counts = false;
  } else if (caller.kind === 'bad') reply = badCredentials();
  else if (caller.kind === 'anonymous' && spec.anonymous !== true) reply = requiresAuthentication(docs);
  else {
    const person = caller.kind === 'token' ? caller.person : null;
    reply = handler({ ctx, state: scope.state, instance, links, docs, token, person, query: ctx.url.searchParams });
  }

  const vary = `${token?.value ?? ''}\n${ctx.req.headers.accept ?? ''}`;
  const answered = conditional(ctx, reply, vary);
  if (counts && answered.status !== 304) window.used++;
  const isRead = ctx.method === 'GET' || ctx.method === 'HEAD';
  return {
    status: answered.status,
    headers: {
      ...head,
      ...rateHeaders(window, resource),
      ...(token ? { 'x-oauth-scopes': token.scopes.join(', '), 'x-accepted-oauth-scopes': (spec.accepted ?? []).join(', ') } : {}),
      ...(isRead && (answered.status === 200 || answered.status === 304) ? CACHE_HEADERS : {}),
      ...answered.headers,
    },
    ...(answered.body === undefined ? {} : { body: answered.body }),
  };
}

/** Strong ETags that vary on token and Accept (as GitHub's `Vary` says), and `Last-Modified` on single records. */
function conditional(ctx: RequestContext, reply: GhReply, vary: string): Reply {
  const { lastModified, ...plain } = reply;
  const tagged = withEtag(ctx, plain, { weak: false, vary });
  if (lastModified === undefined || (tagged.status !== 200 && tagged.status !== 304)) return tagged;
  const headers = { ...tagged.headers, 'last-modified': new Date(toSecond(lastModified)).toUTCString() };
  const since = ctx.req.headers['if-modified-since'];
  if (tagged.status === 200 && typeof since === 'string' && ctx.req.headers['if-none-match'] === undefined) {
    const at = Date.parse(since);
    if (Number.isFinite(at) && toSecond(lastModified) <= at) return { status: 304, headers };
  }
  return { ...tagged, headers };
}
