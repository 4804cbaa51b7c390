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

/**
 * The sentences of the reasons. Core stays free of the browser: the background hands in the person's language
 * (lib/services/risk-words.ts); English is the default. Durations and days arrive formatted.
 */
export interface RiskWords {
  overdue(label: string, dueDay: string): string;
  dueSoon(label: string, workingDaysLeft: number, dueDay: string, percent: number, estimate: string): string;
  stale(label: string, days: number): string;
  noEstimate(label: string): string;
  overEstimate(label: string, spent: string, over: string, estimate: string): string;
  /** `PAY-1, PAY-2, PAY-3 and 2 more`. */
  andMore(names: string, more: number): string;
  blockedBy(label: string, names: string): string;
  labelled(label: string, tag: string): string;
  unassigned(label: string, dueDay: string): string;
  /** `42h of 40h`. */
  spentOf(spent: string, budget: string): string;
  overBudget(name: string, spent: string): string;
  forecastOverrun(name: string, burnPerDay: string, runsOutOn: string | null, amount: string, dueDay: string): string;
  timerRunning(label: string, duration: string): string;
  addedAfterStart(names: string): string;
  estimateGrew(percent: number, from: string, to: string): string;
  scopeCreep(name: string, parts: readonly string[]): string;
  overCapacity(name: string, remaining: string, capacity: string, until: string): string;
}

export const ENGLISH_RISK_WORDS: RiskWords = {
  overdue: (label, dueDay) => `${label} was due on ${dueDay} and is still open.`,
  dueSoon: (label, left, dueDay, percent, estimate) =>
    `${label} is due ${left === 0 ? 'today' : `in ${left} working day${left === 1 ? '' : 's'}`} (${dueDay}) with ${percent} % of its ${estimate} estimate spent.`,
  stale: (label, days) => `${label} is assigned but has had no update and no time logged for ${days} days.`,
  noEstimate: (label) => `${label} has no estimate, but its milestone or sprint has a budget.`,
  overEstimate: (label, spent, over, estimate) => `${label}: ${spent} spent, ${over} over its ${estimate} estimate.`,
  andMore: (names, more) => `${names} and ${more} more`,
  blockedBy: (label, names) => `${label} is blocked by ${names}.`,
  labelled: (label, tag) => `${label} is labelled “${tag}”.`,
  unassigned: (label, dueDay) => `${label} is due on ${dueDay} and nobody is assigned.`,
  spentOf: (spent, budget) => `${spent} of ${budget}`,
  overBudget: (name, spent) => `${name} is over budget: ${spent}.`,
  forecastOverrun: (name, burn, runsOutOn, amount, dueDay) =>
    `${name}: at ${burn} a working day, ${runsOutOn ? `the budget runs out on ${runsOutOn}, ` : ''}${amount} over by its due date ${dueDay}.`,
  timerRunning: (label, duration) => `The timer on ${label} has been running for ${duration}.`,
  addedAfterStart: (names) => `${names} added after it started`,
  estimateGrew: (percent, from, to) => `its estimate grew ${percent} % (${from} → ${to})`,
  scopeCreep: (name, parts) => `${name}: ${parts.join('; ')}.`,
  overCapacity: (name, remaining, capacity, until) => `${name} has ${remaining} of work left and ${capacity} of working time until ${until}.`,
};

const listed = (names: readonly string[], words: RiskWords) => (names.length > 3 ? words.andMore(names.slice(0, 3).join(', '), names.length - 3) : names.join(', '));

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

export function overdue(item: ItemFacts, today: string, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (!item.open || item.dueDay === null || item.dueDay >= today) return null;
  return { rule: 'overdue', severity: 'critical', subject: item.key, reason: words.overdue(item.label, item.dueDay) };
}

export function dueSoonLittleProgress(item: ItemFacts, today: string, week: Pick<WorkWeek, 'daysPerWeek'>, t: RiskThresholds, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (!item.open || item.dueDay === null || item.dueDay < today || item.estimateSeconds === null || item.estimateSeconds <= 0) return null;
  const left = workingDaysBetween(today, item.dueDay, week);
  const progress = (item.spentSeconds / item.estimateSeconds) * 100;
  if (left > t.dueSoonWorkingDays || progress >= t.lowProgressPercent) return null;
  const reason = words.dueSoon(item.label, left, item.dueDay, Math.round(progress), formatDuration(item.estimateSeconds));
  return { rule: 'due-soon', severity: 'warning', subject: item.key, reason };
}

export function stale(item: ItemFacts, now: number, t: RiskThresholds, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (!item.open || item.assignees.length === 0 || item.lastActivity === null) return null;
  const days = Math.floor((now - item.lastActivity) / DAY_MS);
  if (days < t.staleDays) return null;
  return { rule: 'stale', severity: 'warning', subject: item.key, reason: words.stale(item.label, days) };
}

export function noEstimate(item: ItemFacts, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (!item.open || !item.inBudgetedContainer || item.estimateSeconds !== null) return null;
  return { rule: 'no-estimate', severity: 'info', subject: item.key, reason: words.noEstimate(item.label) };
}

export function overEstimate(item: ItemFacts, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (item.estimateSeconds === null || item.estimateSeconds <= 0 || item.spentSeconds <= item.estimateSeconds) return null;
  const over = item.spentSeconds - item.estimateSeconds;
  return { rule: 'over-estimate', severity: 'warning', subject: item.key, reason: words.overEstimate(item.label, formatDuration(item.spentSeconds), formatDuration(over), formatDuration(item.estimateSeconds)) };
}

