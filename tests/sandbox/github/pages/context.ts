import type { GhInstance, GhIssue, GhRepo, SandboxData } from '../../data/model.ts';
import type { RequestContext } from '../../http/router.ts';

/** How GitHub colours the page: the account's setting, `auto` following the system. */
export type ColorMode = 'light' | 'dark' | 'auto';

/** Which UI generation a page renders when the request asks for one (`?ui=classic` / `?ui=react`). */
export type UiChoice = 'classic' | 'react' | null;

/** Everything a page needs about where it is: the world, the instance answering, and the viewer's choices. */
export interface PageScope {
  readonly data: SandboxData;
  readonly instance: GhInstance;
  /** `https://github.com` or `https://github.com:<port>` as the client asked, for absolute links. */
  readonly origin: string;
  readonly url: URL;
  readonly colorMode: ColorMode;
  /** A `Set-Cookie` value when the request chose the theme with `?theme=`, so it sticks across navigation. */
  readonly themeCookie: string | null;
  readonly ui: UiChoice;
}

export interface RepoScope extends PageScope {
  readonly repo: GhRepo;
}

const MODES: readonly ColorMode[] = ['light', 'dark', 'auto'];
const COOKIE = 'color_mode';

export function pageScope(ctx: RequestContext): PageScope | null {
  const instance = ctx.sandbox.data.github.find((i) => i.host === ctx.host);
  if (!instance) return null;
  const asked = ctx.url.searchParams.get('theme');
  const chosen = MODES.find((m) => m === asked) ?? null;
  const ui = ctx.url.searchParams.get('ui');
  return {
    data: ctx.sandbox.data,
    instance,
    origin: ctx.url.origin,
    url: ctx.url,
    colorMode: chosen ?? modeFromCookie(ctx.req.headers.cookie) ?? 'auto',
    themeCookie: chosen ? themeCookie(chosen) : null,
    ui: ui === 'classic' || ui === 'react' ? ui : null,
  };
}

/** The repository a route names; owner and name compare case-insensitively, as on GitHub. */
export function repoScope(ctx: RequestContext): RepoScope | null {
  const scope = pageScope(ctx);
  if (!scope) return null;
  const owner = (ctx.params.owner ?? '').toLowerCase();
  const name = (ctx.params.repo ?? '').toLowerCase();
  const repo = scope.instance.repos.find((r) => r.owner.login.toLowerCase() === owner && r.name.toLowerCase() === name);
  return repo ? { ...scope, repo } : null;
}

/** An issue or pull request by number (one number space); numbers are plain positive integers. */
export function findItem(repo: GhRepo, number: string | undefined): GhIssue | null {
  if (!number || !/^[1-9]\d*$/.test(number)) return null;
  return repo.issues.find((i) => i.number === Number(number)) ?? null;
}

export function repoPath(repo: GhRepo): string {
  return `/${repo.owner.login}/${repo.name}`;
}

export function itemPath(repo: GhRepo, item: GhIssue): string {
  return `${repoPath(repo)}/${item.pull ? 'pull' : 'issues'}/${item.number}`;
}

/**
 * GitHub keeps a signed-out visitor's theme in a `color_mode` cookie (URL-encoded JSON); the fixtures read the same
 * shape so `?theme=dark` once keeps the dark variant on every page the browser opens afterwards.
 */
function themeCookie(mode: ColorMode): string {
  const value = { color_mode: mode, light_theme: { name: 'light', color_mode: 'light' }, dark_theme: { name: 'dark', color_mode: 'dark' } };
  return `${COOKIE}=${encodeURIComponent(JSON.stringify(value))}; Path=/; Secure; SameSite=Lax`;
}

function modeFromCookie(header: string | undefined): ColorMode | null {
  const raw = header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(raw));
    const mode = typeof parsed === 'object' && parsed !== null ? (parsed as { color_mode?: unknown }).color_mode : null;
    return MODES.find((m) => m === mode) ?? null;
  } catch {
    return null;
  }
}
