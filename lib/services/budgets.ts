import type { IDBPDatabase } from 'idb';
import { budgetStatus, newlyCrossed, type Budget, type BudgetStatus } from '../core/budget';
import { mondayOf } from '../core/dashboard';
import type { WorkWeek } from '../core/duration';
import { LOCAL_AUTHOR } from '../core/entry';
import { BURN_WINDOW, forecast, trailingWorkingDays, workingDaysBetween, type Forecast } from '../core/forecast';
import { itemKeyPrefixes, projectKeyOfItem } from '../core/item-ref';
import { costOf, formatMoney, projectCost, rateFor, type Money, type Rate } from '../core/money';
import { bySeverity, forecastOverrun, itemRisks, overBudget, overCapacity, scopeCreep, DEFAULT_RISK_THRESHOLDS, type ItemFacts, type Risk, type RiskThresholds, type RiskWords } from '../core/risk';
import { containerKeyOf, dayKey, rowKey } from '../core/rollup';
import type { WorkItem } from '../core/work-item';
import { readOnce, sharedReads, type Reader } from '../db/reader';
import { ensureRollups, rollupRow, rollupRows } from '../db/rollups';
import type { StintDb } from '../db/schema';
import { t } from '../i18n';

/** What the budget and risk views are computed at: the day, the moment, the person's zone and week, the thresholds. */
export interface BudgetContext {
  readonly now: number;
  readonly timeZone: string;
  readonly week: WorkWeek;
  readonly thresholds?: RiskThresholds;
  /** The sentences of risk reasons, in the person's language (English when absent). */
  readonly riskWords?: RiskWords;
}

/** Time spent on a scope, from rollup rows only: the total, per person (for money) and per local day since `daysFrom` (for burn). */
export interface ScopeSpend {
  readonly seconds: number;
  readonly perPerson: Map<string, number>;
  readonly byDay: Map<string, number>;
}

const lastPart = (key: string) => key.slice(key.lastIndexOf('|') + 1);

function addInto(target: Map<string, number>, key: string, seconds: number): void {
  target.set(key, (target.get(key) ?? 0) + seconds);
}

export { containerKeyOf };

/** The items of a project (their keys start with the project's prefix: one key-range read per prefix). */
export async function projectItems(db: Reader, projectKey: string): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  for (const prefix of itemKeyPrefixes(projectKey)) out.push(...(await db.getAll('items', IDBKeyRange.bound(prefix, `${prefix}\uffff`))));
  return out;
}

/**
 * The items planned in a container: one key range of the `byContainer` index per item-key prefix of its project (its
 * kind and id, and keys under the prefix) — its own items, not its whole project's.
 */
export async function containerItems(db: Reader, containerKey: string): Promise<WorkItem[]> {
  const cut = containerKey.lastIndexOf('#');
  const projectKey = containerKey.slice(0, cut);
  const kindAndId = containerKey.slice(cut + 1);
  const sep = kindAndId.indexOf(':');
  const [kind, id] = [kindAndId.slice(0, sep), kindAndId.slice(sep + 1)];
  const out: WorkItem[] = [];
  for (const items of await Promise.all(itemKeyPrefixes(projectKey).map((prefix) => db.getAllFromIndex('items', 'byContainer', IDBKeyRange.bound([kind, id, prefix], [kind, id, `${prefix}\uffff`]))))) {
    out.push(...items.filter((item) => item.container && containerKeyOf(projectKey, item.container) === containerKey));
  }
  return out;
}

/**
 * The first day whose time a view needs day by day: the burn rate's trailing working days (under three weeks in a
 * five-day week, fourteen weeks in a one-day week) and, for a monthly budget, its month so far. A project's years of
 * history are never read, nor days no figure uses (each row read costs its clone and, in the store, its search).
 */
function daysFrom(period: Budget['period'], today: string, week: Pick<WorkWeek, 'daysPerWeek'>): string {
  const burnFrom = trailingWorkingDays(today, BURN_WINDOW, week)[0] ?? today;
  const monthFrom = `${today.slice(0, 7)}-01`;
  return period === 'monthly' && monthFrom < burnFrom ? monthFrom : burnFrom;
}

