import type { BudgetStatus } from './budget';
import { formatDuration, type WorkWeek } from './duration';
import type { Forecast } from './forecast';
import { workingDaysBetween } from './forecast';

/**
 * Risk rules: pure functions from facts to a risk (or none), each with a severity and a reason a person can read
 * without knowing the rule. Days are local calendar days (`YYYY-MM-DD`); "working days" follow the work week.
 */
export type RiskRule =
  | 'over-budget'
  | 'forecast-overrun'
  | 'overdue'
  | 'due-soon'
  | 'stale'
  | 'no-estimate'
  | 'over-estimate'
  | 'blocked'
  | 'scope-creep'
  | 'timer-running'
  | 'unassigned-near-due'
  | 'over-capacity';

export type Severity = 'info' | 'warning' | 'critical';

export interface Risk {
  readonly rule: RiskRule;
  readonly severity: Severity;
  /** What it is about: an item key, a budget scope key, or a person. */
  readonly subject: string;
  readonly reason: string;
}

export interface RiskThresholds {
  /** "Due soon": within this many working days. */
  readonly dueSoonWorkingDays: number;
  /** "Little progress": spent below this share of the estimate, in percent. */
  readonly lowProgressPercent: number;
  /** "Stale": open and assigned, no update and no time for this many days. */
  readonly staleDays: number;
  /** Labels that mean blocked (compared case-insensitively). */
  readonly blockedLabels: readonly string[];
  /** Scope creep: the container's total estimate grown by more than this share of its baseline, in percent. */
  readonly scopeCreepPercent: number;
  /** A timer running longer than this many hours. */
  readonly longTimerHours: number;
  /** "Unassigned near its due date": within this many working days. */
  readonly unassignedDueWorkingDays: number;
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  dueSoonWorkingDays: 3,
  lowProgressPercent: 50,
  staleDays: 14,
  blockedLabels: ['blocked', 'status: blocked', 'status::blocked'],
  scopeCreepPercent: 10,
  longTimerHours: 8,
  unassignedDueWorkingDays: 5,
};

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** The most severe first (then by rule name, so the order is stable). */
export function bySeverity<T extends Pick<Risk, 'severity' | 'rule'>>(risks: readonly T[]): T[] {
  return [...risks].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.rule.localeCompare(b.rule));
}

/** What the item rules read about one item. */
export interface ItemFacts {
  readonly key: string;
  /** `PAY-12`, `#34`: how the reason names it. */
  readonly label: string;
  readonly open: boolean;
  readonly dueDay: string | null;
  readonly estimateSeconds: number | null;
  readonly spentSeconds: number;
  /** The last change in the provider or the last time logged, epoch ms. */
  readonly lastActivity: number | null;
  readonly assignees: readonly string[];
  readonly labels: readonly string[];
  /** Labels (`PAY-7`) of open items this one is blocked by. */
  readonly blockedBy: readonly string[];
  /** Planned in a container that has a budget. */
  readonly inBudgetedContainer: boolean;
}

const DAY_MS = 86_400_000;

export function overdue(item: ItemFacts, today: string): Risk | null {
  if (!item.open || item.dueDay === null || item.dueDay >= today) return null;
  return { rule: 'overdue', severity: 'critical', subject: item.key, reason: `${item.label} was due on ${item.dueDay} and is still open.` };
}

export function dueSoonLittleProgress(item: ItemFacts, today: string, week: Pick<WorkWeek, 'daysPerWeek'>, t: RiskThresholds): Risk | null {
  if (!item.open || item.dueDay === null || item.dueDay < today || item.estimateSeconds === null || item.estimateSeconds <= 0) return null;
  const left = workingDaysBetween(today, item.dueDay, week);
  const progress = (item.spentSeconds / item.estimateSeconds) * 100;
  if (left > t.dueSoonWorkingDays || progress >= t.lowProgressPercent) return null;
  const when = left === 0 ? 'today' : `in ${left} working day${left === 1 ? '' : 's'}`;
  return { rule: 'due-soon', severity: 'warning', subject: item.key, reason: `${item.label} is due ${when} (${item.dueDay}) with ${Math.round(progress)} % of its ${formatDuration(item.estimateSeconds)} estimate spent.` };
}

export function stale(item: ItemFacts, now: number, t: RiskThresholds): Risk | null {
  if (!item.open || item.assignees.length === 0 || item.lastActivity === null) return null;
  const days = Math.floor((now - item.lastActivity) / DAY_MS);
  if (days < t.staleDays) return null;
  return { rule: 'stale', severity: 'warning', subject: item.key, reason: `${item.label} is assigned but has had no update and no time logged for ${days} days.` };
}

export function noEstimate(item: ItemFacts): Risk | null {
  if (!item.open || !item.inBudgetedContainer || item.estimateSeconds !== null) return null;
  return { rule: 'no-estimate', severity: 'info', subject: item.key, reason: `${item.label} has no estimate, but its milestone or sprint has a budget.` };
}

export function overEstimate(item: ItemFacts): Risk | null {
  if (item.estimateSeconds === null || item.estimateSeconds <= 0 || item.spentSeconds <= item.estimateSeconds) return null;
  const over = item.spentSeconds - item.estimateSeconds;
  return { rule: 'over-estimate', severity: 'warning', subject: item.key, reason: `${item.label}: ${formatDuration(item.spentSeconds)} spent, ${formatDuration(over)} over its ${formatDuration(item.estimateSeconds)} estimate.` };
}

