import type { Router } from '../http/router.ts';
import type { SandboxState } from '../state.ts';
import { registerJiraApi } from './api/index.ts';
import { registerJiraPages } from './pages/index.ts';

/** Everything the sandbox serves for Jira: its API, then its pages at the real URLs. */
export function registerJira(router: Router, state: SandboxState): void {
  registerJiraApi(router, state);
  registerJiraPages(router, state);
}
