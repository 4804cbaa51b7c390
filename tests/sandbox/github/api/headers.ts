import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../http/router.ts';

/** Headers GitHub sends on every API response that clients read. */

export const API_VERSION = '2022-11-28';
/** What the GitHub Enterprise stand-in reports as its version (header and `GET /meta`). */
export const GHE_VERSION = '3.15.2';

/** `0685:5DDC:10B68F9:25FA1BE:62D6354D`: GitHub's request id shape. */
export function requestId(): string {
  const hex = randomBytes(16).toString('hex').toUpperCase();
  return [hex.slice(0, 4), hex.slice(4, 8), hex.slice(8, 15), hex.slice(15, 22), hex.slice(22, 30)].join(':');
}

/** `x-github-media-type` as GitHub echoes the requested media type (`application/vnd.github.v3.raw+json` → `github.v3; param=raw; format=json`). */
export function mediaType(ctx: RequestContext): string {
  const accept = ctx.req.headers.accept ?? '';
  const m = /application\/vnd\.github(?:\.(v3|[a-z][\w-]*-preview))?(?:\.(raw|text|html|full|diff|patch|base64))?(?:\+(json))?/i.exec(accept);
  if (!m) return 'github.v3; format=json';
  const version = m[1] && m[1] !== 'v3' ? `github.${m[1]}` : 'github.v3';
  return [version, ...(m[2] ? [`param=${m[2]}`] : []), `format=${m[3] ?? 'json'}`].join('; ');
}

export function baseHeaders(enterprise: boolean, media: string, id = requestId()): Record<string, string> {
  return {
    'x-github-request-id': id,
    'x-github-media-type': media,
    'x-github-api-version-selected': API_VERSION,
    ...(enterprise ? { 'x-github-enterprise-version': GHE_VERSION } : {}),
  };
}
