/**
 * `npm run bench [name…]`: builds Stint, starts the sandbox, runs the benchmarks (each side by side with its reference
 * in the same run), prints a table per benchmark and writes bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { findChromium } from '../tests/e2e/support/chromium.ts';
import { startSandbox } from '../tests/sandbox/server.ts';
import { contentScriptCost } from './content-script-cost.ts';
import { githubSync } from './github-sync.ts';
import { gitlabSync } from './gitlab-sync.ts';
import { jiraSync } from './jira-sync.ts';
import { listBadges } from './list-badges.ts';
import { spaNavigation } from './spa-navigation.ts';
import type { Benchmark } from './types.ts';

const RESULTS = 'bench/results.json';
const BENCHMARKS = [contentScriptCost, spaNavigation, listBadges, githubSync, gitlabSync, jiraSync] as Benchmark<unknown>[];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  if (selected.length === 0) throw new Error(`No benchmark named ${wanted.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const chromiumPath = findChromium();
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const sandbox = await startSandbox();
  const results: Record<string, { description: string; rows: unknown[] }> = {};
  try {
    for (const benchmark of selected) {
      console.log(`\n▶ ${benchmark.name}: ${benchmark.description}`);
      const rows = await benchmark.run(sandbox);
      console.log(benchmark.format(rows));
      results[benchmark.name] = { description: benchmark.description, rows };
    }
  } finally {
    await sandbox.close();
  }
  // Debian's wrapper prints shell noise before the version line: keep only the version.
  const chromiumVersion = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').find((l) => /chrom/i.test(l))?.trim() ?? 'unknown';
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: chromiumVersion };
  // Keep the last results of benchmarks not run this time (`npm run bench <name>` runs one).
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { results?: Record<string, unknown> }).results ?? {} : {};
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
