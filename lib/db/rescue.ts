import { openDB, type IDBPDatabase } from 'idb';
import type { Connection } from '../core/connection';
import { LOCAL_AUTHOR, type TimeEntry } from '../core/entry';
import type { OutboxOp, TrackedProject } from '../core/sync';
import { DB_NAME, DB_VERSION } from './schema';

/**
 * The rescue copy: what exists only in this browser (entries not yet at a provider, the outbox, the running timer,
 * the tracked projects and the accounts' names), written outside IndexedDB just before a schema upgrade. Chromium may
 * find the database damaged after a crash mid-upgrade and start it empty (`dataLoss: 'total'`); the copy puts that
 * data back. Tokens are never in it: `storage.local` is readable by content scripts.
 */
export const RESCUE_FORMAT = 1;

/**
 * At most this many characters of JSON. `storage.local` holds 10 MB (keys and values as JSON) without the
 * `unlimitedStorage` permission, and the settings live there too: ≈ 16,000 entries fit.
 */
export const RESCUE_MAX_CHARS = 4_000_000;

/** Above this many local-only entries, only the newest are read (a cursor from the newest), not all of them. */
const LOCAL_READ_ALL = 25_000;

/** A connection without anything secret: which account on which host must be given its token again. */
export type RescuedConnection = Pick<Connection, 'id' | 'provider' | 'host' | 'apiBase' | 'login' | 'selfHosted' | 'addedAt' | 'jira'>;

export interface RescueCopy {
  readonly format: typeof RESCUE_FORMAT;
  readonly takenAt: number;
  readonly fromVersion: number;
  /** Not yet at a provider (`local`, `pending`, `failed`), the running one, and every one an outbox op writes. */
  readonly entries: readonly TimeEntry[];
  /** As they were: attempts and revisions tell a retry to look for an earlier write before writing again. */
  readonly outbox: readonly OutboxOp[];
  /** Meta records the outbox needs (a queued status report's bodies), as [key, value]. */
  readonly meta: readonly (readonly [string, unknown])[];
  readonly projects: readonly TrackedProject[];
  readonly connections: readonly RescuedConnection[];
  /** Local-only entries left out to stay under the size cap (the oldest). */
  readonly cut: number;
  /** Set just before a restore: a restore that did not finish runs again at the next open (it is idempotent). */
  readonly restoring?: boolean;
}

/** Where the copy lives (the background passes `storage.local`; lib/db does not know the browser). */
export interface RescueStore {
  read(): Promise<unknown>;
  write(copy: RescueCopy): Promise<void>;
  clear(): Promise<void>;
}

/** What taking the copy came to: written whole, cut to the cap, only the outbox's part (storage full), or not at all. */
export type RescueOutcome = 'none' | 'taken' | 'cut' | 'essential' | 'failed';

export function isRescueCopy(value: unknown): value is RescueCopy {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Partial<Record<keyof RescueCopy, unknown>>;
  return copy.format === RESCUE_FORMAT && [copy.entries, copy.outbox, copy.meta, copy.projects, copy.connections].every(Array.isArray) && typeof copy.cut === 'number';
}

const withoutSecrets = (c: Connection): RescuedConnection => ({
  id: c.id,
  provider: c.provider,
  host: c.host,
  apiBase: c.apiBase,
  login: c.login,
  selfHosted: c.selfHosted,
  addedAt: c.addedAt,
  ...(c.jira ? { jira: c.jira } : {}),
});

/** A status report's post waits in meta under `report.post:<id>`; its op's key is `report:<id>`. */
const metaKeyOf = (op: OutboxOp) => (op.kind === 'report' ? `report.post:${op.entryId.slice('report:'.length)}` : null);

/**
 * Read the copy from a database at an old version (any version with an entries store). Whatever must never be lost
 * goes first — entries the outbox writes, failed and pending ones, the running timer; then local-only entries, newest
 * first, while the copy stays under `maxChars`.
 */
