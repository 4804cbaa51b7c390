import { formatDuration } from '@/lib/core/duration';
import type { AwayPeriod } from '@/lib/messaging/protocol';

export interface AwayPromptProps {
  readonly away: AwayPeriod | null;
  readonly onDecide: (decision: 'keep' | 'discard' | 'discard-and-stop') => void;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Time away while the timer ran: the person decides what it was. Nothing is cut without asking (unless configured). */
export function AwayPrompt({ away, onDecide }: AwayPromptProps) {
  if (!away) return null;
  const minutes = formatDuration(Math.max(0, Math.floor((away.until - away.since) / 1000)));
  return (
    <section className="card away" role="alertdialog" aria-labelledby="away-title" aria-describedby="away-text">
      <h2 id="away-title">Were you working?</h2>
      <p id="away-text">
        You were away from {clock.format(away.since)} to {clock.format(away.until)} ({minutes}) while the timer ran.
      </p>
      <div className="actions">
        <button type="button" onClick={() => onDecide('discard')}>Discard the time away</button>
        <button type="button" onClick={() => onDecide('discard-and-stop')}>Discard and stop</button>
        <button type="button" className="link" onClick={() => onDecide('keep')}>Keep it</button>
      </div>
    </section>
  );
}