/** An item's people into `perPerson`; returns its total (its people's rows summed: every entry is in exactly one). */
async function itemPeople(db: Reader, itemKey: string, perPerson: Map<string, number>): Promise<number> {
  let total = 0;
  for (const row of await rollupRows(db, rowKey('item-person', itemKey))) {
    addInto(perPerson, lastPart(row.key), row.seconds);
    total += row.seconds;
  }
  return total;
}

/** The row kinds of a scope's total, people and days. */
const SCOPE_ROWS = {
  project: ['project-person', 'project-day'],
  container: ['container-person', 'container-day'],
  item: ['item-person', 'item-day'],
} as const;

/**
 * What a budget's scope has spent, from the rollups (never from the entries): two reads, its people and the days its
 * burn rate (and a monthly budget's month) needs, whatever the number of entries or items. A monthly budget counts
 * this month.
 */
export async function scopeSpend(db: Reader, budget: Pick<Budget, 'scope' | 'period'>, today: string, week: Pick<WorkWeek, 'daysPerWeek'>): Promise<ScopeSpend> {
  const perPerson = new Map<string, number>();
  const byDay = new Map<string, number>();
  const { kind, key } = budget.scope;
  const [peopleKind, daysKind] = SCOPE_ROWS[kind];
  // Both reads at once: one transaction pipelines them (awaited one by one, each paid a round trip). The total is its
  // people's rows summed (every entry counts for its author), one read fewer per budget than its own row.
  const [people, days] = await Promise.all([rollupRows(db, rowKey(peopleKind, key)), rollupRows(db, rowKey(daysKind, key), daysFrom(budget.period, today, week), today)]);
  let seconds = 0;
  for (const row of people) {
    addInto(perPerson, lastPart(row.key), row.seconds);
    seconds += row.seconds;
  }
  for (const row of days) addInto(byDay, lastPart(row.key), row.seconds);
  if (budget.period === 'monthly') {
    // This month's days only; per-person money is then scaled to the month's share (rows are not kept per person-day).
    const month = today.slice(0, 7);
    const monthSeconds = [...byDay].filter(([day]) => day.startsWith(month)).reduce((sum, [, s]) => sum + s, 0);
    const share = seconds > 0 ? monthSeconds / seconds : 0;
    for (const [person, s] of perPerson) perPerson.set(person, Math.round(s * share));
    return { seconds: monthSeconds, perPerson, byDay };
  }
  return { seconds, perPerson, byDay };
}

export interface BudgetView {
  readonly budget: Budget;
  /** How people call the scope: `acme/checkout-web`, `Sprint 4`, `PAY-12`. */
  readonly name: string;
  readonly status: BudgetStatus;
  readonly forecast: Forecast;
  /** Hours people without a rate spent (not priced). */
  readonly unpricedSeconds: number;
  /** The forecast overrun at the scope's blended rate, formatted, or null. */
  readonly overrunMoney?: string | null;
  readonly risks: Risk[];
}

