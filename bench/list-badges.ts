import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/chromium.ts';
import type { Sandbox } from '../tests/sandbox/server.ts';
import { median, table } from './stats.ts';
import type { Benchmark } from './types.ts';

const REPS = Number(process.env.BENCH_REPS ?? 10);
const ROWS = 100;

/**
 * Installed in the page's main world before any page script: `__listBench.reveal(config)` empties a list, builds
 * `count` rows off-document from a copy of its first row (each linking to another item), waits two frames, then
 * inserts them all at once and resolves with the ms until the last of them has its Stint badge, how many frames
 * began in between, and (the reference, measured in the same reveal) the ms until the frame showing the rows was done. Only the list is observed, and nothing in the page is touched through Playwright locators.
 */
const PROBE = `(() => {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  window.__listBench = {
    async reveal({ container, link, href, count, firstNumber }) {
      const list = [...document.querySelectorAll(container)].find((candidate) => candidate.firstElementChild);
      const template = list && list.firstElementChild.cloneNode(true);
      if (!template) throw new Error('No list to fill: ' + container);
      template.querySelectorAll('stint-badge').forEach((badge) => badge.remove());
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < count; i++) {
        const row = template.cloneNode(true);
        const anchor = row.querySelector(link);
        if (!anchor) throw new Error('No link in the row: ' + link);
        anchor.setAttribute('href', href.replace('{n}', String(firstNumber + i)));
        fragment.append(row);
      }
      list.replaceChildren();
      await nextFrame();
      await nextFrame();
      return new Promise((resolve, reject) => {
        let frames = 0;
        let badgedAt = null;
        let rowsAt = null;
        const started = performance.now();
        const done = () => {
          if (badgedAt === null || rowsAt === null) return;
          clearTimeout(timer);
          resolve({ ms: badgedAt - started, frames, rowsMs: rowsAt - started });
        };
        // Frames that begin before the last badge is written (the first one renders the new rows).
        const tick = () => { if (badgedAt !== null) return; frames++; requestAnimationFrame(tick); };
        const observer = new MutationObserver(() => {
          if (list.querySelectorAll('stint-badge').length < count) return;
          badgedAt = performance.now();
          observer.disconnect();
          done();
        });
        observer.observe(list, { childList: true, subtree: true });
        const timer = setTimeout(() => { observer.disconnect(); reject(new Error('Rows were not all badged within 10 s')); }, 10000);
        list.append(fragment);
        requestAnimationFrame(tick);
        // The reference: when the frame that first shows the rows is done (the next frame begins).
        requestAnimationFrame(() => requestAnimationFrame(() => { rowsAt = performance.now(); done(); }));
      });
    },
  };
})();`;

/** Counts `items.badges` messages in the service worker with a second listener that never answers. */
const COUNT_REQUESTS = () => {
  const g = globalThis as unknown as {
    __benchBadgeRequests?: number[];
    chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } } };
  };
  if (g.__benchBadgeRequests) return;
  const sizes: number[] = (g.__benchBadgeRequests = []);
  g.chrome.runtime.onMessage.addListener((message) => {
    const m = message as { type?: unknown; payload?: { keys?: unknown[] } } | null;
    if (m?.type === 'items.badges') sizes.push(m.payload?.keys?.length ?? 0);
    return undefined;
  });
};

interface Scenario {
  readonly surface: string;
  readonly url: string;
  readonly container: string;
  readonly link: string;
  readonly href: string;
}

const SCENARIOS: Scenario[] = [
  {
    surface: 'github issues (React)',
    url: 'https://github.com/acme/checkout-web/issues',
    container: '[data-listview-component="items-list"]',
    link: 'a[data-testid="issue-pr-title-link"]',
    href: '/acme/checkout-web/issues/{n}',
  },
  {
    surface: 'github pulls (Rails)',
    url: 'https://github.com/acme/checkout-web/pulls',
    container: '.js-navigation-container',
    link: 'a[id^="issue_"][data-hovercard-type]',
    href: '/acme/checkout-web/pull/{n}',
  },
  {
    surface: 'github project board',
    url: 'https://github.com/orgs/acme/projects/1',
    container: '[data-board-column] [role="list"]',
    link: 'h3[id^="board-card-title-"] a',
    href: 'https://github.com/acme/checkout-web/issues/{n}',
  },
];

