import type { Reply } from '../../http/router.ts';
import { invalidRequest, problemsParsingJson } from './errors.ts';
import type { GhRequest } from './pipeline.ts';

/** Request-body checks in GitHub's words: 400 for unparsable JSON, 422 "Invalid request" for wrong types. */

export type JsonType = 'string' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

export type BodyResult = { readonly ok: true; readonly fields: Record<string, unknown> } | { readonly ok: false; readonly reply: Reply };

export function jsonObject(gh: GhRequest): BodyResult {
  const { body, rawBody } = gh.ctx;
  if (rawBody.trim() === '') return { ok: true, fields: {} };
  if (typeof body === 'string' && !isJson(rawBody)) return { ok: false, reply: problemsParsingJson(gh.docs) };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, reply: invalidRequest(gh.docs, `${JSON.stringify(body)} is not an object.`) };
  }
  return { ok: true, fields: body as Record<string, unknown> };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return 'integer';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonType;
  return 'object';
}

/** Null when `fields[field]` is absent or one of `allowed`; otherwise GitHub's schema-validation 422. */
export function typeProblem(gh: GhRequest, fields: Record<string, unknown>, field: string, allowed: readonly JsonType[]): Reply | null {
  if (!(field in fields)) return null;
  const value = fields[field];
  const type = typeOf(value);
  if (allowed.includes(type) && (type !== 'integer' || Number.isInteger(value))) return null;
  const names = allowed.map((t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`));
  return invalidRequest(gh.docs, `For 'properties/${field}', ${JSON.stringify(value)} is not ${names.join(' or ')}.`);
}

/** The first type problem among several fields. */
export function typeProblems(gh: GhRequest, fields: Record<string, unknown>, rules: Record<string, readonly JsonType[]>): Reply | null {
  for (const [field, allowed] of Object.entries(rules)) {
    const problem = typeProblem(gh, fields, field, allowed);
    if (problem) return problem;
  }
  return null;
}

/** String arrays (labels, assignees); GitHub also takes label objects `{ name }`. */
export function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v === 'string') return [v];
    if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return [(v as { name: string }).name];
    return [];
  });
}
