import { formatDuration } from '@/lib/core/duration';
import type { PersonLoadView } from '@/lib/messaging/protocol-timeline';

/** Per person: this week's logged time, and the remaining estimate in active milestones / sprints against capacity. */
export function TeamLoad({ people }: { readonly people: readonly PersonLoadView[] | null }) {
  if (people === null) return null;
  return (
    <section className="card" aria-labelledby="team-load-title">
      <h2 id="team-load-title">Team load</h2>
      {people.length === 0 ? (
        <p className="hint">Nobody here has open, estimated work assigned in an active milestone or sprint.</p>
      ) : (
        <table className="tl-team">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">This week</th>
              <th scope="col">Remaining</th>
              <th scope="col">Capacity</th>
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
                  {p.until ? <span className="muted"> to {p.until}</span> : null}
                  {p.overAllocated ? (
                    <span className="tl-over" title={p.reason ?? undefined}>
                      {' '}
                      <span aria-hidden="true">⚠</span> over-allocated
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
