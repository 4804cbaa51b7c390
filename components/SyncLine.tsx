import type { SyncStatusView } from '@/lib/messaging/protocol';

export interface SyncLineProps {
  readonly status: SyncStatusView | null;
  readonly now: number;
  readonly onRetry: () => void;
}

const ago = (t: number, now: number) => {
  const minutes = Math.max(0, Math.round((now - t) / 60_000));
  return minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
};

/** One line of sync health for the popup: last read, writes waiting, and failures with their reason and a retry. */
export function SyncLine({ status, now, onRetry }: SyncLineProps) {
  if (!status || (status.projects.length === 0 && status.pending === 0 && status.failed.length === 0)) return null;
  const last = Math.min(...status.projects.map((p) => p.lastSuccess ?? Number.POSITIVE_INFINITY));
  const error = status.projects.find((p) => p.lastError)?.lastError ?? null;
  return (
    <section className="card" aria-labelledby="sync-line-title">
      <h2 id="sync-line-title">Sync</h2>
      <p data-testid="sync-line">
        {Number.isFinite(last) ? `Synced ${ago(last, now)}.` : 'Not synced yet.'} {status.pending > 0 ? `${status.pending} waiting.` : ''}
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {status.failed.length > 0 ? (
        <>
          <p role="alert">
            {status.failed.length} write{status.failed.length === 1 ? '' : 's'} failed: {status.failed[0]?.reason}
          </p>
          <button type="button" onClick={onRetry}>Retry</button>
        </>
      ) : null}
    </section>
  );
}
