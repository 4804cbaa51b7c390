/**
 * Durations in whole seconds: parsing what people type (`1h 30m`, `1.5h`, `90m`, `1:30`, Jira's `1w 2d 3h`) and
 * formatting for people and for providers. Days and weeks are *working* days and weeks, as in Jira and GitLab.
 */

export interface WorkWeek {
  readonly hoursPerDay: number;
  readonly daysPerWeek: number;
}

/**
 * Longer than any real estimate or worklog (100 years): a provider's payload beyond it is unreadable, not a duration
 * (its end would not even be a date).
 */
export const MAX_PROVIDER_SECONDS = 100 * 365 * 24 * 3600;

/** Jira's and GitLab's defaults. */
export const STANDARD_WORK_WEEK: WorkWeek = { hoursPerDay: 8, daysPerWeek: 5 };

const UNIT_ALIASES: Record<string, 'w' | 'd' | 'h' | 'm' | 's'> = {
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  d: 'd', day: 'd', days: 'd',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
};

function unitSeconds(unit: 'w' | 'd' | 'h' | 'm' | 's', week: WorkWeek): number {
  switch (unit) {
    case 'w':
      return week.daysPerWeek * week.hoursPerDay * 3600;
    case 'd':
      return week.hoursPerDay * 3600;
    case 'h':
      return 3600;
    case 'm':
      return 60;
    case 's':
      return 1;
  }
}

const CLOCK = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/;
const PART = /(\d+(?:[.,]\d+)?)\s*([a-z]+)/gy;

/**
 * Parse a duration a person typed. Returns whole seconds, or null when the text is not a duration (never throws, never
 * negative). A bare number means minutes, as in Jira's default and Toggl.
 */
export function parseDuration(input: string, week: WorkWeek = STANDARD_WORK_WEEK): number | null {
  const text = input.trim().toLowerCase();
  if (text.length === 0 || text.length > 100) return null;
  const clock = CLOCK.exec(text);
  if (clock) return wholeSeconds(Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0));
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return wholeSeconds(Number(text.replace(',', '.')) * 60);

  const compact = text.replace(/\s+/g, ' ');
  let total = 0;
  let matched = 0;
  const seen = new Set<string>();
  PART.lastIndex = 0;
  while (PART.lastIndex < compact.length) {
    if (compact[PART.lastIndex] === ' ') {
      PART.lastIndex++;
      continue;
    }
    const at = PART.lastIndex;
    const m = PART.exec(compact);
    if (!m || m.index !== at) return null;
    const unit = UNIT_ALIASES[m[2] ?? ''];
    if (!unit || seen.has(unit)) return null; // "1h 2h" is a typo, not 3h
    seen.add(unit);
    total += Number((m[1] ?? '0').replace(',', '.')) * unitSeconds(unit, week);
    matched++;
  }
  if (matched === 0) return null;
  return wholeSeconds(total);
}

/** Past 2^53 seconds are no longer whole numbers (`120000000000w` is a typo, not a duration): null. */
function wholeSeconds(total: number): number | null {
  const seconds = Math.round(total);
  return Number.isSafeInteger(seconds) ? seconds : null;
}

export type DurationStyle =
  /** `1h 30m`, `45m`, `2h 0m 5s`: hours at most (what a person reads on a badge). */
  | 'short'
  /** `1:30`, `0:05:07`: an elapsed clock (h:mm, seconds only when present). */
  | 'clock'
  /** `0:05:00`, `1:30:07`: a running stopwatch (always h:mm:ss, so it does not jump in width every second). */
  | 'stopwatch'
  /** `1w 2d 3h 4m`: working weeks and days, as Jira writes `timeSpent`. */
  | 'jira';

/** Format whole seconds (negative input is treated as 0). `parseDuration(formatDuration(d, s), week) === d`. */
export function formatDuration(seconds: number, style: DurationStyle = 'short', week: WorkWeek = STANDARD_WORK_WEEK): string {
  let rest = Math.max(0, Math.round(seconds));
  if (style === 'clock' || style === 'stopwatch') {
    const h = Math.floor(rest / 3600);
    const m = Math.floor((rest % 3600) / 60);
    const s = rest % 60;
    return s === 0 && style === 'clock' ? `${h}:${pad(m)}` : `${h}:${pad(m)}:${pad(s)}`;
  }
  const units: ('w' | 'd' | 'h' | 'm' | 's')[] = style === 'jira' ? ['w', 'd', 'h', 'm', 's'] : ['h', 'm', 's'];
  const parts: string[] = [];
  for (const unit of units) {
    const size = unitSeconds(unit, week);
    // Fractional hours per day (7.5 h) make week/day sizes non-integral: take whole units only.
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count}${unit}`);
      rest -= count * size;
    }
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
