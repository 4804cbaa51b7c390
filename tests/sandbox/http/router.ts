import type { IncomingMessage } from 'node:http';
import type { SandboxState } from '../state.ts';

/** What a handler answers. A string body is sent as-is (HTML, text); anything else is sent as JSON. */
export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string | string[]>;
  readonly body?: unknown;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly method: string;
  /** Host name without the port, lower-cased. */
  readonly host: string;
  /** The full URL as the client asked for it (scheme https, the client's Host header). */
  readonly url: URL;
  readonly params: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON; undefined without a body. */
  readonly body: unknown;
  readonly rawBody: string;
  readonly sandbox: SandboxState;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** Which provider answers on a host: decides error and rate-limit shapes for injected faults. */
export type Flavour = 'github' | 'gitlab' | 'jira' | 'sandbox';

export type HostMatch = string | RegExp | ((host: string) => boolean);

interface Route {
  readonly method: string;
  readonly hosts: HostMatch;
  readonly pattern: RegExp;
  readonly names: string[];
  /** Shown in the request log and used by fault rules (`route: 'github.issues.list'`). */
  readonly name: string;
  readonly handler: Handler;
}

export interface RouteMatch {
  readonly route: { readonly name: string };
  readonly params: Record<string, string>;
  readonly handler: Handler;
}

/**
 * A small router: routes are keyed by host and method, paths are patterns where `:name` matches one segment and
 * `*name` matches the rest (GitLab project paths carry slashes). Routes are tried in the order they were added.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, hosts: HostMatch, path: string, name: string, handler: Handler): void {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        if (segment.startsWith('*')) {
          names.push(segment.slice(1));
          return '(.+?)';
        }
        return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), hosts, pattern: new RegExp(`^${source}/?$`), names, name, handler });
  }

  /** A view of this router that prefixes every path (GitHub Enterprise serves its API under `/api/v3`). */
  scope(hosts: HostMatch, prefix = ''): ScopedRouter {
    const add = (method: string) => (path: string, name: string, handler: Handler) => this.add(method, hosts, prefix + path, name, handler);
    return { get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
  }

  match(method: string, host: string, pathname: string): RouteMatch | null {
    for (const route of this.routes) {
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
      if (!hostMatches(route.hosts, host)) continue;
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route, params, handler: route.handler };
    }
    return null;
  }

  /** True when some route serves this host, whatever the path (decides 404 shape). */
  servesHost(host: string): boolean {
    return this.routes.some((r) => hostMatches(r.hosts, host));
  }
}

export interface ScopedRouter {
  get(path: string, name: string, handler: Handler): void;
  post(path: string, name: string, handler: Handler): void;
  put(path: string, name: string, handler: Handler): void;
  patch(path: string, name: string, handler: Handler): void;
  delete(path: string, name: string, handler: Handler): void;
}

export function hostMatches(match: HostMatch, host: string): boolean {
  if (typeof match === 'string') return match === host;
  if (match instanceof RegExp) return match.test(host);
  return match(host);
}
