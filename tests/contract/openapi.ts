import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Checks JSON bodies against an official OpenAPI 3.0 description: finds the operation for a method + concrete path,
 * takes the response schema for the status, and validates with ajv. OpenAPI 3.0's `nullable: true` is rewritten into
 * a JSON Schema type union first (ajv does not know it).
 */

export type ContractResult =
  | { readonly verdict: 'valid'; readonly operation: string }
  | { readonly verdict: 'invalid'; readonly operation: string; readonly errors: string[] }
  /** The spec describes no such operation or no JSON body for that status (nothing to check against). */
  | { readonly verdict: 'undescribed'; readonly operation: string | null };

export interface ContractChecker {
  check(method: string, path: string, status: number, body: unknown): ContractResult;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface JsonObject {
  [key: string]: Json;
}

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly literalSegments: number;
  readonly responses: JsonObject;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SPEC_ID = 'spec.json';

export function loadContract(specPath: string): ContractChecker {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as JsonObject;
  const converted = convertNullable(spec) as JsonObject;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // Integer / number widths and other OpenAPI-only formats: the type already says enough.
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'uuid-or-empty']) ajv.addFormat(format, true);
  ajv.addSchema({ ...converted, $id: SPEC_ID });
  const operations = collectOperations(converted);
  const compiled = new Map<string, ValidateFunction>();

  const schemaPointer = (operation: Operation, status: number): string | null => {
    const responses = operation.responses;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) return null;
    let response = responses[key] as JsonObject;
    let pointer = `#/paths/${escapePointer(operation.template)}/${operation.method}/responses/${key}`;
    const ref = response.$ref;
    if (typeof ref === 'string') {
      pointer = ref;
      response = resolve(converted, ref) as JsonObject;
    }
    const content = response.content as JsonObject | undefined;
    if (!content) return null;
    const mediaType = Object.keys(content).find((m) => m.includes('json'));
    if (!mediaType) return null;
    return `${pointer}/content/${escapePointer(mediaType)}/schema`;
  };

  return {
    check(method, path, status, body) {
      const operation = findOperation(operations, method.toLowerCase(), path);
      if (!operation) return { verdict: 'undescribed', operation: null };
      const name = `${operation.method.toUpperCase()} ${operation.template} ${status}`;
      const pointer = schemaPointer(operation, status);
      if (!pointer) return { verdict: 'undescribed', operation: name };
      let validate = compiled.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
        compiled.set(pointer, validate);
      }
      if (validate(body)) return { verdict: 'valid', operation: name };
      return { verdict: 'invalid', operation: name, errors: (validate.errors ?? []).slice(0, 10).map(describe) };
    },
  };
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
}

function collectOperations(spec: JsonObject): Operation[] {
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as JsonObject)) {
    const segments = template.split('/');
    const pattern = new RegExp(`^${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`);
    const literalSegments = segments.filter((s) => s && !s.startsWith('{')).length;
    for (const [method, op] of Object.entries(item as JsonObject)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      out.push({ method, template, pattern, literalSegments, responses: (op as JsonObject).responses as JsonObject });
    }
  }
  return out;
}

/** The operation whose template matches; with several, the one with most literal segments (`/issues/comments/{id}` over `/issues/{n}`). */
function findOperation(operations: Operation[], method: string, path: string): Operation | null {
  let best: Operation | null = null;
  for (const op of operations) {
    if (op.method !== method || !op.pattern.test(path)) continue;
    if (!best || op.literalSegments > best.literalSegments) best = op;
  }
  return best;
}

function resolve(root: JsonObject, ref: string): Json {
  let node: Json = root;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    node = (node as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')] ?? null;
  }
  return node;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Rewrite OpenAPI 3.0 `nullable: true` into JSON Schema: `type: [t, 'null']`, or `anyOf` with null around a `$ref`. */
export function convertNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(convertNullable);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'example' || key === 'examples' ? value : convertNullable(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}
