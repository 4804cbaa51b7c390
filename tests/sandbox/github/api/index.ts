import type { Router } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { registerAccount } from './account.ts';
import { registerComments } from './comments.ts';
import { githubErrorStyle } from './errors.ts';
import { registerIssues } from './issues.ts';
import { registerLabels } from './labels.ts';
import { registerMilestones } from './milestones.ts';
import type { ApiScope } from './pipeline.ts';
import { registerPulls } from './pulls.ts';
import { registerRepos } from './repos.ts';
import { registerSearch } from './search.ts';

/**
 * GitHub's REST API for every GitHub instance in the seeded world: `api.github.com` for github.com, and
 * `https://<host>/api/v3` for the GitHub Enterprise stand-in. Route names (`github.issues.list` …) appear in the
 * request log and are what fault rules match on.
 */
export function registerGithubApi(router: Router, state: SandboxState): void {
  for (const instance of state.data.github) {
    const base = new URL(instance.apiBase);
    const scope: ApiScope = { router, state, webHost: instance.host, apiHost: base.hostname, prefix: base.pathname.replace(/\/$/, '') };
    // On the Enterprise host only the API answers in GitHub's JSON; its pages keep the page style.
    const onApi = (host: string, path: string) => host === scope.apiHost && (scope.prefix === '' || path === scope.prefix || path.startsWith(`${scope.prefix}/`));
    state.registerErrorStyle(onApi, githubErrorStyle(scope.prefix !== ''));
    registerAccount(scope);
    registerSearch(scope);
    registerRepos(scope);
    // Before the issue routes: `/issues/comments` would otherwise be taken for issue number "comments".
    registerComments(scope);
    registerIssues(scope);
    registerLabels(scope);
    registerMilestones(scope);
    registerPulls(scope);
  }
}
