import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { SyncStatusView } from '@/lib/messaging/protocol';

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
      <h2 id="sync-title">Projects and sync</h2>
      {error ? <p role="alert">{error}</p> : null}
      {status?.projects.length === 0 ? <p>No project yet: open an issue, pull request or merge request of a connected host and Stint keeps its project in sync.</p> : null}
      {status && status.projects.length > 0 ? (
        <ul className="projects" aria-label="Projects">
          {status.projects.map((p) => (
            <li key={p.key} data-testid="project">
              <span className="name">{p.key.replace(/^github:/, '')}</span>
              <label>
                <input type="checkbox" checked={p.writeBack} onChange={(e) => run(request('sync.setWriteBack', { projectKey: p.key, writeBack: e.target.checked }))} />
                Write my time back as comments
              </label>
              <span className="muted">{p.lastError ? <span role="alert">Last sync failed: {p.lastError}</span> : p.lastSuccess ? `Synced ${when.format(p.lastSuccess)}` : 'Not synced yet'}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {status ? (
        <p data-testid="sync-summary">
          {status.pending === 0 ? 'No writes waiting.' : `${status.pending} write${status.pending === 1 ? '' : 's'} waiting to be sent.`}{' '}
          {status.failed.length > 0 ? `${status.failed.length} failed.` : ''}
        </p>
      ) : null}
      {status && status.failed.length > 0 ? (
        <ul className="failed" aria-label="Failed writes">
          {status.failed.map((f) => (
            <li key={f.entryId}>
              {f.itemKey}: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => run(request('sync.now', {}))} disabled={busy}>Sync now</button>
        {status && status.failed.length > 0 ? (
          <button type="button" onClick={() => run(request('sync.retryFailed', {}))} disabled={busy}>Retry failed writes</button>
        ) : null}
      </div>
    </section>
  );
}
