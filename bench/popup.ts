import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import type { Sandbox } from '../tests/sandbox/server.ts';
import { launchBenchExtension } from './extension.ts';
import { seedExtension } from './seed-extension.ts';
import { formatBytes, median, table } from './stats.ts';
import type { Benchmark } from './types.ts';

const REPS = Number(process.env.BENCH_REPS ?? 10);
const ENTRIES = Number(process.env.BENCH_POPUP_ENTRIES ?? 100_000);

export interface PopupRow {
  readonly variant: string;
  readonly entries: number;
  readonly runs: number;
  /** Navigation start → the first render with figures (`stint:dashboard-painted`), median ms. */
  readonly paintedMs: number;
  /** Navigation start → the worker's fresh dashboard rendered, median ms. */
  readonly freshMs: number;
  /** Navigation start → DOMContentLoaded: the page's own HTML and script, the floor of any render. */
  readonly loadedMs: number;
  readonly jsGzipBytes: number;
}

/** The popup's JavaScript and CSS as the browser fetches it (entry script, preloaded chunks, stylesheet), gzipped. */
function popupBytes(extensionDir: string): number {
  const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(extensionDir, file)), { level: 9 }).length, 0);
}

async function openPopup(context: BrowserContext, url: string): Promise<{ painted: number; fresh: number; loaded: number }> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('stint:dashboard-fresh').length > 0, null, { timeout: 120_000, polling: 50 });
    return await page.evaluate(() => ({
      painted: performance.getEntriesByName('stint:dashboard-painted')[0]!.startTime,
      fresh: performance.getEntriesByName('stint:dashboard-fresh')[0]!.startTime,
      loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }));
  } finally {
    await page.close();
  }
}

/**
 * The popup dashboard's first meaningful render with 100,000 entries in the store (production build, real Chromium
 * IndexedDB), from its cached dashboard — beside the same popup without a cache (it waits for the worker's answer),
 * and from the cache with the worker stopped first (as after 30 s idle), interleaved run by run.
 */
export const popup: Benchmark<PopupRow> = {
  name: 'popup',
  description: `popup dashboard: first render with ${ENTRIES.toLocaleString('en')} entries, cached vs uncached, worker awake vs stopped`,
  async run(sandbox: Sandbox) {
    const extensionDir = resolve('.output/chrome-mv3');
    const jsGzipBytes = popupBytes(extensionDir);
    const bench = await launchBenchExtension(sandbox, 'popup');
    try {
      const { context, options } = bench;
      // Open the database (the worker creates it on the first request), then fill it.
      await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'timer.state', payload: {} }));
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await seedExtension(worker, ENTRIES);
      const url = options.url().replace('options.html', 'popup.html');
      await openPopup(context, url); // warm: rollups rebuilt, the cache written
      const cdp = await context.newCDPSession(options);
      await cdp.send('ServiceWorker.enable');
      const variants = {
        'cached, worker awake': async () => openPopup(context, url),
        'uncached (reference), worker awake': async () => {
          await options.evaluate(() => localStorage.removeItem('stint:dashboard:v1'));
          return openPopup(context, url);
        },
        'cached, worker stopped': async () => {
          await cdp.send('ServiceWorker.stopAllWorkers');
          return openPopup(context, url);
        },
      };
      const samples = new Map<string, { painted: number; fresh: number; loaded: number }[]>(Object.keys(variants).map((k) => [k, []]));
      for (let rep = 0; rep < REPS; rep++) {
        for (const [name, run] of Object.entries(variants)) samples.get(name)!.push(await run());
      }
      return [...samples].map(([variant, runs]) => ({
        variant,
        entries: ENTRIES,
        runs: runs.length,
        paintedMs: Math.round(median(runs.map((r) => r.painted))),
        freshMs: Math.round(median(runs.map((r) => r.fresh))),
        loadedMs: Math.round(median(runs.map((r) => r.loaded))),
        jsGzipBytes,
      }));
    } finally {
      await bench.close();
    }
  },
  format(rows) {
    return table(
      ['variant', 'entries', 'runs', 'first render (median)', 'fresh from worker', 'DOMContentLoaded', 'popup JS+CSS gz'],
      rows.map((r) => [r.variant, r.entries.toLocaleString('en'), String(r.runs), `${r.paintedMs} ms`, `${r.freshMs} ms`, `${r.loadedMs} ms`, formatBytes(r.jsGzipBytes)]),
    );
  },
};
