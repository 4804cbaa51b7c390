import type { Zoom } from '@/lib/core/timeline';
import type { ProjectTimeline, TimelineItem } from '@/lib/messaging/protocol-timeline';
import { BurnUp } from './BurnUp';
import { Timeline } from './Timeline';
import { ZoomButtons } from './ZoomButtons';
import { t } from '@/lib/i18n';

export interface ProjectPanelProps {
  readonly data: ProjectTimeline;
  readonly zoom: Zoom;
  readonly onZoom: (zoom: Zoom) => void;
  readonly burnUpScope: string | null;
  readonly onBurnUpScope: (scope: string) => void;
  readonly onOpen: (item: TimelineItem) => void;
  readonly onOpenSettings: () => void;
}

/** One project: its timeline (or what to do when there is nothing to show yet) and its burn-ups. */
export function ProjectPanel({ data, zoom, onZoom, burnUpScope, onBurnUpScope, onOpen, onOpenSettings }: ProjectPanelProps) {
  const empty = data.items.length === 0 && data.containers.length === 0;
  // By default the burn-up of the first milestone / sprint with a budget, else the project's.
  const chosen = data.burnUps.find((b) => b.scopeKey === burnUpScope) ?? data.burnUps.find((b) => b.kind === 'container' && b.budget) ?? data.burnUps[0];
  return (
    <>
      <section className="card" aria-labelledby="timeline-title">
        <div className="tl-head">
          <h2 id="timeline-title">{t('timeline.timeline')}</h2>
          <ZoomButtons zoom={zoom} onZoom={onZoom} />
        </div>
        {!data.tracked ? (
          <div className="tl-empty" role="status">
            <p>{t('timeline.notSynced', { name: data.name })}</p>
            <p className="hint">{t('timeline.notSyncedHint')}</p>
            <button type="button" onClick={onOpenSettings}>{t('timeline.openSettings')}</button>
          </div>
        ) : empty ? (
          <p className="tl-empty" role="status">
            {t('timeline.nothingPlanned', { name: data.name })}
          </p>
        ) : (
          <>
            <p className="hint" id="timeline-keys">
              {t('timeline.keys')}
            </p>
            <Timeline data={data} zoom={zoom} onOpen={onOpen} />
            {data.omitted > 0 ? <p className="hint">{t('timeline.omitted', { count: data.omitted })}</p> : null}
          </>
        )}
      </section>
      {chosen && !empty ? (
        <section className="card" aria-labelledby="burnup-title">
          <div className="tl-head">
            <h2 id="burnup-title">{t('timeline.burnUp')}</h2>
            {data.burnUps.length > 1 ? (
              <span className="tl-picker">
                <label htmlFor="burnup-scope">{t('timeline.for')}</label>
                <select id="burnup-scope" value={chosen.scopeKey} onChange={(e) => onBurnUpScope(e.target.value)}>
                  {data.burnUps.map((b) => (
                    <option key={b.scopeKey} value={b.scopeKey}>
                      {b.kind === 'project' ? t('timeline.projectScope', { name: b.name }) : b.name}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
          </div>
          <BurnUp view={chosen} />
        </section>
      ) : null}
    </>
  );
}
