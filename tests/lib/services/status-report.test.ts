import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { readReportMarker, type ReportPost } from '../../../lib/core/status-report';
import { reportOpKey, reportPostKey } from '../../../lib/core/sync';
import { database } from '../../../lib/db/open';
import { rebuildRollups } from '../../../lib/db/rollups';
import { budgetOverview } from '../../../lib/services/budgets';
import { buildStatusReport, queueReportPost, reportPostStatus, reportTargetOf } from '../../../lib/services/status-report';
import { failOp } from '../../../lib/services/sync/outbox';
import { H, MILESTONE_KEY, NOW, PATH, PROJECT, ZONE, context, lastTwelveWorkingDays, milestoneItem as item, putMilestoneBudget, timeEntry as entry } from './support/milestone';

const format = { locale: 'en-US', timeZone: ZONE, week: STANDARD_WORK_WEEK };

async function seed() {
  const db = await database();
  await db.put('projects', { key: PROJECT, provider: 'gitlab', host: 'gitlab.com', project: PATH, writeBack: false, addedAt: NOW });
  await db.put('connections', { id: 'c1', provider: 'gitlab', host: 'gitlab.com', apiBase: 'https://gitlab.com/api/v4', login: 'aruiz', selfHosted: false, addedAt: NOW });
  await db.put('items', item(1));
  await db.put('items', item(2, { title: '[x](https://evil.example) <b>', dueAt: Date.parse('2026-11-27T00:00:00Z'), estimateSeconds: 40 * H }));
  await db.put('items', item(3, { state: 'closed' }));
  await db.put('items', item(4, { container: null }));
  await putMilestoneBudget(db, lastTwelveWorkingDays(), ['me', 'dana.k']);
  await db.put('entries', entry(`${PROJECT}#4`, '2026-11-25', 5, 'ben.okafor'));
  await db.put('rates', { id: 'r-dana', person: 'dana.k', projectKey: PROJECT, perHour: 10_000, currency: 'EUR' });
  await rebuildRollups(db, ZONE);
  return db;
}

describe('status report (from rollups, budgets and items)', () => {
  it('a milestone’s report has the budget overview’s figures, hours and money per person, the forecast and the items at risk', async () => {
    const db = await seed();
    const report = await buildStatusReport(db, MILESTONE_KEY, context);
    const [view] = await budgetOverview(db, context);
    expect(report).toMatchObject({
      scope: { kind: 'container', key: MILESTONE_KEY, name: 'Invoicing v2', project: PATH },
      budget: { hours: 40, money: null, period: 'total' },
      spentSeconds: view!.status.spentSeconds,
      spentMoney: view!.status.spentMoney,
      percent: view!.status.percent,
      level: view!.status.level,
    });
    expect(report.spentSeconds).toBe(36 * H);
    // 18 h each: Ana (“me”) at the project's 85 €/h, Dana at her own 100 €/h.
    expect(report.people).toEqual([
      { person: 'aruiz (you)', seconds: 18 * H, money: { amount: 153_000, currency: 'EUR' } },
      { person: 'dana.k', seconds: 18 * H, money: { amount: 180_000, currency: 'EUR' } },
    ]);
    expect(report.forecast).toMatchObject({ burnPerDaySeconds: (36 * H) / 14, dueDay: '2026-12-04', overrunSeconds: view!.forecast.overrunSeconds });
    expect(report.forecast.overrunMoney).toBe(view!.overrunMoney);
    expect(report.risks.map((r) => r.reason)).toEqual(view!.risks.map((r) => r.reason));
    // Only open items of the milestone; #2 is due tomorrow with little done.
    expect(report.itemsAtRisk.map((i) => i.label)).toContain('#2');
    expect(report.itemsAtRisk.map((i) => i.label)).not.toContain('#3');
    expect(report.itemsAtRisk.map((i) => i.label)).not.toContain('#4');
  });

  it('a project without a budget still reports its whole spend and people', async () => {
    const db = await seed();
    const report = await buildStatusReport(db, PROJECT, context);
    expect(report).toMatchObject({ scope: { kind: 'project', name: PATH }, budget: null, percent: null, spentSeconds: 41 * H });
    expect(report.people.map((p) => [p.person, p.seconds])).toEqual([
      ['aruiz (you)', 18 * H],
      ['dana.k', 18 * H],
      ['ben.okafor', 5 * H],
    ]);
  });

  it('refuses a scope Stint does not know, in words a person can act on', async () => {
    const db = await seed();
    await expect(buildStatusReport(db, 'github:github.com/acme/unknown', context)).rejects.toThrow(/does not keep that project in sync/);
    await expect(buildStatusReport(db, `${PROJECT}#milestone:99`, context)).rejects.toThrow(/no milestone or sprint/);
  });
});

