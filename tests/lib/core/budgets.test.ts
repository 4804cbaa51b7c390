import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetStatus, newlyCrossed } from '../../../lib/core/budget';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { burnRate, forecast, isWorkingDay, runOutDay, trailingWorkingDays, workingDaysBetween } from '../../../lib/core/forecast';
import { costOf, formatMoney, projectCost, rateFor, type Rate } from '../../../lib/core/money';
import { forecastOverrun, overBudget } from '../../../lib/core/risk';

const H = 3600;
const rate = (id: string, person: string | null, projectKey: string | null, perHour: number, currency = 'EUR'): Rate => ({ id, person, projectKey, perHour, currency });

describe('money and rates', () => {
  it('takes the most specific rate: person on project, project, person, default', () => {
    const rates = [rate('default', null, null, 6000), rate('ben', 'ben', null, 7000), rate('pay', null, 'jira:x/PAY', 8500), rate('ben-pay', 'ben', 'jira:x/PAY', 9000)];
    expect(rateFor(rates, 'ben', 'jira:x/PAY')?.id).toBe('ben-pay');
    expect(rateFor(rates, 'ana', 'jira:x/PAY')?.id).toBe('pay');
    expect(rateFor(rates, 'ben', 'jira:x/OPS')?.id).toBe('ben');
    expect(rateFor(rates, 'ana', 'jira:x/OPS')?.id).toBe('default');
    expect(rateFor([rate('ben', 'ben', null, 1)], 'ana', 'p')).toBeNull();
  });

  it('prices a project per person; people without a rate are counted apart, never at zero; mixed currencies are refused', () => {
    const rates = [rate('pay', null, 'P', 8500)];
    expect(projectCost(new Map([['ana', 10 * H], ['ben', 2 * H]]), rates, 'P')).toEqual({ money: { amount: 102_000, currency: 'EUR' }, unpricedSeconds: 0 });
    expect(projectCost(new Map([['ana', 10 * H]]), [rate('ben', 'ben', null, 1)], 'P')).toEqual({ money: null, unpricedSeconds: 10 * H });
    expect(projectCost(new Map([['ana', H], ['ben', H]]), [rate('a', 'ana', null, 100), rate('b', 'ben', null, 100, 'USD')], 'P').money).toBeNull();
    expect(costOf(90 * 60, { perHour: 8500 })).toBe(12_750);
    expect(formatMoney({ amount: 340_000, currency: 'EUR' }, 'en-IE')).toBe('€3,400.00');
  });
});

describe('budget status', () => {
  it('colours by thresholds: 36 h of a 40 h budget is past 80 %, 40 h is over', () => {
    const budget = { hours: 40, money: null, thresholds: [50, 80, 100] };
    expect(budgetStatus(budget, 10 * H, null)).toMatchObject({ level: 'ok', crossed: null, percent: 25 });
    expect(budgetStatus(budget, 20 * H, null)).toMatchObject({ level: 'watch', crossed: 50 });
    expect(budgetStatus(budget, 36 * H, null)).toMatchObject({ level: 'warn', crossed: 80, percent: 90, remainingSeconds: 4 * H });
    expect(budgetStatus(budget, 40 * H, null)).toMatchObject({ level: 'over', crossed: 100 });
    expect(budgetStatus({ hours: null, money: { amount: 340_000, currency: 'EUR' }, thresholds: [] }, 0, { amount: 306_000, currency: 'EUR' })).toMatchObject({ level: 'warn', percent: 90 });
    expect(budgetStatus({ hours: null, money: null, thresholds: [] }, 99 * H, null)).toMatchObject({ level: 'ok', percent: null });
  });

  it('notifies once per crossing: only when the threshold reached goes up', () => {
    expect(newlyCrossed(null, 50)).toBe(true);
    expect(newlyCrossed(50, 50)).toBe(false);
    expect(newlyCrossed(50, 80)).toBe(true);
    expect(newlyCrossed(80, 50)).toBe(false);
    expect(newlyCrossed(80, null)).toBe(false);
  });

  it('is monotonic: more spent never means a lower level', () => {
    const order = { ok: 0, watch: 1, warn: 2, over: 3 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(2_000_000), fc.nat(2_000_000), (hours, a, b) => {
        const budget = { hours, money: null, thresholds: [50, 80, 100] };
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return order[budgetStatus(budget, lo, null).level] <= order[budgetStatus(budget, hi, null).level];
      }),
    );
  });
});

