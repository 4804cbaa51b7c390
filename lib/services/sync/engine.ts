import type { IDBPDatabase } from 'idb';
import type { Connection } from '../../core/connection';
import type { WorkWeek } from '../../core/duration';
import { LOCAL_AUTHOR, type TimeEntry } from '../../core/entry';
import type { EstimateLabelConvention } from '../../core/estimate-labels';
import { parseItemKey, type ItemRef, type ProviderKey } from '../../core/item-ref';
import type { ReportPost } from '../../core/status-report';
import { projectKey, reportPostKey, type OutboxOp, type SyncScopeState, type TrackedProject } from '../../core/sync';
import type { WorkItem } from '../../core/work-item';
import { PUT_ENTRIES_STORES } from '../../db/entries';
import { RollupChanges } from '../../db/rollups';
import type { StintDb } from '../../db/schema';
import { t } from '../../i18n';
import { isProviderError, ProviderError } from '../../providers/errors';
import type { PullResult, SyncAdapter } from '../../providers/types';
import { failureText } from '../failure-text';
import { claimOp, completeOp, dueOps, failOp } from './outbox';

/**
 * The provider-neutral sync engine: reads projects (items and the team's time) and drains the outbox of remote writes.
 * Everything it knows lives in IndexedDB (cursors, ETags, pauses, ops), so a worker killed mid-sync resumes cleanly.
 */
export interface SyncDeps {
  readonly adapters: Readonly<Partial<Record<ProviderKey, SyncAdapter>>>;
  readonly now: () => number;
  /** In [0, 1): backoff jitter. */
  readonly random: () => number;
  readonly week: WorkWeek;
  readonly estimateLabels: EstimateLabelConvention;
  /** Per host, how many remote writes may run at once. */
  readonly concurrencyPerHost?: number;
}

const PAUSE = (host: string) => `sync.pausedUntil:${host}`;

async function connectionOf(db: IDBPDatabase<StintDb>, provider: ProviderKey, host: string): Promise<{ connection: Connection; token: string } | null> {
  const connection = (await db.getAll('connections')).find((c) => c.provider === provider && c.host === host);
  const secret = connection ? await db.get('secrets', connection.id) : undefined;
  return connection && secret ? { connection, token: secret.token } : null;
}

/** Start keeping a project in sync (visited or chosen), if Stint has a connection for its host. Returns whether it did. */
export async function trackProject(db: IDBPDatabase<StintDb>, ref: Pick<ItemRef, 'provider' | 'host' | 'project'>, now: number): Promise<TrackedProject | null> {
  const key = projectKey(ref.provider, ref.host, ref.project);
  const existing = await db.get('projects', key);
  if (existing) return existing;
  if (!(await connectionOf(db, ref.provider, ref.host))) return null;
  const project: TrackedProject = { key, provider: ref.provider, host: ref.host, project: ref.project, writeBack: false, addedAt: now };
  await db.put('projects', project);
  return project;
}

export async function setWriteBack(db: IDBPDatabase<StintDb>, key: string, writeBack: boolean): Promise<void> {
  const project = await db.get('projects', key);
  if (!project) throw new Error(t('sync.notKept'));
  await db.put('projects', { ...project, writeBack });
}

/** Merge what the provider says about an item with what Stint already knows (page title, the user's own estimate). */
function mergeItem(existing: WorkItem | undefined, incoming: WorkItem): WorkItem {
  if (incoming.syncError) return { ...(existing ?? incoming), syncError: incoming.syncError, updatedAt: incoming.updatedAt };
  return { ...incoming, title: incoming.title ?? existing?.title ?? null, localEstimateSeconds: existing?.localEstimateSeconds ?? null };
}

/** Read one project: its changed items and the team's changed time, written in one transaction. */
export async function syncProject(db: IDBPDatabase<StintDb>, key: string, deps: SyncDeps): Promise<{ items: number; teamEntries: number }> {
  const project = await db.get('projects', key);
  if (!project) throw new Error(`Unknown project ${key}`);
  const adapter = deps.adapters[project.provider];
  const access = await connectionOf(db, project.provider, project.host);
  if (!adapter || !access) throw new Error(t('sync.noConnection', { host: project.host }));
  const now = deps.now();
  const scopeNames = adapter.scopes(key);
  const scopes = new Map<string, SyncScopeState>();
  for (const name of scopeNames) {
    const state = await db.get('syncState', name);
    if (state) scopes.set(name, state);
  }
  try {
    const result = await adapter.pull({ ...access, project, scopes, now, week: deps.week, estimateLabels: deps.estimateLabels });
    const teamEntries = await writePull(db, project.provider, result);
    return { items: result.items.length, teamEntries };
  } catch (error) {
    // Worded now, in the person's language: the background is the only writer and speaks the pages' language.
    const reason = failureText(error, t('sync.syncFailed'));
    const tx = db.transaction(['syncState', 'meta'], 'readwrite');
    for (const name of scopeNames) {
      const previous = scopes.get(name);
      await tx.objectStore('syncState').put({ scope: name, etag: previous?.etag ?? null, cursor: previous?.cursor ?? null, lastSuccess: previous?.lastSuccess ?? null, lastError: reason });
    }
    if (isProviderError(error) && error.kind === 'rate-limited') await tx.objectStore('meta').put(now + (error.details.retryAfterSeconds ?? 60) * 1000, PAUSE(project.host));
    await tx.done;
    throw error;
  }
}

