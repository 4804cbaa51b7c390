/** Wall-clock dates and times in a time zone, both ways (CSV files carry local times, Stint keeps instants). */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

function partsAt(at: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const found: Record<string, number> = {};
  for (const part of formatOf(timeZone).formatToParts(at)) if (part.type !== 'literal') found[part.type] = Number(part.value);
  return { year: found.year ?? 0, month: found.month ?? 1, day: found.day ?? 1, hour: found.hour ?? 0, minute: found.minute ?? 0, second: found.second ?? 0 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `{ date: 'YYYY-MM-DD', time: 'HH:MM:SS' }` of an instant in a zone. */
export function wallTime(at: number, timeZone: string): { date: string; time: string } {
  const p = partsAt(at, timeZone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` };
}

function offsetAt(at: number, timeZone: string): number {
  const p = partsAt(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The instant a wall-clock time names in a zone, or null for a date that does not exist (31 February). In a DST gap
 * the time is read with the offset from before the change, as most calendars do.
 */
export function instantOf(wall: WallClock, timeZone: string): number | null {
  const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== wall.year || check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day) return null;
  const first = utc - offsetAt(utc, timeZone);
  const second = utc - offsetAt(first, timeZone);
  return offsetAt(second, timeZone) === utc - second ? second : first;
}