describe('forecast', () => {
  const week = STANDARD_WORK_WEEK;
  it('counts working days Monday to Friday by default', () => {
    expect(isWorkingDay('2026-11-26', week)).toBe(true); // Thursday
    expect(isWorkingDay('2026-11-28', week)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-28', { daysPerWeek: 6 })).toBe(true);
    expect(trailingWorkingDays('2026-11-26', 14, week)).toHaveLength(14);
    expect(trailingWorkingDays('2026-11-26', 14, week)[0]).toBe('2026-11-09');
    expect(workingDaysBetween('2026-11-26', '2026-12-04', week)).toBe(6);
  });

  it('burns the trailing 14 working days’ average, and runs out on the working day the budget is gone', () => {
    const days = new Map(trailingWorkingDays('2026-11-26', 14, week).map((d) => [d, 4 * H]));
    days.set('2026-11-22', 10 * H); // a Sunday: outside the working days, not in the window
    expect(burnRate(days, '2026-11-26', week)).toBe(4 * H);
    expect(runOutDay(10 * H, 4 * H, '2026-11-26', week)).toBe('2026-12-01'); // Fri 4 h, Mon 8 h, Tue 12 h ≥ 10 h
    expect(runOutDay(10 * H, 0, '2026-11-26', week)).toBeNull();
    expect(runOutDay(-1, 4 * H, '2026-11-26', week)).toBe('2026-11-26');
  });

  it('the acceptance milestone: 40 h at 85 €/h, 36 h spent, burning 3 h a day, due in 6 working days → forecast overrun with its date and amount', () => {
    const today = '2026-11-26';
    const days = new Map(trailingWorkingDays(today, 14, week).map((d) => [d, 3 * H]));
    const status = budgetStatus({ hours: 40, money: null, thresholds: [50, 80, 100] }, 36 * H, { amount: 306_000, currency: 'EUR' });
    const f = forecast({ secondsByDay: days, today, week, spentSeconds: 36 * H, budgetSeconds: 40 * H, remainingEstimateSeconds: 10 * H, dueDay: '2026-12-04' });
    expect(f).toEqual({ burnPerDay: 3 * H, runsOutOn: '2026-11-30', atCompletionSeconds: 46 * H, overrunSeconds: 14 * H, dueDay: '2026-12-04' });
    expect(status.level).toBe('warn');
    const money = formatMoney({ amount: costOf(f.overrunSeconds!, { perHour: 8500 }), currency: 'EUR' }, 'en-IE');
    expect(forecastOverrun('m', 'Milestone Invoicing v2', f, status, money)?.reason).toBe(
      'Milestone Invoicing v2: at 3h a working day, the budget runs out on 2026-11-30, 14h (€1,190.00) over by its due date 2026-12-04.',
    );
    expect(overBudget('m', 'Milestone Invoicing v2', status, 40 * H, null)).toBeNull();
    expect(overBudget('m', 'Milestone Invoicing v2', budgetStatus({ hours: 40, money: null, thresholds: [] }, 42 * H, null), 40 * H, '€3,570.00')?.reason).toBe(
      'Milestone Invoicing v2 is over budget: 42h of 40h (105 %), €3,570.00.',
    );
  });

  it('never forecasts an overrun within budget, and none without a due date', () => {
    fc.assert(
      fc.property(fc.nat(100 * H), fc.integer({ min: 1, max: 200 }), fc.nat(10 * H), (spent, budgetHours, perDay) => {
        const days = new Map(trailingWorkingDays('2026-11-26', 14, week).map((d) => [d, perDay]));
        const f = forecast({ secondsByDay: days, today: '2026-11-26', week, spentSeconds: spent, budgetSeconds: budgetHours * H, remainingEstimateSeconds: null, dueDay: null });
        const due = forecast({ secondsByDay: days, today: '2026-11-26', week, spentSeconds: spent, budgetSeconds: budgetHours * H, remainingEstimateSeconds: null, dueDay: '2026-11-27' });
        return f.overrunSeconds === null && due.overrunSeconds! >= 0 && (spent + perDay <= budgetHours * H ? due.overrunSeconds === 0 : due.overrunSeconds! > 0);
      }),
    );
  });
});
