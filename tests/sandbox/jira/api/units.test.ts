import { describe, expect, it } from 'vitest';
import { formatJiraDateTime, parseJiraDateTime, zonedTimeToEpoch } from './dates.ts';
import { formatJiraDuration, parseJiraDuration } from './duration.ts';
import { JiraError } from './errors.ts';
import { parseJql } from './jql-parse.ts';

describe('Jira durations (8-hour days, 5-day weeks)', () => {
  it('formats seconds the way Jira shows them', () => {
    expect(formatJiraDuration(0)).toBe('0m');
    expect(formatJiraDuration(59)).toBe('0m');
    expect(formatJiraDuration(5400)).toBe('1h 30m');
    expect(formatJiraDuration(8 * 3600)).toBe('1d');
    expect(formatJiraDuration(((5 + 2) * 8 + 3) * 3600)).toBe('1w 2d 3h');
    expect(formatJiraDuration(29_400)).toBe('1d 10m');
  });

  it('parses what people type, and refuses what Jira refuses', () => {
    expect(parseJiraDuration('1w 2d 3h')).toBe(((5 + 2) * 8 + 3) * 3600);
    expect(parseJiraDuration('2h')).toBe(7200);
    expect(parseJiraDuration('90m')).toBe(5400);
    expect(parseJiraDuration('1.5h')).toBe(5400);
    expect(parseJiraDuration('45')).toBe(2700);
    expect(parseJiraDuration('1h30m')).toBe(5400);
    for (const bad of ['', 'soon', '2x', 'h2', '1h and 2m']) expect(parseJiraDuration(bad)).toBeNull();
  });

  it('round-trips every formatted duration', () => {
    for (const seconds of [60, 3600, 5400, 28_800, 144_000, 212_400, 1_000_020]) expect(parseJiraDuration(formatJiraDuration(seconds))).toBe(seconds);
  });
});

describe('Jira date-times', () => {
  const instant = Date.UTC(2026, 10, 20, 8, 0, 0, 123);

  it('writes an instant in a person\'s zone with a colon-less offset', () => {
    expect(formatJiraDateTime(instant, 'Europe/Madrid')).toBe('2026-11-20T09:00:00.123+0100');
    expect(formatJiraDateTime(instant, 'Asia/Singapore')).toBe('2026-11-20T16:00:00.123+0800');
    expect(formatJiraDateTime(instant, 'America/New_York')).toBe('2026-11-20T03:00:00.123-0500');
    expect(formatJiraDateTime(Date.UTC(2026, 6, 1, 12), 'Europe/Madrid')).toBe('2026-07-01T14:00:00.000+0200');
  });

  it('reads only the format Jira accepts for worklog starts', () => {
    expect(parseJiraDateTime('2026-11-20T09:00:00.123+0100')).toBe(instant);
    expect(parseJiraDateTime('2026-11-20T03:00:00.123-0500')).toBe(instant);
    for (const bad of ['2026-11-20T08:00:00.123Z', '2026-11-20T09:00:00.123+01:00', '2026-11-20T09:00:00+0100', '2026-11-20']) expect(parseJiraDateTime(bad)).toBeNull();
  });

  it('turns a wall-clock time in a zone into an instant, across DST', () => {
    expect(zonedTimeToEpoch('Europe/Madrid', 2026, 11, 20, 9, 0)).toBe(Date.UTC(2026, 10, 20, 8));
    expect(zonedTimeToEpoch('Europe/Madrid', 2026, 7, 1, 14, 0)).toBe(Date.UTC(2026, 6, 1, 12));
  });
});

describe('JQL parsing', () => {
  it('reads clauses, lists, functions, AND/OR/NOT and ORDER BY', () => {
    const query = parseJql('project in (PAY, "OPS") AND (sprint in openSprints() OR NOT assignee is EMPTY) ORDER BY updated DESC, key');
    expect(query.orderBy).toEqual([
      { field: 'updated', direction: 'DESC' },
      { field: 'key', direction: null },
    ]);
    expect(query.where).toMatchObject({ kind: 'and', left: { kind: 'clause', field: 'project', op: 'in', values: [{ text: 'PAY' }, { text: 'OPS' }] } });
  });

  it('answers a syntax error with Jira\'s message and position', () => {
    const error = (() => {
      try {
        parseJql('project = PAY AMD sprint = 1');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).status).toBe(400);
    expect((error as JiraError).errorMessages[0]).toBe("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'AMD'. (line 1, character 15)");
  });

  it('knows an empty query and an ORDER BY alone are unrestricted', () => {
    expect(parseJql('').where).toBeNull();
    expect(parseJql('order by key desc').where).toBeNull();
  });
});
