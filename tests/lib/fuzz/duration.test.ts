import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, STANDARD_WORK_WEEK, type WorkWeek } from '../../../lib/core/duration';

/**
 * Duration parsing under hostile input: what a person (or a pasted CSV cell) types into an estimate or entry field.
 * Whatever it is, the answer is null or a whole, non-negative, safe number of seconds that formats and reads back to
 * itself. The seed of any failure is printed by fast-check.
 */
const RUNS = 10_000;

const week = fc.record<WorkWeek>({
  hoursPerDay: fc.integer({ min: 2, max: 48 }).map((halfHours) => halfHours / 2),
  daysPerWeek: fc.integer({ min: 1, max: 7 }),
});
const unit = fc.constantFrom('w', 'wk', 'weeks', 'd', 'day', 'h', 'hr', 'hours', 'm', 'min', 'minutes', 's', 'sec', 'seconds', 'x', 'ms', 'H', 'Min', '');
const amount = fc.oneof(
  fc.nat({ max: 1000 }).map(String),
  fc.tuple(fc.nat({ max: 100 }), fc.nat({ max: 999 }), fc.constantFrom('.', ',')).map(([a, b, sep]) => `${a}${sep}${b}`),
  fc.stringMatching(/^[0-9]{1,99}$/), // huge numbers
  fc.constantFrom('-1', '+2', '1e9', 'NaN', 'Infinity', '0x10', '١٢', '½'),
);
const space = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0', '\u2003');
const typed = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.array(fc.tuple(amount, space, unit, space), { maxLength: 6 }).map((parts) => parts.map((p) => p.join('')).join('')),
  fc.tuple(amount, fc.constantFrom(':', '::'), amount, fc.option(fc.tuple(fc.constant(':'), amount).map((p) => p.join('')), { nil: '' })).map((p) => p.join('')),
);

describe('duration parsing, fuzzed', () => {
  it(`answers ${RUNS} hostile inputs with null or a whole, safe, non-negative duration that reads back to itself`, () => {
    fc.assert(
      fc.property(typed, week, (text, w) => {
        const seconds = parseDuration(text, w);
        if (seconds === null) return;
        expect(Number.isSafeInteger(seconds) && seconds >= 0, `${JSON.stringify(text)} → ${seconds}`).toBe(true);
        for (const style of ['short', 'clock', 'stopwatch', 'jira'] as const) expect(parseDuration(formatDuration(seconds, style, w), w)).toBe(seconds);
      }),
      { numRuns: RUNS },
    );
  });

  it(`formats ${RUNS} arbitrary numbers (negative, fractional, huge, NaN) without throwing, as something it reads back`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e9 })), fc.constantFrom('short', 'clock', 'stopwatch', 'jira' as const), (seconds, style) => {
        const text = formatDuration(seconds, style, STANDARD_WORK_WEEK);
        expect(typeof text).toBe('string');
        if (Number.isFinite(seconds) && seconds >= 0 && seconds <= 1e12) expect(parseDuration(text)).toBe(Math.max(0, Math.round(seconds))); // -0 reads back as 0
      }),
      { numRuns: RUNS },
    );
  });
});