export async function readRescueCopy(db: IDBPDatabase<unknown>, now: number, maxChars = RESCUE_MAX_CHARS): Promise<RescueCopy> {
  const names = new Set<string>(db.objectStoreNames);
  const has = (name: string) => names.has(name);
  const stores = ['entries', 'outbox', 'projects', 'connections', 'meta'].filter(has);
  const tx = db.transaction(stores, 'readonly');
  const all = async <T>(name: string): Promise<T[]> => (has(name) ? ((await tx.objectStore(name).getAll()) as T[]) : []);
  const outbox = await all<OutboxOp>('outbox');
  const projects = await all<TrackedProject>('projects');
  const connections = (await all<Connection>('connections')).map(withoutSecrets);
  const meta: [string, unknown][] = [];
  for (const key of outbox.map(metaKeyOf)) {
    if (key !== null && has('meta')) meta.push([key, await tx.objectStore('meta').get(key)]);
  }
  const entries = tx.objectStore('entries');
  const bySync = entries.index('bySync');
  const must = new Map<string, TimeEntry>();
  for (const state of ['pending', 'failed']) for (const entry of (await bySync.getAll(state)) as TimeEntry[]) must.set(entry.id, entry);
  for (const op of outbox) {
    if (op.kind !== 'push' && op.kind !== 'delete') continue;
    const entry = (await entries.get(op.entryId)) as TimeEntry | undefined;
    if (entry) must.set(entry.id, entry);
  }
  const latest = await entries.index('byAuthorStart').openCursor(IDBKeyRange.bound([LOCAL_AUTHOR, Number.NEGATIVE_INFINITY], [LOCAL_AUTHOR, Number.POSITIVE_INFINITY]), 'prev');
  const running = latest?.value as TimeEntry | undefined;
  if (running && running.end === null && running.deletedAt === null) must.set(running.id, running);
  const localCount = await bySync.count('local');
  let local: TimeEntry[];
  if (localCount <= LOCAL_READ_ALL) {
    local = (await bySync.getAll('local')) as TimeEntry[];
  } else {
    local = [];
    for (let cursor = await entries.index('byStart').openCursor(null, 'prev'); cursor && local.length < LOCAL_READ_ALL; cursor = await cursor.continue()) {
      if ((cursor.value as TimeEntry).sync === 'local') local.push(cursor.value as TimeEntry);
    }
  }
  await tx.done;
  const base = { format: RESCUE_FORMAT, takenAt: now, fromVersion: db.version, outbox, meta, projects, connections } as const;
  // `cut` written as its largest value: its digits count too.
  let chars = JSON.stringify({ ...base, entries: [...must.values()], cut: localCount }).length;
  const kept = [...must.values()];
  let taken = 0;
  for (const entry of local.filter((e) => !must.has(e.id)).sort((a, b) => b.start - a.start)) {
    const size = JSON.stringify(entry).length + 1;
    if (chars + size > maxChars) break;
    chars += size;
    kept.push(entry);
    taken++;
  }
  const localOnly = localCount - local.filter((e) => must.has(e.id)).length;
  return { ...base, entries: kept, cut: Math.max(0, localOnly - taken) };
}

/** The copy without its local-only entries: what the outbox and the timer need, for when storage is nearly full. */
export function essentialPart(copy: RescueCopy): RescueCopy {
  const needed = new Set(copy.outbox.map((op) => op.entryId));
  const entries = copy.entries.filter((e) => e.sync !== 'local' || needed.has(e.id) || (e.end === null && e.deletedAt === null));
  return { ...copy, entries, cut: copy.cut + copy.entries.length - entries.length };
}

/** What the look at the database before opening it found: Chromium's reset if it happened there, and the copy's fate. */
export interface BeforeOpen {
  readonly outcome: RescueOutcome;
  /** The upgrade event of a reset seen while looking (its `dataLoss`), to be noted by the real open. */
  readonly reset: Event | null;
}

/**
 * Before the background's open: if the database exists at an older version, copy what only it holds into `store`.
 * The look opens the database at its own version; should that need an upgrade (the database is gone, or Chromium
 * just reset it), it is aborted and any earlier copy is kept — it is the one to restore. Never throws: the upgrade
 * goes on whatever happens here.
 */
export async function rescueBeforeUpgrade(store: RescueStore, now: number, maxChars = RESCUE_MAX_CHARS): Promise<BeforeOpen> {
  let reset: Event | null = null;
  try {
    const listed = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : null;
    const version = listed?.find((d) => d.name === DB_NAME)?.version;
    if (listed && (version === undefined || version >= DB_VERSION)) return { outcome: 'none', reset };
    const db = await openDB<unknown>(DB_NAME, undefined, {
      upgrade: (_db, _old, _new, tx, event) => {
        if ((event as Event & { dataLoss?: unknown }).dataLoss === 'total') reset = event;
        tx.done.catch(() => undefined); // aborted on purpose
        tx.abort();
      },
    }).catch(() => null);
    if (!db) return { outcome: 'none', reset };
    try {
      if (db.version >= DB_VERSION || !db.objectStoreNames.contains('entries')) return { outcome: 'none', reset };
      const copy = await readRescueCopy(db, now, maxChars);
      return { outcome: await keep(store, copy), reset };
    } finally {
      db.close();
    }
  } catch {
    return { outcome: 'failed', reset };
  }
}

/** Write the copy; when storage refuses it (full: QUOTA_BYTES), the outbox's part alone; else say it failed. */
async function keep(store: RescueStore, copy: RescueCopy): Promise<RescueOutcome> {
  try {
    await store.write(copy);
    return copy.cut > 0 ? 'cut' : 'taken';
  } catch {
    try {
      await store.write(essentialPart(copy));
      return 'essential';
    } catch {
      return 'failed';
    }
  }
}
