import type { ReportWords } from './core/report-words';
import { t } from './i18n';

/** The status report's words in the browser's language (locales/<lang>.yml): the background writes the posted report with them, the report page its document. */
export function localReportWords(): ReportWords {
  return {
    title: (name) => t('reportDoc.title', { name }),
    asOf: (project, when) => t('reportDoc.asOf', { project, when }),
    level: { ok: t('reportDoc.levelOk'), watch: t('reportDoc.levelWatch'), warn: t('reportDoc.levelWarn'), over: t('reportDoc.levelOver') },
    severity: { critical: t('reportDoc.critical'), warning: t('reportDoc.warning'), info: t('reportDoc.note') },
    label: {
      budget: t('reportDoc.budget'),
      spent: t('reportDoc.spent'),
      notPriced: t('reportDoc.notPriced'),
      remaining: t('reportDoc.remaining'),
      overBy: t('reportDoc.overBy'),
      burnRate: t('reportDoc.burnRate'),
      runsOut: t('reportDoc.runsOut'),
      due: t('reportDoc.due'),
      atCompletion: t('reportDoc.atCompletion'),
      forecast: t('reportDoc.forecast'),
    },
    budgetNone: t('reportDoc.budgetNone'),
    budgetNotSet: t('reportDoc.budgetNotSet'),
    perMonth: (budget) => t('reportDoc.perMonth', { budget }),
    unpriced: (hours) => t('reportDoc.unpriced', { hours }),
    burn: (hours) => t('reportDoc.burn', { hours }),
    runsOutOn: (day) => t('reportDoc.runsOutOn', { day }),
    notRunningOut: t('reportDoc.notRunningOut'),
    forecastOver: (hours) => t('reportDoc.forecastOver', { hours }),
    forecastWithin: t('reportDoc.forecastWithin'),
    hoursPerPerson: t('reportDoc.hoursPerPerson'),
    person: t('reportDoc.person'),
    hours: t('reportDoc.hours'),
    money: t('reportDoc.money'),
    noTime: t('reportDoc.noTime'),
    risks: t('reportDoc.risks'),
    noRisks: t('reportDoc.noRisks'),
    postedWith: t('reportDoc.postedWith'),
  };
}
