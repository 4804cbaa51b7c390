import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryIdOf } from '../../lib/providers/gitlab/map';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { consistency, forget, killBrowser } from './support/crash.ts';
import { launchHarness, type Harness } from './support/harness.ts';
import { sendFromPage } from './support/send.ts';
import { moveWorkerClock, storedEntries, timerButton } from './support/timer.ts';

const PATH = 'acme/platform/billing-service';
const PROJECT = `gitlab:gitlab.com/${PATH}`;
const MINUTE = 60_000;

/**
 * Crashes in real Chromium: the browser is SIGKILLed mid-timer, mid-edits and mid-write-back, and relaunched with the
 * same profile. The store is consistent, the timer still runs from its start, the outbox resumes and nothing is doubled.
 */
describe('crash and relaunch (SIGKILL)', () => {
  let sandbox: Sandbox;
  let profileDir: string;
  let harness: Harness;
  const send = async <T,>(type: string, payload: object): Promise<T> => {
    const page = await harness.openExtensionPage('options');
    try {
      return await sendFromPage<T>(page, type, payload);
    } finally {
      await page.close();
    }
  };
  const relaunch = async () => {
    killBrowser(profileDir);
    await forget(harness);
    harness = await launchHarness({ sandbox, profileDir });
  };
  beforeAll(async () => {
    sandbox = await startSandbox();
    profileDir = mkdtempSync(join(tmpdir(), 'stint-crash-'));
    harness = await launchHarness({ sandbox, profileDir });
  });
  afterAll(async () => {
    await forget(harness);
    await sandbox.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('a running timer survives a SIGKILL: after relaunch it still runs from its original start, once', async () => {
    const page = await harness.openPage('https://github.com/acme/checkout-web/issues/3');
    await timerButton(page).click();
    await expect.poll(() => timerButton(page).getAttribute('aria-pressed')).toBe('true');
    const [running] = (await storedEntries(harness)).filter((e) => e.end === null);
    await relaunch();
    const again = await harness.openPage('https://github.com/acme/checkout-web/issues/3');
    await expect.poll(() => timerButton(again).getAttribute('aria-pressed')).toBe('true');
    const after = (await storedEntries(harness)).filter((e) => e.end === null);
    expect(after).toEqual([expect.objectContaining({ id: running!.id, start: running!.start })]);
    await timerButton(again).click();
    await expect.poll(() => timerButton(again).getAttribute('aria-pressed')).toBe('false');
  });

  it('edits cut off by a SIGKILL leave every entry whole and the rollups equal to the entries', async () => {
    const base = Date.now() - 3 * 86_400_000;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { id } = await send<{ id: string }>('timesheet.add', { item: { url: `https://github.com/acme/checkout-web/issues/${(i % 4) + 1}` }, start: base + i * 30 * MINUTE, end: base + i * 30 * MINUTE + 20 * MINUTE, note: `entry ${i}` });
      ids.push(id);
    }
    const before = await consistency(harness);
    // Fire edits without waiting for them, and kill the browser while they are being written.
    const options = await harness.openExtensionPage('options');
    await options.evaluate((list) => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
      for (const [n, id] of list.entries()) for (const minutes of [5, 10, 15]) void chrome.runtime.sendMessage({ type: 'timesheet.edit', payload: { id, duration: `${minutes + n}m` } });
    }, ids);
    await relaunch();
    const after = await consistency(harness);
    expect(after.entries).toBe(before.entries);
    expect(after.rollupMismatches).toEqual([]);
  });

  it('a write-back batch cut off by a SIGKILL resumes after relaunch: every entry exactly once at GitLab', async () => {
    const gitlab = sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
    const token = gitlab.tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
    const issue = gitlab.projects.find((p) => p.pathWithNamespace === PATH)!.issues[2]!;
    const ours = () => issue.timelogs.map((t) => entryIdOf(t.summary)).filter((id): id is string => id !== null);
    await send('connections.add', { provider: 'gitlab', host: 'gitlab.com', token });
    const url = `https://gitlab.com/${PATH}/-/issues/${issue.iid}`;
    const page = await harness.openPage(url);
    await page.locator('stint-overlay').waitFor({ state: 'attached' });
    await expect.poll(async () => (await send<{ projects: { key: string }[] }>('sync.status', {})).projects.map((p) => p.key)).toContain(PROJECT);
    await send('sync.setWriteBack', { projectKey: PROJECT, writeBack: true });
    // Every GraphQL call is slow, so the batch is still being written when the browser dies.
    sandbox.faults.add({ route: 'gitlab.graphql', kind: 'latency', ms: 400, times: 1000 });
    const base = Date.now() - 2 * 86_400_000;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await send<{ id: string }>('timesheet.add', { item: { url }, start: base + i * 30 * MINUTE, end: base + i * 30 * MINUTE + 25 * MINUTE, note: `batch ${i}` })).id);
    await expect.poll(() => ours().length, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(2);
    const writtenBeforeCrash = ours().length;
    await relaunch();
    sandbox.faults.clear();
    // An op claimed when the browser died is left alone for its lease (2 min): move the worker's clock past it.
    await moveWorkerClock(harness, 3 * MINUTE);
    await send('sync.now', {});
    await expect.poll(() => ours().sort(), { timeout: 30_000 }).toEqual([...ids].sort());
    await expect.poll(async () => (await send<{ pending: number }>('sync.status', {})).pending, { timeout: 15_000 }).toBe(0);
    expect(ours()).toHaveLength(ids.length); // none twice
    expect(writtenBeforeCrash).toBeLessThan(ids.length); // the kill did land mid-batch
    expect((await consistency(harness)).rollupMismatches).toEqual([]);
  });
});
