import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/chromium.ts';
import type { Sandbox } from '../tests/sandbox/server.ts';
import { writeEmptyReferenceExtension } from './reference-extension.ts';
import { median, table } from './stats.ts';
import type { Benchmark } from './types.ts';

/** Rows a hostile page adds (`BENCH_FLOOD_ROWS`; 50,000 by default — check the benchmark runs with a few hundred). */
const ROWS = Number(process.env.BENCH_FLOOD_ROWS ?? 50_000);
/** Loads per provider, mode and variant (`BENCH_FLOOD_LOADS`), interleaved. */
const LOADS = Number(process.env.BENCH_FLOOD_LOADS ?? 5);
/** The bursts variant: the rows come in this many parts, one task each, `BURST_GAP_MS` apart. */
const BURSTS = 25;
const BURST_GAP_MS = 100;
/**
 * Measured until neither a long task nor a badge has happened for this long and, with Stint, every flooded row in view
 * has its badge (at most `MAX_WINDOW_MS`).
 */
const QUIET_MS = 2_000;
const MAX_WINDOW_MS = 120_000;
/** Quiet time after load before the flood, so the page's and Stint's first work is not counted. */
const SETTLE_MS = 1_500;

/**
 * Installed in the page's main world before any page script, in every variant alike: `__flood.run(config)` is the
 * hostile page. It clones the first list row (links pointing at the list's own items, in turn), appends `count` copies
 * at once or in bursts, scrolls the middle of the new rows into view, and records, from the flood's start until quiet (and, with Stint,
 * the rows in view badged):
 * every long task (PerformanceObserver 'longtask': > 50 ms on the page's main thread, whichever world's script ran in
 * it) and when each Stint badge was added under the list.
 */
const FLOOD = `(() => {
  window.__flood = {
    run({ row, link, count, bursts, gapMs, quietMs, maxMs, expectBadges, touch }) {
      const first = document.querySelector(row);
      if (!first || !first.parentElement) throw new Error('No list row: ' + row);
      const list = first.parentElement;
      const hrefs = [...list.querySelectorAll(link)].map((a) => a.getAttribute('href')).filter(Boolean);
      const template = first.cloneNode(true);
      template.querySelectorAll('stint-badge').forEach((badge) => badge.remove());
      if (hrefs.length === 0 || !template.querySelector(link)) throw new Error('No item link in the rows: ' + link);
      const badgesBefore = list.querySelectorAll('stint-badge').length;
      const longTasks = [];
      // When the last badge was added: the flood is badged once the badges stop coming.
      let lastBadgeAt = null;
      let lastActivity = performance.now();
      const started = lastActivity;
      const tasks = new PerformanceObserver((observed) => {
        for (const t of observed.getEntries()) {
          if (t.startTime < started) continue;
          longTasks.push({ start: t.startTime - started, duration: t.duration });
          lastActivity = Math.max(lastActivity, t.startTime + t.duration);
        }
      });
      tasks.observe({ type: 'longtask' });
      const isBadge = (node) => node.nodeType === 1 && (node.localName === 'stint-badge' || node.querySelector?.('stint-badge'));
      const badgeWatch = new MutationObserver((records) => {
        for (const r of records) for (const node of r.addedNodes) if (isBadge(node)) { lastBadgeAt = performance.now() - started; lastActivity = performance.now(); }
      });
      badgeWatch.observe(list, { childList: true, subtree: true });
      const added = [];
      const addRows = (n) => {
        const fragment = document.createDocumentFragment();
        for (let i = 0; i < n; i++) {
          const copy = template.cloneNode(true);
          copy.querySelector(link).setAttribute('href', hrefs[(added.length) % hrefs.length]);
          fragment.append(copy);
          added.push(copy);
        }
        list.append(fragment);
      };
      return new Promise((resolve) => {
        const finish = (settled) => {
          tasks.disconnect();
          badgeWatch.disconnect();
          // Long tasks still queued for the observer are delivered by takeRecords.
          for (const t of tasks.takeRecords()) if (t.startTime >= started) longTasks.push({ start: t.startTime - started, duration: t.duration });
          resolve({ settled, longTasks, badges: list.querySelectorAll('stint-badge').length - badgesBefore, lastBadgeAt, rows: list.childElementCount, windowMs: performance.now() - started });
        };
        // The flooded rows in view, found from the middle one outwards (a few dozen rects, not 50,000).
        const inView = () => {
          const middle = Math.floor(added.length / 2);
          const rows = [];
          for (const step of [-1, 1]) {
            for (let i = step < 0 ? middle : middle + 1; i >= 0 && i < added.length; i += step) {
              const box = added[i].getBoundingClientRect();
              if (box.bottom <= 0 || box.top >= innerHeight) break;
              rows.push(added[i]);
            }
          }
          return rows;
        };
        const badgedInView = () => inView().every((r) => r.querySelector('stint-badge'));
        const watch = () => {
          const now = performance.now();
          if (now - started >= maxMs) return finish(false);
          // With Stint, the end is also when every row in view has its badge (its work comes in small tasks).
          const quiet = now - lastActivity >= quietMs && (!expectBadges || badgedInView());
          if (quiet && touch) {
            // The touching reference: once quiet, the page itself adds a few words to each row in view (what any
            // badge or the page's next update does), and is watched until quiet again.
            touch = false;
            for (const r of inView()) { const words = document.createElement('span'); words.textContent = ' 1h 30m'; r.querySelector(link)?.after(words); }
            lastActivity = performance.now();
          } else if (quiet) return finish(true);
          setTimeout(watch, 100);
        };
        let sent = 0;
        const burst = () => {
          const n = Math.ceil(count / bursts);
          addRows(Math.min(n, count - sent));
          sent += n;
          lastActivity = performance.now();
          if (sent < count) return setTimeout(burst, gapMs);
          added[Math.floor(added.length / 2)].scrollIntoView({ block: 'center' });
          setTimeout(watch, 100);
        };
        burst();
      });
    },
  };
})();`;

