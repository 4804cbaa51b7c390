import type { RequestContext } from '../../http/router.ts';
import { invalidParameter } from './errors.ts';

type Value = string | string[];

/**
 * Grape-style parameters: the query string merged with a JSON or form body, so `duration=3h` works in either place
 * (gitbeaker sends JSON bodies, curl users send forms). Arrays arrive as `iids[]=1&iids[]=2`, JSON arrays, or, for
 * labels, comma lists.
 */
export class Params {
  private readonly values = new Map<string, Value>();

  constructor(ctx: RequestContext) {
    for (const [key, value] of ctx.url.searchParams) this.put(key, value);
    const body = ctx.body;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const [key, value] of Object.entries(body)) {
        if (Array.isArray(value)) this.values.set(key, value.map(String));
        else if (value !== null && value !== undefined && typeof value !== 'object') this.values.set(key, String(value));
        else if (value === null) this.values.set(key, '');
      }
    } else if (typeof body === 'string' && /x-www-form-urlencoded/.test(String(ctx.req.headers['content-type']))) {
      for (const [key, value] of new URLSearchParams(body)) this.put(key, value);
    }
  }

  private put(key: string, value: string): void {
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2);
      const existing = this.values.get(name);
      this.values.set(name, [...(Array.isArray(existing) ? existing : existing !== undefined ? [existing] : []), value]);
    } else {
      this.values.set(key, value);
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  string(name: string): string | undefined {
    const value = this.values.get(name);
    return Array.isArray(value) ? value.join(',') : value;
  }

  /** Array parameters, also accepting a single value or a comma list. */
  list(name: string): string[] | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    const items = Array.isArray(value) ? value : value.split(',');
    return items.map((v) => v.trim()).filter((v) => v !== '');
  }

  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined || value === '') return undefined;
    if (!/^-?\d+$/.test(value)) throw invalidParameter(`${name} is invalid`);
    return Number(value);
  }

  integers(name: string): number[] | undefined {
    const items = this.list(name);
    if (items === undefined) return undefined;
    if (items.some((v) => !/^\d+$/.test(v))) throw invalidParameter(`${name} is invalid`);
    return items.map(Number);
  }

  /** ISO 8601 times (`updated_after`); a malformed one is Grape's 400 `<name> is invalid`. */
  time(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined || value === '') return undefined;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw invalidParameter(`${name} is invalid`);
    return ms;
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    return value === 'true' || value === '1';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw invalidParameter(`${name} does not have a valid value`);
    return value as T;
  }
}
