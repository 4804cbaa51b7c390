/**
 * `npm run demo`: build Stint, start the sandbox (GitHub, GitLab and Jira stand-ins with Acme Payments' data), and open
 * Chromium with Stint on the sandbox's pages at their real URLs. With a display it stays open for you to click around;
 * without one (or with --headless) it saves a screenshot of each surface into demo-output/ and exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { findChromium, launchChromium } from '../tests/e2e/support/chromium.ts';
import { startSandbox, type Sandbox } from '../tests/sandbox/server.ts';

// The demo build differs from the store build only in pointing the popup's first-run card at the sandbox's project.
const EXTENSION_DIR = resolve('.output/chrome-mv3-demo');
const OUTPUT_DIR = resolve('demo-output');

const SURFACES = [
  { name: 'github-issue', url: 'https://github.com/acme/checkout-web/issues/3' },
  { name: 'github-pull-request', url: 'https://github.com/acme/checkout-web/pull/5' },
  { name: 'gitlab-merge-request', url: 'https://gitlab.com/acme/platform/billing-service/-/merge_requests/2' },
  { name: 'jira-issue', url: 'https://acme.atlassian.net/browse/PAY-10' },
  { name: 'jira-board', url: 'https://acme.atlassian.net/jira/software/projects/PAY/boards/1?selectedIssue=PAY-12' },
] as const;

function wantsHeadless(): boolean {
  if (process.argv.includes('--headless') || process.env.CI) return true;
  if (process.argv.includes('--headed')) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return false;
  return !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

async function main(): Promise<void> {
  const chromiumPath = findChromium(); // fail early, with install instructions, before building anything
  console.log(`Chromium: ${chromiumPath}`);
  console.log('Building Stint (.output/chrome-mv3-demo)…');
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: ['ignore', 'ignore', 'inherit'] });

  const sandbox = await startSandbox();
  const headless = wantsHeadless();
  const profileDir = mkdtempSync(join(tmpdir(), 'stint-demo-'));
  const context = await launchChromium({ extensionDir: EXTENSION_DIR, profileDir, hostResolverRules: sandbox.hostResolverRules, headless });
  const extensionId = await extensionIdOf(context);
  console.log(`Sandbox on 127.0.0.1:${sandbox.port} (github.com, api.github.com, gitlab.com, *.atlassian.net mapped to it)`);
  printCredentials(sandbox);

  try {
    if (headless) await screenshots(context, extensionId);
    else await interactive(context, extensionId);
  } finally {
    await context.close().catch(() => undefined);
    await sandbox.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}

async function screenshots(context: BrowserContext, extensionId: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const saved: string[] = [];
  const shoot = async (page: Page, name: string) => {
    const path = join(OUTPUT_DIR, `${name}.png`);
    await page.screenshot({ path });
    saved.push(path);
  };
  for (const surface of SURFACES) {
    const page = await context.newPage();
    await page.goto(surface.url);
    await page.locator('stint-overlay').first().waitFor({ state: 'attached', timeout: 10_000 });
    await shoot(page, surface.name);
    if (surface.name !== 'github-issue') await page.close();
  }
  // The popup and side panel describe the tab the person was on: the GitHub issue, still open.
  for (const [surface, size] of [['popup', { width: 380, height: 420 }], ['sidepanel', { width: 400, height: 700 }], ['options', { width: 900, height: 600 }]] as const) {
    const page = await context.newPage();
    await page.setViewportSize(size);
    await page.goto(`chrome-extension://${extensionId}/${surface}.html`);
    await page.locator('main').waitFor();
    await page.waitForLoadState('networkidle');
    await shoot(page, surface);
    await page.close();
  }
  console.log('\nHeadless machine: screenshots of each surface saved:');
  for (const path of saved) console.log(`  ${path}`);
  console.log('\nOn a machine with a display, `npm run demo` opens the browser instead.');
}

async function interactive(context: BrowserContext, extensionId: string): Promise<void> {
  for (const surface of SURFACES) await (await context.newPage()).goto(surface.url);
  await (await context.newPage()).goto(`chrome-extension://${extensionId}/popup.html`);
  console.log('\nChromium is open with Stint on the sandbox pages. Close the browser window to stop the demo.');
  await new Promise<void>((resolveClosed) => context.on('close', () => resolveClosed()));
}

function printCredentials(sandbox: Sandbox): void {
  const gh = sandbox.data.github[0]?.tokens[0];
  const gl = sandbox.data.gitlab[0]?.tokens[0];
  const jira = sandbox.data.jira[0]?.tokens[0];
  const ana = sandbox.data.people[0];
  console.log('Sandbox credentials (they open only the sandbox):');
  if (gh) console.log(`  GitHub token  ${gh.value}`);
  if (gl) console.log(`  GitLab token  ${gl.value}`);
  if (jira && ana) console.log(`  Jira          ${ana.email} / ${jira.value}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