interface Scenario {
  readonly provider: string;
  readonly url: string;
  /** A list row (its parent is the list the flood grows) and its item link. */
  readonly row: string;
  readonly link: string;
}

/** Each provider's sandbox list page, with the row and link selectors Stint badges (lib/providers/<p>/selectors.ts). */
const SCENARIOS: Scenario[] = [
  { provider: 'github', url: 'https://github.com/acme/checkout-web/issues', row: '[data-listview-component="items-list"] > *', link: 'a[data-testid="issue-pr-title-link"]' },
  { provider: 'gitlab', url: 'https://gitlab.com/acme/platform/billing-service/-/issues', row: '[data-testid="issuable-container"]', link: 'a[data-testid="issuable-title-link"]' },
  {
    provider: 'jira',
    url: `https://acme.atlassian.net/issues/?jql=${encodeURIComponent('project = PAY ORDER BY created DESC')}`,
    row: '[data-testid="native-issue-table.ui.issue-row"]',
    link: 'a[data-testid="native-issue-table.common.ui.issue-cells.issue-key.issue-key-cell"]',
  },
];

type Variant = 'stint' | 'reference-empty' | 'reference-touch';
type Mode = 'at once' | 'bursts';

interface FloodResult {
  /** False: the window ended at its limit (with Stint: rows in view still without a badge). */
  readonly settled: boolean;
  readonly longTasks: { start: number; duration: number }[];
  /** Badges in the list at the end, past those it had before the flood (Stint badges rows near the viewport). */
  readonly badges: number;
  readonly lastBadgeAt: number | null;
  readonly rows: number;
  readonly windowMs: number;
}

