import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readTimeMarker } from '../../lib/core/time-marker';
import { browserForFile } from './support/browser.ts';
import { totalText } from './support/timer.ts';

const ISSUE = 'https://github.com/acme/checkout-web/issues/3';
const PROJECT = 'github:github.com/acme/checkout-web';

/** GitHub end to end: connect, read items and the team's time, write time back — against the sandbox. */
describe('GitHub sync in real Chromium', () => {
  const file = browserForFile();
  const { send } = file;
  const repo = () => file.harness.sandbox.data.github[0]!.repos[0]!;
  const issue3 = () => repo().issues.find((i) => i.number === 3)!;
  const timer = (page: Page) => page.locator('stint-overlay').getByRole('button', { name: /timer/ });
  const total = (page: Page) => page.locator('stint-overlay .total');

  it('connects, and the issue page shows the team’s time read back and the label estimate', async () => {
    // #3 carries a `size: S` label (2 h by default) and is planned in a milestone, whatever the seed drew for it.
    const repoLabels = repo().labels;
    if (!repoLabels.some((l) => l.name === 'size: S')) repoLabels.push({ id: 990_001, name: 'size: S', color: 'c5def5', description: 'Estimate (read by Stint)' });
    issue3().labels = [...issue3().labels.filter((l) => !/^(estimate|size)\b/.test(l)), 'size: S'];
    issue3().milestone ??= repo().milestones[0]!.number;
    const token = file.harness.sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    await send('connections.add', { provider: 'github', host: 'github.com', token });
    const page = await file.harness.openPage(ISSUE);
    const team = issue3().comments.map((c) => readTimeMarker(c.body)?.seconds ?? 0).reduce((a, b) => a + b, 0);
    expect(team).toBeGreaterThan(0); // the seed gave #3 time markers by the team
    await expect.poll(() => total(page).textContent(), { timeout: 15_000 }).toBe(totalText(team, 2 * 3600));
    // The milestone it is planned in, as GitHub says.
    const milestone = repo().milestones.find((m) => m.number === issue3().milestone);
    expect(milestone).toBeDefined();
    expect(await total(page).getAttribute('title')).toContain(`Milestone: ${milestone!.title}`);
    await file.harness.screenshot(page, 'github-issue-synced');
    await page.close();
  });

  it('a second sync with nothing changed makes only 304s', async () => {
    await send('sync.now', {});
    const from = file.harness.sandbox.log.length;
    await send('sync.now', {});
    const requests = file.harness.sandbox.log.slice(from).filter((r) => r.host === 'api.github.com');
    expect(requests.length).toBeGreaterThan(0);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set([304]));
  });

  it('with write-back on, stopping a timer creates exactly one comment, even when the connection drops after the write', async () => {
    await send('sync.setWriteBack', { projectKey: PROJECT, writeBack: true });
    const before = issue3().comments.length;
    const page = await file.harness.openPage(ISSUE);
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await timer(page).click();
    await expect.poll(() => issue3().comments.length, { timeout: 15_000 }).toBe(before + 1);

    file.harness.sandbox.faults.add({ route: 'github.issues.comments.create', kind: 'dropAfterCommit', times: 1 });
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await timer(page).click();
    // The first attempt's answer is lost (Chromium may even resend the POST by itself on the dropped connection); the
    // outbox retries (its alarm) and finds its own comment instead of posting again, and removes any duplicate.
    await expect.poll(() => issue3().comments.length, { timeout: 20_000 }).toBe(before + 2);
    await expect.poll(async () => (await send<{ pending: number }>('sync.status', {})).pending, { timeout: 30_000 }).toBe(0);
    expect(issue3().comments.length).toBe(before + 2);
    const ids = issue3().comments.map((c) => readTimeMarker(c.body)?.entry).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    await page.close();
  }, 60_000);

  it('waits out a 429 with Retry-After: 2 instead of hammering', async () => {
    file.harness.sandbox.faults.add({ route: 'github.issues.comments.create', kind: 'rateLimit', retryAfter: 2, times: 1 });
    const from = file.harness.sandbox.log.length;
    const page = await file.harness.openPage(ISSUE);
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await timer(page).click();
    await expect.poll(() => file.harness.sandbox.log.slice(from).filter((r) => r.route === 'github.issues.comments.create').map((r) => r.status), { timeout: 15_000 }).toEqual([429, 201]);
    const [limited, created] = file.harness.sandbox.log.slice(from).filter((r) => r.route === 'github.issues.comments.create');
    expect(created!.at - limited!.at).toBeGreaterThanOrEqual(2000);
    await page.close();
  });
});
