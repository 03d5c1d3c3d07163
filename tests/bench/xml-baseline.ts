/**
 * The benchmark's baseline: the small, strict, hand-written XML reader Kamerlens used for SRU before lib/xml/parse.ts
 * (saxes). Kept, unchanged but for this comment, so `npm run bench` can measure the library against it in the same
 * run, and tests/unit/xml/parse.test.ts can check both read the mock's SRU answers into the same tree. Not used by
 * the extension.
 *
 * Original notes: the background worker has no DOMParser, and the SRU payload needs only elements, attributes, text,
 * CDATA and the predefined and numeric character references. Strictness is the point: a response cut off mid-way
 * must fail loudly instead of yielding half a record set, and the error must say where, in words a person can act on.
 */

/** An element, named by its local name: KOOP's namespace prefixes differ between responses. */
export interface XmlElement {
  /** Local name, without the prefix (`record` for `sru:record`). */
  name: string;
  /** Attributes by local name; namespace declarations are left out. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), not that of its children; untrimmed. */
  text: string;
}

/** Where and why a document is not well-formed. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';

  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** The text ended before the document did: for a network response, a sign it was cut off in transit. */
    readonly truncated: boolean,
  ) {
    super(`${reason} (line ${line}, column ${column})`);
  }
}

/** Deep enough for any SRU record; bounds the work a hostile document can cause. */
const MAX_DEPTH = 200;

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.\-:\u00B7-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function localName(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  function fail(reason: string, at = pos): never {
    const truncated = at >= source.length && source.trim() !== '';
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    const message =
      truncated && !reason.startsWith('unexpected end') ? `unexpected end of document: ${reason}` : reason;
    throw new XmlSyntaxError(message, line, at - before.lastIndexOf('\n'), truncated);
  }

  const skipSpace = (): void => {
    SPACE.lastIndex = pos;
    SPACE.test(source);
    pos = SPACE.lastIndex;
  };

  const readName = (what: string): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) fail(`expected ${what}`);
    pos = NAME.lastIndex;
    return match[0];
  };

  /** Skips `open … close` (comment, PI, CDATA) and returns what was between. */
  const readUntil = (close: string, what: string): string => {
    const end = source.indexOf(close, pos);
    if (end < 0) fail(`unexpected end of document inside ${what}`, source.length);
    const body = source.slice(pos, end);
    pos = end + close.length;
    return body;
  };

  const decode = (raw: string, at: number): string =>
    raw.includes('&')
      ? raw.replace(/&([^;&\s<]*);?/g, (whole, ref: string, offset: number) => {
          if (!whole.endsWith(';')) {
            // Reaching the end of the text means the reference was cut off, not mistyped.
            const end = at + offset + whole.length;
            fail(`'&' must start a character reference like &amp;`, end >= source.length ? end : at + offset);
          }
          if (ref.startsWith('#')) {
            const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
            const digits = ref[1] === 'x' ? /^#x[0-9A-Fa-f]+$/ : /^#[0-9]+$/;
            if (!digits.test(ref) || !(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
              fail(`invalid character reference &${ref};`, at + offset);
            }
            return String.fromCodePoint(code);
          }
          const char = PREDEFINED[ref];
          if (char === undefined) fail(`unknown entity &${ref};`, at + offset);
          return char;
        })
      : raw;

  /** Comments, processing instructions and whitespace, allowed before and after the root. */
  const skipMisc = (allowDoctype: boolean): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', pos)) {
        pos += 4;
        readUntil('-->', 'a comment');
      } else if (source.startsWith('<?', pos)) {
        pos += 2;
        readUntil('?>', 'a processing instruction');
      } else if (allowDoctype && source.startsWith('<!DOCTYPE', pos)) {
        // Declarations are skipped, not applied: SRU does not use them, and expanding them invites entity bombs.
        const subset = source.indexOf('[', pos);
        const close = source.indexOf('>', pos);
        if (subset >= 0 && (close < 0 || subset < close)) {
          pos = subset;
          readUntil(']', 'a DOCTYPE');
        }
        readUntil('>', 'a DOCTYPE');
      } else {
        return;
      }
    }
  };

  const openTag = (): { element: XmlElement; qname: string; selfClosing: boolean } => {
    pos += 1; // '<'
    const qname = readName('an element name after "<"');
    const element: XmlElement = { name: localName(qname), attrs: {}, children: [], text: '' };
    for (;;) {
      const beforeSpace = pos;
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return { element, qname, selfClosing: true };
      }
      if (source[pos] === '>') {
        pos += 1;
        return { element, qname, selfClosing: false };
      }
      if (pos >= source.length) fail(`unexpected end of document inside the tag <${qname}>`);
      if (pos === beforeSpace) fail(`expected whitespace, ">" or "/>" in the tag <${qname}>`);
      const attr = readName(`an attribute name in the tag <${qname}>`);
      skipSpace();
      if (source[pos] !== '=') fail(`expected "=" after the attribute ${attr} in <${qname}>`);
      pos += 1;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`the value of the attribute ${attr} in <${qname}> must be quoted`);
      const start = pos + 1;
      const end = source.indexOf(quote, start);
      if (end < 0) fail(`unexpected end of document inside the attribute ${attr} of <${qname}>`, source.length);
      const raw = source.slice(start, end);
      if (raw.includes('<')) fail(`"<" is not allowed in the value of the attribute ${attr}`, start + raw.indexOf('<'));
      pos = end + 1;
      if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) element.attrs[localName(attr)] = decode(raw, start);
    }
  };

  skipMisc(true);
  if (pos >= source.length) fail('the document is empty: no root element');
  if (source[pos] !== '<') fail('the document does not start with an element');

  const open: { element: XmlElement; qname: string }[] = [];
  let root: XmlElement | undefined;

  while (root === undefined) {
    const parent = open[open.length - 1];
    if (source.startsWith('</', pos)) {
      pos += 2;
      const qname = readName('an element name after "</"');
      skipSpace();
      if (source[pos] !== '>') fail(`expected ">" to end the closing tag </${qname}>`);
      if (!parent || parent.qname !== qname) {
        fail(parent ? `</${qname}> does not close the open element <${parent.qname}>` : `unexpected </${qname}>`);
      }
      pos += 1;
      open.pop();
      if (open.length === 0) root = parent.element;
    } else if (source.startsWith('<!--', pos)) {
      pos += 4;
      readUntil('-->', 'a comment');
    } else if (source.startsWith('<![CDATA[', pos)) {
      pos += 9;
      const text = readUntil(']]>', 'a CDATA section');
      if (!parent) fail('text is not allowed outside the root element');
      parent.element.text += text;
    } else if (source.startsWith('<?', pos)) {
      pos += 2;
      readUntil('?>', 'a processing instruction');
    } else if (source[pos] === '<') {
      const { element, qname, selfClosing } = openTag();
      parent?.element.children.push(element);
      if (selfClosing) {
        if (!parent) root = element;
      } else {
        if (open.length >= MAX_DEPTH) fail(`elements are nested deeper than ${MAX_DEPTH} levels`);
        open.push({ element, qname });
      }
    } else if (pos >= source.length) {
      fail(`unexpected end of document: <${parent?.qname}> is not closed`);
    } else {
      if (!parent) fail('text is not allowed outside the root element');
      const start = pos;
      const next = source.indexOf('<', pos);
      pos = next < 0 ? source.length : next;
      const raw = source.slice(start, pos);
      parent.element.text += decode(raw, start);
    }
  }

  skipMisc(false);
  if (pos < source.length) fail(`unexpected content after the root element </${root.name}>`);
  return root;
}

/** The first child with this local name. */
export function childOf(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}

/** All children with this local name. */
export function childrenOf(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

/** All descendants with this local name, in document order. */
export function descendantsOf(element: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = element ? [...element.children].reverse() : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.name === name) found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as XmlElement);
  }
  return found;
}

/** The element's own text with whitespace runs collapsed, or undefined when there is none. */
export function textOf(element: XmlElement | undefined): string | undefined {
  const text = element?.text.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
