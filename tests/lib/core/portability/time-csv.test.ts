import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryOfCandidate, readTimeCsv, type TimeCsvOptions } from '../../../../lib/core/portability/time-csv';

const GH = 'https://github.com/acme/checkout-web/issues/12';
const options: TimeCsvOptions = {
  timeZone: 'Europe/Berlin',
  itemKeyOfUrl: (url) => {
    const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/issues\/(\d+)$/.exec(url);
    return m ? `github:github.com/${m[1]}#${m[2]}` : null;
  },
  jiraProjects: [{ host: 'acme.atlassian.net', project: 'PAY' }],
};

const TOGGL_HEADER = 'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()';
const CLOCKIFY_HEADER = 'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (EUR),Billable Amount (EUR)';

describe('reading Toggl Track and Clockify detailed reports', () => {
  it('reads a Toggl export (BOM, quoted description) in the person’s zone, matched by URL or Jira key', () => {
    const csv = [
      `\uFEFF${TOGGL_HEADER}`,
      `Ana,ana@example.com,Acme,Checkout,,"Fix rounding, again ${GH}",Yes,2026-11-02,09:00:00,2026-11-02,10:30:00,01:30:00,,`,
      'Ana,ana@example.com,Acme,Payments,PAY-7 Refunds,Call with finance,No,2026-11-02,14:00:00,2026-11-02,14:45:00,00:45:00,,',
    ].join('\r\n');
    const read = readTimeCsv(csv, options);
    expect(read).toMatchObject({ ok: true, format: 'toggl', rejected: [], unmatched: [], unknownColumns: [], dates: { order: 'ymd', ambiguous: false } });
    if (!read.ok) return;
    expect(read.candidates).toEqual([
      { row: 2, itemKey: 'github:github.com/acme/checkout-web#12', start: Date.parse('2026-11-02T08:00:00Z'), end: Date.parse('2026-11-02T09:30:00Z'), note: 'Fix rounding, again', billable: true, url: GH },
      { row: 3, itemKey: 'jira:acme.atlassian.net/PAY-7', start: Date.parse('2026-11-02T13:00:00Z'), end: Date.parse('2026-11-02T13:45:00Z'), note: 'Call with finance', billable: false, url: 'https://acme.atlassian.net/browse/PAY-7' },
    ]);
  });

  it('reads a Clockify export with month-first dates and 12-hour times', () => {
    const csv = [CLOCKIFY_HEADER, `Checkout,Acme,${GH},,Ana,,ana@example.com,,Yes,11/15/2026,02:00 PM,11/15/2026,03:30 PM,01:30:00,1.50,0,0`].join('\n');
    const read = readTimeCsv(csv, { ...options, timeZone: 'UTC' });
    expect(read).toMatchObject({ ok: true, format: 'clockify', dates: { order: 'mdy', ambiguous: false } });
    if (read.ok) expect(read.candidates[0]).toMatchObject({ start: Date.parse('2026-11-15T14:00:00Z'), end: Date.parse('2026-11-15T15:30:00Z'), note: '' });
  });

  it('tells day-first dates from a day over 12, and says when it could not tell', () => {
    const row = (date: string) => `P,C,${GH},,Ana,,,,No,${date},09:00,${date},10:00,01:00:00,1,0,0`;
    const dayFirst = readTimeCsv([CLOCKIFY_HEADER, row('03/04/2026'), row('25/04/2026')].join('\n'), { ...options, timeZone: 'UTC' });
    expect(dayFirst).toMatchObject({ ok: true, dates: { order: 'dmy', ambiguous: false } });
    if (dayFirst.ok) expect(dayFirst.candidates[0]!.start).toBe(Date.parse('2026-04-03T09:00:00Z'));
    expect(readTimeCsv([CLOCKIFY_HEADER, row('03/04/2026')].join('\n'), options)).toMatchObject({ ok: true, dates: { order: 'mdy', ambiguous: true } });
  });

  it('rejects broken rows one by one, each with its row number and reason, and lists unmatched rows', () => {
    const csv = [
      `${TOGGL_HEADER},Mood`,
      `Ana,,,,,${GH},No,2026-13-45,09:00:00,2026-11-02,10:00:00,01:00:00,,,ok`,
      `Ana,,,,,${GH},No,2026-11-02,9 o'clock,2026-11-02,10:00:00,01:00:00,,,ok`,
      `Ana,,,,,${GH},No,2026-11-02,09:00:00,2026-11-02,08:00:00,-01:00:00,,,ok`,
      `Ana,,,,,${GH},No,2026-11-02,09:00:00,2026-11-02,08:00:00,01:00:00,,,ok`,
      `Ana,,,,,${GH},No,2026-11-02,09:00:00`,
      `Ana,,,,,${GH},No,2026-02-31,09:00:00,,,01:00:00,,,ok`,
      'Ana,,,,,Lunch planning,No,2026-11-02,12:00:00,2026-11-02,12:30:00,00:30:00,,,ok',
      'Ana,,,,,FOO-3 is not ours,No,2026-11-02,12:00:00,2026-11-02,12:30:00,00:30:00,,,ok',
      `Ana,,,,,${GH},No,2026-11-02,09:00:00,,,02:00:00,,,ok`,
      '',
    ].join('\n');
    const read = readTimeCsv(csv, { ...options, timeZone: 'UTC' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.unknownColumns).toEqual(['Mood']);
    expect(read.rejected.map((r) => [r.row, r.reason])).toEqual([
      [2, 'The start date “2026-13-45” does not exist.'],
      [3, 'The start time “9 o\'clock” is not a time.'],
      [4, 'The duration “-01:00:00” is negative.'],
      [5, 'It ends before it starts.'],
      [6, 'It has 9 cells; the header has 15.'],
      [7, 'The start date “2026-02-31” does not exist.'],
    ]);
    expect(read.unmatched.map((r) => r.row)).toEqual([8, 9]);
    expect(read.unmatched[0]!.reason).toBe('No issue URL, and no key of a Jira project Stint knows, in the description or task.');
    expect(read.candidates).toEqual([expect.objectContaining({ row: 10, end: Date.parse('2026-11-02T11:00:00Z') })]);
  });

  it('refuses a file that is not a report, or lacks a needed column, saying which', () => {
    expect(readTimeCsv('Title,Due\nA,B', options)).toMatchObject({ ok: false, error: expect.stringMatching(/^This is not a Toggl Track or Clockify detailed report: .* it starts “Title, Due”\.$/) });
    expect(readTimeCsv('Description,Start date,Duration\nx,2026-01-01,01:00:00', options)).toEqual({ ok: false, error: 'The file has no “start time” column.' });
    expect(readTimeCsv('', options)).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('rejects 5 MB of garbage with a reason, without throwing', () => {
    let garbage = '';
    let seed = 7;
    while (garbage.length < 5_000_000) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      garbage += String.fromCharCode(32 + (seed % 90));
    }
    const read = readTimeCsv(garbage, options);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/^This is not a Toggl Track or Clockify detailed report: .* but it starts “/);
    // The same garbage under a real header: every row rejected or unmatched, none dropped silently.
    const lines = garbage.replaceAll('"', '').match(/.{1,200}/g)!.slice(0, 2000);
    const rows = readTimeCsv([TOGGL_HEADER, ...lines].join('\n'), options);
    expect(rows.ok).toBe(true);
    if (rows.ok) expect(rows.rejected.length + rows.unmatched.length + rows.candidates.length).toBe(lines.filter((l) => l.trim() !== '').length);
  });

  it('gives the same row the same entry id, so importing it twice finds it', () => {
    const candidate = { row: 2, itemKey: 'github:github.com/acme/app#1', start: 1, end: 2, note: 'x', billable: false, url: null };
    expect(entryOfCandidate(candidate, 10).id).toBe(entryOfCandidate({ ...candidate, row: 9 }, 99).id);
    expect(entryOfCandidate(candidate, 10).id).not.toBe(entryOfCandidate({ ...candidate, note: 'y' }, 10).id);
    expect(entryOfCandidate(candidate, 10)).toMatchObject({ author: 'me', origin: 'local', sync: 'local', remote: {}, deletedAt: null });
  });

  it('never throws on any text (10,000 cases): a report or a reason', () => {
    const cell = fc.oneof(fc.constantFrom('', '2026-11-02', '11/02/2026', '09:00:00', '02:00 PM', '01:30:00', '-00:10:00', GH, 'PAY-12', '"', 'Yes'), fc.string({ maxLength: 12 }));
    const line = fc.array(cell, { maxLength: 16 }).map((cells) => cells.join(','));
    const file = fc.tuple(fc.constantFrom(TOGGL_HEADER, CLOCKIFY_HEADER, 'a,b', ''), fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n')).map(([head, lines, nl]) => [head, ...lines].join(nl));
    fc.assert(
      fc.property(fc.oneof(file, fc.string({ maxLength: 100 })), (text) => {
        const read = readTimeCsv(text, options);
        if (!read.ok) expect(typeof read.error).toBe('string');
        else for (const c of read.candidates) expect(c.end).toBeGreaterThanOrEqual(c.start);
      }),
      { numRuns: 10_000 },
    );
  });
});
