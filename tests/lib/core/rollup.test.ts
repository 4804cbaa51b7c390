import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../lib/core/entry';
import { contributions, foldRollups, RollupFold } from '../../../lib/core/rollup';

const entry = (i: number, start: number, minutes: number, item: string, author: string): TimeEntry => ({
  id: `e${i}`,
  itemKey: item,
  start,
  end: start + minutes * 60_000,
  note: '',
  billable: true,
  author,
  origin: 'local',
  remote: {},
  sync: 'local',
  updatedAt: 0,
  deletedAt: null,
});

describe('rollup fold', () => {
  it('equals summing each entry’s contributions, in any zone (half- and quarter-hour offsets, daylight saving)', () => {
    // The last key names no project a provider knows: its project rows go under `unknown:`.
    const items = ['github:github.com/a/b#1', 'jira:acme.atlassian.net/PAY-2', 'gitlab:gitlab.com/g/p!3', 'github:github.com/a/b#2', 'elsewhere'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), minutes: fc.integer({ min: 0, max: 600 }), item: fc.nat(4), author: fc.constantFrom('me', 'ben') }), { maxLength: 40 }),
        fc.constantFrom('UTC', 'Europe/Madrid', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham'),
        (spec, zone) => {
          const entries = spec.map((s, i) => entry(i, s.start, s.minutes, items[s.item]!, s.author));
          const naive = new Map<string, { key: string; seconds: number; entries: number }>();
          for (const e of entries) {
            for (const { key, seconds } of contributions(e, zone)) {
              const row = naive.get(key) ?? { key, seconds: 0, entries: 0 };
              naive.set(key, { key, seconds: row.seconds + seconds, entries: row.entries + 1 });
            }
          }
          expect(foldRollups(entries, zone)).toEqual(naive);
          // Fed in batches (as a rebuild reads them), the same rows.
          const batched = new RollupFold(zone);
          for (let i = 0; i < entries.length; i += 7) batched.add(entries.slice(i, i + 7));
          expect(batched.rows()).toEqual(naive);
        },
      ),
      { numRuns: 300 },
    );
  });
});
