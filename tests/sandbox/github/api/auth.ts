import type { IncomingMessage } from 'node:http';
import type { GhInstance, Person, Token } from '../../data/model.ts';
import { personById } from '../../data/people.ts';

/** Who is calling: GitHub accepts `token X`, `Bearer X` and Basic auth with the token as the password. */
export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'bad' }
  | { readonly kind: 'token'; readonly token: Token; readonly person: Person };

export function identify(req: IncomingMessage, instance: GhInstance): Caller {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || header.trim() === '') return { kind: 'anonymous' };
  const value = tokenValue(header.trim());
  const token = value === null ? undefined : instance.tokens.find((t) => t.value === value);
  return token ? { kind: 'token', token, person: personById(token.personId) } : { kind: 'bad' };
}

function tokenValue(header: string): string | null {
  const bearer = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] ?? null;
  const basic = /^basic\s+(\S+)$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

/** Classic scopes: `repo` covers its sub-scopes (`public_repo`, `repo:status`…). */
export function grants(token: Token, scope: string): boolean {
  return token.scopes.some((s) => s === scope || (s === 'repo' && scope.startsWith('repo:')) || (s === 'repo' && scope === 'public_repo'));
}
