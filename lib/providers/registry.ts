import type { ProviderKey } from '../core/item-ref';
import { matchGithubPage } from './github/url';
import { matchGitlabPage } from './gitlab/url';
import { matchJiraPage } from './jira/url';
import type { PageMatch } from './types';

/** Every provider's URL matcher; a Record so the compiler proves none is missing. */
export const PAGE_MATCHERS: Record<ProviderKey, (url: URL) => PageMatch | null> = {
  github: matchGithubPage,
  gitlab: matchGitlabPage,
  jira: matchJiraPage,
};

/** Known public hosts per provider. Self-hosted hosts come from the user's connections (later). */
const DEFAULT_HOSTS: Record<ProviderKey, (host: string) => boolean> = {
  github: (host) => host === 'github.com',
  gitlab: (host) => host === 'gitlab.com',
  jira: (host) => host.endsWith('.atlassian.net'),
};

/** Which provider owns a host (a content script's page), or null. */
export function providerForHost(host: string, selfHosted: ReadonlyMap<string, ProviderKey> = new Map()): ProviderKey | null {
  const known = selfHosted.get(host);
  if (known) return known;
  for (const [key, matches] of Object.entries(DEFAULT_HOSTS) as [ProviderKey, (h: string) => boolean][]) if (matches(host)) return key;
  return null;
}

/** What a page URL is, judged by the provider that owns its host (never by another provider's patterns). */
export function matchPageUrl(url: URL, selfHosted?: ReadonlyMap<string, ProviderKey>): PageMatch | null {
  const provider = providerForHost(url.hostname.toLowerCase(), selfHosted);
  return provider ? PAGE_MATCHERS[provider](url) : null;
}
