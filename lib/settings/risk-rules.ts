import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds } from '../core/risk';

/** The risk rules' thresholds a person may tune (the long-timer limit is the timer settings' own). */
export const RiskRules = z.object({
  dueSoonWorkingDays: z.int().check(z.gte(1), z.lte(30)),
  lowProgressPercent: z.int().check(z.gte(1), z.lte(100)),
  staleDays: z.int().check(z.gte(1), z.lte(365)),
  blockedLabels: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(30)),
  scopeCreepPercent: z.int().check(z.gte(1), z.lte(500)),
  unassignedDueWorkingDays: z.int().check(z.gte(1), z.lte(30)),
});
export type RiskRules = z.infer<typeof RiskRules>;

export const DEFAULT_RISK_RULES: RiskRules = {
  dueSoonWorkingDays: DEFAULT_RISK_THRESHOLDS.dueSoonWorkingDays,
  lowProgressPercent: DEFAULT_RISK_THRESHOLDS.lowProgressPercent,
  staleDays: DEFAULT_RISK_THRESHOLDS.staleDays,
  blockedLabels: [...DEFAULT_RISK_THRESHOLDS.blockedLabels],
  scopeCreepPercent: DEFAULT_RISK_THRESHOLDS.scopeCreepPercent,
  unassignedDueWorkingDays: DEFAULT_RISK_THRESHOLDS.unassignedDueWorkingDays,
};

export const riskRulesSetting = storage.defineItem<RiskRules>('local:settings.riskRules', { fallback: DEFAULT_RISK_RULES, version: 1 });

/** The stored thresholds, or the defaults when what is stored is unreadable. */
export async function readRiskRules(): Promise<RiskRules> {
  const parsed = RiskRules.safeParse(await riskRulesSetting.getValue());
  return parsed.success ? parsed.data : DEFAULT_RISK_RULES;
}

/** The thresholds the rules run with: the person's, and the timer settings' long-timer limit. */
export const riskThresholds = (rules: RiskRules, longTimerHours: number): RiskThresholds => ({ ...rules, longTimerHours });
