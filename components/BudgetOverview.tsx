import { formatDuration } from '@/lib/core/duration';
import { formatMoney } from '@/lib/core/money';
import type { BudgetViewData, DashboardData } from '@/lib/messaging/protocol';
import { RISK_ICONS } from './TopRisks';
import { t } from '@/lib/i18n';

const levelWords = (level: BudgetViewData['status']['level']) =>
  ({ ok: t('popup.levelOk'), watch: t('popup.levelWatch'), warn: t('popup.levelWarn'), over: t('popup.levelOver') })[level];
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
  if (f.runsOutOn && f.dueDay && f.runsOutOn <= f.dueDay) return t('popup.runsOutBeforeDue', { runsOut: day(f.runsOutOn), due: day(f.dueDay) });
  if (f.runsOutOn) return t('popup.runsOutAtPace', { runsOut: day(f.runsOutOn) });
  if (f.dueDay) return t('popup.due', { due: day(f.dueDay) });
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
      <h2 id="budget-overview-title">{t('popup.budgets')}</h2>
      {views.length === 0 ? <p className="hint">{t('popup.noBudget')}</p> : null}
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
                {s.spentMoney ? ` · ${formatMoney(s.spentMoney)}` : ''} — {levelWords(s.level)}
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
        <ul className="budget-overview unbudgeted" aria-label={t('popup.unbudgetedLabel')}>
          {unbudgeted.slice(0, 8).map((p) => (
            <li key={p.key} data-testid="unbudgeted-project">
              <span className="budget-name">{p.name}</span>{' '}
              <span className="budget-figures">
                {t('popup.unbudgetedFigures', { week: formatDuration(p.weekSeconds), total: formatDuration(p.totalSeconds) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
