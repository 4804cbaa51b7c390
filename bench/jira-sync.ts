import type { Page } from 'playwright-core';
import { formatDuration } from '../lib/core/duration.ts';
import { sendFromPage } from '../tests/e2e/support/send.ts';
import type { JiraIssue, JiraSite } from '../tests/sandbox/data/model.ts';
import { startSandbox, type Sandbox } from '../tests/sandbox/server.ts';
import type { LoggedRequest } from '../tests/sandbox/state.ts';
import { launchBenchExtension, settled } from './extension.ts';
import { table } from './stats.ts';
import type { Benchmark } from './types.ts';

const WORKLOGS = Number(process.env.BENCH_JIRA_WORKLOGS ?? 100_000);
const HOST = 'acme.atlassian.net';
const PROJECT = `jira:${HOST}/BIG`;
/** The changes of the incremental sync: worklogs a teammate added, edited and deleted. */
const ADDED = 20;
const EDITED = 20;
const DELETED = 10;
/** The sandbox's worklog feeds leave out changes younger than a minute (by real time), as Jira does. */
const FEED_SETTLE_MS = 60_000;

export interface JiraSyncRow {
  sync: 'first' | 'unchanged' | 'worklogs changed';
  /** Worklogs in BIG when the sync ran. */
  worklogs: number;
  changed: number;
  requests: number;
  /** The project's issue search pages (JQL, 100 issues a page). */
  search: number;
  /** `/worklog/updated` and `/worklog/deleted` pages (1,000 ids a page). */
  feed: number;
  /** `/worklog/list` requests (1,000 worklogs each). */
  list: number;
  /** Searches for the issues of worklogs whose issue this pull did not read (`id in (…)`). */
  lookups: number;
  /** Anything else: the Sprint field's id (once per worker), the project's scrum boards (Agile API, when issues changed). */
  other: number;
  /** The reference, from the same run: the requests of a full read (the first sync). */
  fullReadRequests: number;
  ms: number;
  /** After the incremental sync: one changed issue's total in the extension against the sandbox's worklogs. */
  check: string;
}

