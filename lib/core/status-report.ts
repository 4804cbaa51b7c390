import type { BudgetLevel } from './budget';
import { formatDuration, type WorkWeek } from './duration';
import { formatMoney, type Money } from './money';
import { ENGLISH_REPORT_WORDS, type ReportWords } from './report-words';
import type { Severity } from './risk';

/**
 * A stakeholder status report of one project or milestone / sprint: budget, spend, burn, forecast, risks with their
 * reasons, hours per person. Pure: the service gathers the facts, this shapes and writes them (Markdown for GitHub /
 * GitLab, Atlassian Document Format and wiki text for Jira). Everything that came from a provider (titles, names,
 * reasons quoting titles) is written as text only: it never forms a link, an image, a mention or HTML.
 */
export interface StatusReport {
  readonly scope: { readonly kind: 'project' | 'container'; readonly key: string; readonly name: string; readonly project: string };
  /** Epoch ms the figures are as of. */
  readonly asOf: number;
  readonly budget: { readonly hours: number | null; readonly money: Money | null; readonly period: 'total' | 'monthly' } | null;
  readonly spentSeconds: number;
  readonly spentMoney: Money | null;
  /** Spent as a share of the budget, in percent; null without one. */
  readonly percent: number | null;
  readonly level: BudgetLevel;
  readonly remainingSeconds: number | null;
  readonly forecast: {
    readonly burnPerDaySeconds: number;
    readonly runsOutOn: string | null;
    readonly atCompletionSeconds: number | null;
    readonly overrunSeconds: number | null;
    /** Already formatted in the budget's currency, or null. */
    readonly overrunMoney: string | null;
    readonly dueDay: string | null;
  };
  readonly people: readonly ReportPerson[];
  /** Hours of people without a rate (not priced). */
  readonly unpricedSeconds: number;
  readonly risks: readonly ReportRisk[];
  readonly itemsAtRisk: readonly ReportItem[];
}

export interface ReportPerson {
  readonly person: string;
  readonly seconds: number;
  readonly money: Money | null;
}

export interface ReportRisk {
  readonly severity: Severity;
  readonly reason: string;
}

export interface ReportItem {
  /** `#12`, `!7`, `PAY-12`. */
  readonly label: string;
  readonly title: string | null;
  readonly severity: Severity;
  readonly reasons: readonly string[];
}

/** How the report is written for its reader: their locale, time zone and work week. */
export interface ReportFormat {
  readonly locale: string;
  readonly timeZone: string;
  readonly week: WorkWeek;
  /** The report's words in the reader's language; English when absent. */
  readonly words?: ReportWords;
}

const wordsOf = (format: Pick<ReportFormat, 'words'> | undefined): ReportWords => format?.words ?? ENGLISH_REPORT_WORDS;

/** One line of figures: a label and its value, in reading order (the same lines in every format). */
export interface ReportLine {
  readonly label: string;
  readonly value: string;
}

/** Durations to the minute: a report's reader has no use for seconds (rates and forecasts are averages). */
const hours = (seconds: number) => formatDuration(Math.round(seconds / 60) * 60);
/** A local calendar day (`YYYY-MM-DD`) in words, never shifted by a time zone. */
export const dayWords = (day: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

export function reportTitle(report: StatusReport, words: ReportWords = ENGLISH_REPORT_WORDS): string {
  return words.title(report.scope.name);
}

/** The figures, as a person reads them: budget, spent, remaining, burn rate, forecast. */
export function reportLines(report: StatusReport, format: ReportFormat): ReportLine[] {
  const money = (m: Money) => formatMoney(m, format.locale);
  const w = wordsOf(format);
  const lines: ReportLine[] = [];
  const b = report.budget;
  if (b) {
    const parts = [b.hours !== null ? hours(b.hours * 3600) : null, b.money ? money(b.money) : null].filter((p): p is string => p !== null);
    const value = parts.join(' · ') || w.budgetNone;
    lines.push({ label: w.label.budget, value: b.period === 'monthly' ? w.perMonth(value) : value });
  } else {
    lines.push({ label: w.label.budget, value: w.budgetNotSet });
  }
  const percent = report.percent === null ? '' : ` (${Math.round(report.percent)} %)`;
  lines.push({ label: w.label.spent, value: `${hours(report.spentSeconds)}${report.spentMoney ? ` · ${money(report.spentMoney)}` : ''}${percent}${b ? ` — ${w.level[report.level]}` : ''}` });
  if (report.unpricedSeconds > 0 && report.spentMoney) lines.push({ label: w.label.notPriced, value: w.unpriced(hours(report.unpricedSeconds)) });
  if (report.remainingSeconds !== null) lines.push({ label: report.remainingSeconds >= 0 ? w.label.remaining : w.label.overBy, value: hours(Math.abs(report.remainingSeconds)) });
  const f = report.forecast;
  lines.push({ label: w.label.burnRate, value: w.burn(hours(f.burnPerDaySeconds)) });
  if (b?.hours != null) lines.push({ label: w.label.runsOut, value: f.runsOutOn ? w.runsOutOn(dayWords(f.runsOutOn, format.locale)) : w.notRunningOut });
  if (f.dueDay) lines.push({ label: w.label.due, value: dayWords(f.dueDay, format.locale) });
  if (f.atCompletionSeconds !== null) lines.push({ label: w.label.atCompletion, value: hours(f.atCompletionSeconds) });
  if (f.overrunSeconds !== null) {
    lines.push({ label: w.label.forecast, value: f.overrunSeconds > 0 ? `${w.forecastOver(hours(f.overrunSeconds))}${f.overrunMoney ? ` (${f.overrunMoney})` : ''}` : w.forecastWithin });
  }
  return lines;
}

/** When the figures are from, in the reader's zone. */
export function asOfWords(report: StatusReport, format: ReportFormat): string {
  return new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: format.timeZone }).format(new Date(report.asOf));
}

