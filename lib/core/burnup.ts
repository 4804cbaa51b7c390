import type { WorkWeek } from './duration';
import { forecast, isWorkingDay, type Forecast } from './forecast';

const DAY_MS = 86_400_000;
const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** At most this many days are drawn either side of today; time logged before them is the line's starting value. */
export const MAX_BURNUP_DAYS = 730;

export interface BurnUp {
  /** Every calendar day from the first drawn to the later of today and the due day. */
  readonly days: string[];
  /** Time spent up to and including each day; null after today. */
  readonly spent: (number | null)[];
  /** From today's spend at the current burn rate, one step per working day, to the due day; null elsewhere. */
  readonly projected: (number | null)[];
  readonly budgetSeconds: number | null;
  readonly spentSeconds: number;
  readonly forecast: Forecast;
}

/**
 * A burn-up: cumulative time spent per day (from day rollups), the budget as a flat line, and the forecast line from
 * today to the due date at the burn rate of `lib/core/forecast` (so its end is the budget plus the forecast's overrun).
 */
export function burnUp(input: {
  readonly secondsByDay: ReadonlyMap<string, number>;
  /** Where the chart starts at the latest (the container's start); earlier logged days pull it back. */
  readonly from: string | null;
  readonly today: string;
  readonly dueDay: string | null;
  readonly budgetSeconds: number | null;
  readonly week: Pick<WorkWeek, 'daysPerWeek'>;
}): BurnUp {
  const logged = [...input.secondsByDay.keys()].sort();
  let first = [input.from ?? input.today, logged[0] ?? input.today, input.today].sort()[0]!;
  const earliest = new Date(Date.parse(`${input.today}T00:00:00Z`) - MAX_BURNUP_DAYS * DAY_MS).toISOString().slice(0, 10);
  const latest = new Date(Date.parse(`${input.today}T00:00:00Z`) + MAX_BURNUP_DAYS * DAY_MS).toISOString().slice(0, 10);
  // A due date years away is drawn up to two years ahead.
  const last = input.dueDay !== null && input.dueDay > input.today ? (input.dueDay < latest ? input.dueDay : latest) : input.today;
  if (first < earliest) first = earliest;
  let total = 0;
  for (const [day, seconds] of input.secondsByDay) if (day < first) total += seconds;
  const days: string[] = [];
  const spent: (number | null)[] = [];
  for (let day = first; day <= last; day = next(day)) {
    days.push(day);
    if (day <= input.today) {
      total += input.secondsByDay.get(day) ?? 0;
      spent.push(total);
    } else spent.push(null);
  }
  // Time logged on days after today (a future-dated entry) still counts in the total, as budgets count it.
  for (const [day, seconds] of input.secondsByDay) if (day > input.today) total += seconds;
  const f = forecast({ secondsByDay: input.secondsByDay, today: input.today, week: input.week, spentSeconds: total, budgetSeconds: input.budgetSeconds, remainingEstimateSeconds: null, dueDay: input.dueDay });
  const projected: (number | null)[] = days.map(() => null);
  if (input.dueDay !== null && input.dueDay >= input.today) {
    let at = total;
    days.forEach((day, i) => {
      if (day < input.today || day > input.dueDay!) return;
      if (day > input.today && isWorkingDay(day, input.week)) at += f.burnPerDay;
      projected[i] = Math.round(at);
    });
  }
  return { days, spent, projected, budgetSeconds: input.budgetSeconds, spentSeconds: total, forecast: f };
}
