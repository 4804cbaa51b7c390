import type { IDBPDatabase } from 'idb';
import { LOCAL_AUTHOR, entrySeconds, isRunning, type TimeEntry } from '../core/entry';
import { discardTimer, editEntry, runningEntry, startTimer, stopTimer, type EntryPatch, type TimerResult } from '../core/timer';
import { bySeverity, DEFAULT_RISK_THRESHOLDS, timerLeftRunning, type Risk } from '../core/risk';
import { effectiveEstimate, type ItemContainer, type WorkItem } from '../core/work-item';
import { entriesAround, entriesBetween, entriesOfItem } from '../db/entries';
import { ENTRY_WRITE_STORES, writeEntries } from './entry-writes';
import type { StintDb } from '../db/schema';
import { itemBudgetFacts, labelOf, type BudgetContext, type ItemBudgetFacts } from './budgets';
import { t } from '../i18n';

export interface Clock {
  readonly now: () => number;
  readonly newId: () => string;
}

/** What every view needs to draw the timer: what runs (if anything) and, for one item, its own tracked total. */
export interface TimerState {
  readonly running: { readonly entryId: string; readonly itemKey: string; readonly start: number; readonly title: string | null } | null;
}

export interface ItemTimerState extends TimerState {
  readonly itemKey: string;
  /** Finished live entries of the item by everyone (own and the team's, read back), in seconds; the running entry's
   * elapsed time is added by the view, live. */
  readonly trackedSeconds: number;
  /** The part of it that is the user's own. */
  readonly ownSeconds: number;
  /** The estimate that counts (the user's own, else the provider's), or null. */
  readonly estimateSeconds: number | null;
  /** Pull / merge requests that say they close this item, with the time tracked on them (not counted above). */
  readonly linked: LinkedItem[];
  /** The provider's own total of time spent on the item (GitLab, Jira), to compare with `trackedSeconds`; null if none. */
  readonly providerSpentSeconds: number | null;
  /** What remains by the provider's reckoning (Jira's remaining estimate), or null. */
  readonly remainingSeconds: number | null;
  /** Spent against the item's budget (its own, else its estimate), with money where rates exist; null when neither. */
  readonly budget: ItemBudgetFacts['budget'];
  /** The budget of the milestone / sprint the item is planned in. */
  readonly plan: ItemBudgetFacts['plan'];
  /** The item's risks, most severe first (at most 8). */
  readonly risks: Pick<Risk, 'rule' | 'severity' | 'reason'>[];
  /** Where the item is planned (milestone, iteration, sprint) and when that is due, from the provider. */
  readonly container: { readonly kind: ItemContainer['kind']; readonly title: string; readonly dueAt: number | null } | null;
}

export interface LinkedItem {
  readonly key: string;
  readonly url: string;
  readonly title: string | null;
  readonly state: NonNullable<WorkItem['state']> | null;
  readonly trackedSeconds: number;
}

/**
 * Run one timer command in one IndexedDB transaction: read what it can touch, decide with the pure core, write. Two
 * commands racing from two tabs are serialised by IndexedDB, so "one timer across all tabs and windows" holds.
 */
async function command(db: IDBPDatabase<StintDb>, at: number, decide: (entries: TimeEntry[]) => TimerResult, range: [number, number] = [at, at]): Promise<TimerResult> {
  const tx = db.transaction([...ENTRY_WRITE_STORES], 'readwrite');
  // A failed write (a full disk) rejects its request, which is what we throw, and aborts the transaction: not unhandled.
  tx.done.catch(() => undefined);
  const entries = await entriesAround(tx, LOCAL_AUTHOR, range[0], range[1]);
  const result = decide(entries);
  if (result.ok) await writeEntries(tx, result.writes, at);
  await tx.done;
  return result;
}

function unwrapResult(result: TimerResult): void {
  if (!result.ok) throw new Error(result.error);
}

export async function startTimerFor(db: IDBPDatabase<StintDb>, clock: Clock, itemKey: string, item?: Omit<WorkItem, 'updatedAt'>): Promise<void> {
  const at = clock.now();
  unwrapResult(await command(db, at, (entries) => startTimer(entries, { itemKey, at, id: clock.newId() })));
  if (item) await rememberItem(db, { ...item, updatedAt: at });
}

export async function stopRunningTimer(db: IDBPDatabase<StintDb>, clock: Clock): Promise<void> {
  const at = clock.now();
  unwrapResult(await command(db, at, (entries) => stopTimer(entries, at)));
}

export async function discardRunningTimer(db: IDBPDatabase<StintDb>, clock: Clock): Promise<void> {
  const at = clock.now();
  unwrapResult(await command(db, at, (entries) => discardTimer(entries, at)));
}

/** Start if this item is not running, stop if it is (the button and the keyboard shortcut). */
export async function toggleTimerFor(db: IDBPDatabase<StintDb>, clock: Clock, itemKey: string, item?: Omit<WorkItem, 'updatedAt'>): Promise<void> {
  const state = await timerState(db);
  if (state.running?.itemKey === itemKey) await stopRunningTimer(db, clock);
  else await startTimerFor(db, clock, itemKey, item);
}

