import { formatDuration } from '@/lib/core/duration';
import type { AwayPeriod } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

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
      <h2 id="away-title">{t('popup.awayTitle')}</h2>
      <p id="away-text">
        {t('popup.awayText', { since: clock.format(away.since), until: clock.format(away.until), duration: minutes })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => onDecide('discard')}>{t('popup.awayDiscard')}</button>
        <button type="button" onClick={() => onDecide('discard-and-stop')}>{t('popup.awayDiscardStop')}</button>
        <button type="button" className="link" onClick={() => onDecide('keep')}>{t('popup.awayKeep')}</button>
      </div>
    </section>
  );
}
