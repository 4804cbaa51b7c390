import type { IncomingMessage } from 'node:http';
import type { JiraSite, Person } from '../../data/model.ts';

export type AuthResult =
  | { readonly kind: 'person'; readonly person: Person }
  /** No credentials at all. */
  | { readonly kind: 'anonymous' }
  /** Credentials were sent and refused. */
  | { readonly kind: 'refused' };

/**
 * Cloud takes Basic `email:apiToken` (the token belongs to that person); Data Center takes a personal access token as
 * `Authorization: Bearer`. Anything else is refused the way that deployment refuses it.
 */
export function authenticate(req: IncomingMessage, site: JiraSite, people: readonly Person[]): AuthResult {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || header.trim() === '') return { kind: 'anonymous' };
  const [scheme = '', credential = ''] = header.trim().split(/\s+/, 2);
  const person = site.deployment === 'Cloud' ? basicPerson(scheme, credential, site, people) : bearerPerson(scheme, credential, site, people);
  return person ? { kind: 'person', person } : { kind: 'refused' };
}

function basicPerson(scheme: string, credential: string, site: JiraSite, people: readonly Person[]): Person | null {
  if (scheme.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const email = decoded.slice(0, colon).toLowerCase();
  const secret = decoded.slice(colon + 1);
  const person = people.find((p) => p.email.toLowerCase() === email);
  if (!person) return null;
  return site.tokens.some((t) => t.personId === person.id && t.value === secret) ? person : null;
}

function bearerPerson(scheme: string, credential: string, site: JiraSite, people: readonly Person[]): Person | null {
  if (scheme.toLowerCase() !== 'bearer') return null;
  const token = site.tokens.find((t) => t.value === credential);
  return token ? (people.find((p) => p.id === token.personId) ?? null) : null;
}
