import type { JiraAccount } from '../core/connection';
import type { ProviderKey } from '../core/item-ref';
import { whoAmI as githubWhoAmI } from '../providers/github/api';
import { whoAmI as gitlabWhoAmI } from '../providers/gitlab/api';
import { whoAmI as jiraWhoAmI } from '../providers/jira/api';
import type { ProviderTarget } from './connections';

/** Each provider's account check, for connections. */
export async function whoAmI(provider: ProviderKey, target: ProviderTarget, host: string): Promise<{ login: string; jira?: JiraAccount }> {
  switch (provider) {
    case 'github':
      return githubWhoAmI(target, host);
    case 'gitlab':
      return gitlabWhoAmI(target, host);
    case 'jira': {
      const { login, account } = await jiraWhoAmI(target, host);
      return { login, jira: account };
    }
  }
}
