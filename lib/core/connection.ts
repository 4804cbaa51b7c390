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
}

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
