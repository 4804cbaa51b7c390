import type { ProviderKey } from './item-ref';

/**
 * One remote write waiting in the outbox: make the provider's record match the entry (`push`: create or update), or
 * remove it (`delete`), or set an item's estimate to the user's own (`estimate`, keyed `estimate:<item key>`), or post
 * a status report as a comment on the item (`report`, keyed `report:<report id>`, its bodies in the meta record
 * `reportPostKey(id)`). One op per entry or item (a newer change replaces the waiting op), so retries never multiply writes.
 */
export interface OutboxOp {
  readonly entryId: string;
  readonly kind: 'push' | 'delete' | 'estimate' | 'report';
  readonly provider: ProviderKey;
  readonly itemKey: string;
  readonly attempts: number;
  /** Epoch ms when it may be tried (again). */
  readonly nextAt: number;
  /** The last failure, in words a person can act on. */
  readonly lastError: string | null;
  /** `failed`: needs the person (bad token, missing scope) — not retried until they act. */
  readonly state: 'pending' | 'failed';
  readonly createdAt: number;
  /** Bumped by every newer change of the entry, so finishing an older attempt never drops a newer op. */
  readonly revision?: number;
}

/** A project Stint keeps in sync: visited or chosen in options. Write-back is the person's opt-in, per project. */
export interface TrackedProject {
  /** `github:github.com/acme/checkout-web`. */
  readonly key: string;
  readonly provider: ProviderKey;
  readonly host: string;
  readonly project: string;
  readonly writeBack: boolean;
  readonly addedAt: number;
}

/** How far a sync scope got: the ETag of its first page, the newest `updated` it has seen, and its health. */
export interface SyncScopeState {
  /** e.g. `github:github.com/acme/checkout-web#issues`. */
  readonly scope: string;
  readonly etag: string | null;
  /** Epoch ms of the newest change read. */
  readonly cursor: number | null;
  readonly lastSuccess: number | null;
  readonly lastError: string | null;
}

/**
 * The op that (re)queues a write now: a newer change replaces a waiting op but keeps its attempt count, so a retry
 * still looks for an earlier write whose answer was lost.
 */
export function queuedOp(write: Pick<OutboxOp, 'entryId' | 'kind' | 'provider' | 'itemKey'>, waiting: OutboxOp | undefined, now: number): OutboxOp {
  return {
    ...write,
    attempts: waiting?.attempts ?? 0,
    nextAt: now,
    lastError: null,
    state: 'pending',
    createdAt: waiting?.createdAt ?? now,
    revision: (waiting?.revision ?? 0) + 1,
  };
}

/** The outbox key of an item's estimate write. */
export const estimateOpKey = (itemKey: string) => `estimate:${itemKey}`;

/** The outbox key of a status report's post, and the meta record holding what it posts and how it went. */
export const reportOpKey = (reportId: string) => `report:${reportId}`;
export const reportPostKey = (reportId: string) => `report.post:${reportId}`;

export function projectKey(provider: ProviderKey, host: string, project: string): string {
  return `${provider}:${host.toLowerCase()}/${provider === 'jira' ? project.toUpperCase() : project.toLowerCase()}`;
}

/** Exponential backoff with jitter (±20 %): 5 s, 10 s, 20 s … capped at an hour. `random` in [0, 1). */
export function backoffMs(attempts: number, random: number): number {
  const base = Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}
