import { createHash } from 'node:crypto';
import type { Reply, RequestContext } from './router.ts';

/**
 * Quoted ETags and `304 Not Modified` on a matching `If-None-Match`, as GitHub and GitLab send them.
 * `vary` folds in what makes the representation differ per caller (GitHub varies on Authorization and Accept).
 */
export function withEtag(ctx: RequestContext, reply: Reply, options: { weak?: boolean; vary?: string } = {}): Reply {
  if (reply.status !== 200 || reply.body === undefined) return reply;
  const hash = createHash('sha1')
    .update(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))
    .update(options.vary ?? '')
    .digest('hex');
  const etag = `${options.weak === false ? '' : 'W/'}"${hash}"`;
  const headers = { ...reply.headers, etag };
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string' && ifNoneMatchHits(ifNoneMatch, etag)) {
    return { status: 304, headers };
  }
  return { ...reply, headers };
}

/** Weak comparison (RFC 9110 §13.1.2): `W/"x"` and `"x"` match; `*` matches anything. */
export function ifNoneMatchHits(header: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(etag));
}
