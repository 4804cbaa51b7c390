import { describe, expect, it } from 'vitest';
import { digest, stableJson } from '../../../../lib/core/portability/ids';
import { backupWins, keepStored, mergePlan, newerWins } from '../../../../lib/core/portability/merge';
import type { TimeEntry } from '../../../../lib/core/entry';

const entry = (id: string, updatedAt: number, note = ''): TimeEntry => ({ id, itemKey: 'k', start: 0, end: 1000, note, billable: false, author: 'me', origin: 'local', remote: {}, sync: 'local', updatedAt, deletedAt: null });

describe('merging by id', () => {
  it('adds new records, takes newer ones, and leaves identical or older ones', () => {
    const stored = new Map([
      ['same', entry('same', 5)],
      ['older-here', entry('older-here', 5, 'old')],
      ['newer-here', entry('newer-here', 9, 'mine')],
    ]);
    const plan = mergePlan(stored, [entry('same', 5), entry('older-here', 7, 'new'), entry('newer-here', 8, 'theirs'), entry('fresh', 1)], (e) => e.id, newerWins);
    expect(plan.counts).toEqual({ new: 1, changed: 1, unchanged: 2 });
    expect(plan.writes.map((e) => [e.id, e.note])).toEqual([['older-here', 'new'], ['fresh', '']]);
  });

  it('counts a key given twice once, the newer winning', () => {
    const plan = mergePlan(new Map<string, TimeEntry>(), [entry('a', 1, 'first'), entry('a', 3, 'second'), entry('a', 2, 'third')], (e) => e.id, newerWins);
    expect(plan.counts).toEqual({ new: 1, changed: 0, unchanged: 0 });
    expect(plan.writes[0]!.note).toBe('second');
  });

  it('restores records without a time from the backup; keeps entries made from CSV rows as they are', () => {
    expect(backupWins({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe('unchanged');
    expect(backupWins({ a: 1 }, { a: 2 })).toBe('changed');
    expect(backupWins(undefined, { a: 2 })).toBe('new');
    expect(keepStored(entry('x', 1, 'edited since'), entry('x', 99))).toBe('unchanged');
  });

  it('names content the same whatever its key order', () => {
    expect(stableJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
    expect(digest('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(digest('abc')).not.toBe(digest('abd'));
  });
});