export interface ListBadgesRow {
  surface: string;
  /**
   * `new`: items Stint has not answered for, of a project the page already holds the badge map of (the list's own);
   * `new project`: items of a project this page has never asked about (a round trip is unavoidable);
   * `known`: the same rows rendered again.
   */
  rows: 'new' | 'new project' | 'known';
  reps: number;
  medianMs: number;
  maxMs: number;
  /** Reference: ms until the frame that first shows the rows themselves is done. */
  medianRowsFrameMs: number;
  medianFrames: number;
  /** `items.badges` messages per reveal of 100 rows (max over the reps). */
  maxRoundTrips: number;
  minRoundTrips: number;
}

async function requestCount(worker: Worker): Promise<number> {
  return worker.evaluate(() => (globalThis as unknown as { __benchBadgeRequests?: number[] }).__benchBadgeRequests?.length ?? 0);
}

interface Reveal {
  readonly ms: number;
  readonly frames: number;
  readonly rowsMs: number;
}

async function reveal(page: Page, scenario: Scenario, firstNumber: number, href = scenario.href): Promise<Reveal> {
  return page.evaluate(
    (config) => (window as unknown as { __listBench: { reveal(c: typeof config): Promise<Reveal> } }).__listBench.reveal(config),
    { container: scenario.container, link: scenario.link, href, count: ROWS, firstNumber },
  );
}

async function measure(page: Page, worker: Worker, scenario: Scenario): Promise<ListBadgesRow[]> {
  await page.goto(scenario.url, { waitUntil: 'load' });
  await page.waitForFunction((container) => document.querySelector(`:is(${container}) stint-badge`) !== null, scenario.container);
  const rows: ListBadgesRow[] = [];
  for (const kind of ['new', 'new project', 'known'] as const) {
    const samples: (Reveal & { trips: number })[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      // New rows: numbers no row of this page has had; new project: in a repository never seen on this page (one per
      // rep); known rows: the first rep's numbers again.
      const firstNumber = kind === 'known' ? 100_000 : 100_000 + rep * 1_000;
      const href = kind === 'new project' ? scenario.href.replace('/checkout-web/', `/unseen-${scenario.surface.length}-${rep}/`) : scenario.href;
      const before = await requestCount(worker);
      const sample = await reveal(page, scenario, firstNumber, href);
      samples.push({ ...sample, trips: (await requestCount(worker)) - before });
    }
    const trips = samples.map((s) => s.trips);
    rows.push({
      surface: scenario.surface,
      rows: kind,
      reps: samples.length,
      medianMs: median(samples.map((s) => s.ms)),
      maxMs: Math.max(...samples.map((s) => s.ms)),
      medianRowsFrameMs: median(samples.map((s) => s.rowsMs)),
      medianFrames: median(samples.map((s) => s.frames)),
      maxRoundTrips: Math.max(...trips),
      minRoundTrips: Math.min(...trips),
    });
  }
  return rows;
}

export const listBadges: Benchmark<ListBadgesRow> = {
  name: 'list-badges',
  description: `${ROWS} rows revealed at once on a list / board: ms until every row has its badge and frames begun meanwhile (median of ${REPS}), beside the ms until the rows' own frame is done; items.badges round trips per reveal. Targets: one frame (16 ms), at most 1 round trip per reveal; 0 for rows whose project's badge map the page holds.`,
  async run(sandbox: Sandbox) {
    const work = mkdtempSync(join(tmpdir(), 'stint-bench-badges-'));
    const context = await launchChromium({ extensionDir: resolve('.output/chrome-mv3'), profileDir: join(work, 'profile'), hostResolverRules: sandbox.hostResolverRules, headless: true });
    await context.addInitScript(PROBE);
    try {
      const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
      await worker.evaluate(COUNT_REQUESTS);
      const page = await context.newPage();
      const rows: ListBadgesRow[] = [];
      for (const scenario of SCENARIOS) rows.push(...(await measure(page, worker, scenario)));
      return rows;
    } finally {
      await context.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
  format(rows) {
    return table(
      ['surface', 'rows', 'reps', 'badged: median ms', 'max ms', 'ref: rows’ frame done ms', 'frames begun', 'round trips / reveal'],
      rows.map((r) => [r.surface, `${ROWS} ${r.rows}`, String(r.reps), r.medianMs.toFixed(1), r.maxMs.toFixed(1), r.medianRowsFrameMs.toFixed(1), String(r.medianFrames), r.minRoundTrips === r.maxRoundTrips ? String(r.maxRoundTrips) : `${r.minRoundTrips}–${r.maxRoundTrips}`]),
    );
  },
};
