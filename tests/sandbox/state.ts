import type { SandboxData } from './data/model.ts';
import { createDataset, type SeedOptions } from './data/seed.ts';
import { Faults } from './faults.ts';
import type { Reply } from './http/router.ts';

/** One line of the request log: what tests assert on ("the second sync made only 304s"). */
export interface LoggedRequest {
  readonly at: number;
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly route: string | null;
  readonly status: number | 'dropped' | 'timeout';
  /** The fault that shaped the answer, if any. */
  readonly fault: string | null;
  /** Whether the request carried an Authorization header (its value is never logged). */
  readonly authorized: boolean;
  /**
   * Whose credential it was, as `<instance host>/<person id>` (e.g. `github.com/ana`), or `unknown` for one the sandbox
   * never issued — so tests can prove a token only ever went to its own host. Null without credentials.
   */
  readonly credentialOf: string | null;
  readonly ifNoneMatch: boolean;
}

/** How a provider answers errors and rate limits, so injected faults look like that provider's own. */
export interface ErrorStyle {
  error(status: number, message: string, path: string): Reply;
  rateLimited(retryAfterSeconds: number, status: 403 | 429, path: string): Reply;
}

/** A rolling rate-limit window, e.g. GitHub's 5,000 points an hour per token. */
export interface RateWindow {
  limit: number;
  used: number;
  resetAt: number;
}

/** A response as served, for observers such as the contract tests (JSON bodies parsed, HTML as text). */
export interface ServedResponse {
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly route: string | null;
  readonly status: number;
  readonly body: unknown;
}

export class SandboxState {
  data: SandboxData;
  /** Called for every response sent (not for dropped or timed-out requests). */
  readonly responseObservers = new Set<(response: ServedResponse) => void>();
  readonly faults = new Faults();
  readonly log: LoggedRequest[] = [];
  readonly rateWindows = new Map<string, RateWindow>();
  private readonly errorStyles: { matches: (host: string, path: string) => boolean; style: ErrorStyle }[] = [];

  constructor(private readonly seedOptions: SeedOptions) {
    this.data = createDataset(seedOptions);
  }

  /** Back to the seeded world: data, faults, log and rate limits. */
  reset(): void {
    this.data = createDataset(this.seedOptions);
    this.faults.clear();
    this.log.length = 0;
    this.rateWindows.clear();
  }

  /** The sandbox's clock: real time, so rate-limit resets and `updated` stamps behave as on the real services. */
  now(): number {
    return Date.now();
  }

  /** Allocate an id for anything a write creates. */
  nextId(): number {
    return this.data.nextId++;
  }

  /** The first registered style whose matcher accepts the host and path answers faults there (APIs and pages differ). */
  registerErrorStyle(matches: (host: string, path: string) => boolean, style: ErrorStyle): void {
    this.errorStyles.push({ matches, style });
  }

  errorStyleFor(host: string, path: string): ErrorStyle {
    return this.errorStyles.find((s) => s.matches(host, path))?.style ?? PLAIN_ERRORS;
  }

  /** Which instance issued a credential (matched anywhere in the header value: `token X`, `Bearer X`, basic auth). */
  credentialOwner(headerValue: string): string {
    let decoded = headerValue;
    const basic = /^Basic\s+(.+)$/i.exec(headerValue);
    if (basic?.[1]) decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const instances = [...this.data.github, ...this.data.gitlab, ...this.data.jira];
    for (const instance of instances) {
      const token = instance.tokens.find((t) => decoded.includes(t.value));
      if (token) return `${instance.host}/${token.personId}`;
    }
    return 'unknown';
  }

  /** Requests logged since index `from` (take `log.length` before an action, then read what it caused). */
  requestsSince(from: number): LoggedRequest[] {
    return this.log.slice(from);
  }
}

const PLAIN_ERRORS: ErrorStyle = {
  error: (status, message) => ({ status, body: { message } }),
  rateLimited: (retryAfter, status) => ({ status, headers: { 'retry-after': String(retryAfter) }, body: { message: 'rate limited' } }),
};
