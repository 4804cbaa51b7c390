import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDuration } from '@/lib/core/duration';
import type { BurnUpView } from '@/lib/messaging/protocol-timeline';
import { t } from '@/lib/i18n';

/**
 * The burn-up chart is uPlot: about 50 KB minified (20 KB gzipped), one canvas whatever the number of days, and it
 * draws a year of daily points in a millisecond or two — lighter than recharts (SVG node per point, ~100 KB gz with
 * its d3 parts) and than assembling visx pieces. The figures beside it are text (the same as the popup's), so the
 * canvas is decoration for screen readers.
 */
const levelWords = (level: 'ok' | 'watch' | 'warn' | 'over') =>
  ({ ok: t('popup.levelOk'), watch: t('popup.levelWatch'), warn: t('popup.levelWarn'), over: t('popup.levelOver') })[level];
const HEIGHT = 170;

const canDraw = () => typeof HTMLCanvasElement !== 'undefined' && document.createElement('canvas').getContext('2d') !== null;
const hours = (values: readonly (number | null)[]) => values.map((v) => (v === null ? null : v / 3600));

function colours(el: Element) {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { fg: read('--fg', '#1f2328'), grid: read('--border', '#d1d9e0'), spent: read('--tl-spent', '#4f46e5'), budget: read('--tl-budget', '#b91c1c'), forecast: read('--tl-forecast', '#b45309') };
}

function chart(el: HTMLElement, view: BurnUpView): uPlot {
  const c = colours(el);
  const xs = view.days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const budget = view.days.map(() => (view.budgetSeconds === null ? null : view.budgetSeconds / 3600));
  const axis = { stroke: c.fg, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  return new uPlot(
    {
      width: Math.max(200, el.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { y: { range: (_u, min, max) => [0, Math.max(1, max, min) * 1.08] } },
      axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => `${t}h`), size: 44 }],
      series: [
        {},
        { label: t('timeline.spent'), stroke: c.spent, width: 2, fill: `${c.spent}22`, points: { show: false } },
        { label: t('timeline.budget'), stroke: c.budget, width: 1.5, dash: [6, 4], points: { show: false } },
        { label: t('timeline.forecast'), stroke: c.forecast, width: 2, dash: [3, 3], points: { show: false } },
      ],
    },
    [xs, hours(view.spent), budget, hours(view.projected)],
    el,
  );
}

export function BurnUp({ view }: { readonly view: BurnUpView }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || !canDraw()) return;
    let plot = chart(el, view);
    // Redraw in the other scheme's colours when the browser switches; follow the panel's width.
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => {
      plot.destroy();
      plot = chart(el, view);
    };
    scheme.addEventListener('change', recolour);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      scheme.removeEventListener('change', recolour);
      resize.disconnect();
      plot.destroy();
    };
  }, [view]);
  const b = view.budget;
  const spent = formatDuration(view.spentSeconds) || '0m';
  const spentWords = view.budgetSeconds === null ? t('timeline.spentOnly', { spent }) : t('timeline.spentOf', { spent, budget: formatDuration(view.budgetSeconds) });
  return (
    <figure className="tl-burnup" aria-labelledby={`burnup-${view.scopeKey}`}>
      <div ref={host} className="tl-burnup-chart" aria-hidden="true" data-testid="burnup-chart" />
      <figcaption id={`burnup-${view.scopeKey}`}>
        <span className="tl-legend" aria-hidden="true">
          <span data-series="spent">{t('timeline.spent')}</span> <span data-series="budget">{t('timeline.budget')}</span>{' '}
          <span data-series="forecast">{t('timeline.forecast')}</span>
        </span>
        {b ? (
          <span className="tl-figures" data-testid="burnup-figures" data-level={b.level}>
            {view.name} {b.percent === null ? '' : `${Math.round(b.percent)} %`}
            {b.spentMoney ? ` · ${b.spentMoney}` : ''} — {levelWords(b.level)}
          </span>
        ) : (
          <span className="tl-figures" data-testid="burnup-figures">
            {t('timeline.noBudget', { name: view.name })}
          </span>
        )}
        <span className="tl-spent" data-testid="burnup-spent">
          {spentWords}
          {view.dueDay ? `, ${t('timeline.due', { day: view.dueDay })}` : ''}; {t('timeline.burnRate', { burn: formatDuration(Math.round(view.burnPerDay / 60) * 60) || '0m' })}
        </span>
        {b?.risk ? (
          <span className="budget-risk" data-severity={b.risk.severity}>
            <span aria-hidden="true">{b.risk.severity === 'critical' ? '⛔' : '⚠'} </span>
            {b.risk.reason}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
