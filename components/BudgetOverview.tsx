import { formatMoney } from '@/lib/core/money';
import type { BudgetViewData } from '@/lib/messaging/protocol';

const LEVEL_WORDS = { ok: 'within budget', watch: 'past its first threshold', warn: 'nearly spent', over: 'over budget' } as const;
const ICONS = { critical: '⛔', warning: '⚠', info: 'ℹ' } as const;

/**
 * Every budget at a glance, most at risk first: a burn bar, the percent and money in words, and its worst risk with
 * the reason. The bar is decoration: the text says the same.
 */
export function BudgetOverview({ views }: { readonly views: readonly BudgetViewData[] | null }) {
  if (views === null) return null;
  return (
    <section className="card" aria-labelledby="budget-overview-title">
      <h2 id="budget-overview-title">Budgets</h2>
      {views.length === 0 ? <p className="hint">No budget yet: set one for a project or milestone / sprint in Settings.</p> : null}
      <ul className="budget-overview">
        {views.slice(0, 8).map((view) => {
          const s = view.status;
          const risk = view.risks[0];
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
              {risk ? (
                <span className="budget-risk" data-severity={risk.severity}>
                  <span aria-hidden="true">{ICONS[risk.severity]} </span>
                  {risk.reason}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
