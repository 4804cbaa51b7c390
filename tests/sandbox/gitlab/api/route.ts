import { randomBytes } from 'node:crypto';
import type { GlInstance } from '../../data/model.ts';
import { withEtag } from '../../http/conditional.ts';
import type { Handler, Reply, RequestContext } from '../../http/router.ts';
import type { RateWindow, SandboxState } from '../../state.ts';
import { authenticate, missingScope, presentedToken, type Access, type Caller } from './auth.ts';
import { ApiError, insufficientScope, unauthorized } from './errors.ts';
import { Params } from './params.ts';
import { countRequest, gitlabRateKey, isExhausted, rateLimitHeaders, throttledReply } from './rate-limit.ts';
import { instanceFor } from './world.ts';

/** Everything a REST handler needs, resolved once by the wrapper. */
export interface ApiCall {
  readonly ctx: RequestContext;
  readonly state: SandboxState;
  readonly instance: GlInstance;
  readonly caller: Caller;
  readonly params: Params;
}

export type ApiHandler = (call: ApiCall) => Reply;

/** Who a request counts against: the user behind a valid token, else the client address (as Rack::Attack keys it). */
export function rateWindowFor(state: SandboxState, ctx: RequestContext, caller: Caller | null): RateWindow {
  return countRequest(state, gitlabRateKey(ctx.host, caller ? caller.person.id : `ip:${ctx.req.socket.remoteAddress ?? 'unknown'}`));
}

/** Headers every GitLab API response carries, whatever its status. */
export function commonHeaders(window: RateWindow): Record<string, string> {
  return {
    ...rateLimitHeaders(window),
    'cache-control': 'max-age=0, private, must-revalidate',
    vary: 'Accept-Encoding, Origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'x-request-id': randomBytes(13).toString('base64url'),
  };
}

/**
 * Wrap a REST handler the way GitLab's API stack runs it: throttle (429), authenticate (401), check the token's scope
 * (403), run, answer errors thrown as `ApiError`, add a weak ETag to successful GETs (304 on `If-None-Match`).
 */
export function apiRoute(state: SandboxState, access: Access, handler: ApiHandler): Handler {
  return (ctx) => {
    const instance = instanceFor(state, ctx.host);
    if (!instance) return { status: 404, body: { error: '404 Not Found' } };
    const caller = authenticate(instance, state.data.people, presentedToken(ctx));
    const window = rateWindowFor(state, ctx, caller);
    if (isExhausted(window)) return throttledReply(window, state.now());
    const reply = answer(ctx, state, instance, caller, access, handler);
    return { ...reply, headers: { ...commonHeaders(window), ...reply.headers } };
  };
}

function answer(ctx: RequestContext, state: SandboxState, instance: GlInstance, caller: Caller | null, access: Access, handler: ApiHandler): Reply {
  if (!caller) return unauthorized();
  const scope = missingScope(caller.token, access);
  if (scope) return insufficientScope(scope);
  let reply: Reply;
  try {
    reply = handler({ ctx, state, instance, caller, params: new Params(ctx) });
  } catch (error) {
    if (error instanceof ApiError) return error.reply;
    throw error;
  }
  return ctx.method === 'GET' || ctx.method === 'HEAD' ? withEtag(ctx, reply, { vary: caller.person.id }) : reply;
}
