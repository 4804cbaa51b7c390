import { GraphQLError } from 'graphql';
import { compareKeys, type Direction, type SortKey } from '../sorting.ts';

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly last?: number | null;
  readonly after?: string | null;
  readonly before?: string | null;
}

/** GitLab's `max_page_size`: also what a connection returns when neither `first` nor `last` is given. */
const MAX_PAGE_SIZE = 100;

export interface Connection<N> {
  readonly count: number;
  readonly nodes: N[];
  readonly edges: { cursor: string; node: N }[];
  readonly pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

/** Keyset cursors like GitLab's: base64 JSON of the sort key and id, so inserts and deletes never shift a page. */
function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ sort_key: key[0], id: String(key[1]) })).toString('base64');
}

function decodeCursor(cursor: string | null | undefined): SortKey | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'id' in parsed && 'sort_key' in parsed) {
      const { id, sort_key: sortKey } = parsed;
      if (typeof id === 'string' && /^\d+$/.test(id) && (sortKey === null || typeof sortKey === 'string' || typeof sortKey === 'number')) return [sortKey, Number(id)];
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('Please provide a valid cursor');
}

function limit(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0) throw new GraphQLError(`Argument '${name}' must be a non-negative integer`);
  return Math.min(value, MAX_PAGE_SIZE);
}

/** One page of `items` in `keyOf` order, Relay style, mapping only the page's items to nodes. */
export function connection<T, N>(items: readonly T[], keyOf: (item: T) => SortKey, direction: Direction, args: ConnectionArgs, toNode: (item: T) => N): Connection<N> {
  const sorted = [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b), direction));
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  const start = after ? sorted.findIndex((i) => compareKeys(keyOf(i), after, direction) > 0) : 0;
  const endIndex = before ? sorted.findIndex((i) => compareKeys(keyOf(i), before, direction) >= 0) : -1;
  const from = start < 0 ? sorted.length : start;
  const to = endIndex < 0 ? sorted.length : endIndex;
  const window = sorted.slice(from, Math.max(from, to));
  const first = limit(args.first, 'first');
  const last = limit(args.last, 'last');
  let page: T[];
  let hasNextPage: boolean;
  let hasPreviousPage: boolean;
  if (last !== undefined && first === undefined) {
    page = window.slice(Math.max(0, window.length - last));
    hasPreviousPage = window.length > last;
    hasNextPage = to < sorted.length;
  } else {
    const size = first ?? MAX_PAGE_SIZE;
    page = window.slice(0, size);
    hasNextPage = window.length > size;
    hasPreviousPage = from > 0;
  }
  const edges = page.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    count: items.length,
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasNextPage,
      hasPreviousPage,
    },
  };
}
