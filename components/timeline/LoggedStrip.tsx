import { useMemo } from 'react';
import { formatDuration } from '@/lib/core/duration';
import { dayNumber, xOf, type Scale } from '@/lib/core/timeline';
import { t } from '@/lib/i18n';

const HEIGHT = 40;

/**
 * Time logged per day under the timeline: one SVG path for every day (one DOM node whatever the range), on the
 * timeline's own scale, so it zooms with it and follows its sideways scroll. Its label says in words what the bars show.
 */
export function LoggedStrip({ days, scale, today }: { readonly days: readonly { day: string; seconds: number }[]; readonly scale: Scale; readonly today: number }) {
  const { path, label } = useMemo(() => {
    const max = days.reduce((m, d) => Math.max(m, d.seconds), 0);
    const total = days.reduce((s, d) => s + d.seconds, 0);
    const width = Math.max(1, scale.pxPerDay - (scale.pxPerDay > 4 ? 1 : 0));
    const parts = days.map((d) => {
      const h = max === 0 ? 0 : Math.max(1, Math.round((d.seconds / max) * (HEIGHT - 4)));
      return `M${xOf(scale, dayNumber(d.day)).toFixed(1)} ${HEIGHT}v-${h}h${width.toFixed(1)}v${h}z`;
    });
    const busiest = days.find((d) => d.seconds === max);
    const over = days.length === 1 ? t('timeline.loggedOverOne', { total: formatDuration(total) }) : t('timeline.loggedOver', { total: formatDuration(total), count: days.length });
    const most = busiest ? `, ${t('timeline.mostOn', { day: busiest.day, duration: formatDuration(busiest.seconds) })}` : '';
    const words = days.length === 0 ? t('timeline.noTimeLogged') : `${over}${most}.`;
    return { path: parts.join(''), label: t('timeline.perDay', { words }) };
  }, [days, scale]);
  return (
    <svg className="tl-logged" width={scale.width} height={HEIGHT} role="img" aria-label={label} data-testid="logged-per-day">
      <path d={path} />
      <rect className="tl-strip-today" x={today - 1} y={0} width={2} height={HEIGHT} />
    </svg>
  );
}
