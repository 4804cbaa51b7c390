import { hostMatches, type HostMatch } from './http/router.ts';

/**
 * Faults a test switches on per route, to prove retries and error handling against a service that misbehaves the way
 * real ones do. Every rule matches on host / method / path (or route name) and fires `times` times (default: forever).
 */
export type FaultKind =
  /** Answer normally, but only after `ms`. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Answer with this status and the provider's own error body (500, 502, 503…). */
  | { readonly kind: 'status'; readonly status: number }
  /** Rate limited: 429 (or GitHub's 403) with `Retry-After` and the provider's rate-limit headers. */
  | { readonly kind: 'rateLimit'; readonly retryAfter: number; readonly status?: 403 | 429 }
  /** Run the handler (the write is committed), then drop the connection without answering. */
  | { readonly kind: 'dropAfterCommit' }
  /** Drop the connection before doing anything. */
  | { readonly kind: 'drop' }
  /** Accept the request and never answer (the client's timeout must fire); the socket is dropped after `ms`. */
  | { readonly kind: 'timeout'; readonly ms?: number };

export interface FaultMatch {
  readonly host?: HostMatch;
  readonly method?: string;
  /** A path prefix (string) or pattern tested against the path (without query). */
  readonly path?: string | RegExp;
  /** A route name, e.g. `github.issues.comments.create`; see the request log for names. */
  readonly route?: string | RegExp;
}

export type FaultRule = FaultMatch &
  FaultKind & {
    readonly times?: number;
    /** Let this many matching requests through untouched first (e.g. the lookup before a GraphQL mutation). */
    readonly skip?: number;
  };

interface ActiveRule {
  readonly id: number;
  readonly rule: FaultRule;
  remaining: number;
  fired: number;
  skipped: number;
}

export class Faults {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** Switch a fault on; returns its id (for `remove` and `fired`). */
  add(rule: FaultRule): number {
    const id = this.nextId++;
    this.rules.push({ id, rule, remaining: rule.times ?? Number.POSITIVE_INFINITY, fired: 0, skipped: 0 });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** How many times a rule has fired. */
  fired(id: number): number {
    return this.rules.find((r) => r.id === id)?.fired ?? 0;
  }

  list(): readonly FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  /**
   * The faults to apply to one request, consumed: at most one latency and at most one terminal fault (the first
   * matching rule of each wins), so rules stack the way a test reads them ("slow, then 500").
   */
  take(host: string, method: string, path: string, routeName: string | null): { latency: number; fault: FaultKind | null } {
    let latency = 0;
    let fault: FaultKind | null = null;
    for (const active of this.rules) {
      if (active.remaining <= 0 || !matches(active.rule, host, method, path, routeName)) continue;
      if (active.skipped < (active.rule.skip ?? 0)) {
        active.skipped++;
        continue;
      }
      if (active.rule.kind === 'latency') {
        if (latency > 0) continue;
        latency = active.rule.ms;
      } else {
        if (fault) continue;
        fault = active.rule;
      }
      active.remaining--;
      active.fired++;
    }
    return { latency, fault };
  }
}

function matches(rule: FaultMatch, host: string, method: string, path: string, routeName: string | null): boolean {
  if (rule.host !== undefined && !hostMatches(rule.host, host)) return false;
  if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
  if (rule.path !== undefined && !(typeof rule.path === 'string' ? path.startsWith(rule.path) : rule.path.test(path))) return false;
  if (rule.route !== undefined) {
    if (routeName === null) return false;
    if (typeof rule.route === 'string' ? rule.route !== routeName : !rule.route.test(routeName)) return false;
  }
  return true;
}
