import { linkHeader, pageParams, paginate } from '../../http/pagination.ts';
import type { GhReply, GhRequest } from './pipeline.ts';

/** One page of a list with GitHub's `Link` header (default 30 a page, at most 100); only that page is rendered. */
export function pagedReply<T>(gh: GhRequest, items: readonly T[], render: (item: T) => unknown, base: URL = gh.ctx.url): GhReply {
  const { page, perPage } = pageParams(gh.ctx);
  const current = paginate(items, page, perPage);
  const link = linkHeader(gh.ctx, current, base);
  return { status: 200, headers: link ? { link } : {}, body: current.items.map(render) };
}
