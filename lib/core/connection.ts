import type { ProviderKey } from './item-ref';

/**
 * A provider account Stint talks to: a host (github.com or a self-hosted one) and its API base. The token is not part
 * of it: secrets live in their own store, read only by the background when it calls that host.
 */
export interface Connection {
  readonly id: string;
  readonly provider: ProviderKey;
  /** The web host the overlay runs on, e.g. `github.com`, `github.example.com`. */
  readonly host: string;
  /** The API origin + path, e.g. `https://api.github.com`, `https://github.example.com/api/v3`. */
  readonly apiBase: string;
  /** Who the token belongs to, from the provider (`whoAmI`). */
  readonly login: string;
  /** Not github.com / gitlab.com / *.atlassian.net: needs an optional host permission and a registered content script. */
  readonly selfHosted: boolean;
  readonly addedAt: number;
  /** Jira only: which deployment answers and who the person is there. */
  readonly jira?: JiraAccount;
}

/**
 * A Jira account: Cloud signs in with the person's e-mail and an API token (Basic), Data Center / Server with a personal
 * access token (Bearer) and API v2. The e-mail is the account's name, not a secret; the token lives in the secrets store.
 */
export interface JiraAccount {
  readonly deployment: 'Cloud' | 'Server' | 'DataCenter';
  /** Cloud: the Atlassian account e-mail the API token belongs to; null on Data Center. */
  readonly email: string | null;
  /** Cloud `accountId`, Data Center user `name`: who wrote a worklog. */
  readonly userId: string;
  /** The person's time zone in Jira (`/myself`): worklogs are started in it. */
  readonly timeZone: string;
}

/** The platform REST API version Stint uses on a Jira deployment: v3 (rich text as ADF) on Cloud, v2 elsewhere. */
export const jiraApiVersion = (account: Pick<JiraAccount, 'deployment'> | undefined): 2 | 3 => (account?.deployment === 'Cloud' ? 3 : 2);

/** The default API base for a provider host, as the user would otherwise have to type it. */
export function defaultApiBase(provider: ProviderKey, host: string): string {
  switch (provider) {
    case 'github':
      return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
    case 'gitlab':
      return `https://${host}/api/v4`;
    case 'jira':
      return `https://${host}`;
  }
}

/** Whether a host is one of the providers' public clouds (covered by the manifest's host permissions). */
export function isPublicHost(provider: ProviderKey, host: string): boolean {
  switch (provider) {
    case 'github':
      return host === 'github.com';
    case 'gitlab':
      return host === 'gitlab.com';
    case 'jira':
      return /^[a-z0-9-]+\.atlassian\.net$/.test(host);
  }
}
