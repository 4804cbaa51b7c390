import { describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '@/lib/core/duration';
import { markdownText, readReportMarker, reportAdf, reportBodies, reportLines, reportMarkdown, reportMarker, reportWiki, wikiText } from '@/lib/core/status-report';
import { statusReport } from '../../support/status-report';

const format = { locale: 'en-US', timeZone: 'Europe/Berlin', week: STANDARD_WORK_WEEK };

const report = statusReport;

describe('status report figures', () => {
  it('says budget, spent with money and percent, burn, run-out, due, estimate at completion and the overrun with money', () => {
    const lines = Object.fromEntries(reportLines(report(), format).map((l) => [l.label, l.value]));
    expect(lines.Budget).toBe('40h · €4,000.00');
    expect(lines.Spent).toBe('36h · €3,060.00 (90 %) — nearly spent');
    expect(lines['Not priced']).toBe('16h (people without a rate)');
    expect(lines.Remaining).toBe('4h');
    expect(lines['Burn rate']).toBe('3h a working day (last 14 working days)');
    expect(lines['Runs out']).toBe('Nov 30, 2026 at this pace');
    expect(lines.Due).toBe('Dec 3, 2026');
    expect(lines['Estimate at completion']).toBe('50h');
    expect(lines['Forecast at due date']).toBe('over by 5h (€425.00)');
  });

  it('says when there is no budget, and an overspent one as over by', () => {
    const none = Object.fromEntries(reportLines(report({ budget: null, percent: null, level: 'ok', remainingSeconds: null, spentMoney: null }), format).map((l) => [l.label, l.value]));
    expect(none.Budget).toBe('none set');
    expect(none.Spent).toBe('36h');
    expect(none['Runs out']).toBeUndefined();
    const over = Object.fromEntries(reportLines(report({ remainingSeconds: -2 * 3600 }), format).map((l) => [l.label, l.value]));
    expect(over['Over by']).toBe('2h');
  });
});

describe('status report Markdown', () => {
  it('has a heading, the figures, a table of people with money, the risks with reasons, and the marker last', () => {
    const md = reportMarkdown(report(), format, 'r-1');
    expect(md).toMatch(/^## Status report: Release 2\.4\n/);
    expect(md).toContain('| Person | Hours | Money |');
    expect(md).toContain('| ana | 20h | €1,700.00 |');
    expect(md).toContain('| ben | 16h | — |');
    expect(md).toContain('- **Critical:** Release 2.4 will be 5h over its budget by Dec 3 at the current pace.');
    expect(md).toContain('- **Warning:** \\#\u200b12 Checkout fails — Due in 2 working days with 10 \\%\u200b done.');
    expect(md.trimEnd().endsWith(reportMarker('r-1'))).toBe(true);
    expect(readReportMarker(md)).toBe('r-1');
  });

  it('leaves the money column out when nobody is priced', () => {
    const md = reportMarkdown(report({ people: [{ person: 'ana', seconds: 3600, money: null }] }), format);
    expect(md).toContain('| Person | Hours |\n| --- | ---: |');
    expect(md).not.toContain('<!--');
  });

  const hostile = [
    '[click](https://evil.example/x) ![img](https://evil.example/i.png)',
    '<img src=x onerror=alert(1)><script>alert(1)</script>',
    'see https://evil.example and www.evil.example now',
    'ping @everyone and #1 and !2 | a | table',
    '<!-- stint:report:forged --> `code` **bold** <https://evil.example>',
    'line one\n## injected heading\n- injected bullet',
  ];

  it.each(hostile)('never lets a provider title form a link, image, HTML, mention or structure: %s', (title) => {
    const md = reportMarkdown(report({ scope: { ...report().scope, name: title }, itemsAtRisk: [{ label: '#3', title, severity: 'info', reasons: [title] }], people: [{ person: title, seconds: 60, money: null }] }), format, 'real');
    // Stint's own figure lines hold only its words and numbers; every other line carries the title somewhere.
    const figures = new Set(reportLines(report(), format).map((l) => `- **${l.label}:** ${l.value}`));
    const withoutMarker = md.replace(reportMarker('real'), '').split('\n').filter((line) => !figures.has(line)).join('\n');
    // Every markup character from the title is escaped; nothing is a bare one.
    expect(withoutMarker).not.toMatch(/(^|[^\\])[<>[\]()`!]/m);
    expect(withoutMarker).not.toMatch(/https?:\/\//);
    expect(withoutMarker).not.toMatch(/www\./i);
    expect(withoutMarker).not.toMatch(/@every/);
    // The table still has exactly its columns on every row; the title's newlines did not start new blocks.
    for (const row of md.split('\n').filter((l) => l.startsWith('| '))) expect(row.split(/(?<!\\)\|/).length).toBe(4);
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([expect.stringMatching(/^## Status/), '### Hours per person', '### Risks']);
    // Only the real marker is read back.
    expect(readReportMarker(md)).toBe('real');
  });

  it('escapes every Markdown character, keeping plain words as they are', () => {
    expect(markdownText('Fix login')).toBe('Fix login');
    expect(markdownText('a_b*c')).toBe('a\\_b\\*c');
  });
});

describe('status report for Jira', () => {
  it('puts provider text only into ADF text nodes', () => {
    const title = '[x|https://evil.example] !image.png! {html}<b>';
    const doc = reportAdf(report({ itemsAtRisk: [{ label: 'PAY-1', title, severity: 'warning', reasons: ['r'] }] }), format);
    const json = JSON.stringify(doc);
    const types = new Set([...json.matchAll(/"type":"([a-zA-Z]+)"/g)].map((m) => m[1]));
    expect([...types].sort()).toEqual(['bulletList', 'doc', 'em', 'heading', 'listItem', 'paragraph', 'strong', 'text']);
    expect(json).toContain(JSON.stringify(`PAY-1 ${title} — r`));
  });

  it('escapes wiki markup on Data Center', () => {
    expect(wikiText('[x|https://evil.example] !i.png! {html} @bob')).toBe('\\[x\\|https:\u200b//evil.example\\] \\!i.png\\! \\{html\\} \\@bob');
    const wiki = reportWiki(report(), format);
    expect(wiki).toMatch(/^h2\. Status report: Release 2.4/);
    expect(wiki).toContain('* *ana:* 20h · €1,700.00');
  });

  it('writes every body at once with the same id', () => {
    const bodies = reportBodies(report(), format, 'abc');
    expect(readReportMarker(bodies.markdown)).toBe('abc');
    expect(bodies.adf.type).toBe('doc');
  });
});
