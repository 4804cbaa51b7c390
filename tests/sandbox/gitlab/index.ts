import type { Router } from '../http/router.ts';
import type { SandboxState } from '../state.ts';
import { registerGitlabApi } from './api/index.ts';
import { registerGitlabPages } from './pages/index.ts';

/** Everything the sandbox serves for Gitlab: its API, then its pages at the real URLs. */
export function registerGitlab(router: Router, state: SandboxState): void {
  registerGitlabApi(router, state);
  registerGitlabPages(router, state);
}
