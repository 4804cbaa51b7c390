import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

/** Working time used by Jira-style durations (`1d` = hours per day) and, later, by forecasts. */
export const WorkWeek = z.object({
  hoursPerDay: z.number().check(z.gte(1), z.lte(24)),
  daysPerWeek: z.int().check(z.gte(1), z.lte(7)),
});
export type WorkWeek = z.infer<typeof WorkWeek>;

export const DEFAULT_WORK_WEEK: WorkWeek = { hoursPerDay: 8, daysPerWeek: 5 };

/** Versioned from the start, so later shapes migrate instead of breaking stored settings. */
export const workWeekSetting = storage.defineItem<WorkWeek>('local:settings.workWeek', {
  fallback: DEFAULT_WORK_WEEK,
  version: 1,
});
