import { ZOOMS, type Zoom } from '@/lib/core/timeline';
import { t, type PlainKey } from '@/lib/i18n';

const NAMES: Record<Zoom, PlainKey> = { week: 'timeline.week', month: 'timeline.month', quarter: 'timeline.quarter' };

/** Week / month / quarter: a toggle group, the current zoom pressed. */
export function ZoomButtons({ zoom, onZoom }: { readonly zoom: Zoom; readonly onZoom: (zoom: Zoom) => void }) {
  return (
    <div className="tl-zoom" role="group" aria-label={t('timeline.zoom')}>
      {ZOOMS.map((z) => (
        <button key={z} type="button" aria-pressed={z === zoom} onClick={() => onZoom(z)}>
          {t(NAMES[z])}
        </button>
      ))}
    </div>
  );
}
