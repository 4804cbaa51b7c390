/**
 * One sort order: a primary key (null = "has none", always last, as GitLab puts undated items last) and the record
 * id as tie-breaker, both in the same direction. REST lists and GraphQL keyset cursors share it, so pages never
 * overlap or skip.
 */
export type SortKey = readonly [string | number | null, number];

export type Direction = 1 | -1;

export function compareKeys(a: SortKey, b: SortKey, direction: Direction): number {
  const [ka, ia] = a;
  const [kb, ib] = b;
  if (ka === null || kb === null) {
    if (ka === kb) return direction * (ia - ib);
    return ka === null ? 1 : -1;
  }
  if (ka < kb) return -direction;
  if (ka > kb) return direction;
  return direction * (ia - ib);
}
