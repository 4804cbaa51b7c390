import { GraphQLError } from 'graphql';

/** GitLab global ids: `gid://gitlab/Issue/123`. */
export function gid(type: string, id: number | string): string {
  return `gid://gitlab/${type}/${id}`;
}

/**
 * The model type and numeric id inside a global id, checked against the types the argument accepts, with the
 * messages GitLab's `GlobalIDType` coercion gives.
 */
export function parseGid(value: unknown, accepted: readonly string[], argumentType: string): { type: string; id: number } {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const match = /^gid:\/\/gitlab\/([A-Za-z:]+)\/(\d+)$/.exec(text);
  if (!match) throw new GraphQLError(`${JSON.stringify(text)} is not a valid Global ID`);
  const [, type = '', id = '0'] = match;
  if (!accepted.includes(type)) throw new GraphQLError(`${JSON.stringify(text)} does not represent an instance of ${argumentType}`);
  return { type, id: Number(id) };
}

/** GraphQL `Time`: ISO 8601 to the second, in UTC, as GitLab.com renders it. */
export function gqlTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A `YYYY-MM-DD` date as a `Time` (midnight UTC). */
export function gqlDate(day: string | null): string | null {
  return day === null ? null : `${day}T00:00:00Z`;
}

/** Parse a `Time` argument; date-only values mean midnight UTC. */
export function parseTime(value: unknown, argument: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new GraphQLError(`${argument}: ${JSON.stringify(value)} is not a valid ISO 8601 time`);
  return ms;
}
