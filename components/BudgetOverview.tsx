import { formatDuration } from '@/lib/core/duration';
import { formatMoney } from '@/lib/core/money';
import type { BudgetViewData, DashboardData } from '@/lib/messaging/protocol';
import { RISK_ICONS } from './TopRisks';

const LEVEL_WORDS = { ok: 'within budget', watch: 'past its first threshold', warn: 'nearly spent', over: 'over budget' } as const;
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const day = (iso: string) => dayFormat.format(new Date(`${iso}T12:00:00`));

/** `36h / 40h`, or `€3,060.00 / €3,400.00` for a money-only budget. */
function spentOfBudget(view: BudgetViewData): string {
  const { status, budget } = view;
  if (budget.hours !== null) return `${formatDuration(status.spentSeconds)} / ${formatDuration(budget.hours * 3600)}`;
  if (budget.money && status.spentMoney) return `${formatMoney(status.spentMoney)} / ${formatMoney(budget.money)}`;
  return formatDuration(status.spentSeconds);
}

function forecastWords(view: BudgetViewData): string | null {
  const f = view.forecast;
  if (f.runsOutOn && f.dueDay && f.runsOutOn <= f.dueDay) return `runs out ${day(f.runsOutOn)}, due ${day(f.dueDay)}`;
  if (f.runsOutOn) return `runs out ${day(f.runsOutOn)} at this pace`;
  if (f.dueDay) return `due ${day(f.dueDay)}`;
  return null;
}

export interface BudgetOverviewProps {
  readonly views: readonly BudgetViewData[] | null;
  /** Projects with time and no budget, shown after the budgets so nothing spent is invisible. */
  readonly unbudgeted?: DashboardData['unbudgeted'];
}

/**
 * Every budget at a glance, most at risk first: a burn bar, spent against budget, the percent and money in words, the
 * forecast, and its worst risk with the reason. The bar is decoration: the text says the same.
 */
export function BudgetOverview({ views, unbudgeted = [] }: BudgetOverviewProps) {
  if (views === null) return null;
  return (
    <section className="card" aria-labelledby="budget-overview-title">
      <h2 id="budget-overview-title">Budgets</h2>
      {views.length === 0 ? <p className="hint">No budget yet: set one for a project or milestone / sprint in Settings.</p> : null}
      <ul className="budget-overview">
        {views.slice(0, 12).map((view) => {
          const s = view.status;
          const risk = view.risks[0];
          const when = forecastWords(view);
          return (
            <li key={view.budget.id} data-testid="budget-overview" data-level={s.level}>
              <span className="budget-name">{view.name}</span>{' '}
              <span className="budget-figures">
                {s.percent === null ? '' : `${Math.round(s.percent)} %`}
                {s.spentMoney ? ` · ${formatMoney(s.spentMoney)}` : ''} — {LEVEL_WORDS[s.level]}
              </span>
              <span className="burn" aria-hidden="true">
                <span style={{ width: `${Math.min(100, Math.max(0, s.percent ?? 0))}%` }} />
              </span>
              <span className="budget-spent" data-testid="budget-spent">
                {spentOfBudget(view)}
                {when ? ` · ${when}` : ''}
              </span>
              {risk ? (
                <span className="budget-risk" data-severity={risk.severity}>
                  <span aria-hidden="true">{RISK_ICONS[risk.severity]} </span>
                  {risk.reason}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {unbudgeted.length > 0 ? (
        <ul className="budget-overview unbudgeted" aria-label="Projects without a budget">
          {unbudgeted.slice(0, 8).map((p) => (
            <li key={p.key} data-testid="unbudgeted-project">
              <span className="budget-name">{p.name}</span>{' '}
              <span className="budget-figures">
                {formatDuration(p.weekSeconds)} this week · {formatDuration(p.totalSeconds)} in all — no budget
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
