import { sendFromPage } from '../tests/e2e/support/send.ts';
import { startSandbox } from '../tests/sandbox/server.ts';
import { launchBenchExtension, settled } from './extension.ts';
import { table } from './stats.ts';
import type { Benchmark } from './types.ts';

const ITEMS = Number(process.env.BENCH_GITLAB_ITEMS ?? 5000);
const PATH = 'acme/platform/monolith';
const PROJECT = `gitlab:gitlab.com/${PATH}`;

export interface GitlabSyncRow {
  sync: 'first' | 'unchanged' | 'one item changed';
  items: number;
  timelogs: number;
  rest: number;
  graphql: number;
  requestsPer100Items: number;
  ms: number;
}

/**
 * The real extension syncing a GitLab project of 5,000 issues (and 500 MRs) from the sandbox: the first sync (every
 * page of issues and MRs, every item's timelogs in GraphQL batches), a sync with nothing changed, and one after a
 * single item changed. Targets: at most one request per 100 items, and no timelog reads for unchanged items.
 */
export const gitlabSync: Benchmark<GitlabSyncRow> = {
  name: 'gitlab-sync',
  description: `Syncing ${PATH} (${ITEMS} issues, ${Math.round(ITEMS / 10)} MRs) through the built extension: first sync, unchanged re-sync, one item changed.`,
  async run() {
    const sandbox = await startSandbox({ gitlabScaleProject: ITEMS });
    const { context, options, close } = await launchBenchExtension(sandbox, 'gitlab');
    try {
      const gitlab = sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
      const token = gitlab.tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
      await sendFromPage(options, 'connections.add', { provider: 'gitlab', host: 'gitlab.com', token });
      const project = gitlab.projects.find((p) => p.pathWithNamespace === PATH)!;
      const items = project.issues.length + project.mergeRequests.length;
      const timelogs = [...project.issues, ...project.mergeRequests].reduce((n, i) => n + i.timelogs.length, 0);
      const measure = async (sync: GitlabSyncRow['sync'], start: () => Promise<unknown>, done: () => Promise<boolean>): Promise<GitlabSyncRow> => {
        const from = sandbox.log.length;
        const t0 = performance.now();
        await start();
        while (!(await done())) await new Promise((r) => setTimeout(r, 100));
        const requests = sandbox.log.slice(from).filter((r) => r.host === 'gitlab.com' && (r.route?.startsWith('gitlab.') ?? false) && !r.route?.startsWith('gitlab.pages'));
        const graphql = requests.filter((r) => r.route === 'gitlab.graphql').length;
        return { sync, items, timelogs, rest: requests.length - graphql, graphql, requestsPer100Items: (requests.length / items) * 100, ms: performance.now() - t0 };
      };
      const synced = async () => ((await sendFromPage<{ projects: { key: string; lastSuccess: number | null }[] }>(options, 'sync.status', {})).projects.find((p) => p.key === PROJECT)?.lastSuccess ?? null) !== null;
      const first = await measure('first', () => context.newPage().then((p) => p.goto(`https://gitlab.com/${PATH}/-/issues/1`)), synced);
      await settled(sandbox); // the first sync may still be finishing (syncs of one project never overlap)
      const unchanged = await measure('unchanged', () => sendFromPage(options, 'sync.now', {}), () => Promise.resolve(true));
      const changed = project.issues[10]!;
      changed.title = `${changed.title} (edited)`;
      changed.updatedAt = Date.now();
      const one = await measure('one item changed', () => sendFromPage(options, 'sync.now', {}), () => Promise.resolve(true));
      return [first, unchanged, one];
    } finally {
      await close();
      await sandbox.close();
    }
  },
  format(rows) {
    return table(
      ['sync', 'items', 'timelogs', 'REST requests', 'GraphQL requests', 'per 100 items', 'ms'],
      rows.map((r) => [r.sync, String(r.items), String(r.timelogs), String(r.rest), String(r.graphql), r.requestsPer100Items.toFixed(2), r.ms.toFixed(0)]),
    );
  },
};
