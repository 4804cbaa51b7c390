/**
 * GitLab's time-tracking units: 1mo = 4w, 1w = 5d, 1d = 8h (working time, not calendar time), as its
 * `/estimate` and `/spend` quick actions, the REST `duration` parameter and GraphQL `timeSpent` read them.
 */
const HOUR = 3600;
const UNIT_SECONDS: Record<string, number> = {
  mo: 4 * 5 * 8 * HOUR,
  w: 5 * 8 * HOUR,
  d: 8 * HOUR,
  h: HOUR,
  m: 60,
  s: 1,
};

const UNIT_ALIASES: Record<string, keyof typeof UNIT_SECONDS> = {
  mo: 'mo', mos: 'mo', month: 'mo', months: 'mo',
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  d: 'd', day: 'd', days: 'd',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
};

/** One `<number><unit>` group with the spaces, comma or "and" that may follow it. */
const PART = /(\d+(?:\.\d+)?)\s*([a-z]*)\s*(?:,\s*)?(?:and\s+)?/y;

/**
 * Seconds for a GitLab duration such as `1h30m`, `1h 30m`, `1.5h`, `3` (bare numbers are hours) or
 * `1mo 2w 3d 4h 5m 6s`; a leading `-` subtracts. `null` when the text is not a duration (GitLab answers 400).
 */
export function parseDuration(text: string): number | null {
  let rest = text.trim().toLowerCase();
  const negative = rest.startsWith('-');
  if (negative) rest = rest.slice(1).trim();
  if (rest === '') return null;
  let seconds = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < rest.length) {
    const part = PART.exec(rest);
    if (!part) return null;
    const unit = part[2] === '' ? 'h' : UNIT_ALIASES[part[2] ?? ''];
    if (unit === undefined) return null;
    seconds += Number(part[1]) * (UNIT_SECONDS[unit] ?? 0);
  }
  const rounded = Math.round(seconds);
  return negative ? -rounded : rounded;
}

/** `1w 2d 3h 30m` the way GitLab shows `human_time_estimate`; `null` for zero, as GitLab leaves it empty. */
export function humanDuration(seconds: number): string | null {
  if (seconds === 0) return null;
  if (seconds < 0) return `-${humanDuration(-seconds) ?? ''}`;
  let rest = seconds;
  const parts: string[] = [];
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${unit}`);
  }
  return parts.join(' ');
}
