import type { IDBPDatabase } from 'idb';
import type { Budget } from '../core/budget';
import { burnUp } from '../core/burnup';
import { formatMoney } from '../core/money';
import { itemKey, itemKeyPrefixes, projectKeyOfItem, type ProviderKey } from '../core/item-ref';
import { dayKey, rowKey, type RollupRow } from '../core/rollup';
import { projectKey as projectKeyOf, type TrackedProject } from '../core/sync';
import { effectiveEstimate, type WorkItem } from '../core/work-item';
import { readOnce, type Reader } from '../db/reader';
import { ensureRollups, rollupRows } from '../db/rollups';
import type { StintDb } from '../db/schema';
import type { BurnUpView, PersonLoadView, ProjectTimeline, TimelineContainer, TimelineItem } from '../messaging/protocol-timeline';
import { matchPageUrl, providerForHost } from '../providers/registry';
import { budgetView, containerKeyOf, labelOf, risksOfItemFacts, teamLoad, type BudgetContext, type BudgetView } from './budgets';

const MAX_ITEMS = 5000;
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const lastPart = (key: string) => key.slice(key.lastIndexOf('|') + 1);

/** Every rollup row of a kind for a project's items (`item|<prefix>…`): one key-range read per item-key prefix. */
async function itemRows(read: Reader, kind: 'item' | 'item-day', projectKey: string): Promise<RollupRow[]> {
  const rows = await Promise.all(itemKeyPrefixes(projectKey).map((prefix) => read.getAll('rollups', IDBKeyRange.bound(`${kind}|${prefix}`, `${kind}|${prefix}\uffff`))));
  return rows.flat();
}

async function projectItems(read: Reader, projectKey: string): Promise<WorkItem[]> {
  const lists = await Promise.all(itemKeyPrefixes(projectKey).map((prefix) => read.getAll('items', IDBKeyRange.bound(prefix, `${prefix}\uffff`))));
  return lists.flat();
}

/** The budget of a scope that a burn-up draws as its line: a total in hours (a monthly limit is not a line to the due date). */
const lineOf = (budget: Budget | undefined) => (budget && budget.period === 'total' && budget.hours !== null ? budget.hours * 3600 : null);

function budgetFigures(view: BudgetView | undefined): BurnUpView['budget'] {
  if (!view) return null;
  const s = view.status;
  const money = s.spentMoney ? formatMoney(s.spentMoney) : null;
  const risk = view.risks[0];
  return { id: view.budget.id, percent: s.percent, level: s.level, spentMoney: money, risk: risk ? { rule: risk.rule, severity: risk.severity, reason: risk.reason } : null };
}

/**
 * A project's timeline for the side panel: its milestones / sprints (lanes), its items with start, due date and their
 * most severe risk, the time logged per day, and a burn-up per project and per container. Reads only rollups, items,
 * containers and budgets, in one read-only transaction (after the rollups are known to be built).
 */
