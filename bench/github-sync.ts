import { sendFromPage } from '../tests/e2e/support/send.ts';
import { rateWindowKey } from '../tests/sandbox/github/api/rate-limit.ts';
import { startSandbox } from '../tests/sandbox/server.ts';
import { launchBenchExtension, settled } from './extension.ts';
import { table } from './stats.ts';
import type { Benchmark } from './types.ts';

const ITEMS = Number(process.env.BENCH_GITHUB_ITEMS ?? 5000);
const PROJECT = 'github:github.com/acme/monolith';

export interface GithubSyncRow {
  sync: 'first' | 'unchanged';
  items: number;
  comments: number;
  requests: number;
  requestsPer100Items: number;
  notModified: number;
  rateLimitPoints: number;
  ms: number;
}

/**
 * The real extension syncing a repository of 5,000 issues from the sandbox: the first sync (every page of issues and
 * of the repository's comments), then a sync with nothing changed — requests, 304s and rate-limit points each.
 * Targets: ⌈5,000 / 100⌉ issue requests the first time; zero points and at most one request per 100 items after.
 */
export const githubSync: Benchmark<GithubSyncRow> = {
  name: 'github-sync',
  description: `Syncing acme/monolith (${ITEMS} issues and PRs) through the built extension: first sync, then an unchanged re-sync.`,
  async run() {
    const sandbox = await startSandbox({ githubScaleRepo: ITEMS });
    const { context, options, close } = await launchBenchExtension(sandbox, 'sync');
    try {
      const token = sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
      await sendFromPage(options, 'connections.add', { provider: 'github', host: 'github.com', token });
      const repo = sandbox.data.github[0]!.repos.find((r) => r.name === 'monolith')!;
      const comments = repo.issues.reduce((n, i) => n + i.comments.length, 0);
      const points = () => sandbox.state.rateWindows.get(rateWindowKey('github.com', token, 'core'))?.used ?? 0;
      const measure = async (sync: GithubSyncRow['sync'], start: () => Promise<unknown>, done: () => Promise<boolean>): Promise<GithubSyncRow> => {
        const from = sandbox.log.length;
        const pointsBefore = points();
        const t0 = performance.now();
        await start();
        while (!(await done())) await new Promise((r) => setTimeout(r, 100));
        const requests = sandbox.log.slice(from).filter((r) => r.host === 'api.github.com' && r.route !== 'github.rateLimit.get');
        return { sync, items: ITEMS, comments, requests: requests.length, requestsPer100Items: (requests.length / ITEMS) * 100, notModified: requests.filter((r) => r.status === 304).length, rateLimitPoints: points() - pointsBefore, ms: performance.now() - t0 };
      };
      const synced = async () => ((await sendFromPage<{ projects: { key: string; lastSuccess: number | null }[] }>(options, 'sync.status', {})).projects.find((p) => p.key === PROJECT)?.lastSuccess ?? null) !== null;
      // Visiting an item of the repository starts its first sync.
      const first = await measure('first', () => context.newPage().then((p) => p.goto('https://github.com/acme/monolith/issues/1')), synced);
      await settled(sandbox); // the first sync may still be finishing (syncs of one project never overlap)
      const unchanged = await measure('unchanged', () => sendFromPage(options, 'sync.now', {}), () => Promise.resolve(true));
      return [first, unchanged];
    } finally {
      await close();
      await sandbox.close();
    }
  },
  format(rows) {
    return table(
      ['sync', 'items', 'comments', 'requests', 'per 100 items', '304s', 'rate-limit points', 'ms'],
      rows.map((r) => [r.sync, String(r.items), String(r.comments), String(r.requests), r.requestsPer100Items.toFixed(2), String(r.notModified), String(r.rateLimitPoints), r.ms.toFixed(0)]),
    );
  },
};
