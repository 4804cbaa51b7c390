import { describe, expect, it } from 'vitest';
import { database } from '../../../lib/db/open';
import { DEFAULT_ESTIMATE_LABELS } from '../../../lib/core/estimate-labels';
import { reestimateFromLabels } from '../../../lib/services/estimates';

const week = { hoursPerDay: 8, daysPerWeek: 5 };

describe('re-reading label estimates after the convention changes', () => {
  it('updates GitHub items from their stored labels, leaves native estimates and own estimates alone', async () => {
    const db = await database();
    const base = { kind: 'issue' as const, title: null, updatedAt: 0 };
    await db.put('items', { ...base, key: 'github:github.com/a/b#1', provider: 'github', url: 'https://github.com/a/b/issues/1', labels: ['points: 3'], estimateSeconds: null });
    await db.put('items', { ...base, key: 'github:github.com/a/b#2', provider: 'github', url: 'https://github.com/a/b/issues/2', labels: ['estimate: 1d'], estimateSeconds: 8 * 3600, localEstimateSeconds: 3600 });
    await db.put('items', { ...base, key: 'gitlab:gitlab.com/a/b#3', provider: 'gitlab', url: 'https://gitlab.com/a/b/-/issues/3', labels: ['points: 3'], estimateSeconds: 7200 });

    const team = { ...DEFAULT_ESTIMATE_LABELS, sizePrefixes: ['points:'], sizeHours: { '3': 6 } };
    expect(await reestimateFromLabels(db, team, { hoursPerDay: 6, daysPerWeek: 5 })).toBe(2);
    expect((await db.get('items', 'github:github.com/a/b#1'))?.estimateSeconds).toBe(6 * 3600);
    const second = await db.get('items', 'github:github.com/a/b#2');
    expect(second?.estimateSeconds).toBe(6 * 3600); // 1d is now 6 h
    expect(second?.localEstimateSeconds).toBe(3600);
    expect((await db.get('items', 'gitlab:gitlab.com/a/b#3'))?.estimateSeconds).toBe(7200); // GitLab's own
    expect(await reestimateFromLabels(db, team, { hoursPerDay: 6, daysPerWeek: 5 })).toBe(0);
    expect(await reestimateFromLabels(db, DEFAULT_ESTIMATE_LABELS, week)).toBe(2);
  });
});