/**
 * Write what a pull read, in one transaction. Requests are queued without waiting for each answer (IndexedDB runs a
 * transaction's requests in order): awaiting a read and a write per entry made a 100,000-worklog first sync spend
 * ~85 s here. Returns how many team entries were written.
 */
async function writePull(db: IDBPDatabase<StintDb>, provider: ProviderKey, result: PullResult): Promise<number> {
  const tx = db.transaction([...PUT_ENTRIES_STORES, 'syncState', 'containers'], 'readwrite');
  const entries = tx.objectStore('entries');
  const rollups = new RollupChanges();
  const items = tx.objectStore('items');
  const writes: Promise<unknown>[] = [];
  // Awaited together at the end; a failure aborts the transaction and surfaces there, not as an unhandled rejection.
  const queue = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    writes.push(request);
  };
  for (const container of result.containers ?? []) queue(tx.objectStore('containers').put(container));
  const existingItems = await Promise.all(result.items.map((item) => items.get(item.key)));
  result.items.forEach((item, i) => {
    const merged = mergeItem(existingItems[i], item);
    rollups.item(existingItems[i], merged); // an item moved to another sprint takes its time with it
    queue(items.put(merged));
  });
  // One record per entry id (a provider listing one twice must not count it twice).
  const team = [...new Map(result.teamEntries.map((entry) => [entry.id, entry])).values()];
  const locals = await Promise.all(team.map((entry) => entries.get(entry.id)));
  let written = 0;
  team.forEach((entry, i) => {
    const local = locals[i];
    // Never counted twice: an entry that is ours (written back from here) or that we deleted stays as it is here.
    if (local && (local.author === LOCAL_AUTHOR || local.deletedAt !== null)) return;
    rollups.change(local, entry);
    queue(entries.put(entry));
    written++;
  });
  // Time deleted remotely: team entries of fully re-read items that the provider no longer has, and those whose
  // remote record the provider says is gone — each once, however many ways it was named.
  const kept = new Set(team.map((e) => e.id));
  const gone = new Map<string, TimeEntry>();
  const remoteOnly = (entry: TimeEntry | undefined): entry is TimeEntry => entry !== undefined && entry.author !== LOCAL_AUTHOR && entry.origin === provider;
  for (const ofItem of await Promise.all((result.replacedItems ?? []).map((itemKey) => entries.index('byItem').getAll(itemKey)))) {
    for (const entry of ofItem) if (remoteOnly(entry) && !kept.has(entry.id)) gone.set(entry.id, entry);
  }
  for (const entry of await Promise.all([...new Set(result.removedEntries ?? [])].map((id) => entries.get(id)))) {
    if (remoteOnly(entry)) gone.set(entry.id, entry);
  }
  // These reads were queued after this read's writes, so an entry written and removed in one read leaves the sums
  // with the values it was just written with.
  for (const entry of gone.values()) {
    rollups.change(entry, undefined);
    queue(entries.delete(entry.id));
  }
  queue(rollups.apply(tx));
  for (const state of result.scopes) queue(tx.objectStore('syncState').put(state));
  await Promise.all([...writes, tx.done]);
  return written;
}

async function runOne(db: IDBPDatabase<StintDb>, due: OutboxOp, deps: SyncDeps): Promise<'done' | 'failed' | 'skipped'> {
  const now = deps.now();
  const op = await claimOp(db, due, now);
  if (!op) return 'skipped'; // another drain took it, or it changed meanwhile
  const ref = parseItemKey(op.itemKey);
  const adapter = deps.adapters[op.provider];
  const access = ref ? await connectionOf(db, ref.provider, ref.host) : null;
  // Estimate and report ops are about an item; the others about an entry, which must still be here.
  const aboutEntry = op.kind === 'push' || op.kind === 'delete';
  const entry = aboutEntry ? await db.get('entries', op.entryId) : null;
  if (!ref || !adapter || !access || (aboutEntry && !entry)) {
    const reason = !access ? t('sync.noConnection', { host: ref?.host ?? t('sync.thisItem') }) : t('sync.unknownTarget');
    await failOp(db, op, reason, { needsPerson: true, notBefore: null }, now, deps.random());
    return 'failed';
  }
  try {
    if (op.kind === 'report') {
      await postReportOp(db, op, adapter, access, now);
    } else if (op.kind === 'estimate') {
      // Setting an estimate twice is harmless: no lookup before retrying.
      const item = await db.get('items', op.itemKey);
      await adapter.setEstimate?.({ ...access, itemKey: op.itemKey, seconds: item?.localEstimateSeconds ?? null });
      await completeOp(db, op, null);
    } else {
      // The claim counted this attempt: an earlier one exists if this is not the first.
      const context = { ...access, entry: entry!, mayExist: op.attempts > 1 };
      if (op.kind === 'delete') {
        await adapter.remove(context);
        await completeOp(db, op, null);
      } else {
        await completeOp(db, op, await adapter.push(context));
      }
    }
    return 'done';
  } catch (error) {
    await failed(db, op, error, ref.host, now, deps);
    return 'failed';
  }
}

