import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../lib/services/portability-backup';

const valid = {
  format: 'stint-backup',
  version: 1,
  exportedAt: 1,
  entries: [{ id: 'e', itemKey: 'github:github.com/a/b#1', start: 0, end: 1000, note: '', billable: false, author: 'me', origin: 'local', remote: {}, sync: 'local', updatedAt: 1, deletedAt: null }],
  items: [{ key: 'github:github.com/a/b#1', provider: 'github', kind: 'issue', url: 'https://github.com/a/b/issues/1', title: null, updatedAt: 1, labels: ['x'] }],
  projects: [],
  containers: [],
  budgets: [{ id: 'b', scope: { kind: 'project', key: 'github:github.com/a/b' }, hours: 4, money: null, period: 'total', thresholds: [] }],
  rates: [],
  baselines: [],
  settings: { workWeek: { version: 1, value: { hoursPerDay: 8, daysPerWeek: 5 } } },
};

/** Set `value` at a path of a copy (the path's last step is clamped to what exists). */
function mutate(root: unknown, path: readonly number[], value: unknown): unknown {
  const copy: unknown = structuredClone(root);
  let at = copy;
  for (const [depth, step] of path.entries()) {
    if (!at || typeof at !== 'object') break;
    const keys = Object.keys(at);
    if (keys.length === 0) break;
    const key = keys[step % keys.length]!;
    if (depth === path.length - 1) (at as Record<string, unknown>)[key] = value;
    else at = (at as Record<string, unknown>)[key];
  }
  return copy;
}

describe('reading a backup file', () => {
  it('takes a valid backup, keeping items’ provider fields', () => {
    const read = readBackup(JSON.stringify(valid));
    expect(read).toMatchObject({ ok: true, backup: { items: [{ labels: ['x'] }] } });
    // A field a later Stint adds is carried through, not a reason to refuse the file.
    expect(readBackup(JSON.stringify({ ...valid, entries: [{ ...valid.entries[0], tags: ['later'] }] }))).toMatchObject({ ok: true, backup: { entries: [{ tags: ['later'] }] } });
  });

  it('names what is wrong and where', () => {
    expect(readBackup(JSON.stringify({ ...valid, entries: [{ ...valid.entries[0], end: -5 }] }))).toEqual({ ok: false, error: 'The backup is damaged: entries.0.end: too small or too short. Nothing was imported.' });
    expect(readBackup(JSON.stringify({ ...valid, entries: [{ ...valid.entries[0], start: 5000 }] }))).toEqual({ ok: false, error: 'The backup is damaged: entries.0: an entry ends before it starts. Nothing was imported.' });
    expect(readBackup('[1,2]')).toEqual({ ok: false, error: 'The file is JSON but not a Stint backup (it has no "format": "stint-backup").' });
    expect(readBackup('{"format":')).toEqual({ ok: false, error: 'The file is not JSON: it is not a Stint backup.' });
  });

  it('never throws on any file (10,000 cases): valid backups damaged anywhere, any JSON, any text', () => {
    const damaged = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })).map(([path, value]) => JSON.stringify(mutate(valid, path, value)));
    const file = fc.oneof(damaged, fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200 }), damaged.map((t) => t.slice(0, t.length - 3)));
    fc.assert(
      fc.property(file, (text) => {
        const read = readBackup(text);
        if (read.ok) expect(read.backup.format).toBe('stint-backup');
        else expect(read.error).toMatch(/backup/);
      }),
      { numRuns: 10_000 },
    );
  });
});
