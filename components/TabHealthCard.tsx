import type { TabHealth } from '@/lib/messaging/protocol';

export interface TabHealthCardProps {
  /** undefined while loading; null when Stint recognised nothing on the tab. */
  readonly health: TabHealth | null | undefined;
  readonly error?: string | null;
}

const KIND_LABEL: Record<TabHealth['pageKind'], string> = { item: 'Item page', list: 'List page', board: 'Board' };

/** What Stint recognised on a tab and how well it is attached: the integration health a person can check. */
export function TabHealthCard({ health, error }: TabHealthCardProps) {
  if (error) {
    return (
      <section className="card" aria-labelledby="tab-health-title">
        <h2 id="tab-health-title">This tab</h2>
        <p role="alert">{error}</p>
      </section>
    );
  }
  if (health === undefined) {
    return (
      <section className="card" aria-busy="true" aria-labelledby="tab-health-title">
        <h2 id="tab-health-title">This tab</h2>
        <p>Checking…</p>
      </section>
    );
  }
  if (health === null) {
    return (
      <section className="card" aria-labelledby="tab-health-title">
        <h2 id="tab-health-title">This tab</h2>
        <p>No GitHub, GitLab or Jira item here. Open an issue, pull request, merge request or Jira ticket and Stint attaches to it.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="tab-health-title">
      <h2 id="tab-health-title">This tab</h2>
      <dl>
        <dt>Page</dt>
        <dd>{KIND_LABEL[health.pageKind]}</dd>
        <dt>Item</dt>
        <dd data-testid="tab-item-key">{health.itemKey ?? '—'}</dd>
        {health.title ? (
          <>
            <dt>Title</dt>
            <dd className="title">{health.title}</dd>
          </>
        ) : null}
        <dt>Attached</dt>
        <dd data-testid="tab-anchor">{health.anchor ? `beside the title (${health.anchor})` : 'floating button (no known anchor on this page)'}</dd>
      </dl>
    </section>
  );
}
