import type { IDBPDatabase } from 'idb';
import type { Budget } from '../core/budget';
import { LOCAL_AUTHOR } from '../core/entry';
import { itemKey, parseItemKey, type ProviderKey } from '../core/item-ref';
import { costOf, rateFor } from '../core/money';
import { bySeverity } from '../core/risk';
import { dayKey } from '../core/rollup';
import { reportBodies, reportTitle, type ReportFormat, type ReportItem, type ReportPost, type StatusReport } from '../core/status-report';
import { queuedOp, reportOpKey, reportPostKey, type OutboxOp } from '../core/sync';
import type { WorkItem } from '../core/work-item';
import { readOnce, type Reader } from '../db/reader';
import { ensureRollups } from '../db/rollups';
import type { StintDb } from '../db/schema';
import { t } from '../i18n';
import { matchPageUrl } from '../providers/registry';
import { budgetView, containerItems, labelOf, projectItems, riskOfItem, scopeSpend, type BudgetContext } from './budgets';

/** The items at risk a report lists at most (the most severe first): a report is read, not scrolled. */
const MAX_ITEMS_AT_RISK = 25;

/** Whether a scope key names a milestone / sprint (`<projectKey>#<kind>:<id>`) rather than a project. */
const isContainerKey = (key: string) => /#[a-z]+:[^#/]+$/.test(key);

/**
 * The status report of a project or a milestone / sprint, from one read transaction over rollups, budgets, rates and
 * items (never the entries). A scope without a budget still reports its spend, burn, people and risks.
 */
export async function buildStatusReport(db: IDBPDatabase<StintDb>, scopeKey: string, context: BudgetContext): Promise<StatusReport> {
  await ensureRollups(db, context.timeZone);
  const read = readOnce(db, ['budgets', 'rates', 'rollups', 'items', 'containers', 'baselines', 'projects', 'connections']);
  const kind = isContainerKey(scopeKey) ? 'container' : 'project';
  const projectKey = kind === 'project' ? scopeKey : scopeKey.slice(0, scopeKey.lastIndexOf('#'));
  const [project, [own], rates, connections] = await Promise.all([read.get('projects', projectKey), read.getAllFromIndex('budgets', 'byScope', scopeKey), read.getAll('rates'), read.getAll('connections')]);
  if (!project) throw new Error(t('reportPage.notKept'));
  const budget: Budget = own ?? { id: `report:${scopeKey}`, scope: { kind, key: scopeKey }, hours: null, money: null, period: 'total', thresholds: [] };
  const items = kind === 'container' ? await containerItems(read, scopeKey) : await projectItems(read, projectKey);
  if (kind === 'container' && items.length === 0 && !(await read.get('containers', scopeKey))) throw new Error(t('reportPage.unknownContainer'));
  const [view, spend] = await Promise.all([budgetView(read, budget, rates, context), scopeSpend(read, budget, dayKey(context.now, context.timeZone), context.week)]);
  const me = connections.find((c) => c.provider === project.provider && c.host === project.host)?.login;
  const people = [...spend.perPerson]
    .filter(([, seconds]) => seconds > 0)
    .map(([person, seconds]) => {
      const rate = rateFor(rates, person, projectKey);
      return { person: person === LOCAL_AUTHOR ? (me ? `${me} (you)` : 'You') : person, seconds, money: rate ? { amount: costOf(seconds, rate), currency: rate.currency } : null };
    })
    .sort((a, b) => b.seconds - a.seconds || a.person.localeCompare(b.person));
  return {
    scope: { kind, key: scopeKey, name: view.name, project: project.project },
    asOf: context.now,
    budget: own ? { hours: own.hours, money: own.money, period: own.period } : null,
    spentSeconds: view.status.spentSeconds,
    spentMoney: view.status.spentMoney,
    percent: view.status.percent,
    level: view.status.level,
    remainingSeconds: view.status.remainingSeconds,
    forecast: {
      burnPerDaySeconds: view.forecast.burnPerDay,
      runsOutOn: view.forecast.runsOutOn,
      atCompletionSeconds: view.forecast.atCompletionSeconds,
      overrunSeconds: view.forecast.overrunSeconds,
      overrunMoney: view.overrunMoney ?? null,
      dueDay: view.forecast.dueDay,
    },
    people,
    unpricedSeconds: view.unpricedSeconds,
    risks: view.risks.map((r) => ({ severity: r.severity, reason: r.reason })),
    itemsAtRisk: await itemsAtRisk(read, items, context),
  };
}

