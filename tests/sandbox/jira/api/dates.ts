/**
 * Date-times the way Jira writes and reads them: `2026-11-20T09:00:00.000+0100` (milliseconds, offset without a
 * colon) in a person's IANA time zone, and the date formats JQL accepts.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

/** Minutes east of UTC in `timeZone` at instant `ms`. */
function offsetMinutes(ms: number, timeZone: string): number {
  const wall = wallClock(ms, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-20T09:00:00.000+0100` for the instant `ms` seen from `timeZone`. */
export function formatJiraDateTime(ms: number, timeZone: string): string {
  const offset = offsetMinutes(ms, timeZone);
  const wall = wallClock(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const millis = ((ms % 1000) + 1000) % 1000;
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${pad(millis, 3)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The Agile API and the sprint field write UTC with a `Z`. */
export function formatUtcDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The instant of a wall-clock time in `timeZone` (month 1-based). */
export function zonedTimeToEpoch(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  // Near a DST switch the offset at the guess may differ from the offset at the answer: correct once.
  return guess - offsetMinutes(first, timeZone) * 60_000;
}

/**
 * Jira's worklog `started` format, strictly: `yyyy-MM-dd'T'HH:mm:ss.SSSZ` with a `+hhmm` offset. Real Jira rejects
 * `Z` or `+01:00` here, so the sandbox does too (a client that sends `toISOString()` must find out in tests).
 */
export function parseJiraDateTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})([+-])(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, sign, oh, om] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  const offset = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  const result = local - offset * 60_000;
  return Number.isNaN(result) ? null : result;
}

/** `yyyy-MM-dd` of an instant in a time zone. */
export function localDate(ms: number, timeZone: string): string {
  const wall = wallClock(ms, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}