export async function projectTimeline(db: IDBPDatabase<StintDb>, projectKey: string, context: BudgetContext): Promise<ProjectTimeline> {
  await ensureRollups(db, context.timeZone);
  const read = readOnce(db, ['projects', 'items', 'containers', 'rollups', 'budgets', 'rates', 'baselines']);
  const today = dayKey(context.now, context.timeZone);
  const [tracked, allItems, planned, totals, itemDays, projectDays, budgets, rates] = await Promise.all([
    read.get('projects', projectKey),
    projectItems(read, projectKey),
    read.getAllFromIndex('containers', 'byProject', projectKey),
    itemRows(read, 'item', projectKey),
    itemRows(read, 'item-day', projectKey),
    rollupRows(read, rowKey('project-day', projectKey)),
    read.getAll('budgets'),
    read.getAll('rates'),
  ]);
  const spentOf = new Map(totals.map((row) => [row.key.slice('item|'.length), row.seconds]));
  const daysOf = new Map<string, Map<string, number>>();
  for (const row of itemDays) {
    // `item-day|<itemKey>|<YYYY-MM-DD>`
    const key = row.key.slice('item-day|'.length, -'|YYYY-MM-DD'.length);
    const day = lastPart(row.key);
    const days = daysOf.get(key) ?? new Map<string, number>();
    days.set(day, row.seconds);
    daysOf.set(key, days);
  }
  const items = [...allItems].sort((a, b) => (b.remoteUpdatedAt ?? b.updatedAt) - (a.remoteUpdatedAt ?? a.updatedAt)).slice(0, MAX_ITEMS);
  const byKey = new Map(allItems.map((i) => [i.key, i]));

  // Lanes: the planned containers, and any an item names that the plan has not listed.
  const containers = new Map<string, TimelineContainer>();
  for (const c of planned) containers.set(c.key, { key: c.key, kind: c.kind, title: c.title.slice(0, 500), startDay: c.startsAt === null ? null : utcDay(c.startsAt), dueDay: c.dueAt === null ? null : utcDay(c.dueAt) });
  for (const item of items) {
    const c = item.container;
    if (!c) continue;
    const key = containerKeyOf(projectKey, c);
    if (!containers.has(key)) containers.set(key, { key, kind: c.kind, title: c.title.slice(0, 500), startDay: c.startsAt === null ? null : utcDay(c.startsAt), dueDay: c.dueAt === null ? null : utcDay(c.dueAt) });
  }

  const scoped = budgets.filter((b) => b.scope.key === projectKey || (b.scope.kind === 'container' && b.scope.key.startsWith(`${projectKey}#`)));
  const budgetOf = new Map(scoped.map((b) => [b.scope.key, b]));
  const views = new Map((await Promise.all(scoped.map((b) => budgetView(read, b, rates, context)))).map((v) => [v.budget.scope.key, v]));

  const timelineItems: TimelineItem[] = items.map((item) => {
    const spent = spentOf.get(item.key) ?? 0;
    const containerKey = item.container ? containerKeyOf(projectKey, item.container) : null;
    const firstLogged = [...(daysOf.get(item.key)?.keys() ?? [])].sort()[0];
    const open = item.state !== 'closed' && item.state !== 'merged';
    // A blocker known to be closed no longer blocks; one Stint has not read is taken at its word (as riskOfItem does).
    const blockedBy = (item.blockedBy ?? []).filter((key) => byKey.get(key)?.state !== 'closed');
    const [risk] = risksOfItemFacts(item, spent, { blockedBy, inBudgetedContainer: containerKey !== null && budgetOf.has(containerKey) }, context);
    const dueAt = item.dueAt ?? item.container?.dueAt ?? null;
    return {
      key: item.key,
      label: labelOf(item.key).slice(0, 80),
      title: item.title?.slice(0, 500) ?? null,
      url: item.url,
      containerKey,
      startDay: firstLogged ?? (item.createdAt ? dayKey(item.createdAt, context.timeZone) : today),
      dueDay: dueAt === null ? null : utcDay(dueAt),
      endDay: !open && item.closedAt ? dayKey(item.closedAt, context.timeZone) : today,
      open,
      spentSeconds: spent,
      estimateSeconds: effectiveEstimate(item),
      assignees: (item.assignees ?? []).slice(0, 20),
      risk: risk ? { rule: risk.rule, severity: risk.severity, reason: risk.reason } : null,
    };
  });

  const projectByDay = new Map(projectDays.map((row) => [lastPart(row.key), row.seconds]));
  // The project's due date is its last open lane's: the forecast runs to the end of what is planned.
  const projectDue = [...containers.values()].map((c) => c.dueDay).filter((d): d is string => d !== null && d >= today).sort().at(-1) ?? null;
  const burnUps: BurnUpView[] = [toView(projectKey, 'project', tracked?.project ?? projectKey, burnUp({ secondsByDay: projectByDay, from: null, today, dueDay: projectDue, budgetSeconds: lineOf(budgetOf.get(projectKey)), week: context.week }), views.get(projectKey))];
  for (const c of containers.values()) {
    const byDay = new Map<string, number>();
    for (const item of allItems) {
      if (!item.container || containerKeyOf(projectKey, item.container) !== c.key) continue;
      for (const [day, seconds] of daysOf.get(item.key) ?? []) byDay.set(day, (byDay.get(day) ?? 0) + seconds);
    }
    const budget = budgetOf.get(c.key);
    if (byDay.size === 0 && !budget) continue; // nothing to draw
    burnUps.push(toView(c.key, 'container', c.title, burnUp({ secondsByDay: byDay, from: c.startDay, today, dueDay: c.dueDay, budgetSeconds: lineOf(budget), week: context.week }), views.get(c.key)));
  }

  const from = timelineItems.reduce((min, i) => (i.startDay < min ? i.startDay : min), today);
  return {
    projectKey,
    name: tracked?.project ?? projectKey.replace(/^[a-z]+:[^/]+\//, ''),
    tracked: tracked !== undefined,
    today,
    containers: [...containers.values()],
    items: timelineItems,
    omitted: allItems.length - items.length,
    loggedByDay: projectDays.map((row) => ({ day: lastPart(row.key), seconds: row.seconds })).filter((d) => d.day >= from).slice(-2000),
    burnUps: burnUps.slice(0, 200),
  };
}

function toView(scopeKey: string, kind: BurnUpView['kind'], name: string, b: ReturnType<typeof burnUp>, view: BudgetView | undefined): BurnUpView {
  return {
    scopeKey,
    kind,
    name: (view?.name ?? name).slice(0, 600),
    days: b.days,
    spent: b.spent,
    projected: b.projected,
    budgetSeconds: b.budgetSeconds,
    // The budget's own figure when there is one: the numbers the popup and the page show.
    spentSeconds: view?.status.spentSeconds ?? b.spentSeconds,
    dueDay: b.forecast.dueDay,
    burnPerDay: b.forecast.burnPerDay,
    overrunSeconds: b.forecast.overrunSeconds,
    budget: budgetFigures(view),
  };
}

/** The projects the panel can show: those Stint keeps in sync. */
export async function timelineProjects(db: IDBPDatabase<StintDb>): Promise<{ key: string; name: string }[]> {
  return (await db.getAll('projects')).map((p) => ({ key: p.key, name: p.project })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The project a page URL is about: its item's, its list's or board's, else the tracked project whose web address the
 * URL lies under (a GitLab project's home, a repository's code, a Jira project's pages). Null for anything else.
 */
export function projectOfUrl(url: URL, tracked: readonly TrackedProject[], selfHosted?: ReadonlyMap<string, ProviderKey>): string | null {
  const match = matchPageUrl(url, selfHosted);
  if (match?.item) return projectKeyOfItem(itemKey(match.item));
  const host = url.hostname.toLowerCase();
  const provider = providerForHost(host, selfHosted);
  if (match && match.kind !== 'item' && match.project !== null && provider) {
    // A list is its project's; a board may be a cross-project one (GitHub's org projects): only if Stint tracks it.
    const key = projectKeyOf(provider, host, match.project);
    if (match.kind === 'list' || tracked.some((p) => p.key === key)) return key;
  }
  const path = decodeURIComponent(url.pathname).toLowerCase();
  const under = tracked
    .filter((p) => p.host === host)
    .filter((p) => (p.provider === 'jira' ? path.includes(`/projects/${p.project.toLowerCase()}`) : path === `/${p.project.toLowerCase()}` || path.startsWith(`/${p.project.toLowerCase()}/`)))
    .sort((a, b) => b.project.length - a.project.length);
  return under[0]?.key ?? null;
}

/** Team load for the panel: everyone's, or the people with items in one project (their load across all projects). */
export async function teamLoadView(db: IDBPDatabase<StintDb>, context: BudgetContext, projectKey?: string): Promise<PersonLoadView[]> {
  const load = await teamLoad(db, context);
  let people: Set<string> | null = null;
  if (projectKey) {
    people = new Set<string>();
    const read = readOnce(db, ['items']);
    for (const item of await projectItems(read, projectKey)) for (const person of item.assignees ?? []) people.add(person);
  }
  return load
    .filter((p) => people === null || people.has(p.person))
    .slice(0, 500)
    .map((p) => ({ person: p.person, weekSeconds: p.weekSeconds, remainingSeconds: p.remainingSeconds, capacitySeconds: p.capacitySeconds, until: p.until, overAllocated: p.risk !== null, reason: p.risk?.reason ?? null }));
}
