import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { launchChromium } from './chromium.ts';

/** The e2e build (`wxt build --mode e2e`): the production build plus the self-hosted stand-ins' host permissions. */
export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const ARTEFACTS_DIR = resolve('test-artefacts');

export type ExtensionPage = 'popup' | 'sidepanel' | 'options';

export interface Harness {
  readonly sandbox: Sandbox;
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The current service worker (it changes if Chrome restarts it). */
  worker(): Promise<Worker>;
  /** Open a provider page at its real https URL (resolved to the sandbox by Chromium). */
  openPage(url: string): Promise<Page>;
  openExtensionPage(name: ExtensionPage, query?: string): Promise<Page>;
  /** Read extension storage as the service worker sees it (`local` or `session`). */
  readStorage(area: 'local' | 'session', key?: string): Promise<Record<string, unknown>>;
  /** Save a screenshot under test-artefacts/ and return its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly extensionDir?: string;
  /** Reuse a profile (crash / relaunch tests); default: a fresh one, removed on close. */
  readonly profileDir?: string;
  readonly sandbox?: Sandbox;
  readonly headless?: boolean;
  /** The browser's UI language (`de`); default: English. */
  readonly lang?: string;
}

export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = options.sandbox ?? (await startSandbox());
  const ownProfile = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'stint-profile-'));
  const context = await launchChromium({
    extensionDir: options.extensionDir ?? E2E_EXTENSION_DIR,
    profileDir,
    hostResolverRules: sandbox.hostResolverRules,
    headless: options.headless ?? true,
    ...(options.lang ? { lang: options.lang } : {}),
  });
  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return live ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;
  mkdirSync(ARTEFACTS_DIR, { recursive: true });

  return {
    sandbox,
    context,
    extensionId,
    worker,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openExtensionPage(name, query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html${query}`);
      return page;
    },
    async readStorage(area, key) {
      const sw = await worker();
      return sw.evaluate(
        ([a, k]) => (globalThis as unknown as { chrome: { storage: Record<string, { get(k?: string): Promise<Record<string, unknown>> }> } }).chrome.storage[a]!.get(k ?? undefined),
        [area, key ?? null] as const,
      );
    },
    async screenshot(page, name) {
      const path = join(ARTEFACTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await context.close();
      if (!options.sandbox) await sandbox.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
