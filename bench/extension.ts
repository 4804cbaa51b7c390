import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/chromium.ts';
import type { Sandbox } from '../tests/sandbox/server.ts';

export interface BenchExtension {
  readonly context: BrowserContext;
  /** Stint's options page: where the benchmarks talk to the background, as the page itself does. */
  readonly options: Page;
  readonly close: () => Promise<void>;
}

/**
 * The built extension (production build) in headless Chromium on the sandbox, with its options page open. With
 * `profileDir` the profile is the caller's and is kept on close (to relaunch on the same store); else a fresh one is
 * made and removed.
 */
export async function launchBenchExtension(sandbox: Sandbox, name: string, options: { profileDir?: string } = {}): Promise<BenchExtension> {
  const work = options.profileDir === undefined ? mkdtempSync(join(tmpdir(), `stint-bench-${name}-`)) : null;
  const profileDir = options.profileDir ?? join(work!, 'profile');
  const context = await launchChromium({ extensionDir: resolve('.output/chrome-mv3'), profileDir, hostResolverRules: sandbox.hostResolverRules, headless: true });
  const close = async () => {
    await context.close();
    if (work !== null) rmSync(work, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
    return { context, options: page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Wait until the sandbox has seen no request for `ms` (a sync that is still finishing would skip the next one). */
export async function settled(sandbox: Sandbox, ms = 1000): Promise<void> {
  let seen = -1;
  while (sandbox.log.length !== seen) {
    seen = sandbox.log.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}
