import type { GlInstance, Person, Token } from '../../data/model.ts';
import type { RequestContext } from '../../http/router.ts';

export interface Caller {
  readonly token: Token;
  readonly person: Person;
}

/** What the request presented: nothing, or a token string (valid or not). */
export function presentedToken(ctx: RequestContext): string | null {
  const privateToken = ctx.req.headers['private-token'];
  if (typeof privateToken === 'string' && privateToken.trim() !== '') return privateToken.trim();
  const authorization = ctx.req.headers.authorization;
  if (typeof authorization === 'string') {
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (bearer?.[1]) return bearer[1];
  }
  const queryToken = ctx.url.searchParams.get('private_token') ?? ctx.url.searchParams.get('access_token');
  return queryToken && queryToken !== '' ? queryToken : null;
}

/** The caller behind a token the instance issued, or null (GitLab then answers 401). */
export function authenticate(instance: GlInstance, people: readonly Person[], presented: string | null): Caller | null {
  if (presented === null) return null;
  const token = instance.tokens.find((t) => t.value === presented);
  const person = token ? people.find((p) => p.id === token.personId) : undefined;
  return token && person ? { token, person } : null;
}

/** What an endpoint needs of a token's scopes. */
export type Access = 'any' | 'user' | 'read' | 'write';

const ACCEPTED: Record<Access, readonly string[]> = {
  any: [],
  user: ['api', 'read_api', 'read_user'],
  read: ['api', 'read_api'],
  write: ['api'],
};

/** Null when the token may call the endpoint, else the scope list GitLab names in its 403 (`api` for writes). */
export function missingScope(token: Token, access: Access): string | null {
  const accepted = ACCEPTED[access];
  if (accepted.length === 0 || accepted.some((scope) => token.scopes.includes(scope))) return null;
  return accepted.join(' ');
}

/** Stable, readable metadata for `GET /personal_access_tokens/self` (the seed only knows value, person and scopes). */
export function tokenInfo(instance: GlInstance, token: Token, seedNow: number): { id: number; name: string; createdAt: number; expiresAt: number } {
  const index = instance.tokens.indexOf(token);
  const readOnly = !token.scopes.includes('api');
  return {
    id: 9_000 + Math.max(0, index),
    name: readOnly ? 'stint-sandbox-read-only' : `stint-sandbox-${token.personId}`,
    createdAt: seedNow - 30 * 86_400_000,
    expiresAt: seedNow + 335 * 86_400_000,
  };
}
