import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { defaultApiBase, isPublicHost } from '@/lib/core/connection';
import { request } from '@/lib/messaging/client';
import type { ConnectionView } from '@/lib/messaging/protocol';

type Status = { kind: 'busy' | 'ok' | 'error'; text: string } | null;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** The host a person typed, as the background will read it (scheme and path dropped). */
const hostOf = (typed: string) => typed.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');

/**
 * Provider connections: which accounts Stint reads and writes through. Tokens go to the background and never come
 * back; a self-hosted host is asked for (optional host permission) in the same click that adds it.
 */
export function ConnectionsPanel() {
  const ids = { host: useId(), api: useId(), token: useId() };
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [host, setHost] = useState('github.com');
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
    const input = { provider: 'github' as const, host: field('host'), token: field('token'), ...(field('apiBase').trim() ? { apiBase: field('apiBase') } : {}) };
    const target = hostOf(input.host);
    // The permission prompt must start inside this click (a user gesture), before anything is awaited.
    const granted = action === 'add' && target && !isPublicHost('github', target) ? browser.permissions.request({ origins: [`https://${target}/*`] }) : Promise.resolve(true);
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
          setHost('github.com');
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
      {connections?.length === 0 ? <p>No provider connected yet. Connect GitHub to see your team’s time and estimates.</p> : null}
      {connections && connections.length > 0 ? (
        <ul className="connections" aria-label="Connected accounts">
          {connections.map((c) => (
            <li key={c.id} data-testid="connection">
              <span>
                GitHub · <strong>{c.host}</strong> · {c.login}
              </span>
              <button type="button" onClick={() => remove(c)} aria-label={`Remove the connection to ${c.host}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form noValidate onSubmit={submit} aria-label="Connect GitHub">
        <label htmlFor={ids.host}>
          GitHub host
          <input id={ids.host} name="host" type="text" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label htmlFor={ids.api}>
          API base (GitHub Enterprise only)
          <input id={ids.api} name="apiBase" type="url" placeholder={defaultApiBase('github', hostOf(host) || 'github.com')} autoComplete="off" spellCheck={false} />
        </label>
        <label htmlFor={ids.token}>
          Personal access token
          <input id={ids.token} name="token" type="password" autoComplete="off" spellCheck={false} />
        </label>
        <p className="hint">
          Classic token: <code>repo</code> (private repositories; <code>public_repo</code> for public ones only). Fine-grained token:
          repository access to your repositories with <em>Issues</em> read and write, <em>Pull requests</em> read, <em>Metadata</em> read. Stint keeps it
          in this browser, sends it only to the host above, and never shows it again.
        </p>
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
