import type { Router } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { gitlabErrorStyle } from './errors.ts';
import { graphqlHandler } from './graphql/endpoint.ts';
import { registerIssuableRoutes } from './issuables.ts';
import { registerMetaRoutes } from './meta.ts';
import { registerNoteRoutes } from './notes.ts';
import { registerPlanningRoutes } from './planning.ts';
import { registerTimeTrackingRoutes } from './time-tracking.ts';

/**
 * GitLab's REST API (`/api/v4`) and GraphQL API (`/api/graphql`) for every instance in `state.data.gitlab`
 * (gitlab.com and the self-managed stand-in), answering in GitLab's shapes, errors, paging and rate-limit headers.
 */
export function registerGitlabApi(router: Router, state: SandboxState): void {
  // Looked up per request: `reset()` replaces the data, and the hosts come from it.
  const isGitlabHost = (host: string) => state.data.gitlab.some((instance) => instance.host === host);
  // Only the API answers in the API's shapes; pages on the same hosts have their own error style.
  state.registerErrorStyle((host, path) => isGitlabHost(host) && path.startsWith('/api/'), gitlabErrorStyle(() => state.now()));

  const rest = router.scope(isGitlabHost, '/api/v4');
  registerMetaRoutes(rest, state);
  registerIssuableRoutes(rest, state);
  registerTimeTrackingRoutes(rest, state);
  registerPlanningRoutes(rest, state);
  registerNoteRoutes(rest, state);
  // Grape's catch-all: an unknown API path is JSON, never the web app's HTML 404 page.
  const unknownRoute = () => ({ status: 404, body: { error: '404 Not Found' } });
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) rest[method]('/*path', 'gitlab.unknownRoute', unknownRoute);

  const graphql = graphqlHandler(state);
  router.add('POST', isGitlabHost, '/api/graphql', 'gitlab.graphql', graphql);
  router.add('GET', isGitlabHost, '/api/graphql', 'gitlab.graphql', graphql);
}
