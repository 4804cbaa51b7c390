import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { entryIdOf } from '../../lib/providers/gitlab/map';
import type { GlIssuable } from '../sandbox/data/model.ts';
import { browserForFile } from './support/browser.ts';
import { moveWorkerClock, totalText } from './support/timer.ts';

const PATH = 'acme/platform/billing-service';
const PROJECT = `gitlab:gitlab.com/${PATH}`;

/** GitLab end to end in real Chromium: connect from options, native estimate and spent time, one timelog per entry. */
describe('GitLab sync in real Chromium', () => {
  const file = browserForFile();
  const { send } = file;
  const gitlab = () => file.harness.sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
  const project = () => gitlab().projects.find((p) => p.pathWithNamespace === PATH)!;
  const token = (personId: string) => gitlab().tokens.find((t) => t.personId === personId && t.scopes.includes('api'))!.value;
  const spent = (item: GlIssuable) => item.timelogs.reduce((n, t) => n + t.timeSpent, 0);
  const timer = (page: Page) => page.locator('stint-overlay').getByRole('button', { name: /timer/ });
  const total = (page: Page) => page.locator('stint-overlay .total');

  it('connects GitLab from the options page, naming a wrong host and a bad token', async () => {
    const form = file.options.getByRole('form', { name: 'Connect GitHub' });
    await form.getByLabel('Provider').selectOption('gitlab');
    const gitlabForm = file.options.getByRole('form', { name: 'Connect GitLab' });
    expect(await gitlabForm.getByLabel('GitLab host').inputValue()).toBe('gitlab.com');
    await gitlabForm.getByLabel('Personal access token').fill(token('ana'));
    // An API base on another host is refused before anything is sent: the token goes only to the host connected.
    const from = file.harness.sandbox.log.length;
    await gitlabForm.getByLabel('API base').fill('https://github.com/api/v4');
    await gitlabForm.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => gitlabForm.getByRole('alert').textContent()).toBe('The API base must be on gitlab.com: Stint sends your token only to the host you connect.');
    expect(file.harness.sandbox.log.length).toBe(from);
    await gitlabForm.getByLabel('API base').fill('');
    // A host that is not GitLab at all is named as such.
    await gitlabForm.getByLabel('GitLab host').fill('github.com');
    await gitlabForm.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => gitlabForm.getByRole('alert').textContent()).toMatch(/https:\/\/github\.com is not a GitLab API/);
    await gitlabForm.getByLabel('GitLab host').fill('gitlab.com');
    await gitlabForm.getByLabel('Personal access token').fill('glpat-wrong-000000000000000');
    await gitlabForm.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => gitlabForm.getByRole('alert').textContent()).toMatch(/gitlab\.com refused the token \(401/);
    await gitlabForm.getByLabel('Personal access token').fill(token('ana'));
    await gitlabForm.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => gitlabForm.getByRole('status').textContent()).toBe('Connected to gitlab.com as aruiz.');
    expect(await file.options.getByTestId('connection').textContent()).toContain('GitLab · gitlab.com · aruiz');
  });

  it('shows GitLab’s estimate and two colleagues’ time; a 30-minute entry becomes exactly one timelog and GitLab’s total agrees', async () => {
    // The issue of the acceptance: estimated 4h natively, 1h 30m spent by two colleagues.
    const issue = project().issues[6]!;
    const now = Date.now();
    issue.timeEstimate = 4 * 3600;
    issue.timelogs = [
      { id: 990_001, user: 'ben.okafor', timeSpent: 2700, spentAt: now - 2 * 86_400_000, summary: 'Retry design', createdAt: now - 2 * 86_400_000 },
      { id: 990_002, user: 'dana.k', timeSpent: 2700, spentAt: now - 86_400_000, summary: null, createdAt: now - 86_400_000 },
    ];
    issue.updatedAt = now;
    const url = `https://gitlab.com/${PATH}/-/issues/${issue.iid}`;
    const page = await file.harness.openPage(url);
    // A project in nested groups (acme / platform / billing-service): the item is named from the whole path.
    await page.locator(`stint-overlay[data-stint-item="${PROJECT}#${issue.iid}"]`).waitFor({ state: 'attached' });
    await expect.poll(() => total(page).textContent(), { timeout: 15_000 }).toBe(totalText(5400, 4 * 3600));
    expect(await total(page).getAttribute('title')).toContain('GitLab agrees: 1h 30m spent');

    await send('sync.setWriteBack', { projectKey: PROJECT, writeBack: true });
    // Started 30 minutes ago by the worker's clock, stopped now: nothing ends in the future.
    await moveWorkerClock(file.harness, -30 * 60_000);
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await moveWorkerClock(file.harness, 30 * 60_000);
    await timer(page).click();
    await expect.poll(() => issue.timelogs.length, { timeout: 15_000 }).toBe(3);
    const [written] = issue.timelogs.filter((t) => entryIdOf(t.summary) !== null);
    expect(written).toMatchObject({ user: 'aruiz', timeSpent: 1800 });
    expect(spent(issue)).toBe(2 * 3600);
    // Stint re-reads the project after its write: both totals say 2h, and nothing is counted twice.
    await expect.poll(async () => (await total(page).getAttribute('title')) ?? '', { timeout: 15_000 }).toContain('GitLab agrees: 2h spent');
    expect(await total(page).textContent()).toBe(totalText(7200, 4 * 3600));
    await file.harness.screenshot(page, 'gitlab-issue-synced');
    await page.close();
  });

  it('drop-after-commit and 429 on the timelog write still end in exactly one timelog each', async () => {
    const issue = project().issues[7]!;
    const page = await file.harness.openPage(`https://gitlab.com/${PATH}/-/issues/${issue.iid}`);
    const before = issue.timelogs.length;
    // The write looks for an earlier attempt first (one GraphQL query), then creates: the fault hits the create.
    file.harness.sandbox.faults.add({ route: 'gitlab.graphql', kind: 'dropAfterCommit', skip: 1, times: 1 });
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await timer(page).click();
    await expect.poll(() => issue.timelogs.length, { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(async () => (await send<{ pending: number }>('sync.status', {})).pending, { timeout: 30_000 }).toBe(0);
    expect(issue.timelogs.length).toBe(before + 1);

    file.harness.sandbox.faults.add({ route: 'gitlab.graphql', kind: 'rateLimit', retryAfter: 2, skip: 1, times: 1 });
    await timer(page).click();
    await expect.poll(() => timer(page).getAttribute('aria-pressed')).toBe('true');
    await timer(page).click();
    await expect.poll(() => issue.timelogs.length, { timeout: 30_000 }).toBe(before + 2);
    await expect.poll(async () => (await send<{ pending: number }>('sync.status', {})).pending, { timeout: 30_000 }).toBe(0);
    const ids = issue.timelogs.map((t) => entryIdOf(t.summary)).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(issue.timelogs.length).toBe(before + 2);
    await page.close();
  }, 90_000);

  it('a self-managed host works once connected, and a nested-group project URL maps to the right item', async () => {
    const selfManaged = file.harness.sandbox.data.gitlab.find((i) => i.host === 'gitlab.example.test')!;
    const form = file.options.getByRole('form', { name: /^Connect Git(Hub|Lab)$/ });
    await form.getByLabel('Provider').selectOption('gitlab');
    const gitlabForm = file.options.getByRole('form', { name: 'Connect GitLab' });
    await gitlabForm.getByLabel('GitLab host').fill('gitlab.example.test');
    await gitlabForm.getByLabel('Personal access token').fill(selfManaged.tokens.find((t) => t.personId === 'ben' && t.scopes.includes('api'))!.value);
    await gitlabForm.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => gitlabForm.getByRole('status').textContent()).toBe('Connected to gitlab.example.test as ben.okafor.');
    const target = selfManaged.projects[0]!;
    const item = target.issues[0]!;
    const page = await file.harness.openPage(`https://gitlab.example.test/${target.pathWithNamespace}/-/issues/${item.iid}`);
    const key = `gitlab:gitlab.example.test/${target.pathWithNamespace.toLowerCase()}#${item.iid}`;
    const overlay = page.locator(`stint-overlay[data-stint-item="${key}"]`);
    await overlay.waitFor({ state: 'attached' });
    // Read through the self-managed host's own API: the team's timelogs and GitLab's estimate.
    const team = item.timelogs.reduce((n, t) => n + Math.max(0, t.timeSpent), 0);
    const expected = totalText(team, item.timeEstimate > 0 ? item.timeEstimate : null);
    await expect.poll(() => total(page).textContent(), { timeout: 15_000 }).toBe(expected);
    await page.close();
  });

  it('sent GitLab tokens only to GitLab’s API paths on the hosts they were added for, and stored none where pages can read', async () => {
    const carried = file.harness.sandbox.log.filter((r) => r.authorized);
    expect(carried.length).toBeGreaterThan(0);
    for (const request of carried) {
      const where = `${request.method} ${request.host}${request.path}`;
      // github.com only for the test of a GitLab connection the person typed with github.com as its host.
      expect(['gitlab.com', 'gitlab.example.test', 'github.com'], where).toContain(request.host);
      if (request.host === 'github.com') expect(request.path, where).toBe('/api/v4/version');
      expect(request.path, where).toMatch(/^\/api\/(v4\/|graphql$)/);
    }
    const local = JSON.stringify(await file.harness.readStorage('local'));
    for (const instance of file.harness.sandbox.data.gitlab) for (const t of instance.tokens) expect(local).not.toContain(t.value);
  });
});
