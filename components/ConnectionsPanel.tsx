import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { defaultApiBase, isPublicHost } from '@/lib/core/connection';
import { request } from '@/lib/messaging/client';
import type { ConnectionView } from '@/lib/messaging/protocol';

type Status = { kind: 'busy' | 'ok' | 'error'; text: string } | null;
type Provider = 'github' | 'gitlab' | 'jira';

/** What each provider's form says: its public host, its self-hosted name, and the token it needs. */
const PROVIDERS: Record<Provider, { name: string; publicHost: string; selfHosted: string; apiExample: string }> = {
  github: { name: 'GitHub', publicHost: 'github.com', selfHosted: 'GitHub Enterprise', apiExample: 'https://<host>/api/v3' },
  gitlab: { name: 'GitLab', publicHost: 'gitlab.com', selfHosted: 'self-managed GitLab', apiExample: 'https://<host>/api/v4' },
  jira: { name: 'Jira', publicHost: 'your-site.atlassian.net', selfHosted: 'Jira Data Center', apiExample: 'https://<host>' },
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
    setStatus({ kind: 'busy', text: action === 'test' ? 'Testing…' : 'Connecting…' });
    void (async () => {
      try {
        if (!(await granted)) throw new Error(`Stint cannot work on ${target} without your permission. Press Add again and allow it.`);
        if (action === 'test') {
          const { login } = await request('connections.test', input);
          setStatus({ kind: 'ok', text: `Works: this token belongs to ${login}.` });
        } else {
          const connection = await request('connections.add', input);
          setStatus({ kind: 'ok', text: `Connected to ${connection.host} as ${connection.login}.` });
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
        setStatus({ kind: 'ok', text: `Removed ${connection.host}. Its token is deleted from this browser.` });
        reload();
      },
      (e: unknown) => setStatus({ kind: 'error', text: message(e) }),
    );
  };

  return (
    <section className="card" aria-labelledby="connections-title">
      <h2 id="connections-title">Connections</h2>
      {connections === null ? <p aria-busy="true">Loading…</p> : null}
      {connections?.length === 0 ? <p>No provider connected yet. Connect GitHub, GitLab or Jira to see your team’s time and estimates.</p> : null}
      {connections && connections.length > 0 ? (
        <ul className="connections" aria-label="Connected accounts">
          {connections.map((c) => (
            <li key={c.id} data-testid="connection">
              <span>
                {NAMES[c.provider] ?? c.provider} · <strong>{c.host}</strong> · {c.login}
              </span>
              <button type="button" onClick={() => remove(c)} aria-label={`Remove the connection to ${c.host}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form noValidate onSubmit={submit} aria-label={`Connect ${info.name}`}>
        <label htmlFor={ids.provider}>
          Provider
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
          {info.name} host
          <input id={ids.host} name="host" type="text" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label htmlFor={ids.api}>
          API base ({info.selfHosted} only, when not {info.apiExample})
          <input id={ids.api} name="apiBase" type="url" placeholder={defaultApiBase(provider, hostOf(host) || info.publicHost)} autoComplete="off" spellCheck={false} />
        </label>
        {provider === 'jira' ? (
          <label htmlFor={ids.email}>
            Atlassian account e-mail (Jira Cloud only; empty for Data Center)
            <input id={ids.email} name="email" type="email" autoComplete="off" spellCheck={false} />
          </label>
        ) : null}
        <label htmlFor={ids.token}>
          {provider === 'jira' ? 'API token (Cloud) or personal access token (Data Center)' : 'Personal access token'}
          <input id={ids.token} name="token" type="password" autoComplete="off" spellCheck={false} />
        </label>
        {provider === 'github' ? (
          <p className="hint">
            Classic token: <code>repo</code> (private repositories; <code>public_repo</code> for public ones only). Fine-grained token:
            repository access to your repositories with <em>Issues</em> read and write, <em>Pull requests</em> read, <em>Metadata</em> read. Stint keeps
            it in this browser, sends it only to the host above, and never shows it again.
          </p>
        ) : provider === 'jira' ? (
          <p className="hint">
            Jira Cloud: your Atlassian e-mail and an API token (id.atlassian.com → Security → API tokens). Jira Data Center: a personal access
            token (your profile → Personal Access Tokens), no e-mail. Writing worklogs needs the “Work on issues” permission. Stint keeps the
            token in this browser, sends it only to the host above, and never shows it again.
          </p>
        ) : (
          <p className="hint">
            Personal access token with <code>read_api</code> to read, or <code>api</code> to also write your time back as timelogs (User settings →
            Access tokens). Stint keeps it in this browser, sends it only to the host above, and never shows it again.
          </p>
        )}
        <div className="actions">
          <button type="submit" value="test">Test connection</button>
          <button type="submit" value="add">Add</button>
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
