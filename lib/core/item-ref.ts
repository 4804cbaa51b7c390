/** The three providers Stint overlays. Core owns the name so that pure code can key records without importing providers. */
export const PROVIDER_KEYS = ['github', 'gitlab', 'jira'] as const;
export type ProviderKey = (typeof PROVIDER_KEYS)[number];

/** What an item is on its provider: GitHub issues and PRs share one number space, GitLab issues and MRs do not. */
export type ItemKind = 'issue' | 'pr' | 'mr';

/**
 * The identity of one tracked item, always derived from a URL (never from text scraped off a page).
 * `host` makes self-hosted instances first-class: `github.example.com` is as good a host as `github.com`.
 */
export interface ItemRef {
  readonly provider: ProviderKey;
  readonly host: string;
  /** `owner/repo` on GitHub, the full `group/sub/project` path on GitLab, the project key on Jira. */
  readonly project: string;
  /** The number on GitHub and GitLab (`"12"`), the issue key on Jira (`"PAY-123"`). */
  readonly id: string;
  readonly kind: ItemKind;
}

/**
 * The canonical key every record is stored under, e.g. `github:github.com/octo/app#12`,
 * `gitlab:gitlab.example.com/group/sub/app!34` (an MR), `jira:acme.atlassian.net/PAY-123`.
 * Hosts and GitHub/GitLab paths compare case-insensitively on the providers, so they are lower-cased here;
 * Jira keys are upper-case by definition.
 */
export function itemKey(ref: ItemRef): string {
  const host = ref.host.toLowerCase();
  switch (ref.provider) {
    case 'github':
      return `github:${host}/${ref.project.toLowerCase()}#${ref.id}`;
    case 'gitlab':
      return `gitlab:${host}/${ref.project.toLowerCase()}${ref.kind === 'mr' ? '!' : '#'}${ref.id}`;
    case 'jira':
      return `jira:${host}/${ref.id.toUpperCase()}`;
  }
}

/**
 * The item a canonical key names, or null for anything that is not one. The inverse of `itemKey` (project paths come
 * back lower-cased, as keys store them).
 */
export function parseItemKey(key: string): ItemRef | null {
  const m = /^(github|gitlab|jira):([a-z0-9.-]+(?::\d+)?)\/(.+)$/.exec(key);
  if (!m) return null;
  const [, provider, host = '', rest = ''] = m;
  if (provider === 'jira') {
    const jira = /^([A-Z][A-Z0-9_]+)-([1-9]\d*)$/.exec(rest);
    return jira ? { provider: 'jira', host, project: jira[1] ?? '', id: rest, kind: 'issue' } : null;
  }
  const item = /^(.+)([#!])([1-9]\d*)$/.exec(rest);
  if (!item) return null;
  const [, project = '', sign, id = ''] = item;
  if (provider === 'github') return sign === '#' && /^[^/]+\/[^/]+$/.test(project) ? { provider: 'github', host, project, id, kind: 'issue' } : null;
  return { provider: 'gitlab', host, project, id, kind: sign === '!' ? 'mr' : 'issue' };
}

/**
 * Every item key of a project starts with one of these (`github:github.com/acme/app` → `…/acme/app#`; GitLab MRs use
 * `!`; Jira issues `PAY-`): a key range over them reads a project's items and entries without a scan. The delimiter
 * keeps `acme/app` from matching `acme/app-v2`.
 */
export function itemKeyPrefixes(projectKey: string): string[] {
  if (projectKey.startsWith('github:')) return [`${projectKey}#`];
  if (projectKey.startsWith('gitlab:')) return [`${projectKey}#`, `${projectKey}!`];
  if (projectKey.startsWith('jira:')) return [`${projectKey}-`];
  return [];
}

/** The project part of an item key (`github:github.com/acme/app#12` → `github:github.com/acme/app`). */
export function projectKeyOfItem(key: string): string | null {
  const ref = parseItemKey(key);
  if (!ref) return null;
  return ref.provider === 'jira' ? `jira:${ref.host}/${ref.project}` : `${ref.provider}:${ref.host}/${ref.project}`;
}