interface Sample {
  readonly longTasks: number;
  readonly longestMs: number;
  /** Total blocking time: the sum of each long task's time past 50 ms. */
  readonly blockingMs: number;
  /** CDP ScriptDuration / TaskDuration of the page's renderer over the window (all worlds: the page's and Stint's). */
  readonly scriptMs: number;
  readonly taskMs: number;
  readonly badges: number;
  readonly badgedAtMs: number | null;
  readonly windowMs: number;
}

export interface FloodRow {
  provider: string;
  mode: Mode;
  variant: Variant;
  rows: number;
  loads: number;
  /** Medians over the loads. */
  longTasks: number;
  longestMs: number;
  blockingMs: number;
  scriptMs: number;
  taskMs: number;
  badges: number;
  badgedAtMs: number | null;
  /** The longest long task of any load. */
  worstMs: number;
}

async function measure(context: BrowserContext, scenario: Scenario, mode: Mode, variant: Variant): Promise<Sample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(scenario.url, { waitUntil: 'load' });
    if (variant === 'stint') await page.waitForFunction(() => document.querySelector('stint-badge') !== null, null, { timeout: 15_000 });
    await page.waitForTimeout(SETTLE_MS);
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => (list.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
      return { script: value('ScriptDuration'), task: value('TaskDuration') };
    };
    const before = await metrics();
    const result = await page.evaluate(
      (config) => (window as unknown as { __flood: { run(c: typeof config): Promise<FloodResult> } }).__flood.run(config),
      { row: scenario.row, link: scenario.link, count: ROWS, bursts: mode === 'bursts' ? BURSTS : 1, gapMs: BURST_GAP_MS, quietMs: QUIET_MS, maxMs: MAX_WINDOW_MS, expectBadges: variant === 'stint', touch: variant === 'reference-touch' },
    );
    const after = await metrics();
    if (result.rows < ROWS) throw new Error(`The flood added ${result.rows} rows on ${scenario.url}: the benchmark would measure a smaller page.`);
    if (!result.settled) throw new Error(`The flood on ${scenario.url} (${variant}) did not settle within ${MAX_WINDOW_MS / 1000} s${variant === 'stint' ? ': rows in view still had no badge' : ''}.`);
    const durations = result.longTasks.map((t) => t.duration);
    return {
      longTasks: durations.length,
      longestMs: Math.max(0, ...durations),
      blockingMs: durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      scriptMs: after.script - before.script,
      taskMs: after.task - before.task,
      badges: result.badges,
      badgedAtMs: result.lastBadgeAt,
      windowMs: result.windowMs,
    };
  } finally {
    await page.close();
  }
}

