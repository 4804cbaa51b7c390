import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/harness.ts';

/** Connecting GitHub from the options page, in real Chromium against the sandbox. */
describe('GitHub connections', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness();
  });
  afterAll(() => harness.close());

  const token = (host: string, person: string) => harness.sandbox.data.github.find((i) => i.host === host)!.tokens.find((t) => t.value.includes(`_${person}_`))!.value;
  const secrets = () =>
    harness.worker().then((w) =>
      w.evaluate(
        () =>
          new Promise<unknown[]>((resolve) => {
            const open = indexedDB.open('stint');
            open.onsuccess = () => {
              const req = open.result.transaction('secrets').objectStore('secrets').getAll();
              req.onsuccess = () => resolve(req.result as unknown[]);
            };
          }),
      ),
    );

  it('a wrong token gets the 401 message and stores nothing; a right one connects', async () => {
    const options = await harness.openExtensionPage('options');
    const form = options.getByRole('form', { name: 'Connect GitHub' });
    await form.getByLabel('Personal access token').fill('ghp_wrong_token_000000000000000000000000000');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/github\.com refused the token \(401 Bad credentials\)/);
    expect(await options.getByTestId('connection').count()).toBe(0);
    expect(await secrets()).toEqual([]);

    await form.getByLabel('Personal access token').fill(token('github.com', 'ana'));
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Works: this token belongs to ana-ruiz.');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => options.getByTestId('connection').textContent()).toContain('ana-ruiz');
    expect(await secrets()).toHaveLength(1);
    await harness.screenshot(options, 'options-connected');
    await options.close();
  });

  it('a GitHub Enterprise host works once granted, and removing it unregisters its content script', async () => {
    const options = await harness.openExtensionPage('options');
    const form = options.getByRole('form', { name: 'Connect GitHub' });
    await form.getByLabel('GitHub host').fill('github.example.test');
    await form.getByLabel('Personal access token').fill(token('github.example.test', 'ben'));
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Connected to github.example.test as bokafor.');

    const page = await harness.openPage('https://github.example.test/eng/portal/issues/3');
    const overlay = page.locator('stint-overlay[data-stint-item="github:github.example.test/eng/portal#3"]');
    await overlay.waitFor({ state: 'attached' });
    expect(await overlay.getAttribute('data-floating')).toBeNull();
    // The background recognises the GHE page as an item (the timer works there).
    await overlay.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => overlay.getByRole('button').first().getAttribute('aria-pressed')).toBe('true');

    await options.getByRole('button', { name: 'Remove the connection to github.example.test' }).click();
    await expect.poll(() => options.getByTestId('connection').count()).toBe(1);
    await page.reload();
    await page.waitForLoadState('load');
    expect(await page.locator('stint-overlay').count()).toBe(0);
    await page.close();
    await options.close();
  });

  it('sends every token only to the API host it belongs to, and keeps tokens out of storage content scripts can read', () => {
    const authorized = harness.sandbox.log.filter((r) => r.authorized);
    expect(authorized.length).toBeGreaterThan(0);
    const apiHostOf = { 'github.com': 'api.github.com', 'github.example.test': 'github.example.test' } as Record<string, string>;
    for (const request of authorized) {
      const owner = request.credentialOf?.split('/')[0] ?? 'none';
      // A wrong token (made up in the test) may only have gone to github.com's API too.
      expect(request.host, `${request.method} ${request.host}${request.path} carried ${request.credentialOf}`).toBe(owner === 'unknown' ? 'api.github.com' : apiHostOf[owner]);
      if (request.host === 'github.example.test') expect(request.path.startsWith('/api/v3/')).toBe(true);
    }
    expect(new Set(authorized.map((r) => r.credentialOf?.split('/')[0]))).toEqual(new Set(['unknown', 'github.com', 'github.example.test']));
    return harness.readStorage('local').then((local) => {
      const stored = JSON.stringify(local);
      for (const instance of harness.sandbox.data.github) for (const t of instance.tokens) expect(stored).not.toContain(t.value);
    });
  });
});
