import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../lib/core/entry';
import { database } from '../../../lib/db/open';
import { itemBadges, keysOfHost, projectBadges, readEstimate } from '../../../lib/services/badges';

const H = 3_600_000;
function entry(id: string, itemKey: string, start: number, end: number | null, extra: Partial<TimeEntry> = {}): TimeEntry {
  return { id, itemKey, start, end, note: '', billable: true, author: 'me', origin: 'local', remote: {}, sync: 'local', updatedAt: start, deletedAt: null, ...extra };
}

describe('item badges', () => {
  it('sums everyone’s live time per item, counts a running timer up to now, and takes the estimate that counts', async () => {
    const db = await database();
    await Promise.all([
      db.put('entries', entry('a', 'k1', 0, 1 * H)),
      db.put('entries', entry('b', 'k1', 2 * H, 3 * H, { author: 'bokafor', origin: 'github' })),
      db.put('entries', entry('c', 'k1', 4 * H, null)),
      db.put('entries', entry('d', 'k1', 6 * H, 7 * H, { deletedAt: 8 * H })),
      db.put('entries', entry('e', 'k2', 0, H / 2)),
      db.put('items', { key: 'k1', provider: 'github', kind: 'issue', url: 'u', title: null, updatedAt: 0, estimateSeconds: 5 * 3600 }),
      db.put('items', { key: 'k2', provider: 'github', kind: 'issue', url: 'u', title: null, updatedAt: 0, estimateSeconds: 3600, localEstimateSeconds: 7200 }),
    ]);
    expect(await itemBadges(db, ['k1', 'k2', 'k3', 'k1'], 4.5 * H)).toEqual([
      { key: 'k1', trackedSeconds: 2.5 * 3600, ownSeconds: 1.5 * 3600, estimateSeconds: 5 * 3600 },
      { key: 'k2', trackedSeconds: 1800, ownSeconds: 1800, estimateSeconds: 7200 },
      { key: 'k3', trackedSeconds: 0, ownSeconds: 0, estimateSeconds: null },
    ]);
  });
});

describe('a project’s whole badge map', () => {
  it('holds every item of the project with time or an estimate, none of a look-alike project, and gives up past the cap', async () => {
    const db = await database();
    const p = 'gitlab:gitlab.com/acme/app';
    await Promise.all([
      db.put('entries', entry('a', `${p}#1`, 0, H)),
      db.put('entries', entry('b', `${p}!2`, 0, H / 2, { author: 'bokafor', origin: 'gitlab' })),
      db.put('entries', entry('c', `${p}#3`, 0, H, { deletedAt: H })),
      db.put('entries', entry('d', 'gitlab:gitlab.com/acme/app-v2#1', 0, H)),
      db.put('items', { key: `${p}#4`, provider: 'gitlab', kind: 'issue', url: 'u', title: null, updatedAt: 0, estimateSeconds: 7200 }),
      db.put('items', { key: `${p}#5`, provider: 'gitlab', kind: 'issue', url: 'u', title: null, updatedAt: 0, estimateSeconds: null }),
    ]);
    const map = await projectBadges(db, p, 2 * H);
    expect(map.complete).toBe(true);
    expect(map.badges.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `${p}!2`, trackedSeconds: 1800, ownSeconds: 0, estimateSeconds: null },
      { key: `${p}#1`, trackedSeconds: 3600, ownSeconds: 3600, estimateSeconds: null },
      { key: `${p}#4`, trackedSeconds: 0, ownSeconds: 0, estimateSeconds: 7200 },
    ]);
    expect(await projectBadges(db, p, 2 * H, 2)).toEqual({ key: p, complete: false, badges: [] });
  });
});

describe('an estimate as typed', () => {
  const week = { hoursPerDay: 6, daysPerWeek: 4 };
  it('reads durations with the user’s working week, blank clears, and anything else is a readable refusal', () => {
    expect(readEstimate('1d 2h', week)).toBe(8 * 3600);
    expect(readEstimate('90m', week)).toBe(5400);
    expect(readEstimate('  ', week)).toBeNull();
    expect(readEstimate(null, week)).toBeNull();
    expect(() => readEstimate('soon', week)).toThrow('“soon” is not an estimate Stint can read. Try 3h, 1d 4h, 90m or 1:30.');
    expect(() => readEstimate('0h', week)).toThrow(/not an estimate/);
    expect(() => readEstimate('20000h', week)).toThrow(/over 10,000 hours/);
  });
});

describe('which keys a page may ask about', () => {
  it('only its own provider and host', () => {
    expect(keysOfHost(['github:github.com/a/b#1', 'github:github.com/c/d#2'], 'github', 'github.com')).toBe(true);
    expect(keysOfHost(['github:github.com/a/b#1', 'jira:acme.atlassian.net/PAY-1'], 'github', 'github.com')).toBe(false);
    expect(keysOfHost(['github:github.com.evil.example/a/b#1'], 'github', 'github.com')).toBe(false);
  });
});
