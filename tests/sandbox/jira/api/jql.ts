import type { JiraIssue } from '../../data/model.ts';
import { JiraError } from './errors.ts';
import { type FieldHandler, type JqlEnv, dateOperand, jqlFields, literal, startOfLocalDay, unknownField, unsupported } from './jql-fields.ts';
import { type JqlExpr, type JqlOperator, type JqlValue, parseJql } from './jql-parse.ts';
import { PRIORITY_ORDER } from './render.ts';

export type { JqlEnv } from './jql-fields.ts';

/** JQL compiled against one site and viewer: a predicate and an order. */
export interface CompiledJql {
  /** False for a query without a search restriction (only ORDER BY, or empty): `/search/jql` refuses those. */
  readonly bounded: boolean;
  readonly matches: (issue: JiraIssue) => boolean;
  readonly compare: (a: JiraIssue, b: JiraIssue) => number;
}

function issueKeyOrder(issue: JiraIssue): [string, number] {
  const dash = issue.key.lastIndexOf('-');
  return [issue.key.slice(0, dash), Number(issue.key.slice(dash + 1))];
}

function compareKeys(a: JiraIssue, b: JiraIssue): number {
  const [pa, na] = issueKeyOrder(a);
  const [pb, nb] = issueKeyOrder(b);
  return pa === pb ? na - nb : pa < pb ? -1 : 1;
}

type Predicate = (issue: JiraIssue) => boolean;

function compileClause(field: string, op: JqlOperator, values: readonly JqlValue[], env: JqlEnv, table: Record<string, FieldHandler>): Predicate {
  const handler = table[field.toLowerCase()];
  if (!handler) throw unknownField(field);
  const isEmpty = (issue: JiraIssue) => (handler.isEmpty ? handler.isEmpty(issue) : handler.values(issue, env).length === 0);
  if (op === 'is' || op === 'is not') {
    if (values[0]?.kind !== 'empty') throw new JiraError(400, [`The operator '${op}' only supports 'EMPTY' or 'NULL' as a value for the field '${handler.name}'.`]);
    return op === 'is' ? isEmpty : (issue) => !isEmpty(issue);
  }
  if (handler.kind === 'text') {
    if (op !== '~' && op !== '!~') throw unsupported(op, handler.name);
    const needle = literal(values[0] ?? { kind: 'empty' }, handler.name).toLowerCase();
    const contains = (issue: JiraIssue) => handler.values(issue, env).some((v) => String(v).toLowerCase().includes(needle));
    return op === '~' ? contains : (issue) => !contains(issue);
  }
  if (handler.kind === 'set') {
    if (!['=', '!=', 'in', 'not in'].includes(op)) throw unsupported(op, handler.name);
    const wanted = new Set(values.flatMap((v) => handler.operand?.(v, env) ?? []));
    const hit = (issue: JiraIssue) => handler.values(issue, env).some((v) => wanted.has(String(v)));
    // Jira's negations never match an empty field: `assignee != x` leaves out unassigned issues.
    return op === '=' || op === 'in' ? hit : (issue) => !isEmpty(issue) && !hit(issue);
  }
  if (op === '~' || op === '!~') throw unsupported(op, handler.name);
  const day = handler.kind === 'day';
  const operands = values.map((v) => {
    const at = dateOperand(v, handler.name, env);
    return day ? startOfLocalDay(at, env.viewer.timeZone) : at;
  });
  const test: Record<string, (a: number, b: number) => boolean> = {
    '=': (a, b) => a === b, in: (a, b) => a === b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '<': (a, b) => a < b, '<=': (a, b) => a <= b,
  };
  if (op === '!=' || op === 'not in') return (issue) => !isEmpty(issue) && !handler.values(issue, env).some((v) => operands.includes(Number(v)));
  const cmp = test[op];
  if (!cmp) throw unsupported(op, handler.name);
  return (issue) => handler.values(issue, env).some((v) => operands.some((o) => cmp(Number(v), o)));
}

function compileExpr(expr: JqlExpr, env: JqlEnv, table: Record<string, FieldHandler>): Predicate {
  switch (expr.kind) {
    case 'and': {
      const [l, r] = [compileExpr(expr.left, env, table), compileExpr(expr.right, env, table)];
      return (i) => l(i) && r(i);
    }
    case 'or': {
      const [l, r] = [compileExpr(expr.left, env, table), compileExpr(expr.right, env, table)];
      return (i) => l(i) || r(i);
    }
    case 'not': {
      const inner = compileExpr(expr.inner, env, table);
      return (i) => !inner(i);
    }
    case 'clause':
      return compileClause(expr.field, expr.op, expr.values, env, table);
  }
}

type SortKey = (issue: JiraIssue) => string | number | null;

const SORT_KEYS: Record<string, SortKey> = {
  created: (i) => i.created,
  updated: (i) => i.updated,
  resolved: (i) => i.resolutionDate,
  resolutiondate: (i) => i.resolutionDate,
  duedate: (i) => i.dueDate,
  due: (i) => i.dueDate,
  priority: (i) => PRIORITY_ORDER.length - PRIORITY_ORDER.indexOf(i.priority),
  summary: (i) => i.summary.toLowerCase(),
  status: (i) => i.status.name,
};

const KEY_FIELDS = new Set(['key', 'issuekey', 'id', 'rank']);

function compileOrder(orderBy: readonly { field: string; direction: 'ASC' | 'DESC' | null }[]): (a: JiraIssue, b: JiraIssue) => number {
  const order = orderBy.length > 0 ? orderBy : [{ field: 'key', direction: 'DESC' as const }];
  const comparators = order.map(({ field, direction }) => {
    const sign = direction === 'DESC' ? -1 : 1;
    if (KEY_FIELDS.has(field.toLowerCase())) return (a: JiraIssue, b: JiraIssue) => sign * compareKeys(a, b);
    const key = SORT_KEYS[field.toLowerCase()];
    if (!key) throw unknownField(field);
    return (a: JiraIssue, b: JiraIssue) => {
      const [x, y] = [key(a), key(b)];
      if (x === y) return 0;
      // Empty values sort last whichever the direction, as in Jira.
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x < y ? -1 : 1);
    };
  });
  return (a, b) => {
    for (const c of comparators) {
      const r = c(a, b);
      if (r !== 0) return r;
    }
    return -compareKeys(a, b);
  };
}

/** Parse and resolve a JQL query once (unknown fields, values and functions fail here with Jira's 400). */
export function compileJql(jql: string, env: JqlEnv): CompiledJql {
  const query = parseJql(jql);
  const table = jqlFields(env.site);
  const matches = query.where ? compileExpr(query.where, env, table) : () => true;
  return { bounded: query.where !== null, matches, compare: compileOrder(query.orderBy) };
}

/** The issues a query finds, in its order. */
export function runJql(jql: string, env: JqlEnv): { issues: JiraIssue[]; bounded: boolean } {
  const compiled = compileJql(jql, env);
  return { issues: env.site.issues.filter(compiled.matches).sort(compiled.compare), bounded: compiled.bounded };
}
