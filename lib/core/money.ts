/**
 * Money in minor units (cents) of one currency, and hourly rates. Amounts are integers so sums never drift; hours ×
 * rate is rounded once, per person and project, when money is asked for.
 */
export interface Money {
  /** Minor units: 8500 = 85.00. */
  readonly amount: number;
  /** ISO 4217, e.g. `EUR`. */
  readonly currency: string;
}

/** An hourly rate for a person, a project, or both; the most specific one in force applies. */
export interface Rate {
  readonly id: string;
  /** Provider identity of the person (`me` for the local user), or null for everyone. */
  readonly person: string | null;
  /** Project key, or null for every project. */
  readonly projectKey: string | null;
  /** Minor units per hour. */
  readonly perHour: number;
  readonly currency: string;
}

/** The rate in force for a person on a project: person + project, then project, then person, then the default. */
export function rateFor(rates: readonly Rate[], person: string, projectKey: string): Rate | null {
  const rank = (r: Rate) => (r.person === person ? 2 : r.person === null ? 0 : -10) + (r.projectKey === projectKey ? 1 : r.projectKey === null ? 0 : -10);
  let best: Rate | null = null;
  for (const rate of rates) if (rank(rate) >= 0 && (best === null || rank(rate) > rank(best))) best = rate;
  return best;
}

/** What `seconds` of work cost at a rate, in minor units. */
export function costOf(seconds: number, rate: Pick<Rate, 'perHour'>): number {
  return Math.round((seconds / 3600) * rate.perHour);
}

/**
 * A project's spend from its per-person seconds, in the currency of the rates that apply. People without a rate are
 * counted apart (`unpriced` seconds), never priced at zero; mixed currencies are refused by returning null money.
 */
export function projectCost(perPerson: ReadonlyMap<string, number>, rates: readonly Rate[], projectKey: string): { money: Money | null; unpricedSeconds: number } {
  let amount = 0;
  let currency: string | null = null;
  let unpricedSeconds = 0;
  for (const [person, seconds] of perPerson) {
    const rate = rateFor(rates, person, projectKey);
    if (!rate) {
      unpricedSeconds += seconds;
      continue;
    }
    if (currency !== null && rate.currency !== currency) return { money: null, unpricedSeconds };
    currency = rate.currency;
    amount += costOf(seconds, rate);
  }
  return { money: currency === null ? null : { amount, currency }, unpricedSeconds };
}

/** `€3,400.00` in the person's locale. */
export function formatMoney(money: Money, locale?: string): string {
  const key = `${locale ?? ''}|${money.currency}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency })));
  return format.format(money.amount / 100);
}

/** Formatters by locale and currency: building one costs more than the dashboard's other arithmetic for a budget. */
const moneyFormats = new Map<string, Intl.NumberFormat>();
