import type { RequestContext } from './router.ts';

/** One page of a list, 1-based, with the numbers every provider's paging headers are made from. */
export interface Page<T> {
  readonly items: T[];
  readonly page: number;
  readonly perPage: number;
  readonly total: number;
  readonly totalPages: number;
}

export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  const size = Math.max(1, perPage);
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.max(1, page);
  return { items: items.slice((current - 1) * size, current * size), page: current, perPage: size, total: items.length, totalPages };
}

/** Read `page` / `per_page` the way GitHub and GitLab do: defaults 1 / `fallback`, capped at 100. */
export function pageParams(ctx: RequestContext, fallback = 30): { page: number; perPage: number } {
  const page = Number.parseInt(ctx.url.searchParams.get('page') ?? '1', 10);
  const perPage = Number.parseInt(ctx.url.searchParams.get('per_page') ?? String(fallback), 10);
  return {
    page: Number.isFinite(page) && page > 0 ? page : 1,
    perPage: Math.min(100, Number.isFinite(perPage) && perPage > 0 ? perPage : fallback),
  };
}

/** RFC 8288 `Link` header with `next`, `last`, `first`, `prev` as GitHub and GitLab send them. */
export function linkHeader(ctx: RequestContext, page: Page<unknown>, base: URL = ctx.url): string | undefined {
  const at = (n: number) => {
    const url = new URL(base);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(page.perPage));
    return url.toString();
  };
  const links: string[] = [];
  if (page.page > 1) links.push(`<${at(page.page - 1)}>; rel="prev"`);
  if (page.page < page.totalPages) links.push(`<${at(page.page + 1)}>; rel="next"`, `<${at(page.totalPages)}>; rel="last"`);
  if (page.page > 1) links.push(`<${at(1)}>; rel="first"`);
  return links.length > 0 ? links.join(', ') : undefined;
}
