import type { Router } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { registerAgileRoutes } from './agile.ts';
import type { ApiVersion } from './call.ts';
import { registerCommentRoutes } from './comments.ts';
import { jiraErrorStyle } from './errors.ts';
import { registerIssueRoutes } from './issues.ts';
import { registerMetaRoutes } from './meta.ts';
import { registerSearchRoutes } from './search.ts';
import { registerWorklogFeedRoutes } from './worklog-feeds.ts';
import { registerWorklogPropertyRoutes } from './worklog-properties.ts';
import { registerWorklogRoutes } from './worklogs.ts';

/**
 * Jira's REST APIs for every site in `state.data.jira`: Cloud serves the platform API as v3 (rich text in Atlassian
 * Document Format) and v2 (plain strings); Data Center serves v2 only. Both serve Jira Software's Agile 1.0 API.
 * Route names (`jira.worklogs.create` …) are the same in every version, so a fault rule hits them all.
 */
export function registerJiraApi(router: Router, state: SandboxState): void {
  const site = (host: string) => state.data.jira.find((s) => s.host === host);
  const anySite = (host: string) => site(host) !== undefined;
  const cloud = (host: string) => site(host)?.deployment === 'Cloud';
  // Only the REST APIs answer in Jira's JSON error shapes; pages on the same hosts have their own.
  state.registerErrorStyle((host, path) => anySite(host) && path.startsWith('/rest/'), jiraErrorStyle(() => state.now()));

  const platform: [ApiVersion, (host: string) => boolean][] = [
    [3, cloud],
    [2, anySite],
  ];
  for (const [version, hosts] of platform) {
    const r = router.scope(hosts, `/rest/api/${version}`);
    registerMetaRoutes(r, version);
    registerIssueRoutes(r, version);
    registerSearchRoutes(r, version);
    registerWorklogRoutes(r, version);
    registerWorklogPropertyRoutes(r, version);
    registerWorklogFeedRoutes(r, version);
    registerCommentRoutes(r, version);
  }
  registerAgileRoutes(router.scope(anySite, '/rest/agile/1.0'));
}
