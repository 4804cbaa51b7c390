import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';
import { database } from '../../lib/db/open';
import { dispatch, type Caller, type Handlers } from '../../lib/messaging/server';
import { githubAdapter } from '../../lib/providers/github/adapter';
import { testConnection } from '../../lib/services/connections';
import { explainFailure } from '../../lib/services/failure-text';
import { whoAmI } from '../../lib/services/provider-apis';
import { runOutbox, setWriteBack, syncProject, syncStatus, type SyncDeps } from '../../lib/services/sync/engine';
import { startTimerFor, stopRunningTimer } from '../../lib/services/timer';
import type { Sandbox } from '../sandbox/server.ts';
import { withSandbox } from './lifecycle.ts';
import { getMessageFrom, loadMessages } from '../setup/messages.ts';
import { connectAndTrack } from './connect.ts';

/** The browser's language, as `browser.i18n` answers in the background (tests/setup/node.ts starts in English). */
async function speak(locale: string): Promise<void> {
  (globalThis as unknown as { chrome: { i18n: { getMessage: unknown } } }).chrome.i18n.getMessage = getMessageFrom(await loadMessages(locale));
}

/**
 * Where a provider's failure reaches a person — the options page's connection test (through the background's real
 * dispatch) and the sync health the popup and options show — it reads in the person's language, built from the real
 * clients' failures against the sandbox, and never with the token.
 */
describe('provider failures, as a German-speaking person reads them', () => {
  let sandbox: Sandbox;
  let now: number;
  const PROJECT = 'github:github.com/acme/checkout-web';
  const ITEM = 'github:github.com/acme/checkout-web#3';
  const options: Caller = { kind: 'extension', url: new URL('chrome-extension://stint-id/options.html') };
  // Only the connection test is asked here; the other handlers are never reached.
  const handlers = { 'connections.test': (input) => testConnection(input, { whoAmI }) } as Partial<Handlers> as Handlers;
  const deps = (): SyncDeps => ({ adapters: { github: githubAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });
  const clock = () => ({ now: () => now, newId: () => crypto.randomUUID() });

  withSandbox((s) => (sandbox = s));
  beforeEach(async () => {
    now = Date.now();
    await speak('de');
  });
  afterEach(() => speak('en'));

  it('the connection test says a refused token and an unreachable host in German, without the token', async () => {
    const bad = 'ghp_this_is_not_a_token_000000000000000000';
    const refused = await dispatch(handlers, { type: 'connections.test', payload: { provider: 'github', host: 'github.com', apiBase: `https://api.github.com:${sandbox.port}`, token: bad } }, options, explainFailure);
    expect(refused).toEqual({ ok: false, error: 'github.com hat das Token abgelehnt (401 Bad credentials). Erstelle ein neues Token und füge es erneut ein.' });
    const closed = await dispatch(handlers, { type: 'connections.test', payload: { provider: 'gitlab', host: 'gitlab.example.test', apiBase: 'https://gitlab.example.test:9/api/v4', token: bad } }, options, explainFailure);
    expect(closed).toEqual({ ok: false, error: expect.stringMatching(/^gitlab\.example\.test ist nicht erreichbar\. Prüfe deine Verbindung/) as string });
    expect(JSON.stringify([refused, closed])).not.toContain(bad);
  });

  it('the sync health names the host and the seconds to wait, and a failed write says what to do, in German', async () => {
    const db = await database();
    const token = sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    await connectAndTrack(db, { provider: 'github', host: 'github.com', apiBase: `https://api.github.com:${sandbox.port}`, login: 'ana-ruiz', token, project: 'acme/checkout-web' }, now);
    sandbox.faults.add({ route: 'github.issues.list', kind: 'rateLimit', retryAfter: 900, times: 1 });
    await expect(syncProject(db, PROJECT, deps())).rejects.toThrow(/slow down/); // the log keeps English
    const project = (await syncStatus(db)).projects.find((p) => p.key === PROJECT);
    expect(project?.lastError).toBe('github.com bittet Stint, langsamer zu machen; Stint versucht es in 900 s erneut.');

    await setWriteBack(db, PROJECT, true);
    await startTimerFor(db, clock(), ITEM);
    now += 60_000;
    await stopRunningTimer(db, clock());
    const revoked = 'ghp_revoked_000000000000000000000000000000';
    await db.put('secrets', { connectionId: 'c1', token: revoked });
    now += 1_000_000; // past the rate limit's pause
    await runOutbox(db, deps());
    const failed = (await syncStatus(db)).failed;
    expect(failed).toEqual([{ entryId: expect.any(String) as string, itemKey: ITEM, reason: 'github.com hat das Token abgelehnt (401 Bad credentials). Erstelle ein neues Token und füge es erneut ein.' }]);
    expect(JSON.stringify(await syncStatus(db))).not.toContain(revoked);
  });
});