describe('posting a report', () => {
  it('queues one report op with its bodies in a meta record, and reports queued, failed with the reason, and posted', async () => {
    const db = await seed();
    const report = await buildStatusReport(db, MILESTONE_KEY, context);
    const op = await queueReportPost(db, { id: 'rep-1', scopeKey: MILESTONE_KEY, itemKey: `${PROJECT}#1`, report, format, now: NOW });
    expect(op).toMatchObject({ entryId: reportOpKey('rep-1'), kind: 'report', provider: 'gitlab', itemKey: `${PROJECT}#1`, state: 'pending', attempts: 0 });
    const post = (await db.get('meta', reportPostKey('rep-1'))) as ReportPost;
    expect(readReportMarker(post.bodies.markdown)).toBe('rep-1');
    expect(post.bodies.markdown).toContain('Invoicing v2');
    expect(await reportPostStatus(db, 'rep-1')).toEqual({ state: 'queued', reason: null, itemKey: `${PROJECT}#1` });
    await expect(queueReportPost(db, { id: 'rep-1', scopeKey: MILESTONE_KEY, itemKey: `${PROJECT}#1`, report, format, now: NOW })).rejects.toThrow(/already queued/);

    await failOp(db, op, 'The token lacks the “api” scope.', { needsPerson: true, notBefore: null }, NOW, 0.5);
    expect(await reportPostStatus(db, 'rep-1')).toEqual({ state: 'failed', reason: 'The token lacks the “api” scope.', itemKey: `${PROJECT}#1` });

    await db.delete('outbox', reportOpKey('rep-1'));
    await db.put('meta', { ...post, postedAt: NOW, commentId: '5' }, reportPostKey('rep-1'));
    expect(await reportPostStatus(db, 'rep-1')).toEqual({ state: 'posted', reason: null, itemKey: `${PROJECT}#1` });
    expect(await reportPostStatus(db, 'nope')).toBeNull();
  });

  it('refuses a target that is not an item', async () => {
    const db = await seed();
    const report = await buildStatusReport(db, MILESTONE_KEY, context);
    await expect(queueReportPost(db, { id: 'rep-2', scopeKey: MILESTONE_KEY, itemKey: 'nonsense', report, format, now: NOW })).rejects.toThrow(/not an issue/);
  });
});

describe('where a report may be posted', () => {
  it('an issue or MR of a connected provider, from its address', async () => {
    const db = await seed();
    expect(await reportTargetOf(db, ` https://gitlab.com/${PATH}/-/issues/12 `)).toEqual({ itemKey: `${PROJECT}#12`, label: '#12' });
    expect(await reportTargetOf(db, `https://gitlab.com/${PATH}/-/merge_requests/5#note_1`)).toEqual({ itemKey: `${PROJECT}!5`, label: '!5' });
  });

  it('refuses milestones, other pages, unconnected providers and non-addresses, saying what to paste', async () => {
    const db = await seed();
    await expect(reportTargetOf(db, `https://gitlab.com/${PATH}/-/milestones/7`)).rejects.toThrow(/Milestones and sprints take no comments/);
    await expect(reportTargetOf(db, 'https://acme.atlassian.net/browse/PAY-1')).rejects.toThrow(/no connection for acme.atlassian.net: connect it in Settings/);
    await expect(reportTargetOf(db, 'PAY-1')).rejects.toThrow(/full address/);
    await expect(reportTargetOf(db, 'https://example.com/issues/1')).rejects.toThrow(/not an issue, merge request or Jira issue/);
  });
});