/** Post a queued status report (its bodies wait in a meta record), then record where it went. */
async function postReportOp(db: IDBPDatabase<StintDb>, op: OutboxOp, adapter: SyncAdapter, access: { connection: Connection; token: string }, now: number): Promise<void> {
  const key = reportPostKey(op.entryId.slice('report:'.length));
  const post = (await db.get('meta', key)) as ReportPost | undefined;
  if (!post) throw new ProviderError('bad-payload', { reason: 'report-gone' }, 'The report to post is gone: build it again and post it.');
  if (!adapter.postReport) throw new ProviderError('bad-payload', { reason: 'cannot-comment' }, 'This provider cannot take a comment from Stint.');
  const { commentId } = await adapter.postReport({ ...access, itemKey: op.itemKey, reportId: post.id, bodies: post.bodies });
  await db.put('meta', { ...post, postedAt: now, commentId } satisfies ReportPost, key);
  await completeOp(db, op, null);
}

/** Record a failed write: the person is needed (token, scope, gone), or it is retried — at Retry-After, or later. */
async function failed(db: IDBPDatabase<StintDb>, op: OutboxOp, error: unknown, host: string, now: number, deps: SyncDeps): Promise<void> {
  const reason = failureText(error, t('sync.writeFailed'));
  const kind = isProviderError(error) ? error.kind : 'server';
  const needsPerson = kind === 'bad-token' || kind === 'missing-scope' || kind === 'not-found' || kind === 'bad-payload';
  const retryAfter = isProviderError(error) ? error.details.retryAfterSeconds : undefined;
  const notBefore = retryAfter !== undefined ? now + retryAfter * 1000 : null;
  if (notBefore !== null) await db.put('meta', notBefore, PAUSE(host));
  await failOp(db, op, reason, { needsPerson, notBefore }, now, deps.random());
}

/**
 * Drain the outbox: every due op, per host in order with a small concurrency, skipping hosts that asked Stint to wait.
 * Returns how many ops were written and how many failed (they stay queued with their reason and next try).
 */
export async function runOutbox(db: IDBPDatabase<StintDb>, deps: SyncDeps): Promise<{ done: number; failed: number }> {
  const now = deps.now();
  const byHost = new Map<string, OutboxOp[]>();
  for (const op of await dueOps(db, now)) {
    const host = parseItemKey(op.itemKey)?.host ?? '';
    byHost.set(host, [...(byHost.get(host) ?? []), op]);
  }
  let done = 0;
  let failed = 0;
  await Promise.all(
    [...byHost.entries()].map(async ([host, ops]) => {
      const pausedUntil = ((await db.get('meta', PAUSE(host))) as number | undefined) ?? 0;
      if (pausedUntil > now) return;
      const queue = [...ops];
      const worker = async () => {
        for (let op = queue.shift(); op; op = queue.shift()) {
          if ((((await db.get('meta', PAUSE(host))) as number | undefined) ?? 0) > deps.now()) return; // a 429 meanwhile
          const outcome = await runOne(db, op, deps);
          if (outcome === 'done') done++;
          else if (outcome === 'failed') failed++;
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, deps.concurrencyPerHost ?? 2) }, worker));
    }),
  );
  return { done, failed };
}

export interface SyncStatus {
  readonly pending: number;
  readonly failed: { readonly entryId: string; readonly itemKey: string; readonly reason: string }[];
  readonly projects: { readonly key: string; readonly writeBack: boolean; readonly lastSuccess: number | null; readonly lastError: string | null }[];
}

/** What the popup and options show: waiting writes, failed ones with their reason, and each project's last sync. */
export async function syncStatus(db: IDBPDatabase<StintDb>): Promise<SyncStatus> {
  const [ops, projects, states] = await Promise.all([db.getAll('outbox'), db.getAll('projects'), db.getAll('syncState')]);
  return {
    pending: ops.filter((op) => op.state === 'pending').length,
    failed: ops.filter((op) => op.state === 'failed').map((op) => ({ entryId: op.entryId, itemKey: op.itemKey, reason: op.lastError ?? t('sync.writeFailed') })),
    projects: projects.map((p) => {
      const own = states.filter((s) => s.scope.startsWith(`${p.key}#`));
      const successes = own.map((s) => s.lastSuccess).filter((t): t is number => t !== null);
      return { key: p.key, writeBack: p.writeBack, lastSuccess: successes.length > 0 ? Math.min(...successes) : null, lastError: own.find((s) => s.lastError)?.lastError ?? null };
    }),
  };
}
