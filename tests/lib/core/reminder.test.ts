import { describe, expect, it } from 'vitest';
import { localMoment, reminderDue, type ReminderFacts } from '../../../lib/core/reminder';

const facts: ReminderFacts = { enabled: true, from: '09:00', to: '17:30', everyMinutes: 60, daysPerWeek: 5, timerRunning: false, away: false, lastRemindedAt: null };
const thursday = (hhmm: string) => localMoment(Date.parse(`2026-11-26T${hhmm}:00Z`), 'UTC');

describe('reminders', () => {
  it('nudges only in working hours, on working days, when nothing runs and someone is there', () => {
    expect(reminderDue(thursday('10:00'), facts)).toBe(true);
    expect(reminderDue(thursday('08:59'), facts)).toBe(false);
    expect(reminderDue(thursday('17:30'), facts)).toBe(false);
    expect(reminderDue(thursday('17:29'), facts)).toBe(true);
    expect(reminderDue(thursday('10:00'), { ...facts, enabled: false })).toBe(false);
    expect(reminderDue(thursday('10:00'), { ...facts, timerRunning: true })).toBe(false);
    expect(reminderDue(thursday('10:00'), { ...facts, away: true })).toBe(false);
    expect(reminderDue(thursday('10:00'), { ...facts, daysPerWeek: 3 })).toBe(false); // Thursday is day 4
    expect(reminderDue(localMoment(Date.parse('2026-11-28T10:00:00Z'), 'UTC'), facts)).toBe(false); // Saturday
  });

  it('at most once per interval', () => {
    const at = thursday('10:00');
    expect(reminderDue(at, { ...facts, lastRemindedAt: at.now - 59 * 60_000 })).toBe(false);
    expect(reminderDue(at, { ...facts, lastRemindedAt: at.now - 60 * 60_000 })).toBe(true);
  });

  it('reads the local time of day and weekday in the person’s zone', () => {
    expect(localMoment(Date.parse('2026-11-26T23:30:00Z'), 'Australia/Brisbane')).toMatchObject({ minutes: 9 * 60 + 30, weekday: 4 }); // Friday 09:30
    expect(localMoment(Date.parse('2026-11-26T00:15:00Z'), 'UTC')).toMatchObject({ minutes: 15, weekday: 3 });
  });
});
