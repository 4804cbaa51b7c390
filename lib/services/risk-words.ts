import type { RiskWords } from '../core/risk';
import { t } from '../i18n';

/** The risk reasons in the browser's language (locales/<lang>.yml), handed to lib/core's pure rules by the background. */
export function localRiskWords(): RiskWords {
  return {
    overdue: (label, day) => t('reason.overdue', { label, day }),
    dueSoon: (label, days, day, percent, estimate) =>
      days === 0
        ? t('reason.dueSoonToday', { label, day, percent, estimate })
        : days === 1
          ? t('reason.dueSoonOne', { label, day, percent, estimate })
          : t('reason.dueSoonDays', { label, days, day, percent, estimate }),
    stale: (label, days) => t('reason.stale', { label, days }),
    noEstimate: (label) => t('reason.noEstimate', { label }),
    overEstimate: (label, spent, over, estimate) => t('reason.overEstimate', { label, spent, over, estimate }),
    andMore: (names, count) => t('reason.andMore', { names, count }),
    blockedBy: (label, names) => t('reason.blockedBy', { label, names }),
    labelled: (label, tag) => t('reason.labelled', { label, tag }),
    unassigned: (label, day) => t('reason.unassigned', { label, day }),
    spentOf: (spent, budget) => t('reason.spentOf', { spent, budget }),
    overBudget: (name, spent) => t('reason.overBudget', { name, spent }),
    forecastOverrun: (name, burn, runsOut, amount, due) =>
      runsOut ? t('reason.forecastRunsOut', { name, burn, runsOut, amount, due }) : t('reason.forecastOverrun', { name, burn, amount, due }),
    timerRunning: (label, duration) => t('reason.timerRunning', { label, duration }),
    addedAfterStart: (names) => t('reason.addedAfterStart', { names }),
    estimateGrew: (percent, from, to) => t('reason.estimateGrew', { percent, from, to }),
    scopeCreep: (name, parts) => t('reason.scopeCreep', { name, parts: parts.join('; ') }),
    overCapacity: (name, remaining, capacity, until) => t('reason.overCapacity', { name, remaining, capacity, until }),
  };
}
