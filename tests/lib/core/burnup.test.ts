import { describe, expect, it } from 'vitest';
import { burnUp, MAX_BURNUP_DAYS } from '../../../lib/core/burnup';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { forecast } from '../../../lib/core/forecast';

const H = 3600;

describe('burn-up', () => {
  // Thursday 2026-11-26; 3 h on each of Mon–Wed this week.
  const byDay = new Map([
    ['2026-11-23', 3 * H],
    ['2026-11-24', 3 * H],
    ['2026-11-25', 3 * H],
  ]);

  it('sums spent per day up to today, then stops; budget is a flat line', () => {
    const b = burnUp({ secondsByDay: byDay, from: '2026-11-20', today: '2026-11-26', dueDay: '2026-12-02', budgetSeconds: 20 * H, week: STANDARD_WORK_WEEK });
    expect(b.days[0]).toBe('2026-11-20');
    expect(b.days.at(-1)).toBe('2026-12-02');
    expect(b.spent.slice(0, 7)).toEqual([0, 0, 0, 3 * H, 6 * H, 9 * H, 9 * H]);
    expect(b.spent.slice(7).every((s) => s === null)).toBe(true);
    expect(b.spentSeconds).toBe(9 * H);
    expect(b.budgetSeconds).toBe(20 * H);
  });

  it('projects from today at the forecast burn rate to the due date, ending where the forecast says', () => {
    const b = burnUp({ secondsByDay: byDay, from: null, today: '2026-11-26', dueDay: '2026-12-02', budgetSeconds: 9 * H, week: STANDARD_WORK_WEEK });
    const f = forecast({ secondsByDay: byDay, today: '2026-11-26', week: STANDARD_WORK_WEEK, spentSeconds: 9 * H, budgetSeconds: 9 * H, remainingEstimateSeconds: null, dueDay: '2026-12-02' });
    expect(b.forecast).toEqual(f);
    const today = b.days.indexOf('2026-11-26');
    expect(b.projected.slice(0, today).every((p) => p === null)).toBe(true);
    expect(b.projected[today]).toBe(9 * H);
    // The weekend adds nothing; Fri, Mon, Tue do.
    const sat = b.days.indexOf('2026-11-28');
    expect(b.projected[sat]).toBe(b.projected[sat - 1]);
    expect(b.projected.at(-1)).toBe(9 * H + f.overrunSeconds!);
    expect(f.overrunSeconds).toBeGreaterThan(0);
  });

  it('starts at the first logged day when it is earlier, and draws no forecast without a due date', () => {
    const b = burnUp({ secondsByDay: byDay, from: '2026-11-25', today: '2026-11-26', dueDay: null, budgetSeconds: null, week: STANDARD_WORK_WEEK });
    expect(b.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    expect(b.projected.every((p) => p === null)).toBe(true);
  });

  it('draws at most two years, counting older time in the starting value', () => {
    const old = new Map([...byDay, ['2020-01-06', 5 * H]]);
    const b = burnUp({ secondsByDay: old, from: null, today: '2026-11-26', dueDay: null, budgetSeconds: null, week: STANDARD_WORK_WEEK });
    expect(b.days.length).toBe(MAX_BURNUP_DAYS + 1);
    expect(b.spent[0]).toBe(5 * H);
    expect(b.spentSeconds).toBe(14 * H);
  });

  it('draws a due date years away up to two years ahead', () => {
    const b = burnUp({ secondsByDay: byDay, from: '2026-11-23', today: '2026-11-26', dueDay: '2031-01-01', budgetSeconds: null, week: STANDARD_WORK_WEEK });
    expect(b.days.length).toBe(3 + 1 + MAX_BURNUP_DAYS);
    expect(b.projected.at(-1)).toBeGreaterThan(9 * H);
  });

  it('counts a future-dated entry in the total as budgets do', () => {
    const b = burnUp({ secondsByDay: new Map([...byDay, ['2026-11-30', H]]), from: null, today: '2026-11-26', dueDay: null, budgetSeconds: null, week: STANDARD_WORK_WEEK });
    expect(b.spentSeconds).toBe(10 * H);
  });
});
