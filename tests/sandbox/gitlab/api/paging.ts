import { paginate, type Page } from '../../http/pagination.ts';
import type { Reply } from '../../http/router.ts';
import type { ApiCall } from './route.ts';

/** Above this many records GitLab stops counting: no `x-total` / `x-total-pages`, and no `last` link. */
const COUNT_LIMIT = 10_000;

/** GitLab's offset paging: `page` from 1, `per_page` 20 by default and at most 100. */
export function gitlabPage<T>(call: ApiCall, items: readonly T[]): Page<T> {
  const page = positive(call.params.string('page')) ?? 1;
  const perPage = Math.min(100, positive(call.params.string('per_page')) ?? 20);
  return paginate(items, page, perPage);
}

function positive(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** A 200 with one page of rendered items and GitLab's `x-*` paging headers and `Link` (prev, next, first, last). */
export function pagedReply<T>(call: ApiCall, items: readonly T[], render: (item: T) => unknown): Reply {
  const page = gitlabPage(call, items);
  const counted = page.total <= COUNT_LIMIT;
  const at = (n: number) => {
    const url = new URL(call.ctx.url);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(page.perPage));
    return url.toString();
  };
  const hasNext = page.page < page.totalPages;
  const links = [
    ...(page.page > 1 ? [`<${at(page.page - 1)}>; rel="prev"`] : []),
    ...(hasNext ? [`<${at(page.page + 1)}>; rel="next"`] : []),
    `<${at(1)}>; rel="first"`,
    ...(counted ? [`<${at(page.totalPages)}>; rel="last"`] : []),
  ];
  const headers: Record<string, string> = {
    'x-page': String(page.page),
    'x-per-page': String(page.perPage),
    'x-next-page': hasNext ? String(page.page + 1) : '',
    'x-prev-page': page.page > 1 ? String(page.page - 1) : '',
    link: links.join(', '),
  };
  if (counted) {
    headers['x-total'] = String(page.total);
    headers['x-total-pages'] = String(page.totalPages);
  }
  return { status: 200, headers, body: page.items.map(render) };
}
