import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Handler, Reply, RequestContext } from '../../../http/router.ts';
import type { SandboxState } from '../../../state.ts';
import { authenticate, presentedToken } from '../auth.ts';
import { isExhausted, throttledReply } from '../rate-limit.ts';
import { commonHeaders, rateWindowFor } from '../route.ts';
import { instanceFor } from '../world.ts';
import type { GqlContext } from './context.ts';
import { rootValue } from './root.ts';
import { gitlabSchema } from './schema.ts';

/** GitLab refuses queries longer than this before parsing them. */
const MAX_QUERY_SIZE = 10_000;

interface GraphqlRequest {
  readonly query: string;
  readonly variables: Record<string, unknown> | undefined;
  readonly operationName: string | undefined;
}

/**
 * `POST /api/graphql` (and GET for queries) like GitLab's GraphqlController: anonymous callers may query public data,
 * a bad token is a 401 `Invalid token`, oversized queries and GET mutations are 422s, and everything else — syntax,
 * validation and resolver errors — is a 200 with `{"errors":[…]}` next to whatever data resolved.
 */
export function graphqlHandler(state: SandboxState): Handler {
  return async (ctx) => {
    const instance = instanceFor(state, ctx.host);
    if (!instance) return { status: 404, body: { errors: [{ message: 'Not found!' }] } };
    const presented = presentedToken(ctx);
    const caller = authenticate(instance, state.data.people, presented);
    const window = rateWindowFor(state, ctx, caller);
    if (isExhausted(window)) return throttledReply(window, state.now());
    const headers = commonHeaders(window);
    if (presented !== null && !caller) return { status: 401, headers, body: errorBody('Invalid token') };

    const requests = readRequests(ctx);
    if (!requests) return { status: 422, headers, body: errorBody('Unexpected end of document') };
    if (requests.reduce((size, r) => size + r.query.length, 0) > MAX_QUERY_SIZE) return { status: 422, headers, body: errorBody('Query too large') };
    const context: GqlContext = { state, instance, caller };
    const results: Reply['body'][] = [];
    for (const request of requests) {
      const outcome = await run(ctx, request, context);
      if ('status' in outcome) return { ...outcome, headers: { ...headers, ...outcome.headers } };
      results.push(outcome.result);
    }
    return { status: 200, headers, body: Array.isArray(ctx.body) ? results : results[0] };
  };
}

function errorBody(message: string): { errors: { message: string }[] } {
  return { errors: [{ message }] };
}

/** One query, or Apollo-style batching: a JSON array of queries. */
function readRequests(ctx: RequestContext): GraphqlRequest[] | null {
  if (ctx.method === 'GET') {
    const variables = ctx.url.searchParams.get('variables');
    return [toRequest({ query: ctx.url.searchParams.get('query'), variables: variables ? safeJson(variables) : undefined, operationName: ctx.url.searchParams.get('operationName') })];
  }
  const items = Array.isArray(ctx.body) ? ctx.body : [ctx.body];
  return items.every((item) => item && typeof item === 'object') ? items.map((item) => toRequest(item as Record<string, unknown>)) : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toRequest(raw: Record<string, unknown>): GraphqlRequest {
  const variables = typeof raw.variables === 'string' ? safeJson(raw.variables) : raw.variables;
  return {
    query: typeof raw.query === 'string' ? raw.query : '',
    variables: variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : undefined,
    operationName: typeof raw.operationName === 'string' && raw.operationName !== '' ? raw.operationName : undefined,
  };
}

async function run(ctx: RequestContext, request: GraphqlRequest, context: GqlContext): Promise<{ result: ExecutionResult } | Reply> {
  if (request.query.trim() === '') return { result: { errors: [new GraphQLError('No query string was present')] } };
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError) return { result: { errors: [error] } };
    throw error;
  }
  const schema = gitlabSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { result: { errors: invalid.map(gitlabStyle) } };
  const isMutation = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation' && (!request.operationName || d.name?.value === request.operationName));
  if (isMutation && ctx.method === 'GET') return { status: 422, body: errorBody('Mutations are forbidden in GET requests') };
  const result = await execute({ schema, document, rootValue: rootValue(), contextValue: context, variableValues: request.variables, operationName: request.operationName });
  return { result };
}

/** graphql-ruby's wording for the most common mistake, a field the type does not have, with GitLab's extensions. */
function gitlabStyle(error: GraphQLError): GraphQLError {
  const unknown = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(error.message);
  if (!unknown) return error;
  const [, field = '', type = ''] = unknown;
  return new GraphQLError(`Field '${field}' doesn't exist on type '${type}'`, {
    nodes: error.nodes,
    extensions: { code: 'undefinedField', typeName: type, fieldName: field },
  });
}
