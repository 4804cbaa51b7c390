import { database } from '@/lib/db/open';
import type { Handlers } from '@/lib/messaging/server';
import type { BudgetContext } from '@/lib/services/budgets';
import { localReportWords } from '@/lib/report-words';
import { buildStatusReport, queueReportPost, reportPostStatus, reportTargetOf } from '@/lib/services/status-report';
import type { Clock } from '@/lib/services/timer';
import { reportMarkdown, reportTitle, type ReportFormat, type StatusReport } from '@/lib/core/status-report';
import type { SyncControl } from './sync';

type ReportHandlers = Pick<Handlers, 'report.build' | 'report.post' | 'report.status'>;

/** The report as the protocol carries it (plain arrays). */
const wire = (report: StatusReport) => ({
  ...report,
  people: [...report.people],
  risks: [...report.risks],
  itemsAtRisk: report.itemsAtRisk.map((item) => ({ ...item, reasons: [...item.reasons] })),
});

/** The status report's handlers: build it, queue it as a comment (the outbox posts it once), and say how that went. */
export function reportHandlers({ clock, sync, budgetContext }: { clock: Clock; sync: SyncControl; budgetContext: () => Promise<BudgetContext> }): ReportHandlers {
  const formatOf = async (reader: { locale: string; timeZone: string }): Promise<ReportFormat> => ({
    locale: reader.locale,
    timeZone: reader.timeZone,
    week: (await budgetContext()).week,
    words: localReportWords(), // the background's language is the browser's, as the page's is
  });
  const build = async (scope: string, reader: { locale: string; timeZone: string }) => {
    // The sums are kept in the background's zone (asking in another would rebuild them); the reader's zone only words the dates.
    return { report: await buildStatusReport(await database(), scope, await budgetContext()), format: await formatOf(reader) };
  };
  return {
    'report.build': async ({ scope, locale, timeZone }) => {
      const { report, format } = await build(scope, { locale, timeZone });
      return { report: wire(report), markdown: reportMarkdown(report, format), title: reportTitle(report, format.words) };
    },
    'report.post': async ({ scope, targetUrl, locale, timeZone }) => {
      const db = await database();
      const target = await reportTargetOf(db, targetUrl);
      const { report, format } = await build(scope, { locale, timeZone });
      const id = clock.newId();
      await queueReportPost(db, { id, scopeKey: scope, itemKey: target.itemKey, report, format, now: clock.now() });
      void sync.kickOutbox(); // posted in the background; the page follows it with report.status
      return { id, itemKey: target.itemKey, label: target.label };
    },
    'report.status': async ({ id }) => reportPostStatus(await database(), id),
  };
}
