import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/chromium.ts';
import type { Sandbox } from '../tests/sandbox/server.ts';
import { median, table } from './stats.ts';
import type { Benchmark } from './types.ts';

const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 10);

/**
 * In the page's main world: when the URL changes (Navigation API, after commit), note the time; when a Stint host for
 * a *different* item appears, note the time again; and keep the most overlays ever present at once.
 */
const NAV_WATCH = `(() => {
  const state = window.__spa = { changes: [], arrivals: [], maxOverlays: 0 };
  navigation.addEventListener('currententrychange', () => state.changes.push({ at: performance.now(), url: location.href }));
  let lastKey = null;
  new MutationObserver(() => {
    const overlays = document.querySelectorAll('stint-overlay');
    state.maxOverlays = Math.max(state.maxOverlays, overlays.length);
    const key = overlays[0]?.getAttribute('data-stint-item') ?? null;
    if (key && key !== lastKey) { state.arrivals.push({ at: performance.now(), key }); lastKey = key; }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-stint-item'] });
})();`;

interface Scenario {
  readonly provider: string;
  readonly start: string;
  /** Click the n-th in-app link that opens another item without a reload. */
  readonly link: (n: number) => string;
}

const SCENARIOS: Scenario[] = [
  { provider: 'github', start: 'https://github.com/acme/checkout-web/issues', link: (n) => `[data-testid="issue-pr-title-link"] >> nth=${n}` },
  { provider: 'gitlab', start: 'https://gitlab.com/acme/platform/billing-service/-/issues', link: (n) => `[data-testid="issuable-title-link"] >> nth=${n}` },
  { provider: 'jira', start: 'https://acme.atlassian.net/jira/software/projects/PAY/boards/1', link: (n) => `[data-testid="platform-board-kit.ui.card.card"] >> nth=${n}` },
];

export interface SpaRow {
  provider: string;
  navigations: number;
  /** Median ms from the URL change to the new item's button in the page. */
  medianMs: number;
  maxMs: number;
  maxOverlaysAtOnce: number;
}

async function run(page: Page, scenario: Scenario): Promise<{ latencies: number[]; maxOverlays: number }> {
  const latencies: number[] = [];
  for (let n = 0; n < NAVIGATIONS; n++) {
    await page.goto(scenario.start, { waitUntil: 'load' });
    await page.locator(scenario.link(n)).click();
    // The load itself is a URL change too: wait for one to another URL, then for a button arriving after it.
    await page.waitForFunction((start) => {
      const spa = (window as unknown as { __spa: { changes: { at: number; url: string }[]; arrivals: { at: number }[] } }).__spa;
      const change = spa.changes.find((c) => c.url !== start);
      return change !== undefined && spa.arrivals.some((a) => a.at >= change.at);
    }, scenario.start);
    const spa = await page.evaluate(() => (window as unknown as { __spa: { changes: { at: number; url: string }[]; arrivals: { at: number }[]; maxOverlays: number } }).__spa);
    const change = spa.changes.find((c) => c.url !== scenario.start)!.at;
    const arrival = spa.arrivals.find((a) => a.at >= change)!;
    latencies.push(arrival.at - change);
    if (spa.maxOverlays > 1) return { latencies, maxOverlays: spa.maxOverlays };
  }
  return { latencies, maxOverlays: 1 };
}

export const spaNavigation: Benchmark<SpaRow> = {
  name: 'spa-navigation',
  description: `Client-side navigation to another item: ms from the URL change to the new item's button (median of ${NAVIGATIONS}); target ≤ 100 ms and never two buttons.`,
  async run(sandbox: Sandbox) {
    const work = mkdtempSync(join(tmpdir(), 'stint-bench-spa-'));
    const context = await launchChromium({ extensionDir: resolve('.output/chrome-mv3'), profileDir: join(work, 'profile'), hostResolverRules: sandbox.hostResolverRules, headless: true });
    await context.addInitScript(NAV_WATCH);
    try {
      const rows: SpaRow[] = [];
      for (const scenario of SCENARIOS) {
        const page = await context.newPage();
        const { latencies, maxOverlays } = await run(page, scenario);
        rows.push({ provider: scenario.provider, navigations: latencies.length, medianMs: median(latencies), maxMs: Math.max(...latencies), maxOverlaysAtOnce: maxOverlays });
        await page.close();
      }
      return rows;
    } finally {
      await context.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
  format(rows) {
    return table(
      ['provider', 'navigations', 'median ms', 'max ms', 'most buttons at once'],
      rows.map((r) => [r.provider, String(r.navigations), r.medianMs.toFixed(1), r.maxMs.toFixed(1), String(r.maxOverlaysAtOnce)]),
    );
  },
};
