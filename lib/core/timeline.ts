import type { Severity } from './risk';

/**
 * The side panel's timeline, pure: items grouped into lanes (their milestone / sprint), each item a bar from its start
 * (first time logged, else creation) to its due date, on a day axis whose scale follows the zoom. Days are whole UTC
 * day numbers of local calendar days (`YYYY-MM-DD`), so the axis never shifts with daylight saving.
 */

const DAY_MS = 86_400_000;

export type Zoom = 'week' | 'month' | 'quarter';
export const ZOOMS: readonly Zoom[] = ['week', 'month', 'quarter'];

/** Pixels per day at each zoom: a week fills a narrow panel, a month shows about a season, a quarter about a year. */
export const PX_PER_DAY: Record<Zoom, number> = { week: 40, month: 10, quarter: 3 };

export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayText = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export interface TimelineItemInput {
  readonly key: string;
  /** `#12`, `!7`, `PAY-3`. */
  readonly label: string;
  readonly title: string | null;
  readonly url: string;
  /** The lane: a container key, or null for items planned nowhere. */
  readonly containerKey: string | null;
  readonly startDay: string;
  /** Its own due date, else its container's. */
  readonly dueDay: string | null;
  /** Where a bar without a due date ends: the day it closed, else today. */
  readonly endDay: string;
  readonly open: boolean;
  readonly risk: { readonly severity: Severity } | null;
}

export interface TimelineLaneInput {
  readonly key: string;
  readonly title: string;
  readonly startDay: string | null;
  readonly dueDay: string | null;
}

export interface Bar<T extends TimelineItemInput = TimelineItemInput> {
  readonly item: T;
  readonly from: number;
  /** Inclusive. */
  readonly to: number;
  /** False when the bar ends at today or its closing day because there is no due date. */
  readonly due: boolean;
}

export interface Lane<T extends TimelineItemInput = TimelineItemInput> {
  /** A container key, or '' for the lane of items planned nowhere. */
  readonly key: string;
  readonly title: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly bars: readonly Bar<T>[];
}

export type Row<T extends TimelineItemInput = TimelineItemInput> = { readonly kind: 'lane'; readonly lane: Lane<T> } | { readonly kind: 'item'; readonly bar: Bar<T>; readonly laneKey: string };

export const UNPLANNED_LANE = 'No milestone or sprint';

function barOf<T extends TimelineItemInput>(item: T): Bar<T> {
  const from = dayNumber(item.startDay);
  const to = dayNumber(item.dueDay ?? item.endDay);
  // A due date before the start (planned late, worked early) still shows a one-day bar at its start.
  return { item, from: Math.min(from, to), to: Math.max(from, to), due: item.dueDay !== null };
}

/**
 * Lanes in plan order (by due date, then start; lanes without dates after dated ones, the unplanned lane last), bars
 * in each by start then end. Planned containers with no item still get a lane: the plan shows what is coming.
 */
export function buildLanes<T extends TimelineItemInput>(items: readonly T[], containers: readonly TimelineLaneInput[]): Lane<T>[] {
  const bars = new Map<string, Bar<T>[]>();
  for (const item of items) {
    const key = item.containerKey ?? '';
    const list = bars.get(key) ?? [];
    list.push(barOf(item));
    bars.set(key, list);
  }
  const known = new Map(containers.map((c) => [c.key, c]));
  for (const key of bars.keys()) if (key !== '' && !known.has(key)) known.set(key, { key, title: key.slice(key.lastIndexOf('#') + 1), startDay: null, dueDay: null });
  const lanes: Lane<T>[] = [...known.values()].map((c) => ({
    key: c.key,
    title: c.title,
    from: c.startDay === null ? null : dayNumber(c.startDay),
    to: c.dueDay === null ? null : dayNumber(c.dueDay),
    bars: sortBars(bars.get(c.key) ?? []),
  }));
  const far = Number.MAX_SAFE_INTEGER;
  lanes.sort((a, b) => (a.to ?? far) - (b.to ?? far) || (a.from ?? far) - (b.from ?? far) || a.title.localeCompare(b.title));
  const unplanned = bars.get('');
  if (unplanned) lanes.push({ key: '', title: UNPLANNED_LANE, from: null, to: null, bars: sortBars(unplanned) });
  return lanes;
}

