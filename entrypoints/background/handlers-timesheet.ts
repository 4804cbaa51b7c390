import { database } from '@/lib/db/open';
import type { Handlers } from '@/lib/messaging/server';
import type { TimesheetPerson } from '@/lib/messaging/protocol-timesheet';
import { parseItemKey } from '@/lib/core/item-ref';
import { workWeekSetting } from '@/lib/settings/work-week';
import type { Clock } from '@/lib/services/timer';
import {
  addManualEntry,
  deleteTimesheetEntry,
  editTimesheetEntry,
  moveTimesheetEntry,
  restoreTimesheetEntry,
  splitTimesheetEntry,
  timesheetWeek,
  type PersonFilter,
} from '@/lib/services/timesheet';
import type { SyncControl } from './sync';

type TimesheetHandlers = Pick<Handlers, 'timesheet.week' | 'timesheet.add' | 'timesheet.edit' | 'timesheet.split' | 'timesheet.move' | 'timesheet.delete' | 'timesheet.restore'>;

export interface TimesheetDeps {
  readonly clock: Clock;
  readonly sync: Pick<SyncControl, 'visited'>;
  /** Every change is announced like a timer change: pages redraw, badges and the outbox follow. */
  readonly afterTimerChange: () => Promise<void>;
}

/** The timesheet page's handlers (spread into the background's one handler map). */
export function timesheetHandlers({ clock, sync, afterTimerChange }: TimesheetDeps): TimesheetHandlers {
  const context = async () => ({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, week: await workWeekSetting.getValue() });
  const changed = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    await afterTimerChange();
    return result;
  };
  /** An item first logged from the timesheet is kept in sync like a visited one (if Stint has its host's connection). */
  const follow = (itemKey: string) => {
    const ref = parseItemKey(itemKey);
    if (ref) void sync.visited(ref).catch(() => undefined);
  };
  const person = (p: TimesheetPerson): PersonFilter => (typeof p === 'string' ? p : { author: p.author });
  return {
    'timesheet.week': async ({ from, to, person: who }) => timesheetWeek(await database(), { from, to }, person(who), clock.now()),
    'timesheet.add': async ({ item, ...input }) => {
      const db = await database();
      const id = await changed(addManualEntry(db, clock, { item, ...input }, await context()));
      const added = await db.get('entries', id);
      if (added) follow(added.itemKey);
      return { id };
    },
    'timesheet.edit': async ({ id, ...patch }) => changed(editTimesheetEntry(await database(), clock, id, patch, await context()).then(() => ({}))),
    'timesheet.split': async ({ id, at }) => ({ id: await changed(splitTimesheetEntry(await database(), clock, id, at, await context())) }),
    'timesheet.move': async ({ id, item }) => ({ id: await changed(moveTimesheetEntry(await database(), clock, id, item)) }),
    'timesheet.delete': async ({ id }) => changed(deleteTimesheetEntry(await database(), clock, id).then(() => ({}))),
    'timesheet.restore': async ({ id }) => changed(restoreTimesheetEntry(await database(), clock, id, await context()).then(() => ({}))),
  };
}
