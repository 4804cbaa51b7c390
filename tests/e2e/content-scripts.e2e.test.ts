import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/harness.ts';

/** Each provider's content script runs on its sandbox page at the real https URL and recognises the item. */
const PAGES = [
  { name: 'github-issue', url: 'https://github.com/acme/checkout-web/issues/3', key: 'github:github.com/acme/checkout-web#3' },
  { name: 'github-pull-request', url: 'https://github.com/acme/checkout-web/pull/5', key: 'github:github.com/acme/checkout-web#5' },
  { name: 'gitlab-issue', url: 'https://gitlab.com/acme/platform/billing-service/-/issues/3', key: 'gitlab:gitlab.com/acme/platform/billing-service#3' },
  { name: 'gitlab-mr', url: 'https://gitlab.com/acme/platform/billing-service/-/merge_requests/2', key: 'gitlab:gitlab.com/acme/platform/billing-service!2' },
  { name: 'jira-issue', url: 'https://acme.atlassian.net/browse/PAY-10', key: 'jira:acme.atlassian.net/PAY-10' },
] as const;

describe('content scripts on the real URLs', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness();
  });
  afterAll(() => harness.close());

  for (const { name, url, key } of PAGES) {
    it(`${name}: runs at ${url} and mounts beside the title`, async () => {
      const page = await harness.openPage(url);
      expect(page.url()).toBe(url);
      const overlay = page.locator(`stint-overlay[data-stint-item="${key}"]`);
      await overlay.waitFor({ state: 'attached' });
      expect(await page.locator('stint-overlay').count()).toBe(1);
      // Mounted at the title anchor, not the floating fallback: the selectors hold on this page.
      expect(await overlay.getAttribute('data-floating')).toBeNull();
      // The timer button: a real button, idle on a fresh profile.
      await expect.poll(() => overlay.getByRole('button', { name: 'Start timer' }).count()).toBe(1);
      // The request for this page reached the sandbox under the real host name.
      expect(harness.sandbox.log.some((r) => r.host === new URL(url).hostname && r.path === new URL(url).pathname)).toBe(true);

      // The background recorded the tab's health from the page URL; the popup shows it.
      const popup = await harness.openExtensionPage('popup');
      await expect.poll(() => popup.getByTestId('tab-item-key').textContent()).toBe(key);
      await harness.screenshot(page, `content-script-${name}`);
      await popup.close();
      await page.close();
    });
  }

  it('shows the floating fallback when an item page has no known anchor', async () => {
    const page = await harness.openPage('https://github.com/acme/checkout-web/issues/99999');
    const overlay = page.locator('stint-overlay[data-stint-item="github:github.com/acme/checkout-web#99999"]');
    await overlay.waitFor({ state: 'attached' });
    expect(await overlay.getAttribute('data-floating')).toBe('');
    await page.close();
  });

  it('does not touch pages that are not items', async () => {
    const page = await harness.openPage('https://github.com/acme/checkout-web');
    await page.waitForLoadState('load');
    expect(await page.locator('stint-overlay').count()).toBe(0);
    await page.close();
  });
});
