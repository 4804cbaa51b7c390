import { t } from '@/lib/i18n';
export interface FirstRunProps {
  readonly onConnect: () => void;
  /** Present only in builds that ship with the demo sandbox (`npm run demo`). */
  readonly demoUrl: string | null;
}

/** Nothing connected and nothing tracked yet: the two ways to begin, instead of empty lists. */
export function FirstRun({ onConnect, demoUrl }: FirstRunProps) {
  return (
    <section className="card first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">{t('popup.welcome')}</h2>
      <p>{t('popup.welcomeStart')}</p>
      <p>{t('popup.welcomeConnect')}</p>
      <div className="actions">
        <button type="button" onClick={onConnect}>{t('popup.connect')}</button>
        {demoUrl ? (
          <a href={demoUrl} target="_blank" rel="noreferrer">{t('popup.openDemo')}</a>
        ) : null}
      </div>
    </section>
  );
}
