/**
 * Jira's duration strings (`1w 2d 3h 30m`) with Jira's default time-tracking settings: a working day is 8 hours and a
 * working week 5 days, so `1w` is 144,000 seconds, not 604,800.
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;

const UNITS: readonly (readonly [string, number])[] = [
  ['w', WEEK],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
];

/** Seconds as Jira shows them: whole minutes, largest units first, zero parts left out (`0m` for nothing). */
export function formatJiraDuration(seconds: number): string {
  let rest = Math.max(0, Math.floor(seconds / MINUTE)) * MINUTE;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

/**
 * Parse what a person types into Jira's time fields: `2h`, `1w 2d`, `1.5h`, `90m`, or a bare number of minutes.
 * Returns null when Jira would answer "Invalid time duration entered."
 */
export function parseJiraDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * MINUTE;
  const token = /(\d+(?:\.\d+)?)\s*([wdhm])\s*/gy;
  let total = 0;
  let consumed = 0;
  for (let match = token.exec(trimmed); match; match = token.exec(trimmed)) {
    const size = UNITS.find(([unit]) => unit === match?.[2])?.[1] ?? 0;
    total += Number(match[1]) * size;
    consumed = token.lastIndex;
  }
  if (consumed !== trimmed.length) return null;
  return Math.round(total);
}
