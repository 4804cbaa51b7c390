import type { Money } from './money';

/** What a budget is for: a project, a milestone / sprint (by its container key), or one item. */
export interface BudgetScope {
  readonly kind: 'project' | 'container' | 'item';
  /** Project key, `<projectKey>#<kind>:<id>` for a container, or the item key. */
  readonly key: string;
}

export interface Budget {
  readonly id: string;
  readonly scope: BudgetScope;
  /** Hours allowed, or null when the budget is money only. */
  readonly hours: number | null;
  /** Money allowed, or null when the budget is hours only. */
  readonly money: Money | null;
  /** `monthly`: the limit applies to each calendar month's spend. */
  readonly period: 'total' | 'monthly';
  /** Percent thresholds that change the badge's colour and notify once when crossed; default 50 / 80 / 100. */
  readonly thresholds: number[];
}

export const DEFAULT_THRESHOLDS: readonly number[] = [50, 80, 100];

export type BudgetLevel = 'ok' | 'watch' | 'warn' | 'over';

export interface BudgetStatus {
  /** Spent as a share of the budget, in percent (hours if set, else money); null without a limit. */
  readonly percent: number | null;
  readonly level: BudgetLevel;
  /** The highest threshold reached (for "notify once per crossing"), or null. */
  readonly crossed: number | null;
  readonly spentSeconds: number;
  readonly spentMoney: Money | null;
  readonly remainingSeconds: number | null;
}

/**
 * Where spending stands against a budget. Levels follow the thresholds in order: below the first `ok`, past the first
 * `watch`, past the second `warn`, at or past 100 % (or the last) `over`.
 */
export function budgetStatus(budget: Pick<Budget, 'hours' | 'money' | 'thresholds'>, spentSeconds: number, spentMoney: Money | null): BudgetStatus {
  const limitSeconds = budget.hours === null ? null : budget.hours * 3600;
  let percent: number | null = null;
  if (limitSeconds !== null && limitSeconds > 0) percent = (spentSeconds / limitSeconds) * 100;
  else if (budget.money && budget.money.amount > 0 && spentMoney && spentMoney.currency === budget.money.currency) percent = (spentMoney.amount / budget.money.amount) * 100;
  const thresholds = [...(budget.thresholds.length > 0 ? budget.thresholds : DEFAULT_THRESHOLDS)].sort((a, b) => a - b);
  const crossed = percent === null ? null : (thresholds.filter((t) => percent >= t).at(-1) ?? null);
  const rank = crossed === null ? 0 : thresholds.indexOf(crossed) + 1;
  const over = percent !== null && percent >= Math.min(100, thresholds.at(-1) ?? 100);
  const level: BudgetLevel = over ? 'over' : rank >= 2 ? 'warn' : rank === 1 ? 'watch' : 'ok';
  return { percent, level, crossed, spentSeconds, spentMoney, remainingSeconds: limitSeconds === null ? null : limitSeconds - spentSeconds };
}

/** Whether moving from one status to another crosses a threshold upwards (the moment to notify, once). */
export function newlyCrossed(previous: number | null, current: number | null): boolean {
  return current !== null && (previous === null || current > previous);
}
