import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/chromium.ts';
import type { Sandbox } from '../tests/sandbox/server.ts';
import { SELECTORS as GITHUB } from '../lib/providers/github/selectors.ts';
import { SELECTORS as GITLAB } from '../lib/providers/gitlab/selectors.ts';
import { SELECTORS as JIRA } from '../lib/providers/jira/selectors.ts';
import { writeEmptyReferenceExtension, writeOneButtonReferenceExtension } from './reference-extension.ts';
import { formatBytes, median, table } from './stats.ts';
import type { Benchmark } from './types.ts';

const ALL_PAGES = [
  { provider: 'github', url: 'https://github.com/acme/checkout-web/issues/3' },
  { provider: 'gitlab', url: 'https://gitlab.com/acme/platform/billing-service/-/issues/3' },
  { provider: 'jira', url: 'https://acme.atlassian.net/browse/PAY-10' },
] as const;
/** `BENCH_PAGES=gitlab,jira` measures only those providers' pages (for trying a change quickly); default all three. */
const PAGES = ALL_PAGES.filter((p) => (process.env.BENCH_PAGES ?? 'github,gitlab,jira').split(',').includes(p.provider));
if (PAGES.length === 0) throw new Error(`BENCH_PAGES picks none of ${ALL_PAGES.map((p) => p.provider).join(', ')}.`);
/**
 * `BENCH_STINT_ALT=<unpacked build>` adds that build as a fifth variant (`stint-alt`), interleaved with the others: a
 * change is compared with the current build in the same run, under the same drift of the machine.
 */
const ALT_DIR = process.env.BENCH_STINT_ALT;

const LOADS = Number(process.env.BENCH_LOADS ?? 10);
/** Quiet time after load before reading metrics, so late work (observers, messages) is counted. */
const IDLE_MS = 2_000;

interface Manifest {
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
}

type Variant = 'stint' | 'stint-alt' | 'reference-empty' | 'reference-one-button' | 'reference-button+message';

interface Sample {
  scriptMs: number;
  taskMs: number;
  /** CPU time of the page's main thread: unlike TaskDuration (wall time of tasks), it barely moves with machine load. */
  threadMs: number;
  heapMb: number;
  /** ms from navigation start until the button's host element was in the page (null: never). */
  buttonAtMs: number | null;
}

/**
 * Installed in every variant alike (main world, before any page script): note when a button host appears. Nothing in
 * the measured page is inspected through Playwright locators, whose injected helper would cost the measured variant
 * ~1 MB of heap and skew the comparison.
 */
const BUTTON_WATCH = `(() => {
  const hosts = 'stint-overlay, reference-button';
  const seen = () => { if (document.querySelector(hosts)) { window.__buttonAt = performance.now(); return true; } return false; };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface ContentScriptCostRow {
  provider: string;
  url: string;
  variant: Variant;
  bytes: number;
  gzipBytes: number;
  loads: number;
  scriptMs: number;
  taskMs: number;
  threadMs: number;
  heapMb: number;
  buttonAtMs: number | null;
}

/** The files a manifest injects on a page of this provider (matched by the first pattern's host). */
function injectedBytes(extensionDir: string, url: string): { bytes: number; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const host = new URL(url).hostname;
  const files = (manifest.content_scripts ?? [])
    .filter((cs) => cs.matches.some((m) => new RegExp(`^https://${m.replace(/^https:\/\//, '').split('/')[0]!.replace(/\./g, '\\.').replace('*', '[^/]+')}$`).test(`https://${host}`)))
    .flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(extensionDir, file));
    bytes += statSync(join(extensionDir, file)).size;
    gzipBytes += content.length === 0 ? 0 : gzipSync(content, { level: 9 }).length;
  }
  return { bytes, gzipBytes };
}

async function measure(context: BrowserContext, url: string, expectButton: boolean): Promise<Sample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(IDLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const buttonAtMs = await page.evaluate(() => (window as unknown as { __buttonAt?: number }).__buttonAt ?? null);
  await page.close();
  if (expectButton && buttonAtMs === null) throw new Error(`No button appeared on ${url}: the benchmark would measure a broken page.`);
  return { scriptMs: metric('ScriptDuration') * 1000, taskMs: metric('TaskDuration') * 1000, threadMs: metric('ThreadTime') * 1000, heapMb: metric('JSHeapUsedSize') / 1_048_576, buttonAtMs };
}

