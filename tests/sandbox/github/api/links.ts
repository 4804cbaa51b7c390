import type { RequestContext } from '../../http/router.ts';
import type { GhRepo } from '../../data/model.ts';

/**
 * Where the URLs inside a body point. GitHub builds them from its own origins; the sandbox builds them from the
 * request's origin, so a Node test calling `https://api.github.com:<port>` gets links it can follow on that port.
 */
export interface Links {
  /** API root, e.g. `https://api.github.com:4430` or `https://github.example.test:4430/api/v3`. */
  readonly api: string;
  /** Web root, e.g. `https://github.com:4430` (same port as the request). */
  readonly web: string;
  /** Web host without port, for `git@host:` and `git://host/` URLs. */
  readonly webHost: string;
  readonly avatars: string;
  readonly enterprise: boolean;
}

export interface RepoLinks extends Links {
  readonly repoApi: string;
  readonly repoWeb: string;
  readonly fullName: string;
}

export function linksFor(ctx: RequestContext, webHost: string, apiPrefix: string): Links {
  const port = ctx.url.port ? `:${ctx.url.port}` : '';
  const web = `https://${webHost}${port}`;
  const enterprise = apiPrefix !== '';
  return {
    api: `${ctx.url.protocol}//${ctx.url.host}${apiPrefix}`,
    web,
    webHost,
    // github.com serves avatars from a CDN host; GitHub Enterprise Server serves them itself.
    avatars: enterprise ? `${web}/avatars` : 'https://avatars.githubusercontent.com',
    enterprise,
  };
}

export function repoLinks(links: Links, repo: GhRepo): RepoLinks {
  const fullName = `${repo.owner.login}/${repo.name}`;
  return { ...links, fullName, repoApi: `${links.api}/repos/${fullName}`, repoWeb: `${links.web}/${fullName}` };
}

/** GitHub's timestamps: UTC, second precision, no fraction (`2026-11-26T12:00:00Z`). */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/** The second a timestamp falls in: what clients see, so filters compare at that precision. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Opaque, stable GraphQL-style node ids (`I_kwDO…`), derived from the record id. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}${Buffer.from(`sandbox:${id}`).toString('base64url')}`;
}