const sortBars = <T extends TimelineItemInput>(bars: Bar<T>[]) => bars.sort((a, b) => a.from - b.from || a.to - b.to || a.item.label.localeCompare(b.item.label, undefined, { numeric: true }));

/** One row per lane heading and per item, in order: what the list virtualises. */
export function rowsOf<T extends TimelineItemInput>(lanes: readonly Lane<T>[]): Row<T>[] {
  const rows: Row<T>[] = [];
  for (const lane of lanes) {
    rows.push({ kind: 'lane', lane });
    for (const bar of lane.bars) rows.push({ kind: 'item', bar, laneKey: lane.key });
  }
  return rows;
}

export interface DayRange {
  readonly from: number;
  /** Inclusive. */
  readonly to: number;
}

/** The days the axis spans: every bar and lane, and today, with a week of margin, from a Monday. */
export function rangeOf(lanes: readonly Lane<TimelineItemInput>[], today: string): DayRange {
  let from = dayNumber(today);
  let to = from;
  const days = lanes.flatMap((lane) => [lane.from, lane.to, ...lane.bars.flatMap((bar) => [bar.from, bar.to])]);
  for (const day of days) {
    if (day === null) continue;
    from = Math.min(from, day);
    to = Math.max(to, day);
  }
  from -= 7;
  from -= (new Date(from * DAY_MS).getUTCDay() + 6) % 7; // back to a Monday
  return { from, to: to + 7 };
}

export interface Scale {
  readonly zoom: Zoom;
  readonly range: DayRange;
  readonly pxPerDay: number;
  /** The axis' full width in pixels. */
  readonly width: number;
}

export function scaleOf(zoom: Zoom, range: DayRange): Scale {
  const pxPerDay = PX_PER_DAY[zoom];
  return { zoom, range, pxPerDay, width: Math.ceil((range.to - range.from + 1) * pxPerDay) };
}

/** Where a day begins on the axis. */
export const xOf = (scale: Scale, day: number): number => (day - scale.range.from) * scale.pxPerDay;

/** A bar's left edge and width (at least a few pixels, so a one-day item at the quarter zoom stays visible). */
export function barBox(scale: Scale, bar: Pick<Bar, 'from' | 'to'>): { left: number; width: number } {
  return { left: xOf(scale, bar.from), width: Math.max(4, (bar.to - bar.from + 1) * scale.pxPerDay) };
}

export interface Tick {
  readonly day: number;
  readonly label: string;
  /** A month (week zoom), quarter (month zoom) or year (quarter zoom) boundary: drawn stronger. */
  readonly major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Labelled ticks: Mondays at the week zoom, months at the month zoom, quarters at the quarter zoom. */
export function ticksOf(scale: Scale): Tick[] {
  const ticks: Tick[] = [];
  for (let day = scale.range.from; day <= scale.range.to; day++) {
    const date = new Date(day * DAY_MS);
    const [d, m, y] = [date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear()];
    const month = MONTHS[m] ?? '';
    if (scale.zoom === 'week' && date.getUTCDay() === 1) ticks.push({ day, label: `${month} ${d}`, major: d <= 7 });
    else if (scale.zoom === 'month' && d === 1) ticks.push({ day, label: m === 0 ? `${month} ${y}` : month, major: m % 3 === 0 });
    else if (scale.zoom === 'quarter' && d === 1 && m % 3 === 0) ticks.push({ day, label: `Q${m / 3 + 1} ${y}`, major: m === 0 });
  }
  return ticks;
}

/**
 * The rows to render for a vertical scroll position: the visible ones and `overscan` either side. Only these are in
 * the DOM, so a thousand items cost what forty do.
 */
export function visibleRows(total: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 8): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  return { start: Math.max(0, Math.min(total, first - overscan)), end: Math.min(total, last + overscan) };
}

/** The horizontal scroll that keeps the day at the viewport's centre in place when the zoom changes. */
export function anchoredScroll(before: Scale, after: Scale, scrollLeft: number, viewportWidth: number): number {
  const centreDay = (scrollLeft + viewportWidth / 2) / before.pxPerDay;
  return Math.max(0, Math.min(after.width - viewportWidth, centreDay * after.pxPerDay - viewportWidth / 2));
}
