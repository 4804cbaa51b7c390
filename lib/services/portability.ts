import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { LOCAL_AUTHOR, type TimeEntry } from '../core/entry';
import { parseItemKey } from '../core/item-ref';
import { BACKUP_FORMAT, BACKUP_STORES, BACKUP_VERSION, type BackupStore, type StintBackup } from '../core/portability/backup';
import type { CsvFormat } from '../core/portability/columns';
import { digest, stableJson } from '../core/portability/ids';
import type { MatchContext } from '../core/portability/match';
import { backupWins, keepStored, mergePlan, newerWins, noCounts, type Decide, type MergeCounts } from '../core/portability/merge';
import { entryOfCandidate, readTimeCsv, type DateOrder, type RowProblem } from '../core/portability/time-csv';
import { togglCsv, type ExportItem } from '../core/portability/toggl-export';
import { queuedOp } from '../core/sync';
import type { WorkItem } from '../core/work-item';
import { entriesBetween, putEntries, type TxWith } from '../db/entries';
import { RollupChanges } from '../db/rollups';
import type { StintDb } from '../db/schema';
import { readBackup } from './portability-backup';
import { planSettings, readSetting, SETTINGS, writeSettings, type SettingOutcome, type SettingSlot } from './portability-settings';
import { enqueueEntryWrites } from './sync/outbox';
import { t } from '../i18n';
import { localImportWords } from './import-words';

/** Every store an import reads or writes, in one transaction: the backup's, and what entry writes keep up to date. */
const IMPORT_STORES = [...BACKUP_STORES, 'outbox', 'rollups', 'meta'] as const;
type ImportTx = IDBPTransaction<StintDb, (typeof IMPORT_STORES)[number][], 'readwrite' | 'readonly'>;

/** How many rejected / unmatched rows a summary lists (the counts are always whole). */
export const LISTED_ROWS = 500;

export interface ImportContext {
  readonly now: number;
  readonly timeZone: string;
  readonly match: MatchContext;
  readonly settings?: readonly SettingSlot[];
}

export interface ImportRequest {
  readonly text: string;
  /** CSV only: also queue the imported entries for their providers (default off: they stay local). */
  readonly writeBack: boolean;
}

export interface ImportSummary {
  readonly kind: 'backup' | CsvFormat;
  readonly counts: Record<BackupStore, MergeCounts>;
  readonly settings: SettingOutcome[];
  readonly rejected: RowProblem[];
  readonly rejectedCount: number;
  readonly unmatched: RowProblem[];
  readonly unmatchedCount: number;
  readonly unknownColumns: string[];
  readonly dates: { readonly order: DateOrder; readonly ambiguous: boolean } | null;
  readonly writeBack: boolean;
  readonly nothingToChange: boolean;
  /** Names this plan: apply refuses a token whose plan is no longer what the store would get (it changed since). */
  readonly token: string;
}

type Writes = { [S in BackupStore]: StintBackup[S][number][] };
type Incoming =
  | { readonly kind: 'backup'; readonly backup: StintBackup }
  | { readonly kind: CsvFormat; readonly entries: TimeEntry[]; readonly rows: number[]; readonly items: WorkItem[]; readonly rejected: RowProblem[]; readonly unmatched: RowProblem[]; readonly unknownColumns: string[]; readonly dates: { order: DateOrder; ambiguous: boolean } };

/** Read the file (a backup if it is JSON, else a Toggl / Clockify CSV); a file that cannot be read at all throws its reason. */
function readFile(text: string, context: ImportContext): Incoming {
  if (text.trimStart().startsWith('{')) {
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.error);
    return { kind: 'backup', backup: read.backup };
  }
  const read = readTimeCsv(text, { ...context.match, timeZone: context.timeZone, words: localImportWords() });
  if (!read.ok) throw new Error(read.error);
  const entries = read.candidates.map((c) => entryOfCandidate(c, context.now));
  const items = new Map<string, WorkItem>();
  for (const c of read.candidates) {
    const ref = parseItemKey(c.itemKey);
    if (ref && !items.has(c.itemKey)) items.set(c.itemKey, { key: c.itemKey, provider: ref.provider, kind: ref.kind, url: c.url ?? '', title: null, updatedAt: context.now });
  }
  return { kind: read.format, entries, rows: read.candidates.map((c) => c.row), items: [...items.values()], rejected: read.rejected, unmatched: read.unmatched, unknownColumns: read.unknownColumns, dates: read.dates };
}

