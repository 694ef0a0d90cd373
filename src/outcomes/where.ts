/**
 * The subgroup filter language of `earlyhelp compare --where`.
 *
 * ```
 * where      := condition ( "and" condition )*
 * condition  := field operator value         age >= 12    service = "Children's Centre"
 *             | field number "-" number      age 10-15    (both ends included)
 *             | field value                  age 12       cluster D   (same as "=")
 * operator   := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
 * field      := a name: letters, digits and "_", starting with a letter (case-insensitive)
 * value      := a number (12, 2.5), a word (D, female, step_up_cin),
 *               or a quoted text ("Children's Centre", 'White British')
 * ```
 *
 * `and` is the only connective (any case); there is no `or`, `not` or brackets. Which
 * fields exist, their types and levels (child or family) is decided when the expression is
 * applied to a cohort (`subgroupMembership`), not here.
 */

export const WHERE_OPERATORS = ['=', '!=', '<', '<=', '>', '>='] as const;
export type WhereOperator = (typeof WHERE_OPERATORS)[number];

/** `field op value`. */
export interface WhereComparison {
  kind: 'compare';
  field: string;
  op: WhereOperator;
  value: string | number;
  /** The value as written (quotes removed): what a text field is compared with. */
  raw: string;
  /** 1-based character position of the field in the text. */
  position: number;
}

/** `field a-b`: a <= field <= b. */
export interface WhereRange {
  kind: 'range';
  field: string;
  min: number;
  max: number;
  position: number;
}

export type WhereCondition = WhereComparison | WhereRange;

/** Conditions joined by `and`. */
export interface WhereExpr {
  kind: 'and';
  conditions: WhereCondition[];
  text: string;
}

type TokenKind = 'word' | 'number' | 'string' | 'op' | 'dash';
interface Token {
  kind: TokenKind;
  text: string;
  value: string | number;
  position: number;
}

function rawOf(t: Token): string {
  return t.kind === 'string' ? (t.value as string) : t.text;
}

function fail(text: string, position: number, message: string): never {
  throw new Error(`parseWhere: ${message} at position ${position} of "${text}"`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const pos = i + 1;
    if (ch === '"' || ch === "'" || ch === '“' || ch === '‘') {
      const close = ch === '“' ? '”' : ch === '‘' ? '’' : ch;
      const end = text.indexOf(close, i + 1);
      if (end < 0) fail(text, pos, `unterminated quoted text (no closing ${close})`);
      const v = text.slice(i + 1, end);
      tokens.push({ kind: 'string', text: text.slice(i, end + 1), value: v, position: pos });
      i = end + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?(?![A-Za-z_])/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: 'number', text: num[0], value: Number(num[0]), position: pos });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*|^\d[A-Za-z0-9_.]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], value: word[0], position: pos });
      i += word[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|=|<|>)/.exec(text.slice(i));
    if (op) {
      const o = op[0] === '==' ? '=' : op[0];
      tokens.push({ kind: 'op', text: op[0], value: o, position: pos });
      i += op[0].length;
      continue;
    }
    if (ch === '-' || ch === '–') {
      tokens.push({ kind: 'dash', text: ch, value: '-', position: pos });
      i++;
      continue;
    }
    fail(text, pos, `unexpected character ${JSON.stringify(ch)}`);
  }
  return tokens;
}

/**
 * Parses a subgroup filter (the grammar is in this file's header), e.g. `age 10-15`,
 * `age >= 12 and service = "Children's Centre"`, `cluster = D`, `imd_decile <= 3`.
 * Field names are lower-cased; values are kept as written (text) or as numbers.
 *
 * Cost: O(length of the text).
 * @throws with the position (1-based character) of the first thing that does not fit:
 *   an empty filter, a missing operator or value, a range whose first end is above its
 *   second, `or`/`not`, an unterminated quote, an unexpected character.
 * @example parseWhere('age 10-15').conditions[0] // { kind: 'range', field: 'age', min: 10, max: 15, position: 1 }
 */
export function parseWhere(text: string): WhereExpr {
  if (typeof text !== 'string') throw new Error(`parseWhere requires text, got ${typeof text}`);
  const tokens = tokenize(text);
  if (tokens.length === 0) fail(text, 1, 'expected a condition such as "age 10-15", got an empty filter');
  const conditions: WhereCondition[] = [];
  let i = 0;
  const end = text.length + 1;
  for (;;) {
    const f = tokens[i];
    if (!f) fail(text, end, 'expected a field name after "and"');
    if (f.kind !== 'word' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(f.text)) {
      fail(text, f.position, `expected a field name, got ${JSON.stringify(f.text)}`);
    }
    const lower = f.text.toLowerCase();
    if (lower === 'or' || lower === 'not' || lower === 'and') {
      fail(text, f.position, `expected a field name, got "${f.text}" (only "and" between conditions is supported)`);
    }
    i++;
    const next = tokens[i];
    if (!next) fail(text, end, `expected an operator or a value after "${f.text}"`);
    if (next.kind === 'op') {
      const v = tokens[i + 1];
      if (!v) fail(text, end, `expected a value after "${next.text}"`);
      if (v.kind !== 'word' && v.kind !== 'number' && v.kind !== 'string') {
        fail(text, v.position, `expected a value after "${next.text}", got ${JSON.stringify(v.text)}`);
      }
      conditions.push({ kind: 'compare', field: lower, op: next.value as WhereOperator, value: v.value, raw: rawOf(v), position: f.position });
      i += 2;
    } else if (next.kind === 'number' && tokens[i + 1]?.kind === 'dash') {
      const hi = tokens[i + 2];
      if (!hi || hi.kind !== 'number') {
        fail(text, hi ? hi.position : end, `expected a number after "${next.text}-" to close the range`);
      }
      if ((next.value as number) > (hi.value as number)) {
        fail(text, next.position, `a range needs its first end <= its second, got ${next.text}-${hi.text}`);
      }
      conditions.push({ kind: 'range', field: lower, min: next.value as number, max: hi.value as number, position: f.position });
      i += 3;
    } else if (next.kind === 'number' || next.kind === 'string' || (next.kind === 'word' && next.text.toLowerCase() !== 'and')) {
      conditions.push({ kind: 'compare', field: lower, op: '=', value: next.value, raw: rawOf(next), position: f.position });
      i += 1;
    } else {
      fail(text, next.position, `expected an operator or a value after "${f.text}", got ${JSON.stringify(next.text)}`);
    }
    const join = tokens[i];
    if (!join) break;
    if (join.kind !== 'word' || join.text.toLowerCase() !== 'and') {
      const hint = join.kind === 'word' && join.text.toLowerCase() === 'or' ? ' (only "and" is supported)' : '';
      fail(text, join.position, `expected "and" or the end of the filter, got ${JSON.stringify(join.text)}${hint}`);
    }
    i++;
  }
  return { kind: 'and', conditions, text };
}
