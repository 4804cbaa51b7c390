import type { IDBPDatabase } from 'idb';
import { mondayOf, projectPageUrl, topRisks } from '../core/dashboard';
import { LOCAL_AUTHOR } from '../core/entry';
import { projectKeyOfItem } from '../core/item-ref';
import type { Risk } from '../core/risk';
import { dayKey, rowKey } from '../core/rollup';
import { readOnce } from '../db/reader';
import { ensureRollups, rollupRows } from '../db/rollups';
import type { StintDb } from '../db/schema';
import { budgetOverview, labelOf, riskOfItem, type BudgetContext, type BudgetView } from './budgets';
import { syncStatus, type SyncStatus } from './sync/engine';
import { ownEntriesBetween, timerState, type TimerState } from './timer';

const RECENT_DAYS = 14;
const RECENT_ITEMS = 6;
const DAY = 86_400_000;
const TOP_RISKS = 5;

export interface DashboardRisk extends Risk {
  /** `PAY-12`, `#34`, or the budget's name: how the list names the subject. */
  readonly label: string;
  /** Where clicking the risk goes: the item, or the project's plan for a budget-level risk. */
  readonly url: string | null;
}

export interface RecentItem {
  readonly key: string;
  readonly title: string | null;
  readonly url: string;
  readonly lastWorkedAt: number;
}

/** Everything the popup shows, in one answer (and cached by the popup for its next opening). */
export interface Dashboard {
  readonly generatedAt: number;
  readonly timer: TimerState;
  readonly todayEntries: Awaited<ReturnType<typeof ownEntriesBetween>>;
  /** This week from Monday: the person's own finished time, and the team's read back (everyone else's). */
  readonly week: { readonly from: string; readonly ownSeconds: number; readonly teamSeconds: number };
  readonly budgets: BudgetView[];
  /** Projects with time but no budget: what they cost this week and in all, so nothing is invisible. */
  readonly unbudgeted: { readonly key: string; readonly name: string; readonly weekSeconds: number; readonly totalSeconds: number }[];
  readonly risks: DashboardRisk[];
  readonly recent: RecentItem[];
  readonly sync: SyncStatus;
  readonly connections: number;
  /** Nothing connected and nothing tracked: the popup offers the first steps instead of empty lists. */
  readonly firstRun: boolean;
}

const sumSeconds = (rows: readonly { seconds: number }[]) => rows.reduce((sum, row) => sum + row.seconds, 0);
const projectName = (projectKey: string) => projectKey.replace(/^[a-z]+:[^/]+\//, '');

/**
 * The items the person worked on lately, most recent first, each once. Reads their own entries only (never the team's),
 * newest first, a day, then two, four… at a time, until six items are met: a person's own entries never overlap, so a
 * later start is a later end, and the first items met are the most recent.
 */
export async function recentItems(db: IDBPDatabase<StintDb>, now: number): Promise<RecentItem[]> {
  const from = now - RECENT_DAYS * DAY;
  const latest = new Map<string, number>();
  for (let to = now + 1, span = DAY; to > from && latest.size < RECENT_ITEMS; to -= span, span *= 2) {
    const range = IDBKeyRange.bound([LOCAL_AUTHOR, Math.max(from, to - span)], [LOCAL_AUTHOR, to], false, true);
    for (const e of (await db.getAllFromIndex('entries', 'byAuthorStart', range)).reverse()) {
      if (e.deletedAt === null) latest.set(e.itemKey, Math.max(latest.get(e.itemKey) ?? 0, e.end ?? now));
    }
  }
  const keys = [...latest.entries()].sort((a, b) => b[1] - a[1]).slice(0, RECENT_ITEMS);
  const items = await Promise.all(keys.map(([key]) => db.get('items', key)));
  return keys.flatMap(([key, at], i) => {
    const item = items[i];
    return item ? [{ key, title: item.title, url: item.url, lastWorkedAt: at }] : [];
  });
}

/**
 * The popup's dashboard: the timer, today's and this week's time, every budget (most at risk first), projects without
 * one, the top risks (budgets' and the recent items'), recent items to restart, sync health. Sums come from the
 * rollups, never from a scan of the entries.
 */
export async function dashboard(db: IDBPDatabase<StintDb>, context: BudgetContext, today: { dayStart: number; dayEnd: number }): Promise<Dashboard> {
  await ensureRollups(db, context.timeZone);
  const day = dayKey(context.now, context.timeZone);
  const monday = mondayOf(day);
  const [timer, todayEntries, budgets, recent, sync, connections] = await Promise.all([
    timerState(db),
    ownEntriesBetween(db, today.dayStart, today.dayEnd),
    budgetOverview(db, context),
    recentItems(db, context.now),
    syncStatus(db),
    db.count('connections'),
  ]);
  const read = readOnce(db, ['rollups', 'items', 'budgets', 'containers']);
  const projects = await rollupRows(read, 'project');
  const weeks = await Promise.all(projects.map((row) => rollupRows(read, rowKey('project-day', row.key.slice('project|'.length)), monday, day)));
  const ownSeconds = sumSeconds(await rollupRows(read, rowKey('person-day', LOCAL_AUTHOR), monday, day));
  const everyone = weeks.reduce((sum, rows) => sum + sumSeconds(rows), 0);
  const budgeted = new Set(budgets.flatMap((v) => (v.budget.scope.kind === 'project' ? [v.budget.scope.key] : [])));
  const unbudgeted = projects
    .map((row, i) => ({ key: row.key.slice('project|'.length), totalSeconds: row.seconds, weekSeconds: sumSeconds(weeks[i] ?? []) }))
    .filter((p) => !budgeted.has(p.key))
    .map((p) => ({ ...p, name: projectName(p.key) }))
    .sort((a, b) => b.weekSeconds - a.weekSeconds || b.totalSeconds - a.totalSeconds);

  const itemRisks = (await Promise.all(recent.map((r) => riskOfItem(read, r.key, context)))).flat();
  const budgetNames = new Map(budgets.map((v) => [v.budget.scope.key, v.name]));
  const risks = await Promise.all(
    topRisks([...budgets.flatMap((v) => v.risks), ...itemRisks], TOP_RISKS).map(async (risk) => {
      const isItem = projectKeyOfItem(risk.subject) !== null;
      // A container's key is its project's key + `#milestone:3` / `#sprint:4`.
      const project = projectKeyOfItem(risk.subject) ?? risk.subject.replace(/#[a-z]+:.*$/, '');
      const label = budgetNames.get(risk.subject) ?? (isItem ? labelOf(risk.subject) : projectName(risk.subject));
      const itemUrl = isItem ? (await read.get('items', risk.subject))?.url : undefined;
      return { ...risk, label, url: itemUrl ?? projectPageUrl(project) };
    }),
  );
  return {
    generatedAt: context.now,
    timer,
    todayEntries,
    week: { from: monday, ownSeconds, teamSeconds: Math.max(0, everyone - ownSeconds) },
    budgets,
    unbudgeted,
    risks,
    recent,
    sync,
    connections,
    firstRun: connections === 0 && recent.length === 0 && projects.length === 0,
  };
}