const KEY_OF: { [S in BackupStore]: (record: StintBackup[S][number]) => string } = {
  entries: (r) => r.id,
  items: (r) => r.key,
  projects: (r) => r.key,
  containers: (r) => r.key,
  budgets: (r) => r.id,
  rates: (r) => r.id,
  baselines: (r) => r.containerKey,
};

async function storedOf<S extends BackupStore>(tx: ImportTx, store: S, keys: readonly string[]): Promise<Map<string, StintBackup[S][number]>> {
  const unique = [...new Set(keys)];
  const objectStore = tx.objectStore(store) as unknown as { get(key: string): Promise<StintBackup[S][number] | undefined> };
  const found = await Promise.all(unique.map((key) => objectStore.get(key)));
  const map = new Map<string, StintBackup[S][number]>();
  unique.forEach((key, i) => {
    const record = found[i];
    if (record !== undefined) map.set(key, record);
  });
  return map;
}

/** The person's running timer, if any (the latest live entry of theirs, when it has no end). */
async function runningOf(tx: ImportTx, author: string): Promise<TimeEntry | null> {
  const index = tx.objectStore('entries').index('byAuthorStart');
  let cursor = await index.openCursor(IDBKeyRange.bound([author, Number.NEGATIVE_INFINITY], [author, Number.POSITIVE_INFINITY]), 'prev');
  while (cursor && cursor.value.deletedAt !== null) cursor = await cursor.continue();
  return cursor && cursor.value.end === null ? cursor.value : null;
}

interface Plan {
  readonly writes: Writes;
  readonly summary: Omit<ImportSummary, 'token' | 'settings' | 'nothingToChange'>;
}

/** What merging the file into the store would write, read inside `tx`: merged by id / key, nothing written yet. */
async function planIn(tx: ImportTx, incoming: Incoming, request: ImportRequest): Promise<Plan> {
  const counts = Object.fromEntries(BACKUP_STORES.map((s) => [s, noCounts()])) as Record<BackupStore, MergeCounts>;
  const writes = Object.fromEntries(BACKUP_STORES.map((s) => [s, []])) as unknown as Writes;
  const merge = async <S extends BackupStore>(store: S, records: readonly StintBackup[S][number][], decide: Decide<StintBackup[S][number]>) => {
    const plan = mergePlan(await storedOf(tx, store, records.map(KEY_OF[store])), records, KEY_OF[store], decide);
    counts[store] = plan.counts;
    (writes[store] as StintBackup[S][number][]) = plan.writes;
  };
  const rejected: RowProblem[] = [];
  if (incoming.kind === 'backup') {
    const { backup } = incoming;
    // A running timer from the file only where none runs here: one timer at a time, always.
    const entries: TimeEntry[] = [];
    for (const [i, entry] of backup.entries.entries()) {
      const running = entry.end === null && entry.deletedAt === null ? await runningOf(tx, entry.author) : null;
      if (running && running.id !== entry.id) rejected.push({ row: i + 1, reason: t('refusal.runningLeftOut'), text: `entry ${entry.id} on ${entry.itemKey}` });
      else entries.push(entry);
    }
    await merge('entries', entries, newerWins);
    await merge('items', backup.items, newerWins);
    for (const store of ['projects', 'containers', 'budgets', 'rates', 'baselines'] as const) await merge(store, backup[store] as StintBackup[typeof store][number][], backupWins);
    return { writes, summary: { kind: 'backup', counts, rejected, rejectedCount: rejected.length, unmatched: [], unmatchedCount: 0, unknownColumns: [], dates: null, writeBack: false } };
  }
  // Imported rows may not reach into the running timer's span (the running entry must stay the person's latest).
  const running = await runningOf(tx, LOCAL_AUTHOR);
  const fits = incoming.entries.filter((entry, i) => {
    const clash = running !== null && entry.end !== null && entry.end > running.start;
    if (clash) rejected.push({ row: incoming.rows[i] ?? 0, reason: t('refusal.intoRunning'), text: `${entry.itemKey} ${new Date(entry.start).toISOString()}` });
    return !clash;
  });
  await merge('entries', fits, keepStored);
  await merge('items', incoming.items, (stored) => (stored ? 'unchanged' : 'new'));
  const allRejected = [...incoming.rejected, ...rejected];
  return {
    writes,
    summary: {
      kind: incoming.kind,
      counts,
      rejected: allRejected.slice(0, LISTED_ROWS),
      rejectedCount: allRejected.length,
      unmatched: incoming.unmatched.slice(0, LISTED_ROWS),
      unmatchedCount: incoming.unmatched.length,
      unknownColumns: incoming.unknownColumns,
      dates: incoming.dates,
      writeBack: request.writeBack,
    },
  };
}

