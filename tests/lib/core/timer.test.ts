import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrySeconds, isLive, isRunning, overlaps, type TimeEntry } from '../../../lib/core/entry';
import { discardTimer, editEntry, runningEntry, startTimer, stopTimer, type TimerResult } from '../../../lib/core/timer';

const T0 = Date.UTC(2026, 10, 26, 9);
const MIN = 60_000;

function apply(entries: TimeEntry[], result: TimerResult): TimeEntry[] {
  if (!result.ok) return entries;
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const write of result.writes) byId.set(write.id, write);
  return [...byId.values()];
}

describe('timer', () => {
  it('start at t0, stop at t1 records exactly t1 − t0', () => {
    let entries = apply([], startTimer([], { itemKey: 'a', at: T0, id: 'e1' }));
    entries = apply(entries, stopTimer(entries, T0 + 90 * MIN));
    expect(entries).toHaveLength(1);
    expect(entrySeconds(entries[0]!, 0)).toBe(90 * 60);
  });

  it('starting another item switches: the running entry stops where the new one starts', () => {
    let entries = apply([], startTimer([], { itemKey: 'a', at: T0, id: 'e1' }));
    const result = startTimer(entries, { itemKey: 'b', at: T0 + 10 * MIN, id: 'e2' });
    entries = apply(entries, result);
    expect(result.ok && result.writes.map((w) => w.id)).toEqual(['e1', 'e2']);
    expect(entries.find((e) => e.id === 'e1')?.end).toBe(T0 + 10 * MIN);
    expect(runningEntry(entries)?.itemKey).toBe('b');
  });

  it('starting the item that already runs changes nothing', () => {
    const entries = apply([], startTimer([], { itemKey: 'a', at: T0, id: 'e1' }));
    expect(startTimer(entries, { itemKey: 'a', at: T0 + MIN, id: 'e2' })).toMatchObject({ ok: true, writes: [] });
  });

  it('discarding leaves a tombstone, so it can be undone', () => {
    const entries = apply([], startTimer([], { itemKey: 'a', at: T0, id: 'e1' }));
    const after = apply(entries, discardTimer(entries, T0 + MIN));
    expect(after[0]?.deletedAt).toBe(T0 + MIN);
    expect(runningEntry(after)).toBeNull();
  });

  it('refuses edits that would overlap, reverse, or lose the entry, with readable errors', () => {
    let entries = apply([], startTimer([], { itemKey: 'a', at: T0, id: 'e1' }));
    entries = apply(entries, startTimer(entries, { itemKey: 'b', at: T0 + 30 * MIN, id: 'e2' }));
    entries = apply(entries, stopTimer(entries, T0 + 60 * MIN));
    expect(editEntry(entries, 'e1', { end: T0 + 45 * MIN }, T0 + 2 * 60 * MIN)).toMatchObject({ ok: false, error: expect.stringMatching(/overlaps/) as unknown });
    expect(editEntry(entries, 'e2', { end: T0 }, T0 + 2 * 60 * MIN)).toMatchObject({ ok: false, error: 'The end is before the start.' });
    expect(editEntry(entries, 'nope', { note: 'x' }, T0)).toMatchObject({ ok: false });
    expect(editEntry(entries, 'e1', { note: 'Reviewed', end: T0 + 20 * MIN }, T0 + 2 * 60 * MIN)).toMatchObject({ ok: true });
  });
});

type Command =
  | { kind: 'start'; item: string; dt: number }
  | { kind: 'stop'; dt: number }
  | { kind: 'discard'; dt: number }
  | { kind: 'edit'; pick: number; startShift: number; endShift: number; dt: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  // dt may be negative: clocks jump backwards (NTP, sleep, time-zone bugs) and the invariants must still hold.
  fc.record({ kind: fc.constant('start' as const), item: fc.constantFrom('a', 'b', 'c'), dt: fc.integer({ min: -5 * MIN, max: 120 * MIN }) }),
  fc.record({ kind: fc.constant('stop' as const), dt: fc.integer({ min: -5 * MIN, max: 120 * MIN }) }),
  fc.record({ kind: fc.constant('discard' as const), dt: fc.integer({ min: 0, max: 10 * MIN }) }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), startShift: fc.integer({ min: -60 * MIN, max: 60 * MIN }), endShift: fc.integer({ min: -60 * MIN, max: 60 * MIN }), dt: fc.integer({ min: 0, max: 10 * MIN }) }),
);

describe('timer invariants under any sequence of commands', () => {
  it('start at t0 then stop at t1 records exactly t1 − t0, after any history', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 * 60 * MIN }), { maxLength: 6 }), fc.integer({ min: 0, max: 24 * 60 * MIN }), (history, length) => {
        // Some finished entries before t0 (back to back, each 0–10 h), then one timer from t0 to t0 + length.
        let entries: TimeEntry[] = [];
        let at = T0;
        history.forEach((span, i) => {
          entries = apply(entries, startTimer(entries, { itemKey: `item-${i}`, at, id: `h${i}` }));
          at += span;
          entries = apply(entries, stopTimer(entries, at));
        });
        const t0 = at + MIN;
        entries = apply(entries, startTimer(entries, { itemKey: 'x', at: t0, id: 'timed' }));
        entries = apply(entries, stopTimer(entries, t0 + length));
        const timed = entries.find((e) => e.id === 'timed')!;
        expect(timed.end! - timed.start).toBe(length);
        expect(entrySeconds(timed, 0)).toBe(Math.floor(length / 1000));
      }),
      { numRuns: 1000 },
    );
  });

  it('one running entry at most, no overlaps, no negative durations', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let entries: TimeEntry[] = [];
        let now = T0;
        commands.forEach((c, i) => {
          now += c.dt;
          let result: TimerResult;
          if (c.kind === 'start') result = startTimer(entries, { itemKey: c.item, at: now, id: `e${i}` });
          else if (c.kind === 'stop') result = stopTimer(entries, now);
          else if (c.kind === 'discard') result = discardTimer(entries, now);
          else {
            const target = entries.filter(isLive)[c.pick % Math.max(1, entries.length)];
            if (!target) return;
            result = editEntry(entries, target.id, { start: target.start + c.startShift, ...(target.end !== null ? { end: target.end + c.endShift } : {}) }, now);
          }
          entries = apply(entries, result);
          const live = entries.filter(isLive);
          expect(live.filter(isRunning).length).toBeLessThanOrEqual(1);
          for (const e of live) expect(e.end === null || e.end >= e.start).toBe(true);
          for (const a of live) for (const b of live) if (a.id !== b.id) expect(overlaps(a, b)).toBe(false);
        });
      }),
      { numRuns: 3000 },
    );
  });
});