export const contentScriptCost: Benchmark<ContentScriptCostRow> = {
  name: 'content-script-cost',
  description: `Each built content script on its sandbox page vs. references: an empty content script, one that only inserts a shadow-root button, and one whose button also asks its background for the state (median of ${LOADS} interleaved loads; CDP metrics after load + ${IDLE_MS / 1000} s idle; "thread" is the main thread's CPU time, steadier than the tasks' wall time when the machine is busy).`,
  async run(sandbox: Sandbox) {
    const stintDir = resolve('.output/chrome-mv3');
    const work = mkdtempSync(join(tmpdir(), 'stint-bench-'));
    const referenceDir = writeEmptyReferenceExtension(join(work, 'reference-empty'), ['https://github.com/*', 'https://gitlab.com/*', 'https://*.atlassian.net/*']);
    const buttonDir = writeOneButtonReferenceExtension(join(work, 'reference-one-button'), [
      { matches: ['https://github.com/*'], titleSelectors: GITHUB.itemTitle },
      { matches: ['https://gitlab.com/*'], titleSelectors: GITLAB.itemTitle },
      { matches: ['https://*.atlassian.net/*'], titleSelectors: JIRA.itemTitle },
    ]);
    const messageDir = writeOneButtonReferenceExtension(
      join(work, 'reference-button-message'),
      [
        { matches: ['https://github.com/*'], titleSelectors: GITHUB.itemTitle },
        { matches: ['https://gitlab.com/*'], titleSelectors: GITLAB.itemTitle },
        { matches: ['https://*.atlassian.net/*'], titleSelectors: JIRA.itemTitle },
      ],
      { message: true },
    );
    const variants: { variant: Variant; dir: string; overlay: boolean }[] = [
      { variant: 'stint', dir: stintDir, overlay: true },
      { variant: 'reference-empty', dir: referenceDir, overlay: false },
      { variant: 'reference-one-button', dir: buttonDir, overlay: true },
      { variant: 'reference-button+message', dir: messageDir, overlay: true },
      ...(ALT_DIR ? [{ variant: 'stint-alt' as const, dir: resolve(ALT_DIR), overlay: true }] : []),
    ];
    const contexts = await Promise.all(
      variants.map((v, i) => launchChromium({ extensionDir: v.dir, profileDir: join(work, `profile-${i}`), hostResolverRules: sandbox.hostResolverRules, headless: true })),
    );
    await Promise.all(contexts.map((c) => c.addInitScript(BUTTON_WATCH)));
    const samples = new Map<string, Sample[]>();
    const summarise = () =>
      PAGES.flatMap((page) =>
        variants.map((v) => {
          const s = samples.get(`${page.provider}|${v.variant}`) ?? [];
          return {
            provider: page.provider,
            url: page.url,
            variant: v.variant,
            ...injectedBytes(v.dir, page.url),
            loads: s.length,
            scriptMs: median(s.map((x) => x.scriptMs)),
            taskMs: median(s.map((x) => x.taskMs)),
            threadMs: median(s.map((x) => x.threadMs)),
            heapMb: median(s.map((x) => x.heapMb)),
            buttonAtMs: s.some((x) => x.buttonAtMs === null) ? null : median(s.map((x) => x.buttonAtMs ?? 0)),
          };
        }),
      );
    try {
      for (const [i, v] of variants.entries()) await measure(contexts[i]!, PAGES[0]!.url, v.overlay); // warm-up, not counted
      for (let load = 0; load < LOADS; load++) {
        for (const page of PAGES) {
          // Interleave variants, rotating which goes first, so drift on the machine hits all of them alike.
          const order = variants.map((_, i) => (i + load) % variants.length);
          for (const i of order) {
            const v = variants[i]!;
            const key = `${page.provider}|${v.variant}`;
            samples.set(key, [...(samples.get(key) ?? []), await measure(contexts[i]!, page.url, v.overlay)]);
          }
        }
      }
      return summarise();
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
      rmSync(work, { recursive: true, force: true });
    }
  },
  format(rows) {
    return table(
      ['provider', 'variant', 'injected', 'gzip', 'script ms', 'task ms', 'thread ms', 'heap MB', 'button at ms', 'Δ task vs empty', 'task ÷ 1-button', 'thread ÷ 1-button', 'heap ÷ 1-button', 'button-at ÷ 1-button'],
      // Ratios are given for Stint and for the button+message floor, both against the one-button reference.
      rows.map((row) => {
        const empty = rows.find((r) => r.provider === row.provider && r.variant === 'reference-empty');
        const button = rows.find((r) => r.provider === row.provider && r.variant === 'reference-one-button');
        const stint = row.variant === 'stint' || row.variant === 'stint-alt' || row.variant === 'reference-button+message';
        return [
          row.provider,
          row.variant,
          formatBytes(row.bytes),
          formatBytes(row.gzipBytes),
          row.scriptMs.toFixed(1),
          row.taskMs.toFixed(1),
          row.threadMs.toFixed(1),
          row.heapMb.toFixed(2),
          row.buttonAtMs === null ? '—' : row.buttonAtMs.toFixed(0),
          row.variant !== 'reference-empty' && empty ? (row.taskMs - empty.taskMs).toFixed(1) : '',
          stint && button ? `${(row.taskMs / button.taskMs).toFixed(2)}×` : '',
          stint && button ? `${(row.threadMs / button.threadMs).toFixed(2)}×` : '',
          stint && button ? `${(row.heapMb / button.heapMb).toFixed(2)}×` : '',
          stint && button && row.buttonAtMs !== null && button.buttonAtMs !== null ? `${(row.buttonAtMs / button.buttonAtMs).toFixed(2)}×` : '',
        ];
      }),
    );
  },
};
