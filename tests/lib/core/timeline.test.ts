import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchoredScroll, barBox, buildLanes, dayNumber, dayText, rangeOf, rowsOf, scaleOf, ticksOf, UNPLANNED_LANE, visibleRows, type TimelineItemInput } from '../../../lib/core/timeline';
import { TIMELINE_PROJECT, timelineItem } from '../../support/timeline';

const P = TIMELINE_PROJECT;
/** Due on 20 Nov, before the milestone's end, so a bar's due end and its lane's differ. */
const item = (n: number, over: Partial<TimelineItemInput> = {}): TimelineItemInput => ({ ...timelineItem(n, { dueDay: '2026-11-20' }), ...over });
const lanes = [
  { key: `${P}#milestone:2`, title: 'Later', startDay: '2026-12-01', dueDay: '2026-12-31' },
  { key: `${P}#milestone:1`, title: 'Now', startDay: '2026-11-01', dueDay: '2026-11-30' },
  { key: `${P}#milestone:3`, title: 'Someday', startDay: null, dueDay: null },
];

describe('timeline lanes and bars', () => {
  it('groups items into lanes in plan order, the unplanned lane last, bars by start', () => {
    const built = buildLanes([item(3, { startDay: '2026-11-10' }), item(1), item(2, { containerKey: null }), item(4, { containerKey: `${P}#milestone:2` })], lanes);
    expect(built.map((l) => l.title)).toEqual(['Now', 'Later', 'Someday', UNPLANNED_LANE]);
    expect(built[0]!.bars.map((b) => b.item.label)).toEqual(['#1', '#3']);
    expect(built[2]!.bars).toEqual([]); // a planned container with nothing in it yet still shows
    expect(rowsOf(built).map((r) => (r.kind === 'lane' ? r.lane.title : r.bar.item.label))).toEqual(['Now', '#1', '#3', 'Later', '#4', 'Someday', UNPLANNED_LANE, '#2']);
  });

  it('runs a bar from its start to its due date, or to its end day without one, never backwards', () => {
    const [lane] = buildLanes([item(1), item(2, { dueDay: null }), item(3, { startDay: '2026-11-25', dueDay: '2026-11-20' })], lanes.slice(1, 2));
    const byLabel = new Map(lane!.bars.map((b) => [b.item.label, b]));
    expect(byLabel.get('#1')).toMatchObject({ from: dayNumber('2026-11-02'), to: dayNumber('2026-11-20'), due: true });
    expect(byLabel.get('#2')).toMatchObject({ to: dayNumber('2026-11-26'), due: false });
    expect(byLabel.get('#3')).toMatchObject({ from: dayNumber('2026-11-20'), to: dayNumber('2026-11-25') });
  });

  it('names a lane of a container it was not told about by its key', () => {
    const [lane] = buildLanes([item(1, { containerKey: `${P}#sprint:9` })], []);
    expect(lane!.title).toBe('sprint:9');
  });
});

describe('timeline scale', () => {
  const built = buildLanes([item(1, { startDay: '2026-01-05', dueDay: '2026-12-20' })], []);
  const range = rangeOf(built, '2026-11-26');

  it('spans every bar and today with a week of margin, from a Monday', () => {
    expect(dayText(range.from)).toBe('2025-12-29');
    expect(new Date(`${dayText(range.from)}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(dayText(range.to)).toBe('2026-12-27');
  });

  it('zooming changes pixels per day and the axis width, and bars follow', () => {
    const week = scaleOf('week', range);
    const quarter = scaleOf('quarter', range);
    expect(week.pxPerDay).toBeGreaterThan(scaleOf('month', range).pxPerDay);
    expect(scaleOf('month', range).pxPerDay).toBeGreaterThan(quarter.pxPerDay);
    expect(week.width).toBe(Math.ceil((range.to - range.from + 1) * week.pxPerDay));
    const bar = { from: dayNumber('2026-02-01'), to: dayNumber('2026-02-01') };
    expect(barBox(week, bar)).toEqual({ left: (bar.from - range.from) * 40, width: 40 });
    expect(barBox(quarter, bar).width).toBe(4); // one day stays visible
  });

  it('ticks Mondays, months or quarters by zoom', () => {
    expect(ticksOf(scaleOf('week', range)).slice(0, 2).map((t) => t.label)).toEqual(['Dec 29', 'Jan 5']);
    expect(ticksOf(scaleOf('month', range)).map((t) => t.label).slice(0, 3)).toEqual(['Jan 2026', 'Feb', 'Mar']);
    expect(ticksOf(scaleOf('quarter', range)).map((t) => t.label)).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
  });

  it('keeps the day at the centre when zooming', () => {
    const week = scaleOf('week', range);
    const month = scaleOf('month', range);
    const left = anchoredScroll(week, month, 4000, 400);
    expect((left + 200) / month.pxPerDay).toBeCloseTo((4000 + 200) / week.pxPerDay);
    expect(anchoredScroll(week, month, 0, 400)).toBe(0);
  });
});

describe('visible rows', () => {
  it('renders the rows in view and a few either side', () => {
    expect(visibleRows(1000, 28, 0, 280, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRows(1000, 28, 2800, 280, 5)).toEqual({ start: 95, end: 115 });
    expect(visibleRows(10, 28, 2800, 280, 5)).toEqual({ start: 10, end: 10 });
  });

  it('always covers the viewport, whatever the scroll', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 10, max: 60 }), fc.nat(200_000), fc.integer({ min: 1, max: 2000 }), (total, h, top, height) => {
        const { start, end } = visibleRows(total, h, top, height, 3);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(total);
        for (let row = Math.floor(top / h); row < Math.min(total, Math.ceil((top + height) / h)); row++) {
          expect(row >= start && row < end).toBe(true);
        }
        expect(end - start).toBeLessThanOrEqual(Math.ceil(height / h) + 1 + 6);
      }),
    );
  });
});
