import type { IDBPDatabase } from 'idb';
import { STANDARD_WORK_WEEK } from '../../../../lib/core/duration';
import type { TimeEntry } from '../../../../lib/core/entry';
import { trailingWorkingDays } from '../../../../lib/core/forecast';
import type { WorkItem } from '../../../../lib/core/work-item';
import type { StintDb } from '../../../../lib/db/schema';

/**
 * The milestone-with-budget fixture the budget, timeline and status-report services share: issues of GitLab's
 * `billing-service` in “Invoicing v2” (due Friday next week), 3 h logged on each of twelve working days, a 40 h budget
 * at 85 €/h. Each test adds what its own story needs.
 */
export const H = 3600;
export const ZONE = 'UTC';
export const NOW = Date.parse('2026-11-26T15:00:00Z'); // Thursday
export const TODAY = '2026-11-26';
export const PATH = 'acme/platform/billing-service';
export const PROJECT = `gitlab:gitlab.com/${PATH}`;
export const MILESTONE = { kind: 'milestone' as const, id: '7', title: 'Invoicing v2', startsAt: Date.parse('2026-11-02T00:00:00Z'), dueAt: Date.parse('2026-12-04T00:00:00Z') };
export const MILESTONE_KEY = `${PROJECT}#milestone:7`;
export const context = { now: NOW, timeZone: ZONE, week: STANDARD_WORK_WEEK };

/** Issue `#iid` of the project: open, in the milestone, 8 h estimated, Ben's. */
export const milestoneItem = (iid: number, over: Partial<WorkItem> = {}): WorkItem => ({
  key: `${PROJECT}#${iid}`,
  provider: 'gitlab',
  kind: 'issue',
  url: `https://gitlab.com/${PATH}/-/issues/${iid}`,
  title: `Issue ${iid}`,
  updatedAt: NOW,
  project: PATH,
  state: 'open',
  labels: [],
  assignees: ['ben.okafor'],
  container: MILESTONE,
  estimateSeconds: 8 * H,
  remainingEstimateSeconds: null,
  remoteUpdatedAt: NOW,
  ...over,
});

let ids = 0;
/** A synced entry of `hours` from 09:00 UTC on `day`; ids `e-1`, `e-2`… in the order they are made. */
export const timeEntry = (itemKey: string, day: string, hours: number, author: string): TimeEntry => ({
  id: `e-${++ids}`,
  itemKey,
  start: Date.parse(`${day}T09:00:00Z`),
  end: Date.parse(`${day}T09:00:00Z`) + hours * H * 1000,
  note: '',
  billable: true,
  author,
  origin: 'gitlab',
  remote: {},
  sync: 'synced',
  updatedAt: NOW,
  deletedAt: null,
});

/** The last twelve working days up to today (today included). */
export const lastTwelveWorkingDays = (): string[] => trailingWorkingDays(TODAY, 12, STANDARD_WORK_WEEK);

/**
 * 3 h on each of `days`, on #1, #2, #3 in turn, alternately by `authors[0]` and `authors[1]` (36 h over twelve days);
 * the project's rate of 85 €/h; and the milestone's 40 h budget `b` with the usual thresholds.
 */
export async function putMilestoneBudget(db: IDBPDatabase<StintDb>, days: readonly string[], authors: readonly [string, string] = ['ben.okafor', 'dana.k']): Promise<void> {
  for (const [i, day] of days.entries()) await db.put('entries', timeEntry(`${PROJECT}#${(i % 3) + 1}`, day, 3, authors[i % 2]!));
  await db.put('rates', { id: 'r', person: null, projectKey: PROJECT, perHour: 8500, currency: 'EUR' });
  await db.put('budgets', { id: 'b', scope: { kind: 'container', key: MILESTONE_KEY }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] });
}
