import { describe, expect, it } from 'vitest';
import { database } from '../../../lib/db/open';
import { rebuildRollups } from '../../../lib/db/rollups';
import { budgetCrossings, budgetOverview, budgetView, captureBaselines, itemMoney, riskOfItem, setContainerBudgetHours, teamLoad } from '../../../lib/services/budgets';
import { H, MILESTONE, NOW, PROJECT, ZONE, context, lastTwelveWorkingDays, milestoneItem as item, putMilestoneBudget, timeEntry as entry } from './support/milestone';

async function seed() {
  const db = await database();
  for (const iid of [1, 2, 3]) await db.put('items', item(iid));
  // 36 h over the last 12 working days, 3 h a day, by Ben and Dana: burning 3 h / working day over 14 days… minus the
  // first two, so the trailing average is 36 h / 14 days.
  await putMilestoneBudget(db, lastTwelveWorkingDays());
  await rebuildRollups(db, ZONE);
  return db;
}

describe('budget views (from rollups)', () => {
  it('a milestone with 40 h at 85 €/h and 36 h spent shows the 80 % level and a forecast overrun with its date and amount', async () => {
    const db = await seed();
    const [view] = await budgetOverview(db, context);
    expect(view).toMatchObject({ name: 'Invoicing v2', status: { level: 'warn', crossed: 80, percent: 90, spentMoney: { amount: 306_000, currency: 'EUR' } } });
    expect(view!.forecast).toMatchObject({ dueDay: '2026-12-04', burnPerDay: (36 * H) / 14 });
    expect(view!.risks.map((r) => r.rule)).toEqual(['forecast-overrun']);
    expect(view!.risks[0]!.reason).toMatch(/^Invoicing v2: at 2h 34m a working day, the budget runs out on 2026-11-30, 11h 26m \(€971\.43\) over by its due date 2026-12-04\.$/);
    expect(await itemMoney(db, `${PROJECT}#1`, await db.getAll('rates'))).toEqual({ amount: 102_000, currency: 'EUR' });
  });

  it('names items added after the milestone started (scope creep) against its baseline', async () => {
    const db = await seed();
    await db.put('baselines', { containerKey: `${PROJECT}#milestone:7`, takenAt: MILESTONE.startsAt, itemKeys: [`${PROJECT}#1`, `${PROJECT}#2`, `${PROJECT}#3`], estimateSeconds: 24 * H });
    const budget = (await db.get('budgets', 'b'))!;
    expect((await budgetView(db, budget, [], context)).risks.find((r) => r.rule === 'scope-creep')).toBeUndefined();
    await db.put('items', item(9, { title: 'Late request' }));
    expect((await budgetView(db, budget, [], context)).risks.find((r) => r.rule === 'scope-creep')?.reason).toBe('Invoicing v2: #9 added after it started; its estimate grew 33 % (24h → 32h).');
  });

  it('flags an item blocked by a label until the label is gone, and by an open blocker until it closes', async () => {
    const db = await seed();
    await db.put('items', item(2, { labels: ['Blocked'] }));
    expect((await riskOfItem(db, `${PROJECT}#2`, context)).map((r) => r.rule)).toContain('blocked');
    await db.put('items', item(2, { labels: [] })); // the next sync brought the labels without it
    expect((await riskOfItem(db, `${PROJECT}#2`, context)).map((r) => r.rule)).not.toContain('blocked');
    await db.put('items', item(2, { blockedBy: [`${PROJECT}#3`] }));
    expect((await riskOfItem(db, `${PROJECT}#2`, context)).find((r) => r.rule === 'blocked')?.reason).toBe('#2 is blocked by #3.');
    await db.put('items', item(3, { state: 'closed' }));
    expect((await riskOfItem(db, `${PROJECT}#2`, context)).map((r) => r.rule)).not.toContain('blocked');
  });

  it('announces each threshold crossing once, not on every look, and again after falling back and crossing anew', async () => {
    const db = await seed(); // 36 h of 40 h: past 50 and 80 %
    expect(await budgetCrossings(db, context)).toEqual([{ id: 'b', title: 'Invoicing v2: 80 % of its budget', message: expect.stringMatching(/^90 % spent \(€3,060\.00\)\. Invoicing v2: at 2h 34m a working day/) as string }]);
    expect(await budgetCrossings(db, context)).toEqual([]);
    const extra = entry(`${PROJECT}#1`, '2026-11-26', 5, 'ben.okafor');
    await db.put('entries', extra);
    await rebuildRollups(db, ZONE);
    expect((await budgetCrossings(db, context)).map((c) => c.title)).toEqual(['Invoicing v2: over budget']);
    await db.delete('entries', extra.id);
    await rebuildRollups(db, ZONE);
    expect(await budgetCrossings(db, context)).toEqual([]); // back to 80 %: nothing to announce…
    await db.put('entries', entry(`${PROJECT}#1`, '2026-11-26', 5, 'ben.okafor'));
    await rebuildRollups(db, ZONE);
    expect((await budgetCrossings(db, context)).map((c) => c.title)).toEqual(['Invoicing v2: over budget']); // …but crossing again is
  });

  it('takes a started container’s baseline once, after a sync', async () => {
    const db = await seed();
    expect(await captureBaselines(db, PROJECT, NOW)).toBe(1);
    expect(await db.get('baselines', `${PROJECT}#milestone:7`)).toMatchObject({ itemKeys: [`${PROJECT}#1`, `${PROJECT}#2`, `${PROJECT}#3`], estimateSeconds: 24 * H });
    expect(await captureBaselines(db, PROJECT, NOW)).toBe(0);
  });

  it('team load: remaining estimate assigned in active milestones against working time until they are due; over-allocation flagged', async () => {
    const db = await seed();
    await db.put('projects', { key: PROJECT, provider: 'gitlab', host: 'gitlab.com', project: 'acme/platform/billing-service', writeBack: false, addedAt: NOW });
    // Ben has #1–#3 (8 h each, 36 h spent across them by the team: 12 h each, so nothing left) and a 60 h issue.
    await db.put('items', item(4, { estimateSeconds: 60 * H, assignees: ['ben.okafor'] }));
    await db.put('items', item(5, { estimateSeconds: 10 * H, assignees: ['dana.k', 'ben.okafor'], state: 'closed' }));
    await db.put('items', item(6, { estimateSeconds: 10 * H, assignees: ['dana.k'], container: { ...MILESTONE, id: '8', startsAt: Date.parse('2027-01-01T00:00:00Z') } }));
    await rebuildRollups(db, ZONE);
    const [ben, ...others] = await teamLoad(db, context);
    // 6 working days from Friday to the due Friday: 48 h of capacity for 60 h left.
    expect(ben).toMatchObject({ person: 'ben.okafor', remainingSeconds: 60 * H, capacitySeconds: 48 * H, until: '2026-12-04', risk: { rule: 'over-capacity', reason: 'ben.okafor has 60h of work left and 48h of working time until 2026-12-04.' } });
    expect(ben!.weekSeconds).toBe(6 * H); // Monday to Thursday, 3 h on each of his two days (Dana has the others)
    expect(others).toEqual([]); // Dana's items are closed or not started yet
  });

  it('a monthly project budget counts this month only', async () => {
    const db = await seed();
    await db.put('budgets', { id: 'm', scope: { kind: 'project', key: PROJECT }, hours: 100, money: null, period: 'monthly', thresholds: [] });
    await db.put('entries', entry(`${PROJECT}#1`, '2026-10-20', 50, 'ben.okafor'));
    await rebuildRollups(db, ZONE);
    const view = (await budgetOverview(db, context)).find((v) => v.budget.id === 'm')!;
    const novemberDays = lastTwelveWorkingDays().filter((d) => d.startsWith('2026-11')).length;
    expect(view.status.spentSeconds).toBe(novemberDays * 3 * H);
    expect(view.name).toBe('acme/platform/billing-service');
  });

  it('quick-sets a milestone’s budget from one of its items: creates it, changes its hours, keeps its money, removes it when emptied', async () => {
    const db = await seed();
    await db.delete('budgets', 'b');
    const key = `${PROJECT}#milestone:7`;
    expect(await setContainerBudgetHours(db, `${PROJECT}#2`, 40 * H, NOW)).toBe(key);
    const [created] = await db.getAllFromIndex('budgets', 'byScope', key);
    expect(created).toEqual({ id: `container:${key}`, scope: { kind: 'container', key }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] });
    expect(await db.get('baselines', key)).toMatchObject({ itemKeys: [`${PROJECT}#1`, `${PROJECT}#2`, `${PROJECT}#3`] }); // started: baseline taken
    await db.put('budgets', { ...created!, money: { amount: 340_000, currency: 'EUR' } });
    await setContainerBudgetHours(db, `${PROJECT}#3`, 50 * H, NOW);
    expect(await db.getAllFromIndex('budgets', 'byScope', key)).toEqual([{ ...created, hours: 50, money: { amount: 340_000, currency: 'EUR' } }]);
    await setContainerBudgetHours(db, `${PROJECT}#3`, null, NOW); // money remains: the budget stays, without hours
    expect((await db.getAllFromIndex('budgets', 'byScope', key)).map((b) => b.hours)).toEqual([null]);
    await db.put('budgets', { ...created!, hours: 50, money: null });
    await setContainerBudgetHours(db, `${PROJECT}#3`, null, NOW);
    expect(await db.getAllFromIndex('budgets', 'byScope', key)).toEqual([]);
    await db.put('items', item(20, { container: null }));
    await expect(setContainerBudgetHours(db, `${PROJECT}#20`, 40 * H, NOW)).rejects.toThrow(/in no milestone or sprint/);
  });
});

