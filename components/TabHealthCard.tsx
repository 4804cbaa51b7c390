import type { TabHealth } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export interface TabHealthCardProps {
  /** undefined while loading; null when Stint recognised nothing on the tab. */
  readonly health: TabHealth | null | undefined;
  readonly error?: string | null;
}

const kindLabel = (kind: TabHealth['pageKind']) => ({ item: t('popup.itemPage'), list: t('popup.listPage'), board: t('popup.board') })[kind];

/** What Stint recognised on a tab and how well it is attached: the integration health a person can check. */
export function TabHealthCard({ health, error }: TabHealthCardProps) {
  if (error) {
    return (
      <section className="card" aria-labelledby="tab-health-title">
        <h2 id="tab-health-title">{t('popup.thisTab')}</h2>
        <p role="alert">{error}</p>
      </section>
    );
  }
  if (health === undefined) {
    return (
      <section className="card" aria-busy="true" aria-labelledby="tab-health-title">
        <h2 id="tab-health-title">{t('popup.thisTab')}</h2>
        <p>{t('popup.checking')}</p>
      </section>
    );
  }
  if (health === null) {
    return (
      <section className="card" aria-labelledby="tab-health-title">
        <h2 id="tab-health-title">{t('popup.thisTab')}</h2>
        <p>{t('popup.noItemHere')}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="tab-health-title">
      <h2 id="tab-health-title">{t('popup.thisTab')}</h2>
      <dl>
        <dt>{t('popup.page')}</dt>
        <dd>{kindLabel(health.pageKind)}</dd>
        <dt>{t('popup.item')}</dt>
        <dd data-testid="tab-item-key">{health.itemKey ?? '—'}</dd>
        {health.title ? (
          <>
            <dt>{t('popup.title')}</dt>
            <dd className="title">{health.title}</dd>
          </>
        ) : null}
        <dt>{t('popup.attached')}</dt>
        <dd data-testid="tab-anchor">{health.anchor ? t('popup.besideTitle', { anchor: health.anchor }) : t('popup.floating')}</dd>
      </dl>
    </section>
  );
}