async function scopeName(db: Reader, budget: Budget, items: readonly WorkItem[]): Promise<{ name: string; dueDay: string | null; remainingEstimate: number | null }> {
  const { kind, key } = budget.scope;
  if (kind === 'project') return { name: key.replace(/^[a-z]+:[^/]+\//, ''), dueDay: null, remainingEstimate: null };
  if (kind === 'item') {
    const item = await db.get('items', key);
    const label = key.replace(/^[a-z]+:[^/]+\//, '');
    return { name: item?.title ? `${label} ${item.title}` : label, dueDay: item?.dueAt ? new Date(item.dueAt).toISOString().slice(0, 10) : null, remainingEstimate: item?.remainingEstimateSeconds ?? null };
  }
  const planned = await db.get('containers', key);
  const container = planned ?? items[0]?.container ?? null;
  const remaining = items.reduce((sum, i) => sum + (i.state === 'closed' ? 0 : (i.remainingEstimateSeconds ?? i.localEstimateSeconds ?? i.estimateSeconds ?? 0)), 0);
  return { name: container?.title ?? key, dueDay: container?.dueAt ? new Date(container.dueAt).toISOString().slice(0, 10) : null, remainingEstimate: items.length > 0 ? remaining : null };
}

/** A budget's status, forecast and budget-level risks, from rollups, rates and the scope's items. */
export async function budgetView(db: Reader, budget: Budget, rates: readonly Rate[], context: BudgetContext): Promise<BudgetView> {
  const today = dayKey(context.now, context.timeZone);
  // A container's own items (one index read) for its name, remaining estimate and scope; its spend is in its rows.
  const [items, spend] = await Promise.all([budget.scope.kind === 'container' ? containerItems(db, budget.scope.key) : [], scopeSpend(db, budget, today, context.week)]);
  const projectKey = budget.scope.kind === 'project' ? budget.scope.key : (projectKeyOfItem(budget.scope.key) ?? budget.scope.key.slice(0, budget.scope.key.lastIndexOf('#')));
  const priced = projectCost(spend.perPerson, rates, projectKey);
  const status = budgetStatus(budget, spend.seconds, priced.money);
  const about = await scopeName(db, budget, items);
  const budgetSeconds = budget.hours === null ? null : budget.hours * 3600;
  const f = forecast({ secondsByDay: spend.byDay, today, week: context.week, spentSeconds: spend.seconds, budgetSeconds, remainingEstimateSeconds: about.remainingEstimate, dueDay: about.dueDay });
  // The overrun priced at the scope's blended rate so far (or its default rate when nothing is priced yet).
  const perHour = priced.money && spend.seconds > 0 ? (priced.money.amount / spend.seconds) * 3600 : (rateFor(rates, LOCAL_AUTHOR, projectKey)?.perHour ?? null);
  const currency = priced.money?.currency ?? rateFor(rates, LOCAL_AUTHOR, projectKey)?.currency ?? null;
  const overrunMoney = f.overrunSeconds && perHour !== null && currency ? formatMoney({ amount: costOf(f.overrunSeconds, { perHour }), currency }) : null;
  const spentMoney = priced.money ? formatMoney(priced.money) : null;
  const risks = [
    overBudget(budget.scope.key, about.name, status, budgetSeconds, spentMoney, context.riskWords),
    forecastOverrun(budget.scope.key, about.name, f, status, overrunMoney, context.riskWords),
  ].filter((r): r is Risk => r !== null);
  if (budget.scope.kind === 'container') {
    const baseline = await db.get('baselines', budget.scope.key);
    if (baseline) {
      const creep = scopeCreep(budget.scope.key, about.name, baseline, { items: items.map((i) => ({ key: i.key, label: labelOf(i.key) })), estimateSeconds: items.reduce((s, i) => s + (i.estimateSeconds ?? 0), 0) }, context.thresholds ?? DEFAULT_RISK_THRESHOLDS, context.riskWords);
      if (creep) risks.push(creep);
    }
  }
  return { budget, name: about.name, status, forecast: f, unpricedSeconds: priced.unpricedSeconds, overrunMoney, risks: bySeverity(risks) };
}

/** `PAY-12`, `#34`, `!7`: how a reason names an item. */
export function labelOf(itemKey: string): string {
  const jira = /\/([A-Z][A-Z0-9_]+-\d+)$/.exec(itemKey);
  if (jira) return jira[1]!;
  return /[#!]\d+$/.exec(itemKey)?.[0] ?? itemKey;
}

const LEVEL_RANK = { over: 3, warn: 2, watch: 1, ok: 0 } as const;

/** Every budget's view, most at risk first: what the dashboard shows. Reads rollups, budgets, rates and items only. */
export async function budgetOverview(db: IDBPDatabase<StintDb>, context: BudgetContext): Promise<BudgetView[]> {
  await ensureRollups(db, context.timeZone);
  // Each read once: a project's items and recent days serve all its budgets (its milestones', its items').
  const read = sharedReads(readOnce(db, ['budgets', 'rates', 'rollups', 'items', 'containers', 'baselines']));
  const [budgets, rates] = await Promise.all([read.getAll('budgets'), read.getAll('rates')]);
  const views = await Promise.all(budgets.map((budget) => budgetView(read, budget, rates, context)));
  const score = (v: BudgetView) => (v.risks.some((r) => r.severity === 'critical') ? 10 : v.risks.length > 0 ? 5 : 0) + LEVEL_RANK[v.status.level];
  return views.sort((a, b) => score(b) - score(a) || (b.status.percent ?? 0) - (a.status.percent ?? 0));
}

/** The risks of one item: its own rules, over its rollup total and its provider facts. */
export async function riskOfItem(db: Reader, itemKey: string, context: BudgetContext): Promise<Risk[]> {
  const [item, total] = await Promise.all([db.get('items', itemKey), rollupRow(db, rowKey('item', itemKey))]);
  if (!item) return [];
  const projectKey = projectKeyOfItem(itemKey);
  const inBudgetedContainer = Boolean(item.container && projectKey && (await db.getAllFromIndex('budgets', 'byScope', containerKeyOf(projectKey, item.container))).length > 0);
  const blockers = await Promise.all((item.blockedBy ?? []).map((key) => db.get('items', key)));
  // A blocker known to be closed no longer blocks; one Stint has not read yet is taken at its word.
  const openBlockers = (item.blockedBy ?? []).filter((_, i) => blockers[i]?.state !== 'closed');
  return risksOfItemFacts(item, total?.seconds ?? 0, { blockedBy: openBlockers, inBudgetedContainer }, context);
}

/** The item rules over what is known of an item: its record, its time, its open blockers and its container's budget. */
export function risksOfItemFacts(item: WorkItem, spentSeconds: number, known: { blockedBy: readonly string[]; inBudgetedContainer: boolean }, context: BudgetContext): Risk[] {
  const facts: ItemFacts = {
    key: item.key,
    label: labelOf(item.key),
    open: item.state !== 'closed' && item.state !== 'merged',
    dueDay: item.dueAt ? new Date(item.dueAt).toISOString().slice(0, 10) : null,
    estimateSeconds: item.localEstimateSeconds ?? item.estimateSeconds ?? null,
    spentSeconds,
    lastActivity: item.remoteUpdatedAt ?? null,
    assignees: item.assignees ?? [],
    labels: item.labels ?? [],
    blockedBy: known.blockedBy.map(labelOf),
    inBudgetedContainer: known.inBudgetedContainer,
  };
  return itemRisks(facts, dayKey(context.now, context.timeZone), context.now, context.week, context.thresholds ?? DEFAULT_RISK_THRESHOLDS, context.riskWords);
}

/** Money for an item's spend at its rates, or null without rates. */
export async function itemMoney(db: Reader, itemKey: string, rates: readonly Rate[]): Promise<Money | null> {
  const projectKey = projectKeyOfItem(itemKey);
  if (!projectKey || rates.length === 0) return null;
  const perPerson = new Map<string, number>();
  await itemPeople(db, itemKey, perPerson);
  return projectCost(perPerson, rates, projectKey).money;
}

/** What the page shows beside an item's timer: its budget (its own, else its estimate) and its risks. */
export interface ItemBudgetFacts {
  readonly budget: { readonly percent: number | null; readonly level: BudgetStatus['level']; readonly money: string | null; readonly against: 'budget' | 'estimate' } | null;
  /** The budget of the milestone / sprint the item is planned in, if it has one. */
  readonly plan: { readonly name: string; readonly percent: number | null; readonly level: BudgetStatus['level']; readonly money: string | null; readonly budgetSeconds: number | null } | null;
  readonly risks: Risk[];
}

/** The budget views of the containers these items are planned in (those with a budget), one view per container. */
export async function containerBudgetViews(db: Reader, items: readonly (WorkItem | undefined)[], context: BudgetContext, rates?: readonly Rate[]): Promise<Map<string, BudgetView>> {
  const keys = new Set<string>();
  for (const item of items) {
    const projectKey = item ? projectKeyOfItem(item.key) : null;
    if (item?.container && projectKey) keys.add(containerKeyOf(projectKey, item.container));
  }
  const views = new Map<string, BudgetView>();
  const known = rates ?? (keys.size > 0 ? await db.getAll('rates') : []);
  for (const key of keys) {
    const [budget] = await db.getAllFromIndex('budgets', 'byScope', key);
    if (budget) views.set(key, await budgetView(db, budget, known, context));
  }
  return views;
}

/** The container budget view an item falls under, if any. */
export function planOf(views: ReadonlyMap<string, BudgetView>, item: WorkItem | undefined): BudgetView | null {
  const projectKey = item ? projectKeyOfItem(item.key) : null;
  return item?.container && projectKey ? (views.get(containerKeyOf(projectKey, item.container)) ?? null) : null;
}

export async function itemBudgetFacts(db: IDBPDatabase<StintDb>, itemKey: string, context: BudgetContext): Promise<ItemBudgetFacts> {
  await ensureRollups(db, context.timeZone); // one read when they are current; the sums are never read unbuilt
  // Every read in one read-only transaction: a transaction per read costs more than the reads.
  const read = readOnce(db, ['budgets', 'rates', 'items', 'rollups', 'containers', 'baselines']);
  const [own, rates, item, total, risks] = await Promise.all([
    read.getAllFromIndex('budgets', 'byScope', itemKey),
    read.getAll('rates'),
    read.get('items', itemKey),
    rollupRow(read, rowKey('item', itemKey)),
    riskOfItem(read, itemKey, context),
  ]);
  const money = await itemMoney(read, itemKey, rates);
  const spent = total?.seconds ?? 0;
  const explicit = own[0];
  const estimate = item?.localEstimateSeconds ?? item?.estimateSeconds ?? null;
  const status = explicit
    ? budgetStatus(explicit, spent, money)
    : estimate
      ? budgetStatus({ hours: estimate / 3600, money: null, thresholds: [] }, spent, money)
      : null;
  const plan = planOf(await containerBudgetViews(read, [item], context, rates), item);
  return {
    budget: status ? { percent: status.percent, level: status.level, money: money ? formatMoney(money) : null, against: explicit ? 'budget' : 'estimate' } : money ? { percent: null, level: 'ok', money: formatMoney(money), against: 'estimate' } : null,
    plan: plan ? { name: plan.name, percent: plan.status.percent, level: plan.status.level, money: plan.status.spentMoney ? formatMoney(plan.status.spentMoney) : null, budgetSeconds: plan.budget.hours === null ? null : plan.budget.hours * 3600 } : null,
    risks: bySeverity([...risks, ...(plan?.risks ?? [])]),
  };
}

export const listBudgets = (db: IDBPDatabase<StintDb>) => db.getAll('budgets');
export const listRates = (db: IDBPDatabase<StintDb>) => db.getAll('rates');

/** Save a budget (replacing the one with its id). A container budget takes its baseline now if the container has started. */
export async function saveBudget(db: IDBPDatabase<StintDb>, budget: Budget, now: number): Promise<void> {
  await db.put('budgets', budget);
  if (budget.scope.kind === 'container') await takeBaseline(db, budget.scope.key, now);
}

/**
 * Quick-set from an item page: the hours of the budget of the milestone / sprint the item is planned in. An existing
 * budget keeps its money, period and thresholds; a new one counts the whole container with the default thresholds.
 * Clearing the hours of a budget without money removes it. Returns the container's key.
 */
export async function setContainerBudgetHours(db: IDBPDatabase<StintDb>, itemKey: string, seconds: number | null, now: number): Promise<string> {
  const item = await db.get('items', itemKey);
  const projectKey = projectKeyOfItem(itemKey);
  if (!item?.container || !projectKey) throw new Error(t('error.noContainer'));
  const key = containerKeyOf(projectKey, item.container);
  const [existing] = await db.getAllFromIndex('budgets', 'byScope', key);
  const hours = seconds === null ? null : Math.round((seconds / 3600) * 100) / 100;
  if (hours !== null && hours <= 0) throw new Error(t('error.budgetNeedsHours'));
  if (existing && hours === null && existing.money === null) await removeBudget(db, existing.id);
  else if (existing) await saveBudget(db, { ...existing, hours }, now);
  else if (hours !== null) await saveBudget(db, { id: `container:${key}`, scope: { kind: 'container', key }, hours, money: null, period: 'total', thresholds: [50, 80, 100] }, now);
  return key;
}

export async function removeBudget(db: IDBPDatabase<StintDb>, id: string): Promise<void> {
  await db.delete('budgets', id);
}

export async function saveRate(db: IDBPDatabase<StintDb>, rate: Rate): Promise<void> {
  await db.put('rates', rate);
}

export async function removeRate(db: IDBPDatabase<StintDb>, id: string): Promise<void> {
  await db.delete('rates', id);
}

/**
 * What a started container holds, kept once (scope creep is measured against it). Taken when its budget is saved or
 * when a sync first sees it started; a container without a known start is taken as started.
 */
export async function takeBaseline(db: IDBPDatabase<StintDb>, containerKey: string, now: number): Promise<boolean> {
  if (await db.get('baselines', containerKey)) return false;
  const items = await containerItems(db, containerKey);
  const startsAt = (await db.get('containers', containerKey))?.startsAt ?? items[0]?.container?.startsAt ?? null;
  if (items.length === 0 || (startsAt !== null && startsAt > now)) return false;
  await db.put('baselines', { containerKey, takenAt: now, itemKeys: items.map((i) => i.key), estimateSeconds: items.reduce((s, i) => s + (i.estimateSeconds ?? 0), 0) });
  return true;
}

/** The meta record keeping the threshold a budget last reached, so each crossing is announced once. */
const CROSSED = (budgetId: string) => `budget.crossed:${budgetId}`;

/**
 * Budgets whose spend reached a higher threshold since the last look (each crossing once, not on every sync), with the
 * words to announce it. Falling back below a threshold is remembered too, so crossing it again is announced again.
 */
export async function budgetCrossings(db: IDBPDatabase<StintDb>, context: BudgetContext): Promise<{ id: string; title: string; message: string }[]> {
  const out: { id: string; title: string; message: string }[] = [];
  for (const view of await budgetOverview(db, context)) {
    const before = ((await db.get('meta', CROSSED(view.budget.id))) as number | null | undefined) ?? null;
    const now = view.status.crossed;
    if (now === before) continue;
    await db.put('meta', now, CROSSED(view.budget.id));
    if (!newlyCrossed(before, now)) continue;
    const percent = Math.round(view.status.percent ?? 0);
    const spent = view.status.spentMoney ? t('notice.budgetSpentMoney', { percent, money: formatMoney(view.status.spentMoney) }) : t('notice.budgetSpent', { percent });
    out.push({
      id: view.budget.id,
      title: now! >= 100 ? t('notice.budgetOver', { name: view.name }) : t('notice.budgetPercent', { name: view.name, percent: now! }),
      message: `${spent}${view.risks[0] ? ` ${view.risks[0].reason}` : ''}`.slice(0, 500),
    });
  }
  return out;
}

/** Take the baselines of a project's budgeted containers that have started (scope creep is measured from them). */
export async function captureBaselines(db: IDBPDatabase<StintDb>, projectKey: string, now: number): Promise<number> {
  let taken = 0;
  for (const budget of await db.getAll('budgets')) {
    if (budget.scope.kind === 'container' && budget.scope.key.startsWith(`${projectKey}#`) && (await takeBaseline(db, budget.scope.key, now))) taken++;
  }
  return taken;
}

/** What a budget can be set on, as people name it: the projects kept in sync and their milestones / sprints. */
export async function budgetScopes(db: IDBPDatabase<StintDb>): Promise<{ projects: { key: string; name: string }[]; containers: { key: string; name: string; projectKey: string }[] }> {
  const projects = (await db.getAll('projects')).map((p) => ({ key: p.key, name: p.project }));
  const containers = new Map<string, { key: string; name: string; projectKey: string }>();
  for (const project of projects) {
    for (const c of await db.getAllFromIndex('containers', 'byProject', project.key)) containers.set(c.key, { key: c.key, name: `${c.title} (${project.name})`, projectKey: project.key });
    for (const item of await projectItems(db, project.key)) {
      if (!item.container) continue;
      const key = containerKeyOf(project.key, item.container);
      if (!containers.has(key)) containers.set(key, { key, name: `${item.container.title} (${project.name})`, projectKey: project.key });
    }
  }
  return { projects, containers: [...containers.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

export interface PersonLoad {
  readonly person: string;
  /** Hours logged this week (Monday to today), from the rollups. */
  readonly weekSeconds: number;
  /** Remaining estimate of the open items assigned to them in active milestones / sprints. */
  readonly remainingSeconds: number;
  /** Their working time from tomorrow to the latest of those due dates. */
  readonly capacitySeconds: number;
  readonly until: string | null;
  readonly risk: Risk | null;
}

/**
 * Per person: this week's logged time, and the remaining estimate assigned to them in active milestones / sprints
 * against their working time until those are due (over-allocation flagged). Reads items and rollups only.
 */
export async function teamLoad(db: IDBPDatabase<StintDb>, context: BudgetContext): Promise<PersonLoad[]> {
  await ensureRollups(db, context.timeZone);
  const today = dayKey(context.now, context.timeZone);
  const monday = mondayOf(today);
  const load = new Map<string, { remaining: number; until: string | null }>();
  for (const project of await db.getAll('projects')) {
    for (const item of await projectItems(db, project.key)) {
      const c = item.container;
      if (!c || item.state === 'closed' || item.state === 'merged' || c.dueAt === null) continue;
      const due = new Date(c.dueAt).toISOString().slice(0, 10);
      if (due < today || (c.startsAt !== null && new Date(c.startsAt).toISOString().slice(0, 10) > today)) continue; // not active
      const spent = (await rollupRow(db, rowKey('item', item.key)))?.seconds ?? 0;
      const estimate = item.localEstimateSeconds ?? item.estimateSeconds ?? null;
      const remaining = item.remainingEstimateSeconds ?? (estimate === null ? 0 : Math.max(0, estimate - spent));
      for (const person of item.assignees ?? []) {
        const row = load.get(person) ?? { remaining: 0, until: null };
        load.set(person, { remaining: row.remaining + remaining / Math.max(1, item.assignees!.length), until: row.until === null || due > row.until ? due : row.until });
      }
    }
  }
  const people = new Set([...load.keys()]);
  const weekRows = new Map<string, number>();
  for (const person of people) {
    const days = await rollupRows(db, rowKey('person-day', person), monday, today);
    weekRows.set(person, days.reduce((sum, row) => sum + row.seconds, 0));
  }
  return [...people]
    .map((person) => {
      const { remaining, until } = load.get(person)!;
      const capacitySeconds = until === null ? 0 : workingDaysBetween(today, until, context.week) * context.week.hoursPerDay * 3600;
      const remainingSeconds = Math.round(remaining);
      return { person, weekSeconds: weekRows.get(person) ?? 0, remainingSeconds, capacitySeconds, until, risk: until ? overCapacity(person, person, remainingSeconds, capacitySeconds, until, context.riskWords) : null };
    })
    .sort((a, b) => b.remainingSeconds - b.capacitySeconds - (a.remainingSeconds - a.capacitySeconds));
}
