import { invalidQuery } from './errors';
import { type Token, tokenize } from './lexer';

/**
 * Syntax tree of an OData expression, before names are resolved against the model (see binder.ts).
 * Precedence follows Microsoft.OData's parser: `or` < `and` < comparison < `not` < primary, so
 * `not A eq B` means `(not A) eq B`, as on the real server.
 */
export type Syntax =
  | {
      t: 'literal';
      kind: 'string' | 'int' | 'decimal' | 'guid' | 'datetime' | 'date' | 'boolean' | 'null';
      value: unknown;
    }
  | { t: 'path'; segments: string[]; lambda?: { kind: 'any' | 'all'; variable?: string; body?: Syntax } }
  | { t: 'binary'; op: BinaryOp; left: Syntax; right: Syntax }
  | { t: 'not'; operand: Syntax }
  | { t: 'call'; name: string; args: Syntax[] };

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type BinaryOp = ComparisonOp | 'and' | 'or';

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  private get current(): Token {
    return this.tokens[this.index] as Token;
  }

  private fail(): never {
    throw invalidQuery(`Syntax error at position ${this.current.pos} in '${this.text}'.`);
  }

  private isName(text?: string): boolean {
    const token = this.current;
    return token.kind === 'name' && (text === undefined || token.text === text);
  }

  private isPunct(text: string): boolean {
    const token = this.current;
    return token.kind === 'punct' && token.text === text;
  }

  private expectPunct(text: string): void {
    if (!this.isPunct(text)) this.fail();
    this.index++;
  }

  private expectName(): string {
    const token = this.current;
    if (token.kind !== 'name') this.fail();
    this.index++;
    return token.text;
  }

  parseAll(): Syntax {
    const expr = this.parseOr();
    if (this.current.kind !== 'end') this.fail();
    return expr;
  }

  /** An expression followed by the caller's own trailing tokens (`asc`/`desc` in `$orderby`). */
  parseLeading(): { expr: Syntax; rest: Token[] } {
    const expr = this.parseOr();
    return { expr, rest: this.tokens.slice(this.index) };
  }

  private parseOr(): Syntax {
    let left = this.parseAnd();
    while (this.isName('or')) {
      this.index++;
      left = { t: 'binary', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Syntax {
    let left = this.parseComparison();
    while (this.isName('and')) {
      this.index++;
      left = { t: 'binary', op: 'and', left, right: this.parseComparison() };
    }
    return left;
  }

  private parseComparison(): Syntax {
    let left = this.parseUnary();
    while (this.current.kind === 'name' && COMPARISONS.has(this.current.text)) {
      const op = this.current.text as ComparisonOp;
      this.index++;
      left = { t: 'binary', op, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Syntax {
    if (this.isName('not')) {
      this.index++;
      return { t: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Syntax {
    const token = this.current;
    switch (token.kind) {
      case 'punct':
        if (token.text !== '(') this.fail();
        this.index++;
        {
          const inner = this.parseOr();
          this.expectPunct(')');
          return inner;
        }
      case 'string':
        this.index++;
        return { t: 'literal', kind: 'string', value: token.value };
      case 'number':
        this.index++;
        return { t: 'literal', kind: token.integer ? 'int' : 'decimal', value: token.value };
      case 'guid':
        this.index++;
        return { t: 'literal', kind: 'guid', value: token.value };
      case 'datetime':
        this.index++;
        return { t: 'literal', kind: 'datetime', value: token.value };
      case 'date':
        this.index++;
        return { t: 'literal', kind: 'date', value: token.value };
      case 'name':
        return this.parseNameExpression(token.text);
      default:
        this.fail();
    }
  }

  private parseNameExpression(name: string): Syntax {
    this.index++;
    if (name === 'true' || name === 'false') return { t: 'literal', kind: 'boolean', value: name === 'true' };
    if (name === 'null') return { t: 'literal', kind: 'null', value: null };
    // A name directly followed by a string literal is a typed literal such as guid'…' or datetime'…' (OData v3
    // syntax), which this v4 server rejects.
    if (this.current.kind === 'string') this.fail();
    if (this.isPunct('(')) {
      this.index++;
      const args: Syntax[] = [];
      if (!this.isPunct(')')) {
        args.push(this.parseOr());
        while (this.isPunct(',')) {
          this.index++;
          args.push(this.parseOr());
        }
      }
      this.expectPunct(')');
      return { t: 'call', name, args };
    }
    const segments = [name];
    while (this.isPunct('/')) {
      this.index++;
      const segment = this.expectName();
      if ((segment === 'any' || segment === 'all') && this.isPunct('(')) {
        this.index++;
        if (this.isPunct(')')) {
          if (segment === 'all') this.fail();
          this.index++;
          return { t: 'path', segments, lambda: { kind: 'any' } };
        }
        const variable = this.expectName();
        this.expectPunct(':');
        const body = this.parseOr();
        this.expectPunct(')');
        return { t: 'path', segments, lambda: { kind: segment, variable, body } };
      }
      segments.push(segment);
    }
    return { t: 'path', segments };
  }
}

export function parseExpression(text: string): Syntax {
  if (text.trim() === '') throw invalidQuery('The $filter expression must not be empty.');
  return new Parser(tokenize(text), text).parseAll();
}

/** Parses one `$orderby` item: an expression and an optional direction. */
export function parseOrderItem(text: string): { expr: Syntax; descending: boolean } {
  const { expr, rest } = new Parser(tokenize(text), text).parseLeading();
  const [first, second] = rest;
  if (first?.kind === 'end') return { expr, descending: false };
  if (first?.kind === 'name' && (first.text === 'asc' || first.text === 'desc') && second?.kind === 'end') {
    return { expr, descending: first.text === 'desc' };
  }
  throw invalidQuery(`Syntax error at position ${first?.pos ?? 0} in '${text}'.`);
}
