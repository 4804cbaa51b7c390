import type { DashboardData } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export interface RecentItemsProps {
  readonly items: DashboardData['recent'];
  readonly runningKey: string | null;
  readonly onStart: (itemKey: string) => void;
  readonly onStop: () => void;
}

/** The items worked on lately: one click restarts (or switches to) one; the running one offers Stop. */
export function RecentItems({ items, runningKey, onStart, onStop }: RecentItemsProps) {
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('popup.recent')}</h2>
      <ul className="recent">
        {items.map((item) => {
          const name = item.title ?? item.key;
          const running = item.key === runningKey;
          return (
            <li key={item.key} data-testid="recent-item" data-item={item.key}>
              <button type="button" aria-pressed={running} aria-label={running ? t('popup.stopTimerFor', { name }) : t('popup.startTimerFor', { name })} onClick={() => (running ? onStop() : onStart(item.key))}>
                {running ? '■' : '▶'}
              </button>
              <a className="what" href={item.url} target="_blank" rel="noreferrer">{name}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