export const severityWords = (severity: Severity, words: ReportWords = ENGLISH_REPORT_WORDS) => words.severity[severity];

// ——— Markdown (GitHub / GitLab) ———

/**
 * Provider text as Markdown text: every character that could start Markdown or HTML is backslash-escaped, and what
 * would become a link or a ping without any punctuation (bare URLs, `www.`, `@name`, `#12`, `!7`, GitLab's `~label` and `%milestone`) is broken with a
 * zero-width space, so a title can never form a link, an image, a mention, a reference or HTML. One line only.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#!|~&$@%]/g, (c) => `\\${c}`)
    .replace(/(\w)(:\/\/)/g, '$1\u200b$2')
    .replace(/\b(www)(\.)/gi, '$1\u200b$2')
    .replace(/(\\[@#!~%])/g, '$1\u200b');
}

/** The hidden marker that lets a retry find its own earlier post (and never post twice). */
export const reportMarker = (id: string) => `<!-- stint:report:${id.replace(/[^A-Za-z0-9-]/g, '')} -->`;

/** The report id a comment body carries, or null. */
export function readReportMarker(body: string): string | null {
  return /<!-- stint:report:([A-Za-z0-9-]+) -->/.exec(body)?.[1] ?? null;
}

export function reportMarkdown(report: StatusReport, format: ReportFormat, id?: string): string {
  const w = wordsOf(format);
  const out: string[] = [];
  out.push(`## ${markdownText(reportTitle(report, w))}`, '', `_${markdownText(w.asOf(report.scope.project, asOfWords(report, format)))}_`, '');
  // The figures are Stint's own words and numbers: nothing from a provider is in them.
  for (const line of reportLines(report, format)) out.push(`- **${line.label}:** ${line.value}`);
  out.push('', `### ${markdownText(w.hoursPerPerson)}`, '');
  if (report.people.length === 0) out.push(markdownText(w.noTime));
  else {
    const priced = report.people.some((p) => p.money);
    const head = [w.person, w.hours, ...(priced ? [w.money] : [])].map(markdownText);
    out.push(`| ${head.join(' | ')} |`, priced ? '| --- | ---: | ---: |' : '| --- | ---: |');
    for (const p of report.people) {
      const cells = [markdownText(p.person), markdownText(hours(p.seconds)), ...(priced ? [p.money ? markdownText(formatMoney(p.money, format.locale)) : '—'] : [])];
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  out.push('', `### ${markdownText(w.risks)}`, '');
  if (report.risks.length === 0 && report.itemsAtRisk.length === 0) out.push(markdownText(w.noRisks));
  for (const risk of report.risks) out.push(`- **${severityWords(risk.severity, w)}:** ${markdownText(risk.reason)}`);
  for (const item of report.itemsAtRisk) {
    const name = item.title ? `${item.label} ${item.title}` : item.label;
    out.push(`- **${severityWords(item.severity, w)}:** ${markdownText(name)} — ${markdownText(item.reasons.join('; '))}`);
  }
  out.push('', `_${markdownText(w.postedWith)}_`);
  if (id) out.push('', reportMarker(id));
  return `${out.join('\n')}\n`;
}

// ——— Jira ———

/** The entity property a Jira comment carries so a retry finds its own earlier post. */
export const JIRA_REPORT_PROPERTY = 'stint.report';

type AdfText = { type: 'text'; text: string; marks?: { type: 'strong' | 'em' }[] };
type AdfNode = { type: string; attrs?: Record<string, unknown>; content?: (AdfNode | AdfText)[] };

const txt = (text: string, strong = false): AdfText => (strong ? { type: 'text', text, marks: [{ type: 'strong' }] } : { type: 'text', text });
const para = (...content: AdfText[]): AdfNode => ({ type: 'paragraph', content });
const heading = (level: number, text: string): AdfNode => ({ type: 'heading', attrs: { level }, content: [txt(text)] });
const bullets = (items: AdfText[][]): AdfNode => ({ type: 'bulletList', content: items.map((content) => ({ type: 'listItem', content: [para(...content)] })) });

/**
 * The report as an Atlassian Document (Jira Cloud, API v3). Provider text goes only into text nodes, which Jira
 * never reads as markup: nothing in a title can form a link.
 */
export function reportAdf(report: StatusReport, format: ReportFormat): { type: 'doc'; version: 1; content: AdfNode[] } {
  const w = wordsOf(format);
  const content: AdfNode[] = [heading(2, reportTitle(report, w)), para({ type: 'text', text: w.asOf(report.scope.project, asOfWords(report, format)), marks: [{ type: 'em' }] })];
  content.push(bullets(reportLines(report, format).map((l) => [txt(`${l.label}: `, true), txt(l.value)])));
  content.push(heading(3, w.hoursPerPerson));
  content.push(report.people.length === 0 ? para(txt(w.noTime)) : bullets(report.people.map((p) => [txt(`${p.person}: `, true), txt(`${hours(p.seconds)}${p.money ? ` · ${formatMoney(p.money, format.locale)}` : ''}`)])));
  content.push(heading(3, w.risks));
  const risks = riskLines(report, w);
  content.push(risks.length === 0 ? para(txt(w.noRisks)) : bullets(risks.map((r) => [txt(`${r.label}: `, true), txt(r.value)])));
  content.push(para({ type: 'text', text: w.postedWith, marks: [{ type: 'em' }] }));
  return { type: 'doc', version: 1, content };
}

function riskLines(report: StatusReport, w: ReportWords): ReportLine[] {
  return [
    ...report.risks.map((r) => ({ label: severityWords(r.severity, w), value: r.reason })),
    ...report.itemsAtRisk.map((i) => ({ label: severityWords(i.severity, w), value: `${i.title ? `${i.label} ${i.title}` : i.label} — ${i.reasons.join('; ')}` })),
  ];
}

/**
 * Provider text as Jira wiki text (Data Center, API v2, where a comment body is wiki markup): markup characters are
 * backslash-escaped and URLs broken, so a title can form no link, image, macro or mention.
 */
export function wikiText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\[\]{}!*_^~+\-|#?@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, 'www\u200b.');
}

export function reportWiki(report: StatusReport, format: ReportFormat): string {
  const w = wordsOf(format);
  const out = [`h2. ${wikiText(reportTitle(report, w))}`, '', `_${wikiText(w.asOf(report.scope.project, asOfWords(report, format)))}_`, ''];
  for (const l of reportLines(report, format)) out.push(`* *${wikiText(l.label)}:* ${wikiText(l.value)}`);
  out.push('', `h3. ${wikiText(w.hoursPerPerson)}`, '');
  if (report.people.length === 0) out.push(wikiText(w.noTime));
  for (const p of report.people) out.push(`* *${wikiText(p.person)}:* ${wikiText(`${hours(p.seconds)}${p.money ? ` · ${formatMoney(p.money, format.locale)}` : ''}`)}`);
  out.push('', `h3. ${wikiText(w.risks)}`, '');
  const risks = riskLines(report, w);
  if (risks.length === 0) out.push(wikiText(w.noRisks));
  for (const r of risks) out.push(`* *${wikiText(r.label)}:* ${wikiText(r.value)}`);
  out.push('', `_${wikiText(w.postedWith)}_`);
  return out.join('\n');
}

/** Every way the report is posted: written once when it is queued, so a retry posts exactly what was shown. */
export interface ReportBodies {
  readonly markdown: string;
  readonly wiki: string;
  readonly adf: ReturnType<typeof reportAdf>;
}

export function reportBodies(report: StatusReport, format: ReportFormat, id: string): ReportBodies {
  return { markdown: reportMarkdown(report, format, id), wiki: reportWiki(report, format), adf: reportAdf(report, format) };
}

/** A report queued to be posted on an item (the meta record `report.post:<id>`): what it posts and how it went. */
export interface ReportPost {
  readonly id: string;
  readonly scopeKey: string;
  readonly itemKey: string;
  readonly title: string;
  readonly bodies: ReportBodies;
  readonly queuedAt: number;
  readonly postedAt: number | null;
  readonly commentId: string | null;
}
