import { formatDuration } from '@/lib/core/duration';
import type { TimerState } from '@/lib/messaging/protocol';
import { useSecondTick } from './useTimer';
import { t } from '@/lib/i18n';

export interface RunningTimerProps {
  readonly state: TimerState | null;
  readonly error: string | null;
  readonly onStop: () => void;
  readonly onDiscard: () => void;
}

/** The running timer with its live elapsed time, Stop, and Discard; or a clear "nothing runs" state. */
export function RunningTimer({ state, error, onStop, onDiscard }: RunningTimerProps) {
  const running = state?.running ?? null;
  const now = useSecondTick(running !== null);
  return (
    <section className="card" aria-labelledby="running-title">
      <h2 id="running-title">{t('popup.timer')}</h2>
      {error ? <p role="alert">{error}</p> : null}
      {state === null && !error ? <p aria-busy="true">{t('popup.loading')}</p> : null}
      {state !== null && !running ? <p data-testid="timer-idle">{t('popup.idle')}</p> : null}
      {running ? (
        <div className="running">
          <p className="title" data-testid="running-item">{running.title ?? running.itemKey}</p>
          <p className="elapsed" data-testid="running-elapsed" aria-live="off">
            {formatDuration(Math.max(0, Math.floor((now - running.start) / 1000)), 'stopwatch')}
          </p>
          <div className="actions">
            <button type="button" onClick={onStop}>{t('popup.stop')}</button>
            <button type="button" className="link" onClick={onDiscard}>{t('popup.discard')}</button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
