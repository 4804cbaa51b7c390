import { formatDuration } from '@/lib/core/duration';
import { formatMoney } from '@/lib/core/money';
import { ENGLISH_REPORT_WORDS } from '@/lib/core/report-words';
import { asOfWords, reportLines, reportTitle, severityWords, type ReportFormat, type StatusReport } from '@/lib/core/status-report';
import { t } from '@/lib/i18n';

export interface ReportDocumentProps {
  readonly report: StatusReport;
  readonly format: ReportFormat;
}

/**
 * The report as a print-friendly page, built from the report model with React elements: every provider text is a text
 * node (titles can hold markup; here they never become any).
 */
export function ReportDocument({ report, format }: ReportDocumentProps) {
  const words = format.words ?? ENGLISH_REPORT_WORDS;
  const priced = report.people.some((p) => p.money);
  const risks = [...report.risks.map((r) => ({ severity: r.severity, name: null, text: r.reason })), ...report.itemsAtRisk.map((i) => ({ severity: i.severity, name: i.title ? `${i.label} ${i.title}` : i.label, text: i.reasons.join('; ') }))];
  return (
    <article className="report" aria-labelledby="report-title" data-testid="report">
      <h1 id="report-title" className="title">
        {reportTitle(report, words)}
      </h1>
      <p className="muted">
        {words.asOf(report.scope.project, asOfWords(report, format))}
      </p>
      <p className="report-headline" data-level={report.level}>
        <span data-testid="report-percent">{report.percent === null ? t('reportPage.noBudget') : `${Math.round(report.percent)} %`}</span>
        {report.spentMoney ? (
          <>
            {' · '}
            <span data-testid="report-money">{formatMoney(report.spentMoney, format.locale)}</span>
          </>
        ) : null}
        <span className="burn" aria-hidden="true">
          <span style={{ width: `${Math.min(100, Math.max(0, report.percent ?? 0))}%` }} />
        </span>
      </p>
      <dl className="report-figures">
        {reportLines(report, format).map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      <h2>{words.hoursPerPerson}</h2>
      {report.people.length === 0 ? (
        <p>{words.noTime}</p>
      ) : (
        <table className="report-people">
          <thead>
            <tr>
              <th scope="col">{words.person}</th>
              <th scope="col">{words.hours}</th>
              {priced ? <th scope="col">{words.money}</th> : null}
            </tr>
          </thead>
          <tbody>
            {report.people.map((p) => (
              <tr key={p.person}>
                <th scope="row" className="title">
                  {p.person}
                </th>
                <td>{formatDuration(p.seconds)}</td>
                {priced ? <td>{p.money ? formatMoney(p.money, format.locale) : '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{words.risks}</h2>
      {risks.length === 0 ? (
        <p>{words.noRisks}</p>
      ) : (
        <ul className="report-risks">
          {risks.map((risk, i) => (
            <li key={i} data-severity={risk.severity}>
              <strong>{severityWords(risk.severity, words)}:</strong> {risk.name ? <span className="title">{risk.name} — </span> : null}
              {risk.text}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
