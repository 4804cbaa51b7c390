import type { BudgetLevel } from './budget';
import type { Severity } from './risk';

/**
 * The words of a status report (headings, figure labels, the phrases around the numbers). lib/core has no browser
 * APIs, so the report is written with these: English by default, the reader's language from lib/services/report-words.
 */
export interface ReportWords {
  /** `Status report: {name}`. */
  title(name: string): string;
  /** `{project} · as of {when}`. */
  asOf(project: string, when: string): string;
  readonly level: Readonly<Record<BudgetLevel, string>>;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly label: {
    readonly budget: string;
    readonly spent: string;
    readonly notPriced: string;
    readonly remaining: string;
    readonly overBy: string;
    readonly burnRate: string;
    readonly runsOut: string;
    readonly due: string;
    readonly atCompletion: string;
    readonly forecast: string;
  };
  /** A budget with neither hours nor money. */
  readonly budgetNone: string;
  readonly budgetNotSet: string;
  /** `40h a month`. */
  perMonth(budget: string): string;
  /** `3h (people without a rate)`. */
  unpriced(hours: string): string;
  /** `4h a working day (last 14 working days)`. */
  burn(hours: string): string;
  /** `12 Mar 2026 at this pace`. */
  runsOutOn(day: string): string;
  readonly notRunningOut: string;
  /** `over by 6h` (the money, if any, follows in brackets). */
  forecastOver(hours: string): string;
  readonly forecastWithin: string;
  readonly hoursPerPerson: string;
  readonly person: string;
  readonly hours: string;
  readonly money: string;
  readonly noTime: string;
  readonly risks: string;
  readonly noRisks: string;
  readonly postedWith: string;
}

export const ENGLISH_REPORT_WORDS: ReportWords = {
  title: (name) => `Status report: ${name}`,
  asOf: (project, when) => `${project} · as of ${when}`,
  level: { ok: 'within budget', watch: 'past its first threshold', warn: 'nearly spent', over: 'over budget' },
  severity: { critical: 'Critical', warning: 'Warning', info: 'Note' },
  label: {
    budget: 'Budget',
    spent: 'Spent',
    notPriced: 'Not priced',
    remaining: 'Remaining',
    overBy: 'Over by',
    burnRate: 'Burn rate',
    runsOut: 'Runs out',
    due: 'Due',
    atCompletion: 'Estimate at completion',
    forecast: 'Forecast at due date',
  },
  budgetNone: 'none',
  budgetNotSet: 'none set',
  perMonth: (budget) => `${budget} a month`,
  unpriced: (hours) => `${hours} (people without a rate)`,
  burn: (hours) => `${hours} a working day (last 14 working days)`,
  runsOutOn: (day) => `${day} at this pace`,
  notRunningOut: 'not at this pace',
  forecastOver: (hours) => `over by ${hours}`,
  forecastWithin: 'within budget',
  hoursPerPerson: 'Hours per person',
  person: 'Person',
  hours: 'Hours',
  money: 'Money',
  noTime: 'No time logged yet.',
  risks: 'Risks',
  noRisks: 'No risks found.',
  postedWith: 'Posted with Stint.',
};
