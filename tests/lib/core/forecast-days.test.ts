import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay, runOutDay, workingDaysBetween } from '../../../lib/core/forecast';
import { formatMoney } from '../../../lib/core/money';

const DAY = 86_400_000;
const text = (at: number) => new Date(at).toISOString().slice(0, 10);
/** The calendar's own answer: Monday-based weekday from a date object. */
const working = (day: string, daysPerWeek: number) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 < Math.max(1, Math.min(7, daysPerWeek));

describe('working days in arithmetic', () => {
  it('agree with the calendar for any day from 1900 to 2200 and any week length', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), fc.integer({ min: 0, max: 8 }), (n, daysPerWeek) => {
        const day = text(n * DAY);
        expect(isWorkingDay(day, { daysPerWeek })).toBe(working(day, daysPerWeek));
      }),
    );
  });

  it('count and run out as walking the calendar day by day does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 22_000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 40 * 3600 }), (n, span, daysPerWeek, perDay) => {
        const from = text(n * DAY);
        const to = text((n + span) * DAY);
        let count = 0;
        for (let d = n + 1; d <= n + span; d++) if (working(text(d * DAY), daysPerWeek)) count++;
        expect(workingDaysBetween(from, to, { daysPerWeek })).toBe(count);
        let left = span * 3600;
        let out: string | null = null;
        for (let d = n + 1; d <= n + 3660 && out === null; d++) if (working(text(d * DAY), daysPerWeek) && (left -= perDay) <= 0) out = text(d * DAY);
        expect(runOutDay(span * 3600, perDay, from, { daysPerWeek })).toBe(span === 0 ? from : out);
      }),
    );
  });

  it('money reads the same from a kept formatter', () => {
    expect(formatMoney({ amount: 306_000, currency: 'EUR' }, 'en')).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(3060));
    expect(formatMoney({ amount: 306_000, currency: 'USD' }, 'en')).toBe('$3,060.00');
    expect(formatMoney({ amount: 306_000, currency: 'EUR' }, 'en')).toBe('€3,060.00');
  });
});
