import type { DashboardData } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export const RISK_ICONS = { critical: '⛔', warning: '⚠', info: 'ℹ' } as const;
const severityWord = (severity: keyof typeof RISK_ICONS) =>
  severity === 'critical' ? t('popup.critical') : severity === 'warning' ? t('popup.warning') : t('popup.note');

/** A reason that starts by naming its subject (`Invoicing v2: …`) need not say it twice beside the link. */
const withoutSubject = (reason: string, label: string) => (reason.startsWith(`${label}: `) ? reason.slice(label.length + 2) : reason);

/** The few risks that matter most, each with its reason, opening the item (or the project's plan) it is about. */
export function TopRisks({ risks }: { readonly risks: DashboardData['risks'] }) {
  if (risks.length === 0) return null;
  return (
    <section className="card" aria-labelledby="risks-title">
      <h2 id="risks-title">{t('popup.topRisks')}</h2>
      <ul className="risks">
        {risks.map((risk) => (
          <li key={`${risk.rule}|${risk.subject}`} data-testid="top-risk" data-severity={risk.severity} data-rule={risk.rule}>
            <span aria-hidden="true">{RISK_ICONS[risk.severity]} </span>
            <span className="visually-hidden">{severityWord(risk.severity)}: </span>
            {risk.url ? (
              <a href={risk.url} target="_blank" rel="noreferrer">{risk.label}</a>
            ) : (
              <strong>{risk.label}</strong>
            )}{' '}
            <span className="reason">{withoutSubject(risk.reason, risk.label)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