export function blocked(item: ItemFacts, t: RiskThresholds): Risk | null {
  if (!item.open) return null;
  const wanted = new Set(t.blockedLabels.map((l) => l.toLowerCase()));
  const label = item.labels.find((l) => wanted.has(l.toLowerCase()));
  if (item.blockedBy.length > 0) {
    const names = item.blockedBy.slice(0, 3).join(', ') + (item.blockedBy.length > 3 ? ` and ${item.blockedBy.length - 3} more` : '');
    return { rule: 'blocked', severity: 'warning', subject: item.key, reason: `${item.label} is blocked by ${names}.` };
  }
  return label ? { rule: 'blocked', severity: 'warning', subject: item.key, reason: `${item.label} is labelled “${label}”.` } : null;
}

export function unassignedNearDue(item: ItemFacts, today: string, week: Pick<WorkWeek, 'daysPerWeek'>, t: RiskThresholds): Risk | null {
  if (!item.open || item.assignees.length > 0 || item.dueDay === null || item.dueDay < today) return null;
  const left = workingDaysBetween(today, item.dueDay, week);
  if (left > t.unassignedDueWorkingDays) return null;
  return { rule: 'unassigned-near-due', severity: 'warning', subject: item.key, reason: `${item.label} is due on ${item.dueDay} and nobody is assigned.` };
}

/** Every item rule that applies to one item. */
export function itemRisks(item: ItemFacts, today: string, now: number, week: Pick<WorkWeek, 'daysPerWeek'>, t: RiskThresholds = DEFAULT_RISK_THRESHOLDS): Risk[] {
  return bySeverity(
    [overdue(item, today), dueSoonLittleProgress(item, today, week, t), stale(item, now, t), noEstimate(item), overEstimate(item), blocked(item, t), unassignedNearDue(item, today, week, t)].filter(
      (r): r is Risk => r !== null,
    ),
  );
}

/** `42h of 40h (105 %)`, with money when there is. */
function spentWords(status: BudgetStatus, budgetSeconds: number | null, money: string | null): string {
  const hours = budgetSeconds === null ? formatDuration(status.spentSeconds) : `${formatDuration(status.spentSeconds)} of ${formatDuration(budgetSeconds)}`;
  const percent = status.percent === null ? '' : ` (${Math.round(status.percent)} %)`;
  return `${hours}${percent}${money ? `, ${money}` : ''}`;
}

export function overBudget(subject: string, name: string, status: BudgetStatus, budgetSeconds: number | null, money: string | null): Risk | null {
  if (status.level !== 'over') return null;
  return { rule: 'over-budget', severity: 'critical', subject, reason: `${name} is over budget: ${spentWords(status, budgetSeconds, money)}.` };
}

/** Forecasts are not precise to the second: reasons say minutes. */
const toMinute = (seconds: number) => Math.round(seconds / 60) * 60;

/**
 * The budget runs out before the due date at the current burn rate. `overrunMoney` is the overrun priced at the scope's
 * rates (formatted), when there are rates.
 */
export function forecastOverrun(subject: string, name: string, f: Forecast, status: BudgetStatus, overrunMoney: string | null): Risk | null {
  if (status.level === 'over' || f.overrunSeconds === null || f.overrunSeconds <= 0 || f.dueDay === null) return null;
  const runsOut = f.runsOutOn ? `the budget runs out on ${f.runsOutOn}, ` : '';
  const amount = `${formatDuration(toMinute(f.overrunSeconds))}${overrunMoney ? ` (${overrunMoney})` : ''}`;
  return { rule: 'forecast-overrun', severity: 'warning', subject, reason: `${name}: at ${formatDuration(toMinute(f.burnPerDay))} a working day, ${runsOut}${amount} over by its due date ${f.dueDay}.` };
}

export function timerLeftRunning(itemKey: string, label: string, start: number, now: number, t: RiskThresholds): Risk | null {
  const seconds = Math.floor((now - start) / 1000);
  if (seconds < t.longTimerHours * 3600) return null;
  return { rule: 'timer-running', severity: 'warning', subject: itemKey, reason: `The timer on ${label} has been running for ${formatDuration(seconds)}.` };
}

/** What a container was at its start, to tell scope added later from scope planned. */
export interface ScopeBaseline {
  readonly takenAt: number;
  readonly itemKeys: readonly string[];
  readonly estimateSeconds: number;
}

export function scopeCreep(
  subject: string,
  name: string,
  baseline: ScopeBaseline,
  now: { readonly items: readonly { key: string; label: string }[]; readonly estimateSeconds: number },
  t: RiskThresholds,
): Risk | null {
  const planned = new Set(baseline.itemKeys);
  const added = now.items.filter((i) => !planned.has(i.key));
  const growth = baseline.estimateSeconds > 0 ? ((now.estimateSeconds - baseline.estimateSeconds) / baseline.estimateSeconds) * 100 : 0;
  const parts: string[] = [];
  if (added.length > 0) {
    const names = added.slice(0, 3).map((i) => i.label).join(', ') + (added.length > 3 ? ` and ${added.length - 3} more` : '');
    parts.push(`${names} added after it started`);
  }
  if (growth > t.scopeCreepPercent) parts.push(`its estimate grew ${Math.round(growth)} % (${formatDuration(baseline.estimateSeconds)} → ${formatDuration(now.estimateSeconds)})`);
  if (parts.length === 0) return null;
  return { rule: 'scope-creep', severity: 'warning', subject, reason: `${name}: ${parts.join('; ')}.` };
}

/**
 * A person's remaining estimate in active containers exceeds their working hours until those containers' due dates
 * (`capacitySeconds`, computed from the work week).
 */
export function overCapacity(person: string, name: string, remainingSeconds: number, capacitySeconds: number, until: string): Risk | null {
  if (remainingSeconds <= capacitySeconds) return null;
  return {
    rule: 'over-capacity',
    severity: 'warning',
    subject: person,
    reason: `${name} has ${formatDuration(remainingSeconds)} of work left and ${formatDuration(capacitySeconds)} of working time until ${until}.`,
  };
}
