import type { BudgetContext } from '@/lib/services/budgets';
import { localRiskWords } from '@/lib/services/risk-words';
import { readRiskRules, riskThresholds } from '@/lib/settings/risk-rules';
import { readTimerRules } from '@/lib/settings/timer-rules';
import { workWeekSetting } from '@/lib/settings/work-week';

/** What budgets and risks are computed at: now, the person's zone and working week, and their risk thresholds. */
export async function budgetContextAt(now: number): Promise<BudgetContext> {
  const [week, timer, risk] = await Promise.all([workWeekSetting.getValue(), readTimerRules(), readRiskRules()]);
  return { now, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, week, thresholds: riskThresholds(risk, timer.longTimerHours), riskWords: localRiskWords() };
}
