import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { blocked, bySeverity, DEFAULT_RISK_THRESHOLDS as T, dueSoonLittleProgress, itemRisks, noEstimate, overCapacity, overdue, overEstimate, scopeCreep, stale, timerLeftRunning, unassignedNearDue, type ItemFacts } from '../../../lib/core/risk';

const H = 3600;
const NOW = Date.parse('2026-11-26T10:00:00Z');
const TODAY = '2026-11-26'; // a Thursday
const week = STANDARD_WORK_WEEK;
const item = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  key: 'jira:acme.atlassian.net/PAY-12',
  label: 'PAY-12',
  open: true,
  dueDay: null,
  estimateSeconds: null,
  spentSeconds: 0,
  lastActivity: NOW,
  assignees: ['ben'],
  labels: [],
  blockedBy: [],
  inBudgetedContainer: false,
  ...over,
});

describe('risk rules', () => {
  it('overdue: open past its due day; closed or due today is not', () => {
    expect(overdue(item({ dueDay: '2026-11-25' }), TODAY)).toEqual({ rule: 'overdue', severity: 'critical', subject: item().key, reason: 'PAY-12 was due on 2026-11-25 and is still open.' });
    expect(overdue(item({ dueDay: TODAY }), TODAY)).toBeNull();
    expect(overdue(item({ dueDay: '2026-11-25', open: false }), TODAY)).toBeNull();
  });

  it('due within 3 working days with little progress', () => {
    expect(dueSoonLittleProgress(item({ dueDay: '2026-12-01', estimateSeconds: 8 * H, spentSeconds: 2 * H }), TODAY, week, T)?.reason).toBe('PAY-12 is due in 3 working days (2026-12-01) with 25 % of its 8h estimate spent.');
    expect(dueSoonLittleProgress(item({ dueDay: '2026-12-02', estimateSeconds: 8 * H, spentSeconds: 2 * H }), TODAY, week, T)).toBeNull(); // 4 working days
    expect(dueSoonLittleProgress(item({ dueDay: '2026-12-01', estimateSeconds: 8 * H, spentSeconds: 5 * H }), TODAY, week, T)).toBeNull(); // 62 %
    expect(dueSoonLittleProgress(item({ dueDay: TODAY, estimateSeconds: 8 * H }), TODAY, week, T)?.reason).toMatch(/due today/);
  });

  it('stale: open and assigned, nothing for 14 days', () => {
    expect(stale(item({ lastActivity: NOW - 15 * 86_400_000 }), NOW, T)?.reason).toBe('PAY-12 is assigned but has had no update and no time logged for 15 days.');
    expect(stale(item({ lastActivity: NOW - 13 * 86_400_000 }), NOW, T)).toBeNull();
    expect(stale(item({ lastActivity: NOW - 30 * 86_400_000, assignees: [] }), NOW, T)).toBeNull();
  });

  it('no estimate inside a budgeted container; spent over estimate', () => {
    expect(noEstimate(item({ inBudgetedContainer: true }))?.severity).toBe('info');
    expect(noEstimate(item({ inBudgetedContainer: true, estimateSeconds: H }))).toBeNull();
    expect(overEstimate(item({ estimateSeconds: 4 * H, spentSeconds: 5.5 * H }))?.reason).toBe('PAY-12: 5h 30m spent, 1h 30m over its 4h estimate.');
    expect(overEstimate(item({ estimateSeconds: 4 * H, spentSeconds: 4 * H }))).toBeNull();
  });

  it('blocked by links (named) or by a configured label; the flag clears with the label', () => {
    expect(blocked(item({ blockedBy: ['PAY-7', 'PAY-8', 'PAY-9', 'PAY-10'] }), T)?.reason).toBe('PAY-12 is blocked by PAY-7, PAY-8, PAY-9 and 1 more.');
    expect(blocked(item({ labels: ['backend', 'Blocked'] }), T)?.reason).toBe('PAY-12 is labelled “Blocked”.');
    expect(blocked(item({ labels: ['backend'] }), T)).toBeNull();
    expect(blocked(item({ labels: ['waiting'] }), { ...T, blockedLabels: ['waiting'] })).not.toBeNull();
  });

  it('unassigned near its due date', () => {
    expect(unassignedNearDue(item({ assignees: [], dueDay: '2026-12-02' }), TODAY, week, T)?.reason).toBe('PAY-12 is due on 2026-12-02 and nobody is assigned.');
    expect(unassignedNearDue(item({ assignees: [], dueDay: '2026-12-10' }), TODAY, week, T)).toBeNull();
  });

  it('a timer left running past the limit', () => {
    expect(timerLeftRunning('k', 'PAY-12', NOW - 9 * H * 1000, NOW, T)?.reason).toBe('The timer on PAY-12 has been running for 9h.');
    expect(timerLeftRunning('k', 'PAY-12', NOW - 7 * H * 1000, NOW, T)).toBeNull();
  });

  it('scope creep: items added after the start, named; or the estimate grown over 10 %', () => {
    const baseline = { takenAt: NOW - 5 * 86_400_000, itemKeys: ['a', 'b'], estimateSeconds: 20 * H };
    const creep = scopeCreep('s', 'Sprint 4', baseline, { items: [{ key: 'a', label: 'PAY-1' }, { key: 'b', label: 'PAY-2' }, { key: 'c', label: 'PAY-31' }], estimateSeconds: 21 * H }, T);
    expect(creep?.reason).toBe('Sprint 4: PAY-31 added after it started.');
    expect(scopeCreep('s', 'Sprint 4', baseline, { items: [{ key: 'a', label: 'PAY-1' }], estimateSeconds: 23 * H }, T)?.reason).toBe('Sprint 4: its estimate grew 15 % (20h → 23h).');
    expect(scopeCreep('s', 'Sprint 4', baseline, { items: [{ key: 'a', label: 'PAY-1' }, { key: 'b', label: 'PAY-2' }], estimateSeconds: 22 * H }, T)).toBeNull();
  });

  it('a person over capacity', () => {
    expect(overCapacity('ben', 'Ben Okafor', 46 * H, 32 * H, '2026-12-04')?.reason).toBe('Ben Okafor has 46h of work left and 32h of working time until 2026-12-04.');
    expect(overCapacity('ben', 'Ben Okafor', 30 * H, 32 * H, '2026-12-04')).toBeNull();
  });

  it('collects an item’s risks, most severe first; a closed item has none but spent over estimate', () => {
    const risks = itemRisks(item({ dueDay: '2026-11-20', estimateSeconds: H, spentSeconds: 2 * H, labels: ['blocked'] }), TODAY, NOW, week);
    expect(risks.map((r) => r.rule)).toEqual(['overdue', 'blocked', 'over-estimate']);
    expect(itemRisks(item({ open: false, dueDay: '2026-11-20', estimateSeconds: H, spentSeconds: 2 * H, labels: ['blocked'] }), TODAY, NOW, week).map((r) => r.rule)).toEqual(['over-estimate']);
    expect(bySeverity([])).toEqual([]);
  });
});
