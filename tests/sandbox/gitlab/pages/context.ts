import type { GlInstance, GlIssuable, GlProject, SandboxData } from '../../data/model.ts';
import type { RequestContext } from '../../http/router.ts';

/** Which generation of GitLab's UI a fixture renders: `current` (work items, 18.x) or `legacy` (`?ui=legacy`). */
export type UiGeneration = 'current' | 'legacy';
export type Theme = 'light' | 'dark';

/** Everything a page needs about where it is: the world, the instance answering, and the viewer's choices. */
export interface PageScope {
  readonly data: SandboxData;
  readonly instance: GlInstance;
  readonly url: URL;
  readonly theme: Theme;
  readonly ui: UiGeneration;
}

export interface ProjectScope extends PageScope {
  readonly project: GlProject;
}

export function pageScope(ctx: RequestContext): PageScope | null {
  const instance = ctx.sandbox.data.gitlab.find((i) => i.host === ctx.host);
  if (!instance) return null;
  return {
    data: ctx.sandbox.data,
    instance,
    url: ctx.url,
    theme: ctx.url.searchParams.get('theme') === 'dark' ? 'dark' : 'light',
    ui: ctx.url.searchParams.get('ui') === 'legacy' ? 'legacy' : 'current',
  };
}

/** The project a route names: the literal first segment the route was registered under, plus the rest. */
export function projectScope(ctx: RequestContext, namespace: string): ProjectScope | null {
  const scope = pageScope(ctx);
  if (!scope) return null;
  const fullPath = `${namespace}/${ctx.params.path ?? ''}`.toLowerCase();
  const project = scope.instance.projects.find((p) => p.pathWithNamespace.toLowerCase() === fullPath);
  return project ? { ...scope, project } : null;
}

/** An issue or MR by its iid; GitLab iids are plain positive integers. */
export function findIssuable(items: readonly GlIssuable[], iid: string | undefined): GlIssuable | null {
  if (!iid || !/^[1-9]\d*$/.test(iid)) return null;
  return items.find((item) => item.iid === Number(iid)) ?? null;
}

/** Top-level namespaces of every seeded instance: page routes are registered under these only, never under `/api/`. */
export function topLevelNamespaces(data: SandboxData): string[] {
  const names = new Set<string>();
  for (const instance of data.gitlab) {
    for (const project of instance.projects) names.add(project.pathWithNamespace.split('/')[0] ?? '');
    for (const group of instance.groups) names.add(group.fullPath.split('/')[0] ?? '');
  }
  names.delete('');
  names.delete('api');
  return [...names];
}

/**
 * An absolute link on the answering host, as GitLab writes `webUrl`s, keeping the viewer's fixture choices (theme,
 * UI generation) so that following links stays in the same variant.
 */
export function href(scope: PageScope, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, scope.url.origin);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  if (scope.theme === 'dark') url.searchParams.set('theme', 'dark');
  if (scope.ui === 'legacy') url.searchParams.set('ui', 'legacy');
  return url.toString();
}
