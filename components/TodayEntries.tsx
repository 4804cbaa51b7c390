import { formatDuration } from '@/lib/core/duration';
import type { TodayEntry } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export interface TodayEntriesProps {
  readonly entries: readonly TodayEntry[] | null;
  readonly now: number;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Today's own entries, oldest first, with each duration and the day's total (a running entry counts up to now). */
export function TodayEntries({ entries, now }: TodayEntriesProps) {
  const seconds = (e: TodayEntry) => Math.max(0, Math.floor(((e.end ?? now) - e.start) / 1000));
  const total = (entries ?? []).reduce((sum, e) => sum + seconds(e), 0);
  return (
    <section className="card" aria-labelledby="today-title">
      <h2 id="today-title">
        {t('popup.today')} <span className="total" data-testid="today-total">{formatDuration(total)}</span>
      </h2>
      {entries === null ? <p aria-busy="true">{t('popup.loading')}</p> : null}
      {entries?.length === 0 ? <p>{t('popup.nothingToday')}</p> : null}
      {entries && entries.length > 0 ? (
        <ul className="entries">
          {entries.map((e) => (
            <li key={e.id} data-testid="today-entry">
              <span className="when">{timeOfDay.format(e.start)}–{e.end === null ? t('popup.now') : timeOfDay.format(e.end)}</span>
              <span className="what">{e.title ?? e.itemKey}</span>
              <span className="duration">{formatDuration(seconds(e))}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