function tokenOf(text: string, plan: Plan, settings: readonly SettingOutcome[]): string {
  const keys = Object.fromEntries(BACKUP_STORES.map((s) => [s, (plan.writes[s] as StintBackup[typeof s][number][]).map(KEY_OF[s] as (r: unknown) => string)]));
  return digest(stableJson({ file: digest(text), keys, counts: plan.summary.counts, settings, writeBack: plan.summary.writeBack }));
}

function summaryOf(text: string, plan: Plan, settings: SettingOutcome[]): ImportSummary {
  const writesSomething = BACKUP_STORES.some((s) => plan.writes[s].length > 0) || settings.some((s) => s.outcome === 'changed' || s.outcome === 'new');
  return { ...plan.summary, settings, nothingToChange: !writesSomething, token: tokenOf(text, plan, settings) };
}

/** The dry run: what importing the file would do, with every row left out and why. Writes nothing. */
export async function previewImport(db: IDBPDatabase<StintDb>, request: ImportRequest, context: ImportContext): Promise<ImportSummary> {
  const incoming = readFile(request.text, context);
  const settings = incoming.kind === 'backup' ? await planSettings(incoming.backup.settings, context.settings) : { outcomes: [], writes: [] };
  const tx = db.transaction([...IMPORT_STORES], 'readonly') as unknown as ImportTx;
  const plan = await planIn(tx, incoming, request);
  return summaryOf(request.text, plan, settings.outcomes);
}

export interface ImportResult {
  readonly summary: ImportSummary;
  /** Remote writes queued (entries to push to their providers). */
  readonly queued: number;
}

/**
 * Apply a previewed import in ONE transaction: entries (with their rollups, through the same path as every entry
 * write), items, projects, containers, budgets, rates and baselines all land, or — on any error — none do. The plan is
 * made again inside the transaction and must still be the one previewed (`token`). Settings are written after the
 * transaction has committed, and only then.
 */
