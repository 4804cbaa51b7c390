import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';
import { readTimeMarker } from '../../lib/core/time-marker';
import { database } from '../../lib/db/open';
import { githubAdapter } from '../../lib/providers/github/adapter';
import { runOutbox, setWriteBack, syncProject, syncStatus, type SyncDeps } from '../../lib/services/sync/engine';
import { deleteTimeEntry, editTimeEntry, discardRunningTimer, itemTimerState, startTimerFor, stopRunningTimer } from '../../lib/services/timer';
import type { Sandbox } from '../sandbox/server.ts';
import { withSandbox } from './lifecycle.ts';
import { connectAndTrack } from './connect.ts';

/** The sync engine with the GitHub adapter and the real Octokit (core + paging, throttling, retry), against the sandbox (IndexedDB in memory). */
describe('GitHub sync', () => {
  let sandbox: Sandbox;
  let now: number;
  const PROJECT = 'github:github.com/acme/checkout-web';
  const ITEM = 'github:github.com/acme/checkout-web#3';
  const deps = (): SyncDeps => ({ adapters: { github: githubAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });
  const clock = () => ({ now: () => now, newId: () => crypto.randomUUID() });
  const repo = () => sandbox.data.github[0]!.repos[0]!;
  const markerComments = () => repo().issues.flatMap((i) => i.comments.filter((c) => readTimeMarker(c.body)));

  withSandbox((s) => (sandbox = s));
  beforeEach(async () => {
    now = Date.now();
    const db = await database();
    const token = sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    await connectAndTrack(db, { provider: 'github', host: 'github.com', apiBase: `https://api.github.com:${sandbox.port}`, login: 'ana-ruiz', token, project: 'acme/checkout-web' }, now);
  });

  it('first sync reads every item with its milestone and label estimate, and the team’s time from markers', async () => {
    const db = await database();
    const from = sandbox.log.length;
    const result = await syncProject(db, PROJECT, deps());
    expect(result.items).toBe(repo().issues.length);
    expect(result.teamEntries).toBe(markerComments().length);
    const withEstimate = repo().issues.find((i) => i.labels.includes('size: S'))!;
    const item = await db.get('items', `${PROJECT}#${withEstimate.number}`);
    expect(item).toMatchObject({ estimateSeconds: 2 * 3600, labels: withEstimate.labels, syncError: null });
    if (withEstimate.milestone) expect(item?.container).toMatchObject({ kind: 'milestone', id: String(withEstimate.milestone) });
    // ⌈items / 100⌉ list requests plus ⌈comments / 100⌉: nothing per item.
    const comments = repo().issues.reduce((n, i) => n + i.comments.length, 0);
    expect(sandbox.log.length - from).toBe(Math.ceil(repo().issues.length / 100) + Math.ceil(comments / 100));
  });

  it('links each pull request to the issues its description closes, with no request of its own', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    const closer = repo().issues.find((i) => i.pull && i.pull.closes.length > 0)!;
    const closed = `${PROJECT}#${closer.pull!.closes[0]}`;
    expect((await db.get('items', `${PROJECT}#${closer.number}`))?.closes).toEqual([closed]);
    const linked = (await itemTimerState(db, closed)).linked;
    expect(linked.map((l) => l.key)).toContain(`${PROJECT}#${closer.number}`);
  });

  it('a second sync with nothing changed makes only 304s and costs no rate limit', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    const from = sandbox.log.length;
    const before = (await (await fetch(`https://api.github.com:${sandbox.port}/rate_limit`, { headers: { authorization: `token ${(await db.get('secrets', 'c1'))!.token}` } })).json()) as { resources: { core: { remaining: number } } };
    const from2 = sandbox.log.length;
    await syncProject(db, PROJECT, deps());
    const requests = sandbox.state.requestsSince(from2);
    expect(requests.map((r) => r.status)).toEqual([304, 304]);
    const after = (await (await fetch(`https://api.github.com:${sandbox.port}/rate_limit`, { headers: { authorization: `token ${(await db.get('secrets', 'c1'))!.token}` } })).json()) as { resources: { core: { remaining: number } } };
    expect(after.resources.core.remaining).toBe(before.resources.core.remaining);
    expect(from2).toBeGreaterThan(from);
  });

  it('writes a stopped entry back as exactly one comment, edits and deletes it, and never counts it twice', async () => {
    const db = await database();
    await syncProject(db, PROJECT, deps());
    await setWriteBack(db, PROJECT, true);
    await startTimerFor(db, clock(), ITEM);
    now += 90 * 60_000;
    await stopRunningTimer(db, clock());
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const own = (await db.getAllFromIndex('entries', 'byItem', ITEM)).filter((e) => e.author === 'me');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ sync: 'synced', remote: { github: { id: expect.any(String) as string } } });
    const marked = () => repo().issues.find((i) => i.number === 3)!.comments.filter((c) => readTimeMarker(c.body)?.entry === own[0]!.id);
    expect(marked()).toHaveLength(1);
    expect(marked()[0]!.body).toMatch(/^⏱ 1h 30m/);

    // Read back, our own comment is not a second entry.
    await syncProject(db, PROJECT, deps());
    expect((await db.getAllFromIndex('entries', 'byItem', ITEM)).filter((e) => e.id === own[0]!.id)).toHaveLength(1);

    await editTimeEntry(db, clock(), own[0]!.id, { note: 'Payment sheet' });
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(marked()).toHaveLength(1);
    expect(marked()[0]!.body).toContain('— Payment sheet');

    await startTimerFor(db, clock(), ITEM);
    await discardRunningTimer(db, clock());
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 0 }); // a discarded running timer was never written
    // Deleted here: its comment goes too, and the next read-back does not bring it back.
    await deleteTimeEntry(db, clock(), own[0]!.id);
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    expect(marked()).toHaveLength(0);
    await syncProject(db, PROJECT, deps());
    expect((await itemTimerState(db, ITEM)).ownSeconds).toBe(0);
  });

  it('two drains at once write an entry once (each op is claimed in a transaction)', async () => {
    const db = await database();
    await setWriteBack(db, PROJECT, true);
    await startTimerFor(db, clock(), ITEM);
    now += 20 * 60_000;
    await stopRunningTimer(db, clock());
    const results = await Promise.all([runOutbox(db, deps()), runOutbox(db, deps()), runOutbox(db, deps())]);
    expect(results.reduce((n, r) => n + r.done, 0)).toBe(1);
    expect(sandbox.log.filter((r) => r.route === 'github.issues.comments.create')).toHaveLength(1);
  });

  it('drop-after-commit on the write still leaves exactly one comment', async () => {
    const db = await database();
    await setWriteBack(db, PROJECT, true);
    await startTimerFor(db, clock(), ITEM);
    now += 30 * 60_000;
    await stopRunningTimer(db, clock());
    sandbox.faults.add({ route: 'github.issues.comments.create', kind: 'dropAfterCommit', times: 1 });
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 1 });
    expect((await syncStatus(db)).pending).toBe(1);
    now += 60_000; // past the backoff
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const [entry] = (await db.getAllFromIndex('entries', 'byItem', ITEM)).filter((e) => e.author === 'me');
    expect(repo().issues.find((i) => i.number === 3)!.comments.filter((c) => readTimeMarker(c.body)?.entry === entry!.id)).toHaveLength(1);
    expect(sandbox.log.filter((r) => r.route === 'github.issues.comments.create')).toHaveLength(1);
  });

  it('waits out a short Retry-After instead of hammering, and pauses the host for a long one', async () => {
    const db = await database();
    await setWriteBack(db, PROJECT, true);
    await startTimerFor(db, clock(), ITEM);
    now += 10 * 60_000;
    await stopRunningTimer(db, clock());
    sandbox.faults.add({ route: 'github.issues.comments.create', kind: 'rateLimit', retryAfter: 2, times: 1 });
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
    const attempts = sandbox.log.filter((r) => r.route === 'github.issues.comments.create');
    expect(attempts.map((r) => r.status)).toEqual([429, 201]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(2000);

    await startTimerFor(db, clock(), ITEM);
    now += 10 * 60_000;
    await stopRunningTimer(db, clock());
    sandbox.faults.add({ route: 'github.issues.comments.create', kind: 'rateLimit', retryAfter: 600, times: 1 });
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 1 });
    const count = sandbox.log.length;
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 0 }); // paused: no request at all
    expect(sandbox.log.length).toBe(count);
    now += 601_000;
    expect(await runOutbox(db, deps())).toEqual({ done: 1, failed: 0 });
  }, 30_000);

  it('a revoked token stops the op with a reason the person can act on, and keeps it', async () => {
    const db = await database();
    await setWriteBack(db, PROJECT, true);
    await startTimerFor(db, clock(), ITEM);
    now += 60_000;
    await stopRunningTimer(db, clock());
    await db.put('secrets', { connectionId: 'c1', token: 'ghp_revoked_000000000000000000000000000000' });
    await runOutbox(db, deps());
    const status = await syncStatus(db);
    expect(status.failed).toEqual([{ entryId: expect.any(String) as string, itemKey: ITEM, reason: expect.stringMatching(/refused the token \(401/) as string }]);
    now += 3_600_000;
    expect(await runOutbox(db, deps())).toEqual({ done: 0, failed: 0 }); // waits for the person, not retried blindly
  });
});

describe('GitHub sync with payloads it cannot read', () => {
  let sandbox: Sandbox;
  withSandbox((s) => (sandbox = s));

  it('marks an item whose payload is unreadable with the reason, and syncs the others', async () => {
    const now = Date.now();
    const db = await database();
    const token = sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    await connectAndTrack(db, { provider: 'github', host: 'github.com', apiBase: `https://api.github.com:${sandbox.port}`, login: 'ana-ruiz', token, project: 'acme/checkout-web' }, now);
    // A title of the wrong type, as a broken proxy or an API change might send it.
    (sandbox.data.github[0]!.repos[0]!.issues[1] as unknown as { title: unknown }).title = 12345;
    const result = await syncProject(db, 'github:github.com/acme/checkout-web', { adapters: { github: githubAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });
    expect(result.items).toBe(sandbox.data.github[0]!.repos[0]!.issues.length);
    const broken = await db.get('items', 'github:github.com/acme/checkout-web#2');
    expect(broken?.syncError).toMatch(/^title: /);
    expect((await db.get('items', 'github:github.com/acme/checkout-web#3'))?.syncError).toBeNull();
  });
});
