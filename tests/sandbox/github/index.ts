import type { Router } from '../http/router.ts';
import type { SandboxState } from '../state.ts';
import { registerGithubApi } from './api/index.ts';
import { registerGithubPages } from './pages/index.ts';

/** Everything the sandbox serves for Github: its API, then its pages at the real URLs. */
export function registerGithub(router: Router, state: SandboxState): void {
  registerGithubApi(router, state);
  registerGithubPages(router, state);
}
