import type { IDBPDatabase } from 'idb';
import { defaultApiBase, isPublicHost, type Connection, type JiraAccount } from '../core/connection';
import type { ProviderKey } from '../core/item-ref';
import type { StintDb } from '../db/schema';
import { t } from '../i18n';

/** What adding a connection needs from the outside world, injected so the rules are testable without a browser. */
export interface ConnectionDeps {
  /** Ask the provider who the token belongs to (the real client; throws a ProviderError a person can act on). */
  readonly whoAmI: (provider: ProviderKey, target: ProviderTarget, host: string) => Promise<{ login: string; jira?: JiraAccount }>;
  /** Whether the user has granted Stint this self-hosted origin (optional host permission). */
  readonly hasHostPermission: (host: string) => Promise<boolean>;
  /** Run the provider's content script on a self-hosted host, or stop running it there. */
  readonly registerContentScript: (connection: Connection) => Promise<void>;
  readonly unregisterContentScript: (connection: Connection) => Promise<void>;
  readonly removeHostPermission: (host: string) => Promise<void>;
}

export interface ConnectionInput {
  readonly provider: ProviderKey;
  readonly host: string;
  readonly apiBase?: string | undefined;
  readonly token: string;
  /** Jira Cloud only: the Atlassian account e-mail the API token belongs to. */
  readonly email?: string | undefined;
}

/** Where and with what a provider is asked: the API base, the token, and for Jira Cloud the account e-mail. */
export interface ProviderTarget {
  readonly apiBase: string;
  readonly token: string;
  readonly email: string | null;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Normalise and check what a person typed; errors say what to fix. */
export function normaliseInput(input: ConnectionInput): { provider: ProviderKey; host: string } & ProviderTarget {
  const host = input.host.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!HOST.test(host)) throw new Error(t('refusal.notAHost', { typed: input.host.slice(0, 100) }));
  const apiBase = (input.apiBase?.trim() || defaultApiBase(input.provider, host)).replace(/\/+$/, '');
  let api: URL;
  try {
    api = new URL(apiBase);
  } catch {
    throw new Error(t('refusal.notAUrl', { typed: apiBase.slice(0, 200), host }));
  }
  if (api.protocol !== 'https:') throw new Error(t('refusal.httpsOnly'));
  // The token goes to the host the person connects, and nowhere else (github.com's API lives on api.github.com).
  const apiHost = api.hostname.toLowerCase();
  const allowed = input.provider === 'github' && host === 'github.com' ? 'api.github.com' : host;
  if (apiHost !== allowed) throw new Error(t('refusal.apiElsewhere', { host: allowed }));
  const token = input.token.trim();
  if (token.length < 8 || token.length > 500 || /\s/.test(token)) throw new Error(t('refusal.notAToken'));
  const email = input.email?.trim() || null;
  if (input.provider === 'jira' && isPublicHost('jira', host) && email === null) throw new Error(t('refusal.jiraNeedsEmail'));
  if (email !== null && input.provider !== 'jira') throw new Error(t('refusal.onlyJiraEmail'));
  if (email !== null && !EMAIL.test(email)) throw new Error(t('refusal.notAnEmail', { typed: email.slice(0, 100) }));
  return { provider: input.provider, host, apiBase: api.href.replace(/\/+$/, ''), token, email };
}

/** Test a token against its host without storing anything. */
export async function testConnection(input: ConnectionInput, deps: Pick<ConnectionDeps, 'whoAmI'>): Promise<{ login: string }> {
  const target = normaliseInput(input);
  const { login } = await deps.whoAmI(target.provider, target, target.host);
  return { login };
}

/**
 * Add (or replace) the connection for a provider host: the token is tested first, nothing is stored unless it works.
 * A self-hosted host must have been granted by the person (the options page asks at that moment); its content script
 * is registered here. The connection and its token are written in one transaction.
 */
export async function addConnection(db: IDBPDatabase<StintDb>, input: ConnectionInput, deps: ConnectionDeps, now: number, newId: () => string): Promise<Connection> {
  const target = normaliseInput(input);
  const selfHosted = !isPublicHost(target.provider, target.host);
  if (selfHosted && !(await deps.hasHostPermission(target.host))) {
    throw new Error(t('refusal.needPermission', { host: target.host }));
  }
  const { login, jira } = await deps.whoAmI(target.provider, target, target.host);
  const existing = (await db.getAll('connections')).find((c) => c.provider === target.provider && c.host === target.host);
  const connection: Connection = { id: existing?.id ?? newId(), provider: target.provider, host: target.host, apiBase: target.apiBase, login, selfHosted, addedAt: now, ...(jira ? { jira } : {}) };
  const tx = db.transaction(['connections', 'secrets'], 'readwrite');
  await Promise.all([tx.objectStore('connections').put(connection), tx.objectStore('secrets').put({ connectionId: connection.id, token: target.token }), tx.done]);
  if (selfHosted) await deps.registerContentScript(connection);
  return connection;
}

export function listConnections(db: IDBPDatabase<StintDb>): Promise<Connection[]> {
  return db.getAll('connections');
}

/** Remove a connection, its token, and for a self-hosted host the content script and the permission. */
export async function removeConnection(db: IDBPDatabase<StintDb>, id: string, deps: ConnectionDeps): Promise<void> {
  const connection = await db.get('connections', id);
  if (!connection) return;
  const tx = db.transaction(['connections', 'secrets'], 'readwrite');
  await Promise.all([tx.objectStore('connections').delete(id), tx.objectStore('secrets').delete(id), tx.done]);
  if (connection.selfHosted) {
    await deps.unregisterContentScript(connection);
    await deps.removeHostPermission(connection.host);
  }
}

/** The self-hosted hosts the user connected, by provider: which provider's patterns judge a page on that host. */
export async function selfHostedProviders(db: IDBPDatabase<StintDb>): Promise<Map<string, ProviderKey>> {
  return new Map((await db.getAll('connections')).filter((c) => c.selfHosted).map((c) => [c.host, c.provider]));
}

/** The token for a connection: for the background's calls to that connection's own API base, nothing else. */
export async function tokenFor(db: IDBPDatabase<StintDb>, connectionId: string): Promise<string | null> {
  return (await db.get('secrets', connectionId))?.token ?? null;
}
