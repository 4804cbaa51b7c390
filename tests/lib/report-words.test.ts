import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { ENGLISH_REPORT_WORDS } from '../../lib/core/report-words';
import { reportAdf, reportLines, reportMarkdown, reportTitle, reportWiki } from '../../lib/core/status-report';
import { localReportWords } from '../../lib/report-words';
import { getMessageFrom, loadMessages } from '../setup/messages';
import { statusReport } from '../support/status-report';

/** German-facing figures: a monthly budget, the overrun in German money, one priced person, a German risk. */
const report = statusReport({
  budget: { hours: 40, money: { amount: 400_000, currency: 'EUR' }, period: 'monthly' },
  forecast: { burnPerDaySeconds: 3 * 3600, runsOutOn: '2026-11-30', atCompletionSeconds: 50 * 3600, overrunSeconds: 5 * 3600, overrunMoney: '425,00 €', dueDay: '2026-12-03' },
  people: [{ person: 'ana', seconds: 20 * 3600, money: { amount: 170_000, currency: 'EUR' } }],
  risks: [{ severity: 'critical', reason: 'Release 2.4 hat das Budget überschritten: 42h.' }],
  itemsAtRisk: [],
});

describe('status report words', () => {
  afterEach(async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('en'));
  });

  it('writes exactly the English report from the English messages as from the built-in English words', () => {
    const en = { locale: 'en-US', timeZone: 'UTC', week: STANDARD_WORK_WEEK };
    const local = { ...en, words: localReportWords() };
    expect(reportMarkdown(report, local, 'r1')).toBe(reportMarkdown(report, en, 'r1'));
    expect(reportWiki(report, local)).toBe(reportWiki(report, en));
    expect(reportAdf(report, local)).toEqual(reportAdf(report, en));
    expect(reportMarkdown({ ...report, people: [], risks: [] }, local)).toBe(reportMarkdown({ ...report, people: [], risks: [] }, { ...en, words: ENGLISH_REPORT_WORDS }));
  });

  it('writes the document, the Markdown and the Jira bodies in German for a German reader', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('de'));
    const de = { locale: 'de-DE', timeZone: 'Europe/Berlin', week: STANDARD_WORK_WEEK, words: localReportWords() };
    expect(reportTitle(report, de.words)).toBe('Statusbericht: Release 2.4');
    // Intl puts a no-break space before the euro sign.
    const lines = Object.fromEntries(reportLines(report, de).map((l) => [l.label, l.value.replace(/\u00a0/g, ' ')]));
    expect(lines.Budget).toBe('40h · 4.000,00 € pro Monat');
    expect(lines.Verbraucht).toBe('36h · 3.060,00 € (90 %) — fast aufgebraucht');
    expect(lines['Prognose zum Fälligkeitsdatum']).toBe('5h darüber (425,00 €)');
    const md = reportMarkdown(report, de, 'r1');
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual(['## Statusbericht: Release 2.4', '### Stunden pro Person', '### Risiken']);
    expect(md).toContain('| Person | Stunden | Geld |');
    expect(md).toContain('- **Kritisch:** Release 2.4 hat das Budget überschritten: 42h.');
    expect(md).toContain('_Mit Stint gepostet._');
    expect(md).not.toMatch(/Hours|Risks|as of|Posted/);
    const wiki = reportWiki({ ...report, people: [] }, de);
    expect(wiki).toContain('h3. Stunden pro Person');
    expect(wiki).toContain('Noch keine Zeit erfasst.');
    const adfText = JSON.stringify(reportAdf({ ...report, risks: [] }, de));
    expect(adfText).toContain('Keine Risiken gefunden.');
    expect(adfText).toContain('acme/billing · Stand ');
  });
});
