import type { Page } from 'playwright-core';
import { sendFromPage } from '../tests/e2e/support/send.ts';
import { startSandbox } from '../tests/sandbox/server.ts';
import { launchBenchExtension, settled } from './extension.ts';
import { median, table } from './stats.ts';
import type { Benchmark } from './types.ts';

const ITEMS = Number(process.env.BENCH_TIMELINE_ITEMS ?? 1000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const PATH = 'acme/platform/monolith';
const PROJECT = `gitlab:gitlab.com/${PATH}`;
const DAY = 86_400_000;

/**
 * Installed before the side panel's own scripts: the frame after the first timeline row is in the DOM (ms since
 * navigation start), and every long task (> 50 ms) the page has.
 */
const PROBE = `(() => {
  const probe = (window.__timelineBench = { renderedAt: null, longTasks: [] });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
  const watch = new MutationObserver(() => {
    if (probe.renderedAt !== null || !document.querySelector('[data-testid="timeline"] li[data-item]')) return;
    watch.disconnect();
    requestAnimationFrame(() => { probe.renderedAt = performance.now(); });
  });
  watch.observe(document, { childList: true, subtree: true });
})();`;

interface Probe {
  renderedAt: number | null;
  longTasks: { start: number; ms: number }[];
}

export interface SidepanelTimelineRow {
  measure: 'open panel → timeline drawn' | 'data arrived → drawn' | 'timeline.project answer' | 'zoom week / quarter / month' | 'scroll rows and days';
  items: number;
  reps: number;
  medianMs: number;
  maxMs: number;
  /** Long tasks (> 50 ms) during the measured action, all reps. */
  longTasks: number;
  maxLongTaskMs: number;
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __timelineBench: Probe }).__timelineBench);
// Scripts for the page as text: tsx would wrap named functions in a helper the page does not have.
const frames = (page: Page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
const SCROLL = `(async () => {
  const el = document.querySelector('[data-testid="timeline"]');
  const t0 = performance.now();
  for (let i = 0; i < 30; i++) {
    el.scrollTop += 280;
    el.scrollLeft += 120;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return performance.now() - t0;
})()`;

/** Spread the scale project's issues over a year: created up to a year ago, due within the months after. */
function spreadOverAYear(items: { createdAt: number; dueDate: string | null }[], now: number): void {
  items.forEach((item, i) => {
    const created = now - 300 * DAY + Math.floor((i / items.length) * 330) * DAY;
    item.createdAt = created;
    item.dueDate = new Date(created + (7 + (i % 50)) * DAY).toISOString().slice(0, 10);
  });
}

async function measure(page: Page, url: string): Promise<{ open: number; render: number; zoom: number[]; scroll: number; zoomTasks: Probe['longTasks']; scrollTasks: Probe['longTasks'] }> {
  await page.goto(url);
  await page.bringToFront();
  await page.waitForFunction(() => (window as unknown as { __timelineBench: Probe }).__timelineBench.renderedAt !== null, undefined, { timeout: 30_000 });
  const open = (await probe(page)).renderedAt!;
  const dataAt = await page.evaluate(() => performance.getEntriesByName('stint:timeline-data')[0]?.startTime ?? Number.NaN);
  for (let i = 0; i < 3; i++) await frames(page);
  const zoomFrom = await page.evaluate(() => performance.now());
  const zoom: number[] = [];
  for (const name of ['Week', 'Quarter', 'Month']) {
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name, exact: true }).click();
    await frames(page);
    zoom.push((await page.evaluate(() => performance.now())) - t0);
  }
  const scrollFrom = await page.evaluate(() => performance.now());
  const scroll = await page.evaluate<number>(SCROLL);
  const tasks = (await probe(page)).longTasks;
  return { open, render: open - dataAt, zoom, scroll, zoomTasks: tasks.filter((t) => t.start >= zoomFrom && t.start < scrollFrom), scrollTasks: tasks.filter((t) => t.start >= scrollFrom) };
}

/**
 * The side panel's timeline of a GitLab project of ~1,000 items spread over a year, in the built extension: the time
 * from opening the panel to the drawn timeline (target ≤ 200 ms), the background's answer alone, and long tasks while
 * zooming and scrolling (target: none). The panel is opened as a page beside the project's issue, which it follows.
 */
export const sidepanelTimeline: Benchmark<SidepanelTimelineRow> = {
  name: 'sidepanel-timeline',
  description: `The side panel timeline of ${PATH} (${ITEMS} items over a year): open → drawn, the background's answer, long tasks on zoom and scroll.`,
  async run() {
    const sandbox = await startSandbox({ gitlabScaleProject: Math.round(ITEMS / 1.1) });
    const { context, options, close } = await launchBenchExtension(sandbox, 'sidepanel');
    try {
      const gitlab = sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
      const project = gitlab.projects.find((p) => p.pathWithNamespace === PATH)!;
      const items = [...project.issues, ...project.mergeRequests];
      spreadOverAYear(items, sandbox.data.now);
      const token = gitlab.tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
      await sendFromPage(options, 'connections.add', { provider: 'gitlab', host: 'gitlab.com', token });
      const issue = await context.newPage();
      await issue.goto(`https://gitlab.com/${PATH}/-/issues/1`);
      const synced = async () => ((await sendFromPage<{ projects: { key: string; lastSuccess: number | null }[] }>(options, 'sync.status', {})).projects.find((p) => p.key === PROJECT)?.lastSuccess ?? null) !== null;
      while (!(await synced())) await new Promise((r) => setTimeout(r, 200));
      await settled(sandbox);
      await issue.bringToFront(); // the panel follows the tab used last
      const panel = await context.newPage();
      await panel.addInitScript(PROBE);
      const url = options.url().replace('options.html', 'sidepanel.html');
      const samples = [];
      for (let rep = 0; rep < REPS; rep++) samples.push(await measure(panel, url));
      const answers: number[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        answers.push(await options.evaluate(async (projectKey) => {
          const t0 = performance.now();
          await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'timeline.project', payload: { projectKey } });
          return performance.now() - t0;
        }, PROJECT));
      }
      const drawn = await panel.locator('[data-testid="timeline-item"]').count();
      if (drawn === 0 || drawn > 80) throw new Error(`The panel drew ${drawn} item rows: expected a virtualised window of them.`);
      const row = (measure: SidepanelTimelineRow['measure'], ms: number[], tasks: Probe['longTasks']): SidepanelTimelineRow => ({
        measure,
        items: items.length,
        reps: REPS,
        medianMs: median(ms),
        maxMs: Math.max(...ms),
        longTasks: tasks.length,
        maxLongTaskMs: Math.max(0, ...tasks.map((t) => t.ms)),
      });
      return [
        row('open panel → timeline drawn', samples.map((s) => s.open), []),
        row('data arrived → drawn', samples.map((s) => s.render), []),
        row('timeline.project answer', answers, []),
        row('zoom week / quarter / month', samples.flatMap((s) => s.zoom), samples.flatMap((s) => s.zoomTasks)),
        row('scroll rows and days', samples.map((s) => s.scroll), samples.flatMap((s) => s.scrollTasks)),
      ];
    } finally {
      await close();
      await sandbox.close();
    }
  },
  format(rows) {
    return table(
      ['measure', 'items', 'reps', 'median ms', 'max ms', 'long tasks', 'longest task ms'],
      rows.map((r) => [r.measure, String(r.items), String(r.reps), r.medianMs.toFixed(0), r.maxMs.toFixed(0), String(r.longTasks), r.maxLongTaskMs.toFixed(0)]),
    );
  },
};