export const flood: Benchmark<FloodRow> = {
  name: 'flood',
  description: `A hostile page adds ${ROWS.toLocaleString('en')} rows to each provider's sandbox list (at once, and in ${BURSTS} bursts ${BURST_GAP_MS} ms apart) and scrolls to the middle of them: long tasks (> 50 ms) from the flood until ${QUIET_MS / 1000} s quiet, with Stint vs. an empty content script (median of ${LOADS} interleaved loads), and (at once) vs. the empty one whose page, once quiet, adds a few words to each row in view — any change after the flood pays Chromium's deferred work for the new links (its navigation predictor's anchor metrics, traced: 150–290 ms). A long task both have is the page's own; Stint's cost is the difference.`,
  async run(sandbox: Sandbox) {
    const work = mkdtempSync(join(tmpdir(), 'stint-bench-flood-'));
    const variants: { variant: Variant; dir: string }[] = [
      { variant: 'stint', dir: resolve('.output/chrome-mv3') },
      { variant: 'reference-empty', dir: writeEmptyReferenceExtension(join(work, 'reference-empty'), ['https://github.com/*', 'https://gitlab.com/*', 'https://*.atlassian.net/*']) },
    ];
    // The same empty extension, its page touching the rows in view once quiet (at once only: the bursts' own long tasks
    // already hide it).
    variants.push({ variant: 'reference-touch', dir: variants[1]!.dir });
    const runs = (mode: Mode) => variants.map((_, i) => i).filter((i) => mode === 'at once' || variants[i]!.variant !== 'reference-touch');
    const contexts = await Promise.all(variants.map((v, i) => launchChromium({ extensionDir: v.dir, profileDir: join(work, `profile-${i}`), hostResolverRules: sandbox.hostResolverRules, headless: true })));
    await Promise.all(contexts.map((c) => c.addInitScript(FLOOD)));
    const samples = new Map<string, Sample[]>();
    const keyOf = (provider: string, mode: Mode, variant: Variant) => `${provider}|${mode}|${variant}`;
    try {
      for (let load = 0; load < LOADS; load++) {
        for (const scenario of SCENARIOS) {
          for (const mode of ['at once', 'bursts'] as const) {
            // Interleaved, the first variant alternating, so drift on the machine hits both alike.
            const order = runs(mode);
            for (const i of order.map((_, n) => order[(n + load) % order.length]!)) {
              const { variant } = variants[i]!;
              const key = keyOf(scenario.provider, mode, variant);
              samples.set(key, [...(samples.get(key) ?? []), await measure(contexts[i]!, scenario, mode, variant)]);
            }
          }
        }
      }
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
      rmSync(work, { recursive: true, force: true });
    }
    return SCENARIOS.flatMap((scenario) =>
      (['at once', 'bursts'] as const).flatMap((mode) =>
        runs(mode).map((i) => {
          const { variant } = variants[i]!;
          const s = samples.get(keyOf(scenario.provider, mode, variant)) ?? [];
          const badged = s.map((x) => x.badgedAtMs).filter((ms): ms is number => ms !== null);
          return {
            provider: scenario.provider,
            mode,
            variant,
            rows: ROWS,
            loads: s.length,
            longTasks: median(s.map((x) => x.longTasks)),
            longestMs: median(s.map((x) => x.longestMs)),
            blockingMs: median(s.map((x) => x.blockingMs)),
            scriptMs: median(s.map((x) => x.scriptMs)),
            taskMs: median(s.map((x) => x.taskMs)),
            badges: median(s.map((x) => x.badges)),
            badgedAtMs: badged.length === s.length && badged.length > 0 ? median(badged) : null,
            worstMs: Math.max(0, ...s.map((x) => x.longestMs)),
          };
        }),
      ),
    );
  },
  format(rows) {
    return table(
      ['provider', 'flood', 'variant', 'loads', 'long tasks', 'longest ms', 'worst ms', 'blocking ms', 'script ms', 'task ms', 'badges', 'badges done ms', 'Δ long tasks', 'Δ blocking ms', 'Δ vs touch: long tasks', 'blocking ms'],
      rows.map((row) => {
        const reference = (variant: Variant) => rows.find((r) => r.provider === row.provider && r.mode === row.mode && r.variant === variant);
        const empty = reference('reference-empty');
        const touch = reference('reference-touch');
        const delta = row.variant === 'stint' && empty;
        const touchDelta = row.variant === 'stint' && touch;
        return [
          row.provider,
          `${row.rows.toLocaleString('en')} ${row.mode}`,
          row.variant,
          String(row.loads),
          String(row.longTasks),
          row.longestMs.toFixed(0),
          row.worstMs.toFixed(0),
          row.blockingMs.toFixed(0),
          row.scriptMs.toFixed(0),
          row.taskMs.toFixed(0),
          String(row.badges),
          row.badgedAtMs === null ? '—' : row.badgedAtMs.toFixed(0),
          delta ? String(row.longTasks - empty.longTasks) : '',
          delta ? (row.blockingMs - empty.blockingMs).toFixed(0) : '',
          touchDelta ? String(row.longTasks - touch.longTasks) : '',
          touchDelta ? (row.blockingMs - touch.blockingMs).toFixed(0) : '',
        ];
      }),
    );
  },
};
