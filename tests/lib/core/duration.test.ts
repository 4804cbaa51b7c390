import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK, formatDuration, parseDuration, type WorkWeek } from '../../../lib/core/duration';

describe('parseDuration', () => {
  it.each([
    ['1h 30m', 5400],
    ['1h30m', 5400],
    ['1.5h', 5400],
    ['1,5h', 5400],
    ['90m', 5400],
    ['90', 5400],
    ['1:30', 5400],
    ['1:30:15', 5415],
    ['45s', 45],
    ['2 hours 5 minutes', 7500],
    ['1w 2d 3h', (5 * 8 + 2 * 8 + 3) * 3600],
    ['  1D  ', 8 * 3600],
    ['0m', 0],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it('uses the configured working day and week', () => {
    expect(parseDuration('1d', { hoursPerDay: 7.5, daysPerWeek: 5 })).toBe(27_000);
    expect(parseDuration('1w', { hoursPerDay: 6, daysPerWeek: 4 })).toBe(24 * 3600);
  });

  it.each(['', 'abc', '-1h', '1h -30m', '1x', '1h 2h', '1:75', 'h', '1..5h', '1h30', 'x'.repeat(200)])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('formats for people, clocks and Jira', () => {
    expect(formatDuration(5400)).toBe('1h 30m');
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(-5)).toBe('0m');
    expect(formatDuration(3725, 'clock')).toBe('1:02:05');
    expect(formatDuration(3720, 'clock')).toBe('1:02');
    expect(formatDuration(3720, 'stopwatch')).toBe('1:02:00');
    expect(formatDuration((5 * 8 + 2 * 8 + 3) * 3600 + 60, 'jira')).toBe('1w 2d 3h 1m');
  });
});

const workWeek = fc.record<WorkWeek>({
  hoursPerDay: fc.integer({ min: 2, max: 48 }).map((halfHours) => halfHours / 2),
  daysPerWeek: fc.integer({ min: 1, max: 7 }),
});

describe('properties', () => {
  it('parse(format(d)) = d for every style and working week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 * 3600 }), fc.constantFrom<'short' | 'clock' | 'stopwatch' | 'jira'>('short', 'clock', 'stopwatch', 'jira'), workWeek, (seconds, style, week) => {
        expect(parseDuration(formatDuration(seconds, style, week), week)).toBe(seconds);
      }),
      { numRuns: 2000 },
    );
  });

  it('never returns a negative or fractional duration, and never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseDuration(text, STANDARD_WORK_WEEK);
        expect(parsed === null || (Number.isInteger(parsed) && parsed >= 0)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
