/**
 * `npm run bench [name…]`: builds Stint, starts the sandbox, runs the benchmarks (each side by side with its reference
 * in the same run), prints a table per benchmark and writes bench/results.json. When only Node benchmarks are picked
 * (`npm run bench rollups`), neither the build nor the sandbox is started.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { findChromium } from '../tests/e2e/support/chromium.ts';
import { startSandbox, type Sandbox } from '../tests/sandbox/server.ts';
import { contentScriptCost } from './content-script-cost.ts';
import { flood } from './flood.ts';
import { githubSync } from './github-sync.ts';
import { gitlabSync } from './gitlab-sync.ts';
import { jiraSync } from './jira-sync.ts';
import { listBadges } from './list-badges.ts';
import { popup } from './popup.ts';
import { rollups } from './rollups.ts';
import { rollupsChromium } from './rollups-chromium.ts';
import { sidepanelTimeline } from './sidepanel-timeline.ts';
import { spaNavigation } from './spa-navigation.ts';
import type { Benchmark } from './types.ts';

const RESULTS = 'bench/results.json';
const BENCHMARKS = [contentScriptCost, spaNavigation, listBadges, githubSync, gitlabSync, jiraSync, rollups, rollupsChromium, popup, sidepanelTimeline, flood] as Benchmark<unknown>[];
/** Benchmarks that run in Node alone (no extension build, no sandbox, no Chromium). */
const NODE_ONLY = new Set<string>([rollups.name]);
/** What a Node-only benchmark gets for a sandbox: any use of it is a registration mistake, and says so. */
const NO_SANDBOX = new Proxy({} as Sandbox, {
  get: (_target, property) => {
    throw new Error(`A benchmark listed in NODE_ONLY used the sandbox (${String(property)}): take it out of NODE_ONLY.`);
  },
});

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  if (selected.length === 0) throw new Error(`No benchmark named ${wanted.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const needsBrowser = selected.some((b) => !NODE_ONLY.has(b.name));
  const chromiumPath = needsBrowser ? findChromium() : null;
  if (needsBrowser) execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const sandbox = needsBrowser ? await startSandbox() : null;
  const results: Record<string, { description: string; rows: unknown[] }> = {};
  try {
    for (const benchmark of selected) {
      console.log(`\n▶ ${benchmark.name}: ${benchmark.description}`);
      const rows = await benchmark.run(sandbox ?? NO_SANDBOX);
      console.log(benchmark.format(rows));
      results[benchmark.name] = { description: benchmark.description, rows };
    }
  } finally {
    await sandbox?.close();
  }
  // Keep the last results of benchmarks not run this time (`npm run bench <name>` runs one).
  const file = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { machine?: { chromium?: string }; results?: Record<string, unknown> }) : {};
  const previous = file.results ?? {};
  // Debian's wrapper prints shell noise before the version line: keep only the version. Without Chromium this run, the
  // version stays the one the kept browser results were made with.
  const chromiumVersion = chromiumPath
    ? (execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').find((l) => /chrom/i.test(l))?.trim() ?? 'unknown')
    : (file.machine?.chromium ?? 'not used');
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: chromiumVersion };
  writeFileSync(RESULTS, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, results: { ...previous, ...results } }, null, 2)}\n`);
  console.log('\nWrote bench/results.json');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
