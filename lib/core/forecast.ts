import type { WorkWeek } from './duration';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC day start, and back. Calendar days here are the person's local days, keyed as rollups do. */
const dayText = (at: number) => new Date(at).toISOString().slice(0, 10);
const dayStart = (text: string) => Date.parse(`${text}T00:00:00Z`);

/** Whether a local calendar day is a working day: the first `daysPerWeek` days from Monday. */
export function isWorkingDay(day: string, week: Pick<WorkWeek, 'daysPerWeek'>): boolean {
  return isWorkingAt(dayStart(day), week);
}

/**
 * The same for a day's UTC start, in arithmetic only (day 0, 1970-01-01, was a Thursday): the loops below walk up to ten
 * years of days, and a date object and a string per day made the forecast most of the dashboard's computing.
 */
function isWorkingAt(at: number, week: Pick<WorkWeek, 'daysPerWeek'>): boolean {
  const weekday = (((Math.floor(at / DAY_MS) + 3) % 7) + 7) % 7; // Monday 0 … Sunday 6
  return weekday < Math.max(1, Math.min(7, week.daysPerWeek));
}

/** The `count` working days up to and including `today` (most recent last). */
export function trailingWorkingDays(today: string, count: number, week: Pick<WorkWeek, 'daysPerWeek'>): string[] {
  const days: string[] = [];
  for (let at = dayStart(today); days.length < count && at > dayStart(today) - 370 * DAY_MS; at -= DAY_MS) {
    if (isWorkingAt(at, week)) days.unshift(dayText(at));
  }
  return days;
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, week: Pick<WorkWeek, 'daysPerWeek'>): number {
  let n = 0;
  for (let at = dayStart(from) + DAY_MS; at <= dayStart(to); at += DAY_MS) if (isWorkingAt(at, week)) n++;
  return n;
}

/** The working days a burn rate is taken over. */
export const BURN_WINDOW = 14;

/** Seconds logged per working day over the trailing 14 working days (days without time count as zero). */
export function burnRate(secondsByDay: ReadonlyMap<string, number>, today: string, week: Pick<WorkWeek, 'daysPerWeek'>, window = BURN_WINDOW): number {
  const days = trailingWorkingDays(today, window, week);
  const total = days.reduce((sum, day) => sum + (secondsByDay.get(day) ?? 0), 0);
  return days.length === 0 ? 0 : total / days.length;
}

/** The working day on which `remainingSeconds` run out at `perDay`, counting from the day after `today`; null if never. */
export function runOutDay(remainingSeconds: number, perDay: number, today: string, week: Pick<WorkWeek, 'daysPerWeek'>): string | null {
  if (remainingSeconds <= 0) return today;
  if (perDay <= 0) return null;
  let left = remainingSeconds;
  for (let at = dayStart(today) + DAY_MS, guard = 0; guard < 3660; at += DAY_MS, guard++) {
    if (!isWorkingAt(at, week)) continue;
    left -= perDay;
    if (left <= 0) return dayText(at);
  }
  return null;
}

export interface Forecast {
  /** Seconds per working day, trailing 14 working days. */
  readonly burnPerDay: number;
  /** When the budget runs out at that rate (null: no budget, or no burn). */
  readonly runsOutOn: string | null;
  /** Spent + the remaining estimate (the estimate at completion), or null without an estimate. */
  readonly atCompletionSeconds: number | null;
  /** With a due date: seconds spent by then at this rate, beyond the budget (0 when within), or null. */
  readonly overrunSeconds: number | null;
  /** The due day the overrun is projected for. */
  readonly dueDay: string | null;
}

/**
 * A budget's forecast: the burn rate, when the budget runs out, the estimate at completion, and — with a due date — the
 * projected overrun at that date (spent + burn × working days left − budget).
 */
export function forecast(input: {
  readonly secondsByDay: ReadonlyMap<string, number>;
  readonly today: string;
  readonly week: Pick<WorkWeek, 'daysPerWeek'>;
  readonly spentSeconds: number;
  readonly budgetSeconds: number | null;
  readonly remainingEstimateSeconds: number | null;
  readonly dueDay: string | null;
}): Forecast {
  const burnPerDay = burnRate(input.secondsByDay, input.today, input.week);
  const runsOutOn = input.budgetSeconds === null ? null : runOutDay(input.budgetSeconds - input.spentSeconds, burnPerDay, input.today, input.week);
  const atCompletionSeconds = input.remainingEstimateSeconds === null ? null : input.spentSeconds + input.remainingEstimateSeconds;
  let overrunSeconds: number | null = null;
  if (input.budgetSeconds !== null && input.dueDay !== null) {
    const left = input.dueDay > input.today ? workingDaysBetween(input.today, input.dueDay, input.week) : 0;
    overrunSeconds = Math.max(0, Math.round(input.spentSeconds + burnPerDay * left - input.budgetSeconds));
  }
  return { burnPerDay, runsOutOn, atCompletionSeconds, overrunSeconds, dueDay: input.dueDay };
}
