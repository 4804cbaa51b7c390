/** Whether to nudge a person who has no timer running: pure, the local time of day passed in. */

export interface ReminderMoment {
  /** Local minutes since midnight, and the local weekday (0 = Monday … 6 = Sunday). */
  readonly minutes: number;
  readonly weekday: number;
  readonly now: number;
}

export interface ReminderFacts {
  readonly enabled: boolean;
  readonly from: string;
  readonly to: string;
  readonly everyMinutes: number;
  readonly daysPerWeek: number;
  readonly timerRunning: boolean;
  /** The person is idle or the screen locked: nobody to remind. */
  readonly away: boolean;
  readonly lastRemindedAt: number | null;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function reminderDue(at: ReminderMoment, facts: ReminderFacts): boolean {
  if (!facts.enabled || facts.timerRunning || facts.away) return false;
  if (at.weekday >= facts.daysPerWeek) return false; // the working week runs from Monday
  const from = minutesOf(facts.from);
  const to = minutesOf(facts.to);
  if (from >= to || at.minutes < from || at.minutes >= to) return false;
  return facts.lastRemindedAt === null || at.now - facts.lastRemindedAt >= facts.everyMinutes * 60_000;
}

/** Local minutes and weekday of an instant in a time zone. */
export function localMoment(now: number, timeZone: string): ReminderMoment {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return { minutes: Number(get('hour')) * 60 + Number(get('minute')), weekday, now };
}
