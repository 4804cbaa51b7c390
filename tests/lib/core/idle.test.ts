import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrySeconds, isLive, isRunning, overlaps, type TimeEntry } from '../../../lib/core/entry';
import { isOverLimit, resolveAway, sleptBetween, type IdleDecision } from '../../../lib/core/idle';
import { startTimer } from '../../../lib/core/timer';

const T0 = Date.UTC(2026, 10, 26, 9);
const MIN = 60_000;

function runningFrom(start: number): TimeEntry[] {
  const result = startTimer([], { itemKey: 'github:github.com/a/b#1', at: start, id: 'e1', note: 'work' });
  if (!result.ok) throw new Error(result.error);
  return [...result.writes];
}

function apply(entries: TimeEntry[], writes: readonly TimeEntry[]): TimeEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const w of writes) byId.set(w.id, w);
  return [...byId.values()];
}

describe('away periods', () => {
  const away = { entryId: 'e1', since: T0 + 30 * MIN, until: T0 + 55 * MIN };

  it('keep: nothing changes', () => {
    expect(resolveAway(runningFrom(T0), away, 'keep', 'e2', T0 + 56 * MIN)).toMatchObject({ ok: true, writes: [] });
  });

  it('discard: the away time is cut out and the timer goes on for the same item', () => {
    const result = resolveAway(runningFrom(T0), away, 'discard', 'e2', T0 + 56 * MIN);
    if (!result.ok) throw new Error(result.error);
    const [stopped, resumed] = result.writes;
    expect(stopped).toMatchObject({ id: 'e1', end: T0 + 30 * MIN });
    expect(resumed).toMatchObject({ id: 'e2', start: T0 + 55 * MIN, end: null, itemKey: 'github:github.com/a/b#1', note: 'work' });
  });

  it('discard and stop: the entry ends where the person left', () => {
    const result = resolveAway(runningFrom(T0), away, 'discard-and-stop', 'e2', T0 + 56 * MIN);
    expect(result.ok && result.writes).toEqual([expect.objectContaining({ id: 'e1', end: T0 + 30 * MIN })]);
    expect(result.ok && result.running).toBeNull();
  });

  it('does nothing when the timer changed meanwhile (stopped or switched in another window)', () => {
    expect(resolveAway(runningFrom(T0), { ...away, entryId: 'other' }, 'discard', 'e2', T0 + 56 * MIN)).toMatchObject({ ok: true, writes: [] });
  });

  it('never produces overlaps or negative durations, whatever the times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -60, max: 600 }),
        fc.integer({ min: -60, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.constantFrom<IdleDecision>('keep', 'discard', 'discard-and-stop'),
        (sinceMin, lengthMin, decideAfterMin, decision) => {
          const entries = runningFrom(T0);
          const since = T0 + sinceMin * MIN;
          const until = since + lengthMin * MIN;
          const at = T0 + decideAfterMin * MIN;
          const result = resolveAway(entries, { entryId: 'e1', since, until }, decision, 'e2', at);
          expect(result.ok).toBe(true);
          const after = apply(entries, result.ok ? result.writes : []).filter(isLive);
          expect(after.filter(isRunning).length).toBeLessThanOrEqual(1);
          for (const e of after) expect(entrySeconds(e, at)).toBeGreaterThanOrEqual(0);
          for (const a of after) for (const b of after) if (a.id !== b.id) expect(overlaps(a, b)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('limits and sleep', () => {
  it('flags a timer past its limit', () => {
    const [entry] = runningFrom(T0);
    expect(isOverLimit(entry!, T0 + 8 * 60 * MIN - 1, 8 * 3600)).toBe(false);
    expect(isOverLimit(entry!, T0 + 8 * 60 * MIN, 8 * 3600)).toBe(true);
  });

  it('reads a long gap between heartbeats as sleep', () => {
    expect(sleptBetween(null, T0, 5 * MIN)).toBeNull();
    expect(sleptBetween(T0, T0 + 2 * MIN, 5 * MIN)).toBeNull();
    expect(sleptBetween(T0, T0 + 45 * MIN, 5 * MIN)).toEqual({ since: T0, until: T0 + 45 * MIN });
  });
});