export function blocked(item: ItemFacts, t: RiskThresholds, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (!item.open) return null;
  const wanted = new Set(t.blockedLabels.map((l) => l.toLowerCase()));
  const label = item.labels.find((l) => wanted.has(l.toLowerCase()));
  if (item.blockedBy.length > 0) {
    return { rule: 'blocked', severity: 'warning', subject: item.key, reason: words.blockedBy(item.label, listed(item.blockedBy, words)) };
  }
  return label ? { rule: 'blocked', severity: 'warning', subject: item.key, reason: words.labelled(item.label, label) } : null;
}

export function unassignedNearDue(item: ItemFacts, today: string, week: Pick<WorkWeek, 'daysPerWeek'>, t: RiskThresholds, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (!item.open || item.assignees.length > 0 || item.dueDay === null || item.dueDay < today) return null;
  const left = workingDaysBetween(today, item.dueDay, week);
  if (left > t.unassignedDueWorkingDays) return null;
  return { rule: 'unassigned-near-due', severity: 'warning', subject: item.key, reason: words.unassigned(item.label, item.dueDay) };
}

/** Every item rule that applies to one item. */
export function itemRisks(
  item: ItemFacts,
  today: string,
  now: number,
  week: Pick<WorkWeek, 'daysPerWeek'>,
  t: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
  words: RiskWords = ENGLISH_RISK_WORDS,
): Risk[] {
  return bySeverity(
    [
      overdue(item, today, words),
      dueSoonLittleProgress(item, today, week, t, words),
      stale(item, now, t, words),
      noEstimate(item, words),
      overEstimate(item, words),
      blocked(item, t, words),
      unassignedNearDue(item, today, week, t, words),
    ].filter((r): r is Risk => r !== null),
  );
}

/** `42h of 40h (105 %)`, with money when there is. */
function spentWords(status: BudgetStatus, budgetSeconds: number | null, money: string | null, words: RiskWords): string {
  const hours = budgetSeconds === null ? formatDuration(status.spentSeconds) : words.spentOf(formatDuration(status.spentSeconds), formatDuration(budgetSeconds));
  const percent = status.percent === null ? '' : ` (${Math.round(status.percent)} %)`;
  return `${hours}${percent}${money ? `, ${money}` : ''}`;
}

export function overBudget(subject: string, name: string, status: BudgetStatus, budgetSeconds: number | null, money: string | null, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (status.level !== 'over') return null;
  return { rule: 'over-budget', severity: 'critical', subject, reason: words.overBudget(name, spentWords(status, budgetSeconds, money, words)) };
}

/** Forecasts are not precise to the second: reasons say minutes. */
const toMinute = (seconds: number) => Math.round(seconds / 60) * 60;

/**
 * The budget runs out before the due date at the current burn rate. `overrunMoney` is the overrun priced at the scope's
 * rates (formatted), when there are rates.
 */
export function forecastOverrun(subject: string, name: string, f: Forecast, status: BudgetStatus, overrunMoney: string | null, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (status.level === 'over' || f.overrunSeconds === null || f.overrunSeconds <= 0 || f.dueDay === null) return null;
  const amount = `${formatDuration(toMinute(f.overrunSeconds))}${overrunMoney ? ` (${overrunMoney})` : ''}`;
  const reason = words.forecastOverrun(name, formatDuration(toMinute(f.burnPerDay)), f.runsOutOn, amount, f.dueDay);
  return { rule: 'forecast-overrun', severity: 'warning', subject, reason };
}

export function timerLeftRunning(itemKey: string, label: string, start: number, now: number, t: RiskThresholds, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  const seconds = Math.floor((now - start) / 1000);
  if (seconds < t.longTimerHours * 3600) return null;
  return { rule: 'timer-running', severity: 'warning', subject: itemKey, reason: words.timerRunning(label, formatDuration(seconds)) };
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
  words: RiskWords = ENGLISH_RISK_WORDS,
): Risk | null {
  const planned = new Set(baseline.itemKeys);
  const added = now.items.filter((i) => !planned.has(i.key));
  const growth = baseline.estimateSeconds > 0 ? ((now.estimateSeconds - baseline.estimateSeconds) / baseline.estimateSeconds) * 100 : 0;
  const parts: string[] = [];
  if (added.length > 0) parts.push(words.addedAfterStart(listed(added.map((i) => i.label), words)));
  if (growth > t.scopeCreepPercent) parts.push(words.estimateGrew(Math.round(growth), formatDuration(baseline.estimateSeconds), formatDuration(now.estimateSeconds)));
  if (parts.length === 0) return null;
  return { rule: 'scope-creep', severity: 'warning', subject, reason: words.scopeCreep(name, parts) };
}

/**
 * A person's remaining estimate in active containers exceeds their working hours until those containers' due dates
 * (`capacitySeconds`, computed from the work week).
 */
export function overCapacity(person: string, name: string, remainingSeconds: number, capacitySeconds: number, until: string, words: RiskWords = ENGLISH_RISK_WORDS): Risk | null {
  if (remainingSeconds <= capacitySeconds) return null;
  return {
    rule: 'over-capacity',
    severity: 'warning',
    subject: person,
    reason: words.overCapacity(name, formatDuration(remainingSeconds), formatDuration(capacitySeconds), until),
  };
}
