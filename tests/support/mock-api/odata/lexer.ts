import { isDateTimeLiteral } from './datetime';
import { invalidQuery } from './errors';

/**
 * Tokens of an OData expression (`$filter`, `$orderby` items). Literal kinds are recognised here because their
 * shapes overlap (`2019-01-01T00:00:00Z` vs `2019`, a GUID starting with letters vs a name).
 */
export type Token =
  | { kind: 'name'; text: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; integer: boolean; text: string; pos: number }
  | { kind: 'guid'; value: string; pos: number }
  | { kind: 'datetime'; value: string; pos: number }
  | { kind: 'date'; value: string; pos: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | '/' | ':'; pos: number }
  | { kind: 'end'; pos: number };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?(?![\w:.+-])/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\w:.-])/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_$][A-Za-z0-9_]*/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const rest = text.slice(pos);
    const ch = text[pos] as string;
    if (/\s/.test(ch)) {
      pos++;
      continue;
    }
    if (ch === "'") {
      // '' inside a string literal is an escaped quote.
      let value = '';
      let i = pos + 1;
      for (;;) {
        if (i >= text.length)
          throw invalidQuery(`There is an unterminated string literal at position ${pos} in '${text}'.`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', value, pos });
      pos = i + 1;
      continue;
    }
    if ('(),/:'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch as '(' | ')' | ',' | '/' | ':', pos });
      pos++;
      continue;
    }
    const guid = GUID.exec(rest);
    if (guid) {
      tokens.push({ kind: 'guid', value: guid[0].toLowerCase(), pos });
      pos += guid[0].length;
      continue;
    }
    const dateTime = DATE_TIME.exec(rest);
    if (dateTime) {
      if (!isDateTimeLiteral(dateTime[0])) {
        throw invalidQuery(`Syntax error at position ${pos} in '${text}'.`);
      }
      tokens.push({ kind: 'datetime', value: dateTime[0], pos });
      pos += dateTime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', value: date[0], pos });
      pos += date[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      const integer = /^-?\d+$/.test(num[0]);
      tokens.push({ kind: 'number', value: Number(num[0]), integer, text: num[0], pos });
      pos += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], pos });
      pos += name[0].length;
      continue;
    }
    throw invalidQuery(`Syntax error: character '${ch}' is not valid at position ${pos} in '${text}'.`);
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}
