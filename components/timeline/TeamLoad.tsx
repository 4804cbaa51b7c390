import { formatDuration } from '@/lib/core/duration';
import type { PersonLoadView } from '@/lib/messaging/protocol-timeline';
import { t } from '@/lib/i18n';

/** Per person: this week's logged time, and the remaining estimate in active milestones / sprints against capacity. */
export function TeamLoad({ people }: { readonly people: readonly PersonLoadView[] | null }) {
  if (people === null) return null;
  return (
    <section className="card" aria-labelledby="team-load-title">
      <h2 id="team-load-title">{t('timeline.teamLoad')}</h2>
      {people.length === 0 ? (
        <p className="hint">{t('timeline.nobody')}</p>
      ) : (
        <table className="tl-team">
          <thead>
            <tr>
              <th scope="col">{t('timeline.person')}</th>
              <th scope="col">{t('timeline.thisWeek')}</th>
              <th scope="col">{t('timeline.remaining')}</th>
              <th scope="col">{t('timeline.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.person} data-testid="team-load-row" data-over={p.overAllocated || undefined}>
                <th scope="row">{p.person}</th>
                <td>{formatDuration(p.weekSeconds)}</td>
                <td>{formatDuration(p.remainingSeconds)}</td>
                <td>
                  {formatDuration(p.capacitySeconds)}
                  {p.until ? <span className="muted"> {t('timeline.until', { day: p.until })}</span> : null}
                  {p.overAllocated ? (
                    <span className="tl-over" title={p.reason ?? undefined}>
                      {' '}
                      <span aria-hidden="true">⚠</span> {t('timeline.overAllocated')}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
