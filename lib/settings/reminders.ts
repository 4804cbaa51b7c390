import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

const clock = () => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** A nudge when no timer runs during working hours: off unless the person asks for it. */
export const Reminders = z.object({
  enabled: z.boolean(),
  /** Local `HH:MM` working hours, on the working week's days (Monday first). */
  from: clock(),
  to: clock(),
  /** At most one nudge per this many minutes. */
  everyMinutes: z.int().check(z.gte(15), z.lte(480)),
});
export type Reminders = z.infer<typeof Reminders>;

export const DEFAULT_REMINDERS: Reminders = { enabled: false, from: '09:00', to: '17:30', everyMinutes: 60 };

export const remindersSetting = storage.defineItem<Reminders>('local:settings.reminders', { fallback: DEFAULT_REMINDERS, version: 1 });

export async function readReminders(): Promise<Reminders> {
  const parsed = Reminders.safeParse(await remindersSetting.getValue());
  return parsed.success ? parsed.data : DEFAULT_REMINDERS;
}
