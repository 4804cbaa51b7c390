import type { IDBPDatabase } from 'idb';
import { LOCAL_AUTHOR, entrySeconds } from '../core/entry';
import { parseDuration, type WorkWeek } from '../core/duration';
import { itemKeyPrefixes, projectKeyOfItem } from '../core/item-ref';
import { estimateOpKey, queuedOp } from '../core/sync';
import { effectiveEstimate, type WorkItem } from '../core/work-item';
import { ensureRollups } from '../db/rollups';
import type { StintDb } from '../db/schema';
import { bySeverity, type Risk } from '../core/risk';
import { containerBudgetViews, planOf, risksOfItemFacts, type BudgetContext } from './budgets';
import { t } from '../i18n';

export interface ItemBadge {
  readonly key: string;
  /** Everyone's time on the item (own entries and the team's, read back), running timers counted up to `now`. */
  readonly trackedSeconds: number;
  readonly ownSeconds: number;
  readonly estimateSeconds: number | null;
  /** The item's most severe risk (with a budget context), for the row's icon. */
  readonly risk?: Pick<Risk, 'rule' | 'severity' | 'reason'> | null;
}

/**
 * A row's most severe risk, from what the row's read already holds (the item and its time): no more reads per row.
 * Blockers count as open, and "no estimate in a budgeted container" is left to the item page.
 */
export function rowRisk(item: WorkItem | undefined, trackedSeconds: number, context: BudgetContext): ItemBadge['risk'] {
  if (!item) return null;
  const [first] = risksOfItemFacts(item, trackedSeconds, { blockedBy: item.blockedBy ?? [], inBudgetedContainer: false }, context);
  return first ? { rule: first.rule, severity: first.severity, reason: first.reason } : null;
}

/** Badges for many items in one read-only transaction (list pages ask for all visible rows at once). */
export async function itemBadges(db: IDBPDatabase<StintDb>, keys: readonly string[], now: number, context?: BudgetContext): Promise<ItemBadge[]> {
  const badges = await readBadges(db, keys, now);
  return context ? withRisks(db, badges, context) : badges.map(({ item: _item, ...badge }) => badge);
}

/** Each row's most severe risk: its own, or its milestone's / sprint's budget risks (one view per container). */
async function withRisks(db: IDBPDatabase<StintDb>, badges: readonly (ItemBadge & { item?: WorkItem | undefined })[], context: BudgetContext): Promise<ItemBadge[]> {
  await ensureRollups(db, context.timeZone);
  const views = await containerBudgetViews(db, badges.map((b) => b.item), context);
  return badges.map(({ item, ...badge }) => {
    const own = rowRisk(item, badge.trackedSeconds, context);
    const plan = planOf(views, item)?.risks[0] ?? null;
    const risk = bySeverity([own, plan].filter((r): r is NonNullable<typeof r> => r !== null && r !== undefined))[0];
    return { ...badge, risk: risk ? { rule: risk.rule, severity: risk.severity, reason: risk.reason } : null };
  });
}

async function readBadges(db: IDBPDatabase<StintDb>, keys: readonly string[], now: number): Promise<(ItemBadge & { item: WorkItem | undefined })[]> {
  const tx = db.transaction(['entries', 'items'], 'readonly');
  const byItem = tx.objectStore('entries').index('byItem');
  const badges = await Promise.all(
    [...new Set(keys)].map(async (key) => {
      const [entries, item] = await Promise.all([byItem.getAll(key), tx.objectStore('items').get(key)]);
      let trackedSeconds = 0;
      let ownSeconds = 0;
      for (const entry of entries) {
        if (entry.deletedAt !== null) continue;
        const seconds = entrySeconds(entry, now);
        trackedSeconds += seconds;
        if (entry.author === LOCAL_AUTHOR) ownSeconds += seconds;
      }
      return { key, trackedSeconds, ownSeconds, estimateSeconds: effectiveEstimate(item), item };
    }),
  );
  await tx.done;
  return badges;
}

