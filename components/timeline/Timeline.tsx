import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { formatDuration } from '@/lib/core/duration';
import { anchoredScroll, barBox, buildLanes, dayNumber, rangeOf, rowsOf, scaleOf, ticksOf, visibleRows, xOf, type Row, type Scale, type Zoom } from '@/lib/core/timeline';
import type { ProjectTimeline, TimelineItem } from '@/lib/messaging/protocol-timeline';
import { LoggedStrip } from './LoggedStrip';
import { t } from '@/lib/i18n';

/**
 * The lanes and bars are our own DOM, not a chart library's: each item must be a focusable link a keyboard and a
 * screen reader can use, and only the rows in view are rendered (a thousand items cost what forty do). Positions come
 * from the pure scale in lib/core/timeline; a zoom is one re-render of the visible rows, never one per frame.
 */
export const ROW_HEIGHT = 28;
const AXIS_HEIGHT = 24;

export interface TimelineProps {
  readonly data: ProjectTimeline;
  readonly zoom: Zoom;
  readonly onOpen: (item: TimelineItem) => void;
}

const RISK_ICON = { critical: '⛔ ', warning: '⚠ ', info: 'ℹ ' } as const;

export function Timeline({ data, zoom, onOpen }: TimelineProps) {
  const lanes = useMemo(() => buildLanes(data.items, data.containers), [data.items, data.containers]);
  const rows = useMemo(() => rowsOf(lanes), [lanes]);
  const range = useMemo(() => rangeOf(lanes, data.today), [lanes, data.today]);
  const scale = useMemo(() => scaleOf(zoom, range), [zoom, range]);
  const ticks = useMemo(() => ticksOf(scale), [scale]);
  const itemRows = useMemo(() => rows.flatMap((row, index) => (row.kind === 'item' ? [index] : [])), [rows]);

  const scroller = useRef<HTMLDivElement>(null);
  const strip = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  const [active, setActive] = useState(0); // index into itemRows: the one item in the tab order
  const focusNext = useRef(false);
  const previous = useRef<Scale | null>(null);

  // Today in the middle at first; afterwards a zoom keeps the day at the centre where it was.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    el.scrollLeft = before && before.range === scale.range ? anchoredScroll(before, scale, el.scrollLeft, el.clientWidth) : Math.max(0, xOf(scale, dayNumber(data.today)) - el.clientWidth / 2);
    previous.current = scale;
    if (strip.current) strip.current.scrollLeft = el.scrollLeft;
  }, [scale, data.today]);

  // A new project opens at its first lane still running or to come, not at milestones finished long ago; a refresh of
  // the same project (time logged, a budget saved) leaves the view where the person put it.
  const placedFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || placedFor.current === data.projectKey) return;
    placedFor.current = data.projectKey;
    const today = dayNumber(data.today);
    const current = rows.findIndex((row) => row.kind === 'lane' && row.lane.key !== '' && (row.lane.to === null || row.lane.to >= today));
    el.scrollTop = Math.max(0, current) * ROW_HEIGHT;
    setView({ top: el.scrollTop, height: el.clientHeight });
    setActive(Math.max(0, itemRows.findIndex((row) => row > current)));
  }, [rows, itemRows, data.today, data.projectKey]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const onScroll = () => {
      // The strip below follows sideways at once (no render); the rows follow vertically once a frame.
      if (strip.current) strip.current.scrollLeft = el.scrollLeft;
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  const { start, end } = visibleRows(rows.length, ROW_HEIGHT, view.top - AXIS_HEIGHT, view.height);
  const activeRow = itemRows[Math.min(active, itemRows.length - 1)] ?? -1;
  // The focusable item stays rendered even when scrolled away, so Tab always finds the list.
  const shown = useMemo(() => {
    const list: number[] = [];
    for (let i = start; i < end; i++) list.push(i);
    if (activeRow >= 0 && (activeRow < start || activeRow >= end)) list.push(activeRow);
    return list;
  }, [start, end, activeRow]);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-row="${activeRow}"] a`)?.focus({ preventScroll: false });
  }, [activeRow]);

  const move = useCallback(
    (to: number) => {
      const next = Math.max(0, Math.min(itemRows.length - 1, to));
      const row = itemRows[next];
      const el = scroller.current;
      if (row === undefined || !el) return;
      const top = AXIS_HEIGHT + row * ROW_HEIGHT;
      if (top < el.scrollTop + AXIS_HEIGHT) el.scrollTop = top - AXIS_HEIGHT;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      focusNext.current = true;
      setActive(next);
    },
    [itemRows],
  );
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const keys: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + 10, PageUp: active - 10, Home: 0, End: itemRows.length - 1 };
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  const open = (e: MouseEvent<HTMLAnchorElement>, item: TimelineItem) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return; // a new tab or window, as links do
    e.preventDefault();
    onOpen(item);
  };

  const todayX = xOf(scale, dayNumber(data.today));
  const height = rows.length * ROW_HEIGHT;
  return (
    <>
      <div className="tl-scroll" ref={scroller} data-zoom={zoom} data-testid="timeline">
        <div className="tl-canvas" style={{ width: scale.width, height: AXIS_HEIGHT + height }}>
          <div className="tl-axis" aria-hidden="true">
            {ticks.map((t) => (
              <span key={t.day} className="tl-tick" data-major={t.major || undefined} style={{ left: xOf(scale, t.day) }}>
                {t.label}
              </span>
            ))}
          </div>
          <div className="tl-today" aria-hidden="true" style={{ left: todayX, height: AXIS_HEIGHT + height }} title={t('timeline.today', { day: data.today })} />
          <ul className="tl-rows" aria-label={t('timeline.itemsOf', { name: data.name })} style={{ height }} onKeyDown={onKeyDown}>
            {shown.map((index) => (
              <RowView key={rowKey(rows[index]!)} row={rows[index]!} index={index} scale={scale} tabbable={index === activeRow} onOpen={open} onFocus={() => setActive(itemRows.indexOf(index))} />
            ))}
          </ul>
        </div>
      </div>
      <div className="tl-strip" ref={strip}>
        <LoggedStrip days={data.loggedByDay} scale={scale} today={todayX} />
      </div>
    </>
  );
}

const rowKey = (row: Row<TimelineItem>) => (row.kind === 'lane' ? `lane:${row.lane.key}` : row.bar.item.key);

interface RowViewProps {
  readonly row: Row<TimelineItem>;
  readonly index: number;
  readonly scale: Scale;
  readonly tabbable: boolean;
  readonly onOpen: (e: MouseEvent<HTMLAnchorElement>, item: TimelineItem) => void;
  readonly onFocus: () => void;
}

function RowView({ row, index, scale, tabbable, onOpen, onFocus }: RowViewProps) {
  const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
  if (row.kind === 'lane') {
    const { lane } = row;
    const box = lane.from !== null && lane.to !== null ? barBox(scale, { from: lane.from, to: lane.to }) : null;
    return (
      <li className="tl-row tl-lane" data-row={index} style={style}>
        {box ? <span className="tl-lane-span" aria-hidden="true" style={{ left: box.left, width: box.width }} /> : null}
        <h3 className="tl-lane-title">
          {lane.title}
          <span className="muted">{lane.from !== null || lane.to !== null ? ` ${dates(lane.from, lane.to)}` : ''} · {lane.bars.length === 1 ? t('timeline.oneItem') : t('timeline.items', { count: lane.bars.length })}</span>
        </h3>
      </li>
    );
  }
  const { bar } = row;
  const item = bar.item;
  const box = barBox(scale, bar);
  const spent = formatDuration(item.spentSeconds) || '0m';
  const spentWords = item.estimateSeconds === null ? t('timeline.spentOnly', { spent }) : t('timeline.spentOf', { spent, budget: formatDuration(item.estimateSeconds) });
  const due = bar.due ? '' : ` ${t('timeline.noDue')}`;
  return (
    <li className="tl-row" data-row={index} style={style} data-testid="timeline-item" data-item={item.key}>
      <a
        href={item.url}
        className="tl-bar"
        data-risk={item.risk?.severity ?? 'none'}
        data-open={item.open || undefined}
        data-due={bar.due || undefined}
        style={{ left: box.left }}
        tabIndex={tabbable ? 0 : -1}
        title={item.risk?.reason ?? undefined}
        onClick={(e) => onOpen(e, item)}
        onFocus={onFocus}
      >
        <span className="tl-fill" style={{ width: box.width }} aria-hidden="true" />
        <span className="tl-label">
          {item.risk ? <span aria-hidden="true">{RISK_ICON[item.risk.severity]}</span> : null}
          {item.label} {item.title}
          <span className="tl-sr">
            {`, ${dates(bar.from, bar.to)}${due}, ${spentWords}${item.open ? '' : `, ${t('timeline.closed')}`}${item.risk ? `. ${item.risk.reason}` : ''}`}
          </span>
        </span>
      </a>
    </li>
  );
}

const dayLabel = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const dates = (from: number | null, to: number | null) => `${from === null ? '…' : dayLabel(from)} – ${to === null ? '…' : dayLabel(to)}`;