export async function applyImport(db: IDBPDatabase<StintDb>, request: ImportRequest & { readonly token: string }, context: ImportContext): Promise<ImportResult> {
  const incoming = readFile(request.text, context);
  // Settings live outside IndexedDB: read them before the transaction (awaiting anything else would end it).
  const settings = incoming.kind === 'backup' ? await planSettings(incoming.backup.settings, context.settings) : { outcomes: [], writes: [] };
  const tx = db.transaction([...IMPORT_STORES], 'readwrite') as unknown as ImportTx & TxWith<'readwrite'>;
  let queued = 0;
  let summary: ImportSummary;
  try {
    const plan = await planIn(tx, incoming, request);
    summary = summaryOf(request.text, plan, settings.outcomes);
    if (summary.token !== request.token) throw new Error(t('refusal.changedSincePreview'));
    const { writes } = plan;
    const put = (store: Exclude<BackupStore, 'entries'>) => Promise.all((writes[store] as unknown[]).map((record) => (tx.objectStore(store) as unknown as { put(r: unknown): Promise<unknown> }).put(record)));
    // Items whose container the file changes take their entries' time with them (the rollups' container rows).
    const rollups = new RollupChanges();
    const storedItems = await storedOf(tx, 'items', writes.items.map((item) => item.key));
    for (const item of writes.items) rollups.item(storedItems.get(item.key), item);
    // Projects first: the entries' outbox decisions read their write-back choice.
    for (const store of ['projects', 'items', 'containers', 'budgets', 'rates', 'baselines'] as const) await put(store);
    let entries = writes.entries;
    if (incoming.kind !== 'backup' && request.writeBack) {
      entries = entries.map((e) => ({ ...e, sync: 'pending' as const }));
      for (const entry of entries) {
        const provider = parseItemKey(entry.itemKey)?.provider;
        if (!provider) continue;
        await (tx as unknown as IDBPTransaction<StintDb, ['outbox'], 'readwrite'>).objectStore('outbox').put(queuedOp({ entryId: entry.id, kind: 'push', provider, itemKey: entry.itemKey }, undefined, context.now));
        queued++;
      }
    }
    await putEntries(tx, entries, rollups);
    if (incoming.kind === 'backup') {
      // Writes that were waiting when the backup was made wait again (the outbox itself is not in the backup).
      const waiting = entries.filter((e) => e.sync === 'pending' || e.sync === 'failed');
      await enqueueEntryWrites(tx, waiting, context.now);
      const ops = await Promise.all(waiting.map((e) => tx.objectStore('outbox').get(e.id)));
      queued += ops.filter((op) => op !== undefined).length;
    }
    await tx.done;
  } catch (error) {
    try {
      tx.abort?.();
    } catch {
      // Already finished (aborted by the failed request itself).
    }
    await tx.done.catch(() => undefined);
    throw error instanceof Error ? error : new Error(t('refusal.importFailed'));
  }
  await writeSettings(settings.writes);
  return { summary, queued };
}

/** Every record a backup carries, read in one transaction (one consistent moment), and the settings with their versions. */
export async function exportBackup(db: IDBPDatabase<StintDb>, now: number, slots: readonly SettingSlot[] = SETTINGS): Promise<StintBackup> {
  const settings: Record<string, { version: number; value: unknown }> = {};
  for (const slot of slots) settings[slot.name] = await readSetting(slot);
  const tx = db.transaction([...BACKUP_STORES], 'readonly');
  const [entries, items, projects, containers, budgets, rates, baselines] = await Promise.all([
    tx.objectStore('entries').getAll(),
    tx.objectStore('items').getAll(),
    tx.objectStore('projects').getAll(),
    tx.objectStore('containers').getAll(),
    tx.objectStore('budgets').getAll(),
    tx.objectStore('rates').getAll(),
    tx.objectStore('baselines').getAll(),
  ]);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, entries, items, projects, containers, budgets, rates, baselines, settings };
}

/** Finished entries starting in [from, to), everyone's, as a Toggl Track detailed report in `timeZone`. */
export async function exportEntriesCsv(db: IDBPDatabase<StintDb>, from: number, to: number, timeZone: string): Promise<{ csv: string; entries: number }> {
  const entries = (await entriesBetween(db, from, to)).filter((e) => e.end !== null);
  const items = new Map<string, ExportItem>();
  for (const key of new Set(entries.map((e) => e.itemKey))) {
    const item = await db.get('items', key);
    items.set(key, { title: item?.title ?? null, url: item?.url ?? '' });
  }
  return { csv: togglCsv(entries, items, timeZone), entries: entries.length };
}
