import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { defaultApiBase, isPublicHost } from '@/lib/core/connection';
import { request } from '@/lib/messaging/client';
import type { ConnectionView } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

type Status = { kind: 'busy' | 'ok' | 'error'; text: string } | null;
type Provider = 'github' | 'gitlab' | 'jira';

/** What each provider's form says: its public host, its self-hosted name, and the token it needs. */
// selfHosted is a function: product names stay as they are, "self-managed GitLab" is words to translate.
const PROVIDERS: Record<Provider, { name: string; publicHost: string; selfHosted: () => string; apiExample: string }> = {
  github: { name: 'GitHub', publicHost: 'github.com', selfHosted: () => 'GitHub Enterprise', apiExample: 'https://<host>/api/v3' },
  gitlab: { name: 'GitLab', publicHost: 'gitlab.com', selfHosted: () => t('options.selfManagedGitlab'), apiExample: 'https://<host>/api/v4' },
  jira: { name: 'Jira', publicHost: 'your-site.atlassian.net', selfHosted: () => 'Jira Data Center', apiExample: 'https://<host>' },
};
const isProvider = (value: string): value is Provider => value in PROVIDERS;
const NAMES: Record<string, string> = { github: 'GitHub', gitlab: 'GitLab', jira: 'Jira' };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** The host a person typed, as the background will read it (scheme and path dropped). */
const hostOf = (typed: string) => typed.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');

/**
 * Provider connections: which accounts Stint reads and writes through. Tokens go to the background and never come
 * back; a self-hosted host is asked for (optional host permission) in the same click that adds it.
 */
export function ConnectionsPanel() {
  const ids = { provider: useId(), host: useId(), api: useId(), token: useId(), email: useId() };
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [provider, setProvider] = useState<Provider>('github');
  const [host, setHost] = useState('github.com');
  const info = PROVIDERS[provider];
  const [status, setStatus] = useState<Status>(null);
  const reload = () => void request('connections.list', {}).then(setConnections, (e: unknown) => setStatus({ kind: 'error', text: message(e) }));
  useEffect(reload, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const action = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'test' ? 'test' : 'add';
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const input = {
      provider,
      host: field('host'),
      token: field('token'),
      ...(field('apiBase').trim() ? { apiBase: field('apiBase') } : {}),
      ...(field('email').trim() ? { email: field('email') } : {}),
    };
    const target = hostOf(input.host);
    // The permission prompt must start inside this click (a user gesture), before anything is awaited.
    const granted = action === 'add' && target && !isPublicHost(provider, target) ? browser.permissions.request({ origins: [`https://${target}/*`] }) : Promise.resolve(true);
    setStatus({ kind: 'busy', text: action === 'test' ? t('options.testing') : t('options.connecting') });
    void (async () => {
      try {
        if (!(await granted)) throw new Error(t('options.noPermission', { host: target }));
        if (action === 'test') {
          const { login } = await request('connections.test', input);
          setStatus({ kind: 'ok', text: t('options.works', { login }) });
        } else {
          const connection = await request('connections.add', input);
          setStatus({ kind: 'ok', text: t('options.connected', { host: connection.host, login: connection.login }) });
          (event.target as HTMLFormElement).reset();
          setHost(info.publicHost);
          reload();
        }
      } catch (error) {
        setStatus({ kind: 'error', text: message(error) });
      }
    })();
  };

  const remove = (connection: ConnectionView) => {
    void request('connections.remove', { id: connection.id }).then(
      () => {
        setStatus({ kind: 'ok', text: t('options.removed', { host: connection.host }) });
        reload();
      },
      (e: unknown) => setStatus({ kind: 'error', text: message(e) }),
    );
  };

  return (
    <section className="card" aria-labelledby="connections-title">
      <h2 id="connections-title">{t('options.connections')}</h2>
      {connections === null ? <p aria-busy="true">{t('options.loading')}</p> : null}
      {connections?.length === 0 ? <p>{t('options.noConnection')}</p> : null}
      {connections && connections.length > 0 ? (
        <ul className="connections" aria-label={t('options.connectedAccounts')}>
          {connections.map((c) => (
            <li key={c.id} data-testid="connection">
              <span>
                {NAMES[c.provider] ?? c.provider} · <strong>{c.host}</strong> · {c.login}
              </span>
              <button type="button" onClick={() => remove(c)} aria-label={t('options.removeConnection', { host: c.host })}>
                {t('options.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form noValidate onSubmit={submit} aria-label={t('options.connectProvider', { provider: info.name })}>
        <label htmlFor={ids.provider}>
          {t('options.provider')}
          <select
            id={ids.provider}
            value={provider}
            onChange={(e) => {
              const next = isProvider(e.target.value) ? e.target.value : 'github';
              if (host === PROVIDERS[provider].publicHost) setHost(PROVIDERS[next].publicHost);
              setProvider(next);
              setStatus(null);
            }}
          >
            <option value="github">GitHub</option>
            <option value="gitlab">GitLab</option>
            <option value="jira">Jira</option>
          </select>
        </label>
        <label htmlFor={ids.host}>
          {t('options.host', { provider: info.name })}
          <input id={ids.host} name="host" type="text" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label htmlFor={ids.api}>
          {t('options.apiBase', { selfHosted: info.selfHosted(), example: info.apiExample })}
          <input id={ids.api} name="apiBase" type="url" placeholder={defaultApiBase(provider, hostOf(host) || info.publicHost)} autoComplete="off" spellCheck={false} />
        </label>
        {provider === 'jira' ? (
          <label htmlFor={ids.email}>
            {t('options.jiraEmail')}
            <input id={ids.email} name="email" type="email" autoComplete="off" spellCheck={false} />
          </label>
        ) : null}
        <label htmlFor={ids.token}>
          {provider === 'jira' ? t('options.jiraToken') : t('options.pat')}
          <input id={ids.token} name="token" type="password" autoComplete="off" spellCheck={false} />
        </label>
        {provider === 'github' ? (
          <p className="hint">
            {t('options.ghClassic')} <code>repo</code> {t('options.ghPrivate')} <code>public_repo</code> {t('options.ghFineGrained')}{' '}
            <em>Issues</em> {t('options.ghReadWrite')} <em>Pull requests</em> {t('options.ghRead')} <em>Metadata</em> {t('options.ghReadEnd')}{' '}
            {t('options.tokenKept')}
          </p>
        ) : provider === 'jira' ? (
          <p className="hint">
            {t('options.jiraHint')}
          </p>
        ) : (
          <p className="hint">
            {t('options.glWith')} <code>read_api</code> {t('options.glRead')} <code>api</code> {t('options.glWrite')} {t('options.tokenKept')}
          </p>
        )}
        <div className="actions">
          <button type="submit" value="test">{t('options.test')}</button>
          <button type="submit" value="add">{t('options.add')}</button>
        </div>
        {status ? (
          <p role={status.kind === 'error' ? 'alert' : 'status'} aria-busy={status.kind === 'busy'}>
            {status.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