export async function editTimeEntry(db: IDBPDatabase<StintDb>, clock: Clock, id: string, patch: EntryPatch): Promise<void> {
  const at = clock.now();
  const current = await db.get('entries', id);
  if (!current) throw new Error(t('error.entryGone'));
  const from = Math.min(current.start, patch.start ?? current.start);
  const to = Math.max(current.end ?? at, patch.end ?? current.end ?? at);
  unwrapResult(await command(db, at, (entries) => editEntry(entries.some((e) => e.id === id) ? entries : [...entries, current], id, patch, at), [from, to]));
}

/**
 * Delete one of the person's finished entries (a running one is discarded instead). It stays as a tombstone, so the
 * outbox removes its remote record (comment, timelog, worklog) and a later read-back never brings it back.
 */
export async function deleteTimeEntry(db: IDBPDatabase<StintDb>, clock: Clock, id: string): Promise<void> {
  const at = clock.now();
  const tx = db.transaction([...ENTRY_WRITE_STORES], 'readwrite');
  const entry = await tx.objectStore('entries').get(id);
  if (!entry || entry.deletedAt !== null) {
    await tx.done;
    return; // already gone: deleting is idempotent
  }
  if (entry.author !== LOCAL_AUTHOR) {
    await tx.done;
    throw new Error(t('error.notYourEntry'));
  }
  if (entry.end === null) {
    await tx.done;
    throw new Error(t('error.stillRunning'));
  }
  await writeEntries(tx, [{ ...entry, deletedAt: at, updatedAt: at }], at);
  await tx.done;
}

export async function timerState(db: IDBPDatabase<StintDb>): Promise<TimerState> {
  const tx = db.transaction(['entries', 'items'], 'readonly');
  const running = runningEntry(await entriesAround(tx, LOCAL_AUTHOR, 0, 0));
  const item = running ? await tx.objectStore('items').get(running.itemKey) : undefined;
  await tx.done;
  return { running: running ? { entryId: running.id, itemKey: running.itemKey, start: running.start, title: item?.title ?? null } : null };
}

const finishedSeconds = (list: readonly TimeEntry[]) => list.filter((e) => !isRunning(e)).reduce((total, e) => total + entrySeconds(e, 0), 0);

/**
 * An item's state for its page. With a budget context (the person's zone, week and thresholds) also its budget and
 * risks, from the rollups.
 */
export async function itemTimerState(db: IDBPDatabase<StintDb>, itemKey: string, context?: BudgetContext): Promise<ItemTimerState> {
  const [state, entries, item, linked, facts] = await Promise.all([
    timerState(db),
    entriesOfItem(db, itemKey),
    db.get('items', itemKey),
    linkedItems(db, itemKey),
    context ? itemBudgetFacts(db, itemKey, context) : Promise.resolve({ budget: null, plan: null, risks: [] } satisfies ItemBudgetFacts),
  ]);
  const running = state.running?.itemKey === itemKey && context ? timerLeftRunning(itemKey, labelOf(itemKey), state.running.start, context.now, context.thresholds ?? DEFAULT_RISK_THRESHOLDS, context.riskWords) : null;
  return {
    ...state,
    itemKey,
    trackedSeconds: finishedSeconds(entries),
    ownSeconds: finishedSeconds(entries.filter((e) => e.author === LOCAL_AUTHOR)),
    estimateSeconds: effectiveEstimate(item),
    linked,
    providerSpentSeconds: item?.providerSpentSeconds ?? null,
    remainingSeconds: item?.remainingEstimateSeconds ?? null,
    budget: facts.budget,
    plan: facts.plan,
    risks: bySeverity([...(running ? [running] : []), ...facts.risks]).slice(0, 8).map(({ rule, severity, reason }) => ({ rule, severity, reason })),
    container: item?.container ? { kind: item.container.kind, title: item.container.title.slice(0, 500), dueAt: item.container.dueAt } : null,
  };
}

/** The pull / merge requests that close an item (from the `byCloses` index), at most 20, with their tracked time. */
export async function linkedItems(db: IDBPDatabase<StintDb>, itemKey: string): Promise<LinkedItem[]> {
  const closers = await db.getAllFromIndex('items', 'byCloses', itemKey, 20);
  return Promise.all(
    closers.map(async (pr) => ({ key: pr.key, url: pr.url, title: pr.title, state: pr.state ?? null, trackedSeconds: finishedSeconds(await entriesOfItem(db, pr.key)) })),
  );
}

/**
 * Keep the display facts of an item the user worked on (title from the page: display only). Its container stays as
 * the sync wrote it: the rollups count its time there, and only a sync moves it (with its time).
 */
export async function rememberItem(db: IDBPDatabase<StintDb>, item: WorkItem): Promise<void> {
  const existing = await db.get('items', item.key);
  const remembered = { ...existing, ...item, title: item.title ?? existing?.title ?? null };
  if (existing && 'container' in existing) remembered.container = existing.container;
  else delete remembered.container;
  await db.put('items', remembered);
}

/** The person's own entries starting in [from, to), oldest first, with their items' titles (the popup's "today"). */
export async function ownEntriesBetween(db: IDBPDatabase<StintDb>, from: number, to: number) {
  const entries = (await entriesBetween(db, from, to)).filter((e) => e.author === LOCAL_AUTHOR).sort((a, b) => a.start - b.start);
  return Promise.all(entries.map(async (e) => ({ id: e.id, itemKey: e.itemKey, title: (await db.get('items', e.itemKey))?.title ?? null, start: e.start, end: e.end, note: e.note })));
}
