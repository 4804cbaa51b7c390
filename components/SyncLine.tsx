import type { SyncStatusView } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export interface SyncLineProps {
  readonly status: SyncStatusView | null;
  readonly now: number;
  readonly onRetry: () => void;
}

const ago = (at: number, now: number) => {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  return minutes < 1 ? t('popup.justNow') : minutes < 60 ? t('popup.minutesAgo', { minutes }) : t('popup.hoursAgo', { hours: Math.round(minutes / 60) });
};

/** One line of sync health for the popup: last read, writes waiting, and failures with their reason and a retry. */
export function SyncLine({ status, now, onRetry }: SyncLineProps) {
  if (!status || (status.projects.length === 0 && status.pending === 0 && status.failed.length === 0)) return null;
  const last = Math.min(...status.projects.map((p) => p.lastSuccess ?? Number.POSITIVE_INFINITY));
  const error = status.projects.find((p) => p.lastError)?.lastError ?? null;
  return (
    <section className="card" aria-labelledby="sync-line-title">
      <h2 id="sync-line-title">{t('popup.sync')}</h2>
      <p data-testid="sync-line">
        {Number.isFinite(last) ? t('popup.synced', { ago: ago(last, now) }) : t('popup.notSynced')} {status.pending > 0 ? t('popup.waiting', { count: status.pending }) : ''}
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {status.failed.length > 0 ? (
        <>
          <p role="alert">
            {status.failed.length === 1
              ? t('popup.oneWriteFailed', { reason: status.failed[0]?.reason ?? '' })
              : t('popup.writesFailed', { count: status.failed.length, reason: status.failed[0]?.reason ?? '' })}
          </p>
          <button type="button" onClick={onRetry}>{t('popup.retry')}</button>
        </>
      ) : null}
    </section>
  );
}
