import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

/** How the timer treats time away, long timers and the end of the day. */
export const TimerRules = z.object({
  idle: z.object({
    /** Minutes without input (or a locked screen) before Stint considers the person away. */
    thresholdMinutes: z.int().check(z.gte(1), z.lte(120)),
    /** On return: ask, or apply one choice without asking. */
    onReturn: z.enum(['ask', 'keep', 'discard', 'discard-and-stop']),
  }),
  /** A running timer past this many hours raises a notification with a Stop action. */
  longTimerHours: z.number().check(z.gte(0.5), z.lte(24)),
  /** Local time `HH:MM` at which a running timer stops by itself; null = never. */
  autoStopAt: z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  /** Focus / break cycles: the timer stops for each break (breaks are not work) and resumes after it. */
  pomodoro: z.object({
    enabled: z.boolean(),
    focusMinutes: z.int().check(z.gte(5), z.lte(180)),
    breakMinutes: z.int().check(z.gte(1), z.lte(60)),
  }),
});
export type TimerRules = z.infer<typeof TimerRules>;

export const DEFAULT_TIMER_RULES: TimerRules = {
  idle: { thresholdMinutes: 5, onReturn: 'ask' },
  longTimerHours: 8,
  autoStopAt: null,
  pomodoro: { enabled: false, focusMinutes: 25, breakMinutes: 5 },
};

/** Version 1 had no Pomodoro settings; version 2 adds them, switched off. */
type TimerRulesV1 = Omit<TimerRules, 'pomodoro'>;

export const timerRulesSetting = storage.defineItem<TimerRules>('local:settings.timerRules', {
  fallback: DEFAULT_TIMER_RULES,
  version: 2,
  migrations: {
    2: (old: TimerRulesV1): TimerRules => ({ ...old, pomodoro: DEFAULT_TIMER_RULES.pomodoro }),
  },
});

/** The stored rules, or the defaults when what is stored is unreadable (never let a bad value stop the timer). */
export async function readTimerRules(): Promise<TimerRules> {
  const parsed = TimerRules.safeParse(await timerRulesSetting.getValue());
  return parsed.success ? parsed.data : DEFAULT_TIMER_RULES;
}
