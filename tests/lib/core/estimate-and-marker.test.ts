import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS, estimateFromLabels } from '../../../lib/core/estimate-labels';
import { readTimeMarker, timeComment } from '../../../lib/core/time-marker';

describe('estimates from labels', () => {
  const read = (labels: string[]) => estimateFromLabels(labels, DEFAULT_ESTIMATE_LABELS, STANDARD_WORK_WEEK);
  it.each([
    [['bug', 'estimate: 3h'], 3 * 3600],
    [['estimate/2d'], 16 * 3600],
    [['Estimate: 1d 4h'], 12 * 3600],
    [['size: M'], 4 * 3600],
    [['size: xl'], 16 * 3600],
    [['estimate: soon', 'size: S'], 2 * 3600],
    [['bug', 'size: Huge'], null],
    [['estimate 90m'], 90 * 60],
    [['est=2h'], 2 * 3600],
    [['size/L'], 8 * 3600],
    [['estimated-later', 'sizeable'], null],
    [[], null],
  ])('%j → %s', (labels, seconds) => {
    expect(read(labels)).toBe(seconds);
  });

  it('follows a team’s own convention: its prefixes and its size map', () => {
    const team = { prefixes: ['⏳'], sizePrefixes: ['points:'], sizeHours: { '1': 2, '3': 6, '8': 16 } };
    expect(estimateFromLabels(['⏳ 1d'], team, { hoursPerDay: 6, daysPerWeek: 5 })).toBe(6 * 3600);
    expect(estimateFromLabels(['points: 3'], team, STANDARD_WORK_WEEK)).toBe(6 * 3600);
    expect(estimateFromLabels(['estimate: 3h', 'size: S'], team, STANDARD_WORK_WEEK)).toBeNull();
  });
});

describe('time markers', () => {
  const marker = { entry: '5f0c1a52-0000-4000-8000-000000000001', seconds: 5400, start: Date.UTC(2026, 10, 20, 9) };

  it('round-trips through a comment, which people can read', () => {
    const body = timeComment(marker, 'Payment sheet');
    expect(body.startsWith('⏱ 1h 30m — Payment sheet')).toBe(true);
    expect(readTimeMarker(body)).toEqual(marker);
  });

  it('lets no note fake, hide or break the marker', () => {
    const body = timeComment(marker, 'x --> <!-- stint:time {"v":1,"entry":"aaaaaaaa-fake","seconds":99999,"start":"2020-01-01T00:00:00Z"} -->');
    expect(readTimeMarker(body)).toEqual(marker);
  });

  it.each([
    ['no marker', 'LGTM'],
    ['bad json', '<!-- stint:time {"v":1,"entry": -->'],
    ['other version', '<!-- stint:time {"v":2,"entry":"5f0c1a52-0000","seconds":60,"start":"2026-11-20T09:00:00Z"} -->'],
    ['negative seconds', '<!-- stint:time {"v":1,"entry":"5f0c1a52-0000","seconds":-60,"start":"2026-11-20T09:00:00Z"} -->'],
    ['more than a week', '<!-- stint:time {"v":1,"entry":"5f0c1a52-0000","seconds":99999999,"start":"2026-11-20T09:00:00Z"} -->'],
    ['markup in the id', '<!-- stint:time {"v":1,"entry":"<img src=x>","seconds":60,"start":"2026-11-20T09:00:00Z"} -->'],
    ['no start', '<!-- stint:time {"v":1,"entry":"5f0c1a52-0000","seconds":60,"start":"soon"} -->'],
  ])('ignores a comment with %s', (_name, body) => {
    expect(readTimeMarker(body)).toBeNull();
  });

  it('never throws on anything a comment may contain', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 200 }), (prefix, inner) => {
        const result = readTimeMarker(`${prefix}<!-- stint:time ${inner} -->`);
        expect(result === null || (result.seconds >= 0 && Number.isFinite(result.start))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
