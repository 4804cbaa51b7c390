import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey } from '../../../lib/core/rollup';
import { adjacentWeek, startOfDay, weekContaining, weekGrid, type GridEntry } from '../../../lib/core/week-grid';

const HOUR = 3_600_000;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];
const A = 'github:github.com/acme/app#1';
const B = 'jira:acme.atlassian.net/PAY-2';

describe('the week', () => {
  it('starts on the chosen weekday at local midnight, in any zone, with 7 days that tile it', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 6 }), (at, zone, startsOn) => {
        const week = weekContaining(at, zone, startsOn);
        expect(week).toHaveLength(7);
        expect(week[0]!.start).toBeLessThanOrEqual(at);
        expect(week[6]!.end).toBeGreaterThan(at);
        for (const [i, day] of week.entries()) {
          expect(dayKey(day.start, zone)).toBe(day.key);
          expect(dayKey(day.start - 1, zone)).not.toBe(day.key); // the first instant of its day
          if (i > 0) expect(day.start).toBe(week[i - 1]!.end);
        }
        expect(new Date(`${week[0]!.key}T12:00:00Z`).getUTCDay()).toBe(startsOn);
        const next = adjacentWeek(week, 1, zone, startsOn);
        expect(next[0]!.start).toBe(week[6]!.end);
        expect(adjacentWeek(next, -1, zone, startsOn)).toEqual(week);
      }),
      { numRuns: 200 },
    );
  });

  it('has a 23-hour day when Berlin springs forward (29 March 2026)', () => {
    const week = weekContaining(Date.UTC(2026, 2, 27, 12), 'Europe/Berlin');
    expect(week.map((d) => d.key)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(week.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(startOfDay('2026-03-23', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 22, 23));
  });
});

describe('the week grid', () => {
  const week = weekContaining(Date.UTC(2026, 10, 25, 12), 'Europe/Berlin'); // Mon 23 – Sun 29 Nov 2026, UTC+1
  const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, 23 + day, hour - 1, minute); // Berlin wall clock
  const e = (id: string, itemKey: string, start: number, end: number | null): GridEntry => ({ id, itemKey, start, end });

  it('sums rows, days and the week, and lists each cell’s entries', () => {
    const grid = weekGrid([e('1', A, at(0, 9), at(0, 10, 30)), e('2', B, at(0, 11), at(0, 11, 45)), e('3', A, at(2, 14), at(2, 15))], week, at(6, 23));
    expect(grid.rows.map((r) => r.itemKey)).toEqual([A, B]);
    expect(grid.rows[0]!.cells.map((c) => c.seconds)).toEqual([5400, 0, 3600, 0, 0, 0, 0]);
    expect(grid.rows[0]!.total).toBe(9000);
    expect(grid.rows[0]!.cells[0]!.entryIds).toEqual(['1']);
    expect(grid.dayTotals).toEqual([5400 + 2700, 0, 3600, 0, 0, 0, 0]);
    expect(grid.total).toBe(11_700);
  });

  it('splits an entry that crosses midnight between its two days, and counts a running one up to now', () => {
    const grid = weekGrid([e('late', A, at(1, 23), at(2, 1, 30)), e('run', B, at(4, 8), null)], week, at(4, 8, 20));
    expect(grid.rows[0]!.cells.map((c) => c.seconds)).toEqual([0, 3600, 5400, 0, 0, 0, 0]);
    expect(grid.rows[0]!.cells[1]!.entryIds).toEqual(['late']);
    expect(grid.rows[0]!.cells[2]!.entryIds).toEqual(['late']);
    expect(grid.rows[1]!.cells[4]!.seconds).toBe(1200);
  });

  it('keeps only the part of an entry inside the week', () => {
    const grid = weekGrid([e('x', A, at(-1, 22), at(0, 2)), e('y', A, at(6, 23), at(7, 3))], week, at(8, 0));
    expect(grid.rows[0]!.cells.map((c) => c.seconds)).toEqual([7200, 0, 0, 0, 0, 0, 3600]);
  });

  it('totals agree every way, and an entry inside the week counts exactly its whole seconds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ item: fc.constantFrom(A, B, 'gitlab:gitlab.com/g/p!3'), start: fc.integer({ min: week[0]!.start, max: week[6]!.end - 1 }), ms: fc.integer({ min: 0, max: 30 * HOUR }) }), { maxLength: 30 }),
        fc.constantFrom(...ZONES),
        (spec, zone) => {
          const days = weekContaining(week[3]!.start, zone);
          const entries = spec.map((s, i) => e(String(i), s.item, s.start, s.start + s.ms));
          const grid = weekGrid(entries, days, 0);
          const rowSum = grid.rows.reduce((n, r) => n + r.total, 0);
          expect(grid.dayTotals.reduce((n, d) => n + d, 0)).toBe(grid.total);
          expect(rowSum).toBe(grid.total);
          for (const [i, total] of grid.dayTotals.entries()) expect(total).toBe(grid.rows.reduce((n, r) => n + r.cells[i]!.seconds, 0));
          const inside = entries.filter((x) => x.start >= days[0]!.start && x.end! <= days[6]!.end);
          for (const x of inside) {
            const own = weekGrid([x], days, 0);
            expect(own.total).toBe(Math.floor((x.end! - x.start) / 1000));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
