import type { Zoom } from '@/lib/core/timeline';
import type { ProjectTimeline, TimelineItem } from '@/lib/messaging/protocol-timeline';
import { BurnUp } from './BurnUp';
import { Timeline } from './Timeline';
import { ZoomButtons } from './ZoomButtons';

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
          <h2 id="timeline-title">Timeline</h2>
          <ZoomButtons zoom={zoom} onZoom={onZoom} />
        </div>
        {!data.tracked ? (
          <div className="tl-empty" role="status">
            <p>Stint has not synced {data.name} yet.</p>
            <p className="hint">Connect its provider in Settings, then open one of its issues: Stint keeps the project in sync from then on and its milestones, sprints and items appear here.</p>
            <button type="button" onClick={onOpenSettings}>Open settings</button>
          </div>
        ) : empty ? (
          <p className="tl-empty" role="status">Nothing planned or logged in {data.name} yet: its milestones, sprints and issues appear here after the next sync.</p>
        ) : (
          <>
            <p className="hint" id="timeline-keys">Arrow keys move between items; Enter opens one in the current tab.</p>
            <Timeline data={data} zoom={zoom} onOpen={onOpen} />
            {data.omitted > 0 ? <p className="hint">{data.omitted} older items are not shown.</p> : null}
          </>
        )}
      </section>
      {chosen && !empty ? (
        <section className="card" aria-labelledby="burnup-title">
          <div className="tl-head">
            <h2 id="burnup-title">Burn-up</h2>
            {data.burnUps.length > 1 ? (
              <span className="tl-picker">
                <label htmlFor="burnup-scope">For</label>
                <select id="burnup-scope" value={chosen.scopeKey} onChange={(e) => onBurnUpScope(e.target.value)}>
                  {data.burnUps.map((b) => (
                    <option key={b.scopeKey} value={b.scopeKey}>
                      {b.kind === 'project' ? `${b.name} (project)` : b.name}
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
