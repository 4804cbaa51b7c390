import { JiraError } from './errors.ts';

/** A parsed JQL query: an optional condition and an optional ORDER BY. */
export interface JqlQuery {
  readonly where: JqlExpr | null;
  readonly orderBy: readonly { readonly field: string; readonly direction: 'ASC' | 'DESC' | null }[];
}

export type JqlExpr =
  | { readonly kind: 'and' | 'or'; readonly left: JqlExpr; readonly right: JqlExpr }
  | { readonly kind: 'not'; readonly inner: JqlExpr }
  | { readonly kind: 'clause'; readonly field: string; readonly op: JqlOperator; readonly values: readonly JqlValue[] };

export type JqlOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type JqlValue =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly string[] }
  | { readonly kind: 'empty' };

interface Token {
  readonly kind: 'word' | 'string' | 'op' | 'punct' | 'end';
  readonly text: string;
  /** 1-based character, as Jira reports it. */
  readonly at: number;
}

const SYMBOL_OPS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const at = i + 1;
    if ('(),'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, at });
      i++;
      continue;
    }
    const op = SYMBOL_OPS.find((o) => jql.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, at });
      i += op.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let text = '';
      let j = i + 1;
      for (; j < jql.length && jql[j] !== ch; j++) text += jql[j] === '\\' ? (jql[++j] ?? '') : jql[j];
      if (j >= jql.length) throw syntax(`The quoted string '${jql.slice(i)}' has not been completed`, at);
      tokens.push({ kind: 'string', text, at });
      i = j + 1;
      continue;
    }
    const word = /^[^\s(),=!<>~"']+/.exec(jql.slice(i))?.[0] ?? '';
    if (word === '') throw syntax(`The character '${ch}' is a reserved JQL character`, at);
    tokens.push({ kind: 'word', text: word, at });
    i += word.length;
  }
  tokens.push({ kind: 'end', text: '', at: jql.length + 1 });
  return tokens;
}

function syntax(message: string, at: number): JiraError {
  return new JiraError(400, [`Error in the JQL Query: ${message}. (line 1, character ${at})`]);
}

/** Parse the subset of JQL the sandbox understands (AND / OR / NOT, parentheses, the usual operators, functions). */
export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  let pos = 0;
  const peek = (): Token => tokens[pos] ?? { kind: 'end', text: '', at: jql.length + 1 };
  const next = (): Token => tokens[pos++] ?? peek();
  const isWord = (t: Token, word: string) => t.kind === 'word' && t.text.toLowerCase() === word;
  const expect = (predicate: boolean, what: string) => {
    if (!predicate) {
      const t = peek();
      throw syntax(`Expecting ${what} but got ${t.kind === 'end' ? 'the end of the query' : `'${t.text}'`}`, t.at);
    }
  };

  const value = (): JqlValue => {
    const t = next();
    if (t.kind === 'string') return { kind: 'literal', text: t.text };
    if (t.kind !== 'word') throw syntax(`Expecting either a value, list or function but got '${t.text}'`, t.at);
    if (isWord(t, 'empty') || isWord(t, 'null')) return { kind: 'empty' };
    if (peek().text === '(' && peek().kind === 'punct') {
      next();
      const args: string[] = [];
      while (!(peek().kind === 'punct' && peek().text === ')')) {
        const arg = next();
        if (arg.kind !== 'word' && arg.kind !== 'string') throw syntax(`Expecting a function argument but got '${arg.text}'`, arg.at);
        args.push(arg.text);
        if (peek().text === ',') next();
      }
      next();
      return { kind: 'function', name: t.text, args };
    }
    return { kind: 'literal', text: t.text };
  };

  const clause = (): JqlExpr => {
    const field = next();
    if (field.kind !== 'word' && field.kind !== 'string') throw syntax(`Expecting a field name but got '${field.text}'`, field.at);
    let op: JqlOperator;
    const t = next();
    if (t.kind === 'op') op = t.text as JqlOperator;
    else if (isWord(t, 'in')) op = 'in';
    else if (isWord(t, 'is')) op = isWord(peek(), 'not') ? (next(), 'is not') : 'is';
    else if (isWord(t, 'not') && isWord(peek(), 'in')) op = (next(), 'not in');
    else throw syntax(`Expecting operator but got '${t.text}'. Valid operators are: '=', '!=', '~', '!~', '>', '>=', '<', '<=', 'in', 'not in', 'is', 'is not'`, t.at);
    if (op === 'in' || op === 'not in') {
      if (peek().kind === 'word' && peek().text !== '(') return { kind: 'clause', field: field.text, op, values: [value()] };
      expect(peek().text === '(', "'('");
      next();
      const values: JqlValue[] = [value()];
      while (peek().text === ',') {
        next();
        values.push(value());
      }
      expect(peek().text === ')', "')'");
      next();
      return { kind: 'clause', field: field.text, op, values };
    }
    return { kind: 'clause', field: field.text, op, values: [value()] };
  };

  const primary = (): JqlExpr => {
    if (isWord(peek(), 'not')) {
      next();
      return { kind: 'not', inner: primary() };
    }
    if (peek().kind === 'punct' && peek().text === '(') {
      next();
      const inner = or();
      expect(peek().text === ')', "')'");
      next();
      return inner;
    }
    return clause();
  };
  const and = (): JqlExpr => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): JqlExpr => {
    let left = and();
    while (isWord(peek(), 'or')) {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  const where = peek().kind === 'end' || isWord(peek(), 'order') ? null : or();
  const orderBy: { field: string; direction: 'ASC' | 'DESC' | null }[] = [];
  if (isWord(peek(), 'order')) {
    next();
    expect(isWord(peek(), 'by'), "'by'");
    next();
    do {
      if (peek().text === ',') next();
      expect(peek().kind === 'word' || peek().kind === 'string', 'a field name');
      const field = next();
      const dir = isWord(peek(), 'asc') || isWord(peek(), 'desc') ? (next().text.toUpperCase() as 'ASC' | 'DESC') : null;
      orderBy.push({ field: field.text, direction: dir });
    } while (peek().text === ',');
  }
  expect(peek().kind === 'end', "either 'OR' or 'AND'");
  return { where, orderBy };
}
