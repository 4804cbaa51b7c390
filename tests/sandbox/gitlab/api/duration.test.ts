import { describe, expect, it } from 'vitest';
import { humanDuration, parseDuration } from './duration.ts';

describe('GitLab durations', () => {
  it.each([
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['90m', 5400],
    ['1.5h', 5400],
    ['3', 3 * 3600],
    ['1d', 8 * 3600],
    ['1w', 5 * 8 * 3600],
    ['1mo', 4 * 5 * 8 * 3600],
    ['1mo 2w 3d 4h 5m 6s', 160 * 3600 + 80 * 3600 + 24 * 3600 + 4 * 3600 + 5 * 60 + 6],
    ['2 hours 15 minutes', 2 * 3600 + 15 * 60],
    ['-1h', -3600],
    [' 45m ', 2700],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'abc', '1x', 'h1', '1h foo', '-'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it.each([
    [0, null],
    [60, '1m'],
    [5400, '1h 30m'],
    [8 * 3600, '1d'],
    [9 * 3600 + 1, '1d 1h 1s'],
    [5 * 8 * 3600, '1w'],
    [4 * 5 * 8 * 3600 + 8 * 3600, '1mo 1d'],
    [-5400, '-1h 30m'],
  ])('shows %i seconds as %j', (seconds, text) => {
    expect(humanDuration(seconds)).toBe(text);
  });

  it('reads back what it shows', () => {
    for (const seconds of [59, 3600, 37_800, 1_234_567]) expect(parseDuration(humanDuration(seconds) ?? '')).toBe(seconds);
  });
});
