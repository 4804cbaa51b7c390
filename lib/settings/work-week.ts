import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** Working time used by Jira-style durations (`1d` = hours per day) and, later, by forecasts. */
export const WorkWeek = z.object({
  hoursPerDay: z.number().min(1).max(24),
  daysPerWeek: z.number().int().min(1).max(7),
});
export type WorkWeek = z.infer<typeof WorkWeek>;

export const DEFAULT_WORK_WEEK: WorkWeek = { hoursPerDay: 8, daysPerWeek: 5 };

/** Versioned from the start, so later shapes migrate instead of breaking stored settings. */
export const workWeekSetting = storage.defineItem<WorkWeek>('local:settings.workWeek', {
  fallback: DEFAULT_WORK_WEEK,
  version: 1,
});
