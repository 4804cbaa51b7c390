import type { ProviderKey } from '../core/item-ref';
import { whoAmI as githubWhoAmI } from '../providers/github/api';

/** Each provider's account check, for connections. GitLab and Jira join with their issues. */
export async function whoAmI(provider: ProviderKey, target: { apiBase: string; token: string }, host: string): Promise<{ login: string }> {
  switch (provider) {
    case 'github':
      return githubWhoAmI(target, host);
    case 'gitlab':
    case 'jira':
      throw new Error(`Connecting to ${provider === 'gitlab' ? 'GitLab' : 'Jira'} is not available yet: Stint connects to GitHub today.`);
  }
}