async function itemsAtRisk(read: Reader, items: readonly WorkItem[], context: BudgetContext): Promise<ReportItem[]> {
  const open = items.filter((i) => i.state !== 'closed' && i.state !== 'merged');
  const risks = await Promise.all(open.map((item) => riskOfItem(read, item.key, context)));
  const found = open.flatMap((item, i) => {
    const own = bySeverity(risks[i] ?? []);
    return own[0] ? [{ rule: own[0].rule, severity: own[0].severity, item: { label: labelOf(item.key), title: item.title, severity: own[0].severity, reasons: own.map((r) => r.reason) } }] : [];
  });
  return bySeverity(found).slice(0, MAX_ITEMS_AT_RISK).map((f) => f.item);
}

/** What the report page shows after asking to post: queued (with the last failure, if any), posted, or failed. */
export interface ReportPostStatus {
  readonly state: 'queued' | 'posted' | 'failed';
  readonly reason: string | null;
  readonly itemKey: string;
}

/**
 * Queue the report to be posted as a comment on an item: its bodies are written now (a retry posts exactly what was
 * shown) into a meta record beside a `report` op in the outbox, in one transaction; the sync engine posts it through
 * the provider, looking first for the report's own earlier post so it is never posted twice.
 */
export async function queueReportPost(db: IDBPDatabase<StintDb>, input: { id: string; scopeKey: string; itemKey: string; report: StatusReport; format: ReportFormat; now: number }): Promise<OutboxOp> {
  const ref = parseItemKey(input.itemKey);
  if (!ref) throw new Error(t('reportPage.cannotPostOn'));
  const post: ReportPost = { id: input.id, scopeKey: input.scopeKey, itemKey: input.itemKey, title: reportTitle(input.report, input.format.words), bodies: reportBodies(input.report, input.format, input.id), queuedAt: input.now, postedAt: null, commentId: null };
  const tx = db.transaction(['meta', 'outbox'], 'readwrite');
  const key = reportOpKey(input.id);
  if (await tx.objectStore('outbox').get(key)) throw new Error(t('reportPage.alreadyQueued'));
  const op = queuedOp({ entryId: key, kind: 'report', provider: ref.provider, itemKey: input.itemKey }, undefined, input.now);
  await Promise.all([tx.objectStore('meta').put(post, reportPostKey(input.id)), tx.objectStore('outbox').put(op), tx.done]);
  return op;
}

export async function reportPostStatus(db: IDBPDatabase<StintDb>, id: string): Promise<ReportPostStatus | null> {
  const [post, op] = await Promise.all([db.get('meta', reportPostKey(id)) as Promise<ReportPost | undefined>, db.get('outbox', reportOpKey(id))]);
  if (!post) return null;
  if (post.postedAt !== null && !op) return { state: 'posted', reason: null, itemKey: post.itemKey };
  return { state: op?.state === 'failed' ? 'failed' : 'queued', reason: op?.lastError ?? null, itemKey: post.itemKey };
}

/**
 * The item a pasted address names, if Stint can post on it: an issue / PR / MR / Jira issue (also one open in a list's
 * drawer) of a connected provider. Refusals say what to paste instead.
 */
export async function reportTargetOf(db: IDBPDatabase<StintDb>, address: string): Promise<{ itemKey: string; label: string }> {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new Error(t('reportPage.fullAddress'));
  }
  const connections = await db.getAll('connections');
  const selfHosted = new Map<string, ProviderKey>(connections.filter((c) => c.selfHosted).map((c) => [c.host, c.provider]));
  const ref = matchPageUrl(url, selfHosted)?.item ?? null;
  if (!ref) throw new Error(t('reportPage.noComments'));
  if (!connections.some((c) => c.provider === ref.provider && c.host === ref.host)) throw new Error(t('reportPage.noConnection', { host: ref.host }));
  const key = itemKey(ref);
  return { itemKey: key, label: labelOf(key) };
}
