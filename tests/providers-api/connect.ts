import type { IDBPDatabase } from 'idb';
import type { JiraAccount } from '../../lib/core/connection';
import type { ProviderKey } from '../../lib/core/item-ref';
import type { StintDb } from '../../lib/db/schema';
import { trackProject } from '../../lib/services/sync/engine';

/** What the options page would store for a connection (`c1`), and the project kept in sync, written directly. */
export async function connectAndTrack(
  db: IDBPDatabase<StintDb>,
  c: { provider: ProviderKey; host: string; apiBase: string; login: string; token: string; project: string; jira?: JiraAccount },
  now: number,
): Promise<void> {
  await db.put('connections', { id: 'c1', provider: c.provider, host: c.host, apiBase: c.apiBase, login: c.login, selfHosted: false, addedAt: now, ...(c.jira ? { jira: c.jira } : {}) });
  await db.put('secrets', { connectionId: 'c1', token: c.token });
  await trackProject(db, { provider: c.provider, host: c.host, project: c.project }, now);
}
