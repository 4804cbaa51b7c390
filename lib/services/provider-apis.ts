import type { ProviderKey } from '../core/item-ref';
import { whoAmI as githubWhoAmI } from '../providers/github/api';
import { whoAmI as gitlabWhoAmI } from '../providers/gitlab/api';

/** Each provider's account check, for connections. Jira joins with its issue. */
export async function whoAmI(provider: ProviderKey, target: { apiBase: string; token: string }, host: string): Promise<{ login: string }> {
  switch (provider) {
    case 'github':
      return githubWhoAmI(target, host);
    case 'gitlab':
      return gitlabWhoAmI(target, host);
    case 'jira':
      throw new Error('Connecting to Jira is not available yet: Stint connects to GitHub and GitLab today.');
  }
}
