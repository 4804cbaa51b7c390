import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../../lib/core/entry';
import { TOGGL_COLUMNS } from '../../../../lib/core/portability/columns';
import { clockDuration, togglCsv } from '../../../../lib/core/portability/toggl-export';
import { readTimeCsv } from '../../../../lib/core/portability/time-csv';
import { instantOf, wallTime } from '../../../../lib/core/portability/zone';

const KEY = 'github:github.com/acme/checkout-web#12';
const URL = 'https://github.com/acme/checkout-web/issues/12';
const entry = (over: Partial<TimeEntry>): TimeEntry => ({
  id: 'e1',
  itemKey: KEY,
  start: Date.parse('2026-11-02T08:00:00Z'),
  end: Date.parse('2026-11-02T09:30:05Z'),
  note: '=cmd|calc',
  billable: true,
  author: 'me',
  origin: 'local',
  remote: {},
  sync: 'local',
  updatedAt: 0,
  deletedAt: null,
  ...over,
});

describe('Toggl-format export', () => {
  it('writes Toggl’s detailed-report columns, local times, HH:MM:SS, the URL in the description, formulas guarded', () => {
    const csv = togglCsv(
      [entry({}), entry({ id: 'running', end: null }), entry({ id: 'gone', deletedAt: 5 }), entry({ id: 'ben', author: 'ben.okafor', start: Date.parse('2026-11-02T22:30:00Z'), end: Date.parse('2026-11-03T01:00:00Z'), note: '', billable: false })],
      new Map([[KEY, { title: 'Rounding, "again"', url: URL }]]),
      'Europe/Berlin',
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${TOGGL_COLUMNS.join(',')}`);
    expect(lines[1]).toBe(`,,github.com,acme/checkout-web,"#12 Rounding, ""again""",'=cmd|calc ${URL},Yes,2026-11-02,09:00:00,2026-11-02,10:30:05,01:30:05,,`);
    expect(lines[2]).toBe(`ben.okafor,,github.com,acme/checkout-web,"#12 Rounding, ""again""",${URL},No,2026-11-02,23:30:00,2026-11-03,02:00:00,02:30:00,,`);
    expect(lines).toHaveLength(4); // the running and the deleted entry are not time worked yet / any more
  });

  it('reads back into the same spans and items', () => {
    const csv = togglCsv([entry({ note: 'Fix' })], new Map([[KEY, { title: 'x', url: URL }]]), 'America/New_York');
    const read = readTimeCsv(csv, { timeZone: 'America/New_York', itemKeyOfUrl: (u) => (u === URL ? KEY : null), jiraProjects: [] });
    expect(read).toMatchObject({ ok: true, candidates: [{ itemKey: KEY, start: Date.parse('2026-11-02T08:00:00Z'), end: Date.parse('2026-11-02T09:30:05Z'), note: 'Fix', billable: true }] });
  });

  it('formats durations past a day as Toggl does', () => {
    expect([0, 59, 3600, 30 * 3600 + 61].map(clockDuration)).toEqual(['00:00:00', '00:00:59', '01:00:00', '30:01:01']);
  });

  it('turns wall times into instants and back across daylight-saving changes', () => {
    const wall = { year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 };
    const at = instantOf(wall, 'Europe/Berlin')!;
    expect(new Date(at).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTime(at, 'Europe/Berlin')).toEqual({ date: '2026-03-29', time: '03:30:00' });
    expect(instantOf({ ...wall, month: 2, day: 30 }, 'UTC')).toBeNull();
    expect(new Date(instantOf({ year: 2026, month: 10, day: 25, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin')!).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});
