import { ZOOMS, type Zoom } from '@/lib/core/timeline';

const NAMES: Record<Zoom, string> = { week: 'Week', month: 'Month', quarter: 'Quarter' };

/** Week / month / quarter: a toggle group, the current zoom pressed. */
export function ZoomButtons({ zoom, onZoom }: { readonly zoom: Zoom; readonly onZoom: (zoom: Zoom) => void }) {
  return (
    <div className="tl-zoom" role="group" aria-label="Zoom">
      {ZOOMS.map((z) => (
        <button key={z} type="button" aria-pressed={z === zoom} onClick={() => onZoom(z)}>
          {NAMES[z]}
        </button>
      ))}
    </div>
  );
}