/** An estimate as a person typed it, in seconds (null or blank: none); a readable error when it is not a duration. */
export function readEstimate(typed: string | null, week: WorkWeek, what: 'estimate' | 'budget' = 'estimate'): number | null {
  if (typed === null || typed.trim() === '') return null;
  const seconds = parseDuration(typed, week);
  if (seconds === null || seconds <= 0) throw new Error(what === 'estimate' ? t('refusal.notAnEstimate', { typed: typed.slice(0, 40) }) : t('refusal.notABudget', { typed: typed.slice(0, 40) }));
  if (what === 'estimate' && seconds > 10_000 * 3600) throw new Error(t('refusal.estimateTooBig'));
  if (seconds > 1_000_000 * 3600) throw new Error(t('refusal.budgetTooBig'));
  return seconds;
}

/** A project sends at most this many badges in one answer; past it, its rows are asked about one batch at a time. */
export const PROJECT_BADGES_CAP = 2000;

/**
 * The badges of every item of a project with time or an estimate, read by key range (item keys start with their
 * project's prefix) in one read-only transaction. `complete: false` (and no badges) past `cap`.
 */
export async function projectBadges(db: IDBPDatabase<StintDb>, projectKey: string, now: number, cap = PROJECT_BADGES_CAP, context?: BudgetContext): Promise<{ key: string; complete: boolean; badges: ItemBadge[] }> {
  const known = new Map<string, WorkItem>();
  const tx = db.transaction(['entries', 'items'], 'readonly');
  const figures = new Map<string, { trackedSeconds: number; ownSeconds: number; estimateSeconds: number | null }>();
  const of = (key: string) => figures.get(key) ?? figures.set(key, { trackedSeconds: 0, ownSeconds: 0, estimateSeconds: null }).get(key)!;
  for (const prefix of itemKeyPrefixes(projectKey)) {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [entries, items] = await Promise.all([tx.objectStore('entries').index('byItem').getAll(range), tx.objectStore('items').getAll(range)]);
    for (const entry of entries) {
      if (entry.deletedAt !== null) continue;
      const seconds = entrySeconds(entry, now);
      const f = of(entry.itemKey);
      f.trackedSeconds += seconds;
      if (entry.author === LOCAL_AUTHOR) f.ownSeconds += seconds;
    }
    for (const item of items) {
      known.set(item.key, item);
      const estimate = effectiveEstimate(item);
      if (estimate !== null) of(item.key).estimateSeconds = estimate;
    }
  }
  await tx.done;
  const badges = [...figures].filter(([, f]) => f.trackedSeconds > 0 || f.estimateSeconds !== null).map(([key, f]) => ({ key, ...f, item: known.get(key) }));
  if (badges.length > cap) return { key: projectKey, complete: false, badges: [] };
  return { key: projectKey, complete: true, badges: context ? await withRisks(db, badges, context) : badges.map(({ item: _item, ...badge }) => badge) };
}

/** The user's own estimate for an item (null clears it); the item is remembered if Stint had not seen it yet. */
export async function setLocalEstimate(db: IDBPDatabase<StintDb>, item: { key: string; provider: WorkItem['provider']; kind: WorkItem['kind']; url: string }, seconds: number | null, now: number): Promise<void> {
  const tx = db.transaction(['items', 'projects', 'outbox'], 'readwrite');
  const existing = await tx.objectStore('items').get(item.key);
  await tx.objectStore('items').put({ ...(existing ?? { ...item, title: null }), localEstimateSeconds: seconds, updatedAt: now });
  // Providers with their own estimate field get it written back (GitHub has none: the estimate stays Stint's).
  const project = projectKeyOfItem(item.key);
  if (item.provider !== 'github' && project && (await tx.objectStore('projects').get(project))?.writeBack === true) {
    const key = estimateOpKey(item.key);
    await tx.objectStore('outbox').put(queuedOp({ entryId: key, kind: 'estimate', provider: item.provider, itemKey: item.key }, await tx.objectStore('outbox').get(key), now));
  }
  await tx.done;
}

/** Keys a page may ask badges for: only items on its own provider and host (`github:github.com/…`). */
export function keysOfHost(keys: readonly string[], provider: string, host: string): boolean {
  const prefix = `${provider}:${host}/`;
  return keys.every((key) => key.startsWith(prefix));
}
