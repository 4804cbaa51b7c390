import type { BudgetLevel } from './budget';
import { formatDuration, type WorkWeek } from './duration';
import { formatMoney, type Money } from './money';
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
}

const LEVEL_WORDS: Record<BudgetLevel, string> = { ok: 'within budget', watch: 'past its first threshold', warn: 'nearly spent', over: 'over budget' };
const SEVERITY_WORDS: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Note' };

/** One line of figures: a label and its value, in reading order (the same lines in every format). */
export interface ReportLine {
  readonly label: string;
  readonly value: string;
}

/** Durations to the minute: a report's reader has no use for seconds (rates and forecasts are averages). */
const hours = (seconds: number) => formatDuration(Math.round(seconds / 60) * 60);
/** A local calendar day (`YYYY-MM-DD`) in words, never shifted by a time zone. */
export const dayWords = (day: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

export function reportTitle(report: StatusReport): string {
  return `Status report: ${report.scope.name}`;
}

/** The figures, as a person reads them: budget, spent, remaining, burn rate, forecast. */
export function reportLines(report: StatusReport, format: ReportFormat): ReportLine[] {
  const money = (m: Money) => formatMoney(m, format.locale);
  const lines: ReportLine[] = [];
  const b = report.budget;
  if (b) {
    const parts = [b.hours !== null ? hours(b.hours * 3600) : null, b.money ? money(b.money) : null].filter((p): p is string => p !== null);
    lines.push({ label: 'Budget', value: `${parts.join(' · ') || 'none'}${b.period === 'monthly' ? ' a month' : ''}` });
  } else {
    lines.push({ label: 'Budget', value: 'none set' });
  }
  const percent = report.percent === null ? '' : ` (${Math.round(report.percent)} %)`;
  lines.push({ label: 'Spent', value: `${hours(report.spentSeconds)}${report.spentMoney ? ` · ${money(report.spentMoney)}` : ''}${percent}${b ? ` — ${LEVEL_WORDS[report.level]}` : ''}` });
  if (report.unpricedSeconds > 0 && report.spentMoney) lines.push({ label: 'Not priced', value: `${hours(report.unpricedSeconds)} (people without a rate)` });
  if (report.remainingSeconds !== null) lines.push({ label: report.remainingSeconds >= 0 ? 'Remaining' : 'Over by', value: hours(Math.abs(report.remainingSeconds)) });
  const f = report.forecast;
  lines.push({ label: 'Burn rate', value: `${hours(f.burnPerDaySeconds)} a working day (last 14 working days)` });
  if (b?.hours != null) lines.push({ label: 'Runs out', value: f.runsOutOn ? `${dayWords(f.runsOutOn, format.locale)} at this pace` : 'not at this pace' });
  if (f.dueDay) lines.push({ label: 'Due', value: dayWords(f.dueDay, format.locale) });
  if (f.atCompletionSeconds !== null) lines.push({ label: 'Estimate at completion', value: hours(f.atCompletionSeconds) });
  if (f.overrunSeconds !== null) {
    lines.push({ label: 'Forecast at due date', value: f.overrunSeconds > 0 ? `over by ${hours(f.overrunSeconds)}${f.overrunMoney ? ` (${f.overrunMoney})` : ''}` : 'within budget' });
  }
  return lines;
}

/** When the figures are from, in the reader's zone. */
export function asOfWords(report: StatusReport, format: ReportFormat): string {
  return new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: format.timeZone }).format(new Date(report.asOf));
}

export const severityWords = (severity: Severity) => SEVERITY_WORDS[severity];

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
  const out: string[] = [];
  out.push(`## ${markdownText(reportTitle(report))}`, '', `_${markdownText(`${report.scope.project} · as of ${asOfWords(report, format)}`)}_`, '');
  // The figures are Stint's own words and numbers: nothing from a provider is in them.
  for (const line of reportLines(report, format)) out.push(`- **${line.label}:** ${line.value}`);
  out.push('', '### Hours per person', '');
  if (report.people.length === 0) out.push('No time logged yet.');
  else {
    const priced = report.people.some((p) => p.money);
    out.push(priced ? '| Person | Hours | Money |' : '| Person | Hours |', priced ? '| --- | ---: | ---: |' : '| --- | ---: |');
    for (const p of report.people) {
      const cells = [markdownText(p.person), markdownText(hours(p.seconds)), ...(priced ? [p.money ? markdownText(formatMoney(p.money, format.locale)) : '—'] : [])];
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  out.push('', '### Risks', '');
  if (report.risks.length === 0 && report.itemsAtRisk.length === 0) out.push('No risks found.');
  for (const risk of report.risks) out.push(`- **${severityWords(risk.severity)}:** ${markdownText(risk.reason)}`);
  for (const item of report.itemsAtRisk) {
    const name = item.title ? `${item.label} ${item.title}` : item.label;
    out.push(`- **${severityWords(item.severity)}:** ${markdownText(name)} — ${markdownText(item.reasons.join('; '))}`);
  }
  out.push('', '_Posted with Stint._');
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
  const content: AdfNode[] = [heading(2, reportTitle(report)), para({ type: 'text', text: `${report.scope.project} · as of ${asOfWords(report, format)}`, marks: [{ type: 'em' }] })];
  content.push(bullets(reportLines(report, format).map((l) => [txt(`${l.label}: `, true), txt(l.value)])));
  content.push(heading(3, 'Hours per person'));
  content.push(report.people.length === 0 ? para(txt('No time logged yet.')) : bullets(report.people.map((p) => [txt(`${p.person}: `, true), txt(`${hours(p.seconds)}${p.money ? ` · ${formatMoney(p.money, format.locale)}` : ''}`)])));
  content.push(heading(3, 'Risks'));
  const risks = riskLines(report);
  content.push(risks.length === 0 ? para(txt('No risks found.')) : bullets(risks.map((r) => [txt(`${r.label}: `, true), txt(r.value)])));
  content.push(para({ type: 'text', text: 'Posted with Stint.', marks: [{ type: 'em' }] }));
  return { type: 'doc', version: 1, content };
}

function riskLines(report: StatusReport): ReportLine[] {
  return [
    ...report.risks.map((r) => ({ label: severityWords(r.severity), value: r.reason })),
    ...report.itemsAtRisk.map((i) => ({ label: severityWords(i.severity), value: `${i.title ? `${i.label} ${i.title}` : i.label} — ${i.reasons.join('; ')}` })),
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
  const out = [`h2. ${wikiText(reportTitle(report))}`, '', `_${wikiText(`${report.scope.project} · as of ${asOfWords(report, format)}`)}_`, ''];
  for (const l of reportLines(report, format)) out.push(`* *${wikiText(l.label)}:* ${wikiText(l.value)}`);
  out.push('', 'h3. Hours per person', '');
  if (report.people.length === 0) out.push('No time logged yet.');
  for (const p of report.people) out.push(`* *${wikiText(p.person)}:* ${wikiText(`${hours(p.seconds)}${p.money ? ` · ${formatMoney(p.money, format.locale)}` : ''}`)}`);
  out.push('', 'h3. Risks', '');
  const risks = riskLines(report);
  if (risks.length === 0) out.push('No risks found.');
  for (const r of risks) out.push(`* *${wikiText(r.label)}:* ${wikiText(r.value)}`);
  out.push('', '_Posted with Stint._');
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
