import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { SyncStatusView } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Projects kept in sync, each with its write-back opt-in (off by default) and last read, plus writes waiting or
 * failed with their reason and a way to retry. For the options page.
 */
export function SyncPanel() {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (work: Promise<SyncStatusView>) => {
    setBusy(true);
    setError(null);
    void work.then(setStatus, (e: unknown) => setError(message(e))).finally(() => setBusy(false));
  };
  useEffect(() => {
    void request('sync.status', {}).then(setStatus, (e: unknown) => setError(message(e)));
  }, []);

  return (
    <section className="card" aria-labelledby="sync-title" aria-busy={busy}>
      <h2 id="sync-title">{t('options.syncTitle')}</h2>
      {error ? <p role="alert">{error}</p> : null}
      {status?.projects.length === 0 ? <p>{t('options.noProject')}</p> : null}
      {status && status.projects.length > 0 ? (
        <ul className="projects" aria-label={t('options.projects')}>
          {status.projects.map((p) => (
            <li key={p.key} data-testid="project">
              <span className="name">{p.key.replace(/^github:/, '')}</span>
              <label>
                <input type="checkbox" checked={p.writeBack} onChange={(e) => run(request('sync.setWriteBack', { projectKey: p.key, writeBack: e.target.checked }))} />
                {t('options.writeBack')}
              </label>
              <span className="muted">{p.lastError ? (
                  <span role="alert">{t('options.lastSyncFailed', { error: p.lastError })}</span>
                ) : p.lastSuccess ? (
                  t('options.syncedAt', { when: when.format(p.lastSuccess) })
                ) : (
                  t('options.notSynced')
                )}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {status ? (
        <p data-testid="sync-summary">
          {status.pending === 0 ? t('options.noWrites') : status.pending === 1 ? t('options.oneWrite') : t('options.writes', { count: status.pending })}{' '}
          {status.failed.length > 0 ? t('options.failedCount', { count: status.failed.length }) : ''}
        </p>
      ) : null}
      {status && status.failed.length > 0 ? (
        <ul className="failed" aria-label={t('options.failedWrites')}>
          {status.failed.map((f) => (
            <li key={f.entryId}>
              {f.itemKey}: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => run(request('sync.now', {}))} disabled={busy}>{t('options.syncNow')}</button>
        {status && status.failed.length > 0 ? (
          <button type="button" onClick={() => run(request('sync.retryFailed', {}))} disabled={busy}>{t('options.retryFailed')}</button>
        ) : null}
      </div>
    </section>
  );
}