function kinds(requests: readonly LoggedRequest[]) {
  const jql = (r: LoggedRequest) => new URLSearchParams(r.query).get('jql') ?? '';
  const lookups = requests.filter((r) => r.route === 'jira.search.jql' && /\bid in \(/.test(jql(r))).length;
  const search = requests.filter((r) => r.route === 'jira.search.jql').length - lookups;
  const feed = requests.filter((r) => r.route === 'jira.worklogs.updated' || r.route === 'jira.worklogs.deleted').length;
  const list = requests.filter((r) => r.route === 'jira.worklogs.byIds').length;
  return { requests: requests.length, search, feed, list, lookups, other: requests.length - search - feed - list - lookups };
}

/** The latest change the site's feeds can report: a cursor (`until`) never passes it. */
function latestChange(site: JiraSite): number {
  let latest = 0;
  for (const issue of site.issues) for (const w of issue.worklogs) latest = Math.max(latest, w.updated);
  for (const d of site.deletedWorklogs) latest = Math.max(latest, d.updatedTime);
  return latest;
}

/**
 * A change stamp the next sync's feeds will report. The sandbox's clock is real time and its feeds leave out the last
 * minute, so the stamp is backdated by more than that; but the feeds read from the cursor the last sync stored (its
 * `until`, the latest change seen, the cursor's own millisecond excluded), so a stamp at or before it would never be
 * seen. The seeded world is hours old, so this waits only if the last change seen is younger than a minute.
 */
async function changeStamp(site: JiraSite): Promise<number> {
  const after = latestChange(site);
  const wait = after + 1 - (Date.now() - FEED_SETTLE_MS - 1000);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  return Date.now() - FEED_SETTLE_MS - 1000;
}

/**
 * A teammate's changes, written into the sandbox's model as Jira records them: each worklog's `updated` (and
 * `created` for new ones), the deleted feed's entry, and the issue's `updated`. The first issue gets one of each kind.
 */
function changeWorklogs(sandbox: Sandbox, site: JiraSite, issues: readonly JiraIssue[], at: number): JiraIssue {
  // Issues with an original worklog to edit and another to delete; a different one for each n (37 is prime).
  const candidates = issues.filter((i) => i.worklogs.length >= 2);
  const pick = (n: number) => candidates[(n * 37) % candidates.length]!;
  const focal = pick(0);
  for (let n = 0; n < ADDED; n++) {
    const issue = pick(n);
    const started = Math.floor((at - 86_400_000) / 86_400_000) * 86_400_000 + 9 * 3600_000;
    issue.worklogs.push({ id: sandbox.state.nextId(), personId: 'ben', started, timeSpentSeconds: (n + 1) * 300, comment: 'Logged during the bench', created: at, updated: at, properties: {} });
    issue.updated = at;
  }
  for (let n = 0; n < EDITED; n++) {
    const issue = pick(n);
    const worklog = issue.worklogs[0]!;
    worklog.timeSpentSeconds += 900;
    worklog.updated = at;
    issue.updated = at;
  }
  for (let n = 0; n < DELETED; n++) {
    const issue = pick(n);
    // The second worklog: not the one just edited nor the one just added.
    const [worklog] = issue.worklogs.splice(1, 1);
    site.deletedWorklogs.push({ worklogId: worklog!.id, updatedTime: at });
    issue.updated = at;
  }
  return focal;
}

/** What the issue page's overlay says the team tracked, once it has asked the background. */
async function trackedOnPage(page: Page): Promise<string> {
  const total = page.locator('stint-overlay .total');
  for (let i = 0; i < 150; i++) {
    const title = (await total.getAttribute('title', { timeout: 15_000 })) ?? '';
    if (title.includes('Tracked by the team')) return title;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The overlay never showed the issue’s total.');
}

/**
 * The real extension syncing Jira Cloud project BIG (2,000 issues, 100,000 worklogs) from the sandbox: the first sync
 * (every issue page, every worklog id from the site's feed and every worklog by id), a sync with nothing changed, and
 * one after a teammate added, edited and deleted 50 worklogs. Target: the incremental sync's requests follow the 50
 * changes, not the 100,000 worklogs; and the extension's total for a changed issue equals the sandbox's.
 */
export const jiraSync: Benchmark<JiraSyncRow> = {
  name: 'jira-sync',
  description: `Syncing Jira Cloud BIG (2,000 issues, ${WORKLOGS} worklogs) through the built extension: first sync, unchanged re-sync, ${ADDED + EDITED + DELETED} worklogs changed.`,
  async run() {
    const sandbox = await startSandbox({ jiraScaleWorklogs: WORKLOGS });
    const { context, options, close } = await launchBenchExtension(sandbox, 'jira');
    try {
      const site = sandbox.data.jira.find((s) => s.host === HOST)!;
      const token = site.tokens.find((t) => t.personId === 'ana')!.value;
      const email = sandbox.data.people.find((p) => p.id === 'ana')!.email;
      await sendFromPage(options, 'connections.add', { provider: 'jira', host: HOST, token, email });
      const issues = site.issues.filter((i) => i.projectKey === 'BIG');
      const worklogs = () => issues.reduce((n, i) => n + i.worklogs.length, 0);
      let fullReadRequests = 0;
      const measure = async (sync: JiraSyncRow['sync'], changed: number, start: () => Promise<unknown>, done: () => Promise<boolean>): Promise<JiraSyncRow> => {
        const from = sandbox.log.length;
        const t0 = performance.now();
        await start();
        while (!(await done())) await new Promise((r) => setTimeout(r, 100));
        const ms = performance.now() - t0;
        const requests = sandbox.log.slice(from).filter((r) => r.host === HOST && (r.route?.startsWith('jira.') ?? false) && !r.route?.startsWith('jira.pages'));
        const counts = kinds(requests);
        fullReadRequests ||= counts.requests;
        return { sync, worklogs: worklogs(), changed, ...counts, fullReadRequests, ms, check: '' };
      };
      const synced = async () => ((await sendFromPage<{ projects: { key: string; lastSuccess: number | null }[] }>(options, 'sync.status', {})).projects.find((p) => p.key === PROJECT)?.lastSuccess ?? null) !== null;
      // Visiting an issue of the project starts its first sync.
      const first = await measure('first', 0, () => context.newPage().then((p) => p.goto(`https://${HOST}/browse/BIG-1`)), synced);
      await settled(sandbox); // the first sync may still be finishing (syncs of one project never overlap)
      const unchanged = await measure('unchanged', 0, () => sendFromPage(options, 'sync.now', {}), () => Promise.resolve(true));
      const focal = changeWorklogs(sandbox, site, issues, await changeStamp(site));
      const changed = await measure('worklogs changed', ADDED + EDITED + DELETED, () => sendFromPage(options, 'sync.now', {}), () => Promise.resolve(true));
      // The extension's total for an issue with a worklog added, one edited and one deleted, against the sandbox's.
      const expected = formatDuration(focal.worklogs.reduce((n, w) => n + w.timeSpentSeconds, 0));
      const afterSync = sandbox.log.length;
      const page = await context.newPage();
      await page.goto(`https://${HOST}/browse/${focal.key}`);
      const title = await trackedOnPage(page);
      const agrees = title.includes(`Tracked by the team: ${expected}\n`) && title.includes(`Jira agrees: ${expected} spent`);
      if (!agrees) throw new Error(`${focal.key}: the sandbox's worklogs sum to ${expected}, the extension says:\n${title}`);
      // What the page shows must come from the measured sync, not from one its visit started.
      if (sandbox.log.slice(afterSync).some((r) => r.route?.startsWith('jira.') && !r.route.startsWith('jira.pages'))) throw new Error('Visiting the issue synced again: the check would not prove the incremental sync.');
      changed.check = `${focal.key} = ${expected} (Jira agrees)`;
      return [first, unchanged, changed];
    } finally {
      await close();
      await sandbox.close();
    }
  },
  format(rows) {
    return table(
      ['sync', 'worklogs', 'changed', 'requests', 'search', 'feed', 'list', 'lookups', 'other', 'full read', 'ms', 'check'],
      rows.map((r) => [r.sync, String(r.worklogs), String(r.changed), String(r.requests), String(r.search), String(r.feed), String(r.list), String(r.lookups), String(r.other), String(r.fullReadRequests), r.ms.toFixed(0), r.check]),
    );
  },
};
