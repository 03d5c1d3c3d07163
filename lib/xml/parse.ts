import { SaxesParser } from 'saxes';

/**
 * One strict XML reader for every service that answers in XML: KOOP's SRU responses and the Tweede Kamer API's EDMX
 * `$metadata`. The MV3 background worker has no DOMParser, so this builds a small element tree from the events of
 * saxes (https://github.com/lddubeau/saxes: strict, namespace-aware, pure JavaScript, no Node built-ins, so it runs
 * in the service worker) and keeps the reader's contract:
 *
 * - elements and attributes by local name (prefixes differ between KOOP's responses; namespace declarations left out);
 * - a document cut off in transit fails with `truncated: true` and where, instead of yielding half a record set;
 * - DOCTYPE declarations are refused: neither SRU nor EDMX uses one. saxes never applies a DTD's entities anyway;
 *   refusing the declaration keeps it that way whatever a later version does, so no entity expansion ("billion
 *   laughs"): only the five predefined entities and character references are read;
 * - nesting is bounded, so a hostile document cannot make the worker build an arbitrarily deep tree;
 * - error reasons in words a person can act on, with line and column.
 *
 * Why a library instead of the hand-written reader this replaces (lib/koop/xml.ts, kept as the baseline in
 * tests/bench/xml-baseline.ts): saxes checks the whole of XML 1.0 well-formedness and namespaces (characters XML
 * does not allow, names, unbound prefixes, duplicate attributes, `]]>` in text, attribute-value normalisation),
 * which the hand-written one did only in part. It was written because sax's "strict" mode is not strict, aims to
 * report every well-formedness error of XML 1.0/1.1 and Namespaces in XML, and has no dependency but xmlchars.
 * Measured with `npm run bench` (its "xml" section: both readers alternated in one run, best of three, the same tree
 * checked), Node 20 on a 2-core machine shared with other work (load average about 4), so absolute figures are
 * rough; over three runs the ratio ranged from 1.6x to 2.9x. One run:
 *
 *   document                                  size     hand-written    saxes      saxes per document   ratio
 *   SRU page of 250 gzd records (mock)        774 kB    114.5 MB/s    47.9 MB/s        16.2 ms           2.4x
 *   SRU answer with 1 record                  3.9 kB    107.0 MB/s    43.4 MB/s        0.09 ms           2.5x
 *   SRU diagnostic                            0.5 kB     38.0 MB/s    19.1 MB/s        0.03 ms           2.0x
 *   EDMX $metadata, 40 types x 25 properties   64 kB     56.3 MB/s    23.3 MB/s        2.8 ms            2.4x
 *
 * saxes reads every character against XML's character classes, so it is some 2-3 times slower; but the largest page
 * the KOOP client asks for (250 records) takes about 16 ms once per request, next to a network round trip of hundreds
 * of milliseconds, and a `$metadata` document takes a few ms and is read far less often. The measurement does not
 * argue for keeping a parser of our own. Cost in size: saxes 6.0.0 with its one dependency (xmlchars 2.2.0) is 29 kB minified (8 kB
 * gzipped) in the background script, against about 4 kB for the hand-written reader.
 */

/** An element, named by its local name. */
export interface XmlElement {
  /** Local name, without the prefix (`record` for `sru:record`). */
  name: string;
  /** Attributes by local name; namespace declarations (`xmlns`, `xmlns:p`) are left out. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), not that of its children; untrimmed. */
  text: string;
}

/** Where and why a document is not well-formed (or not accepted). */
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

/** Deep enough for any SRU record or EDMX schema; bounds the work a hostile document can cause. */
export const MAX_DEPTH = 200;

/** 1-based line and column of a string index, counted the way saxes counts them. */
function positionAt(source: string, index: number): { line: number; column: number } {
  let line = 1;
  for (let at = source.indexOf('\n'); at >= 0 && at < index; at = source.indexOf('\n', at + 1)) line++;
  return { line, column: index - source.lastIndexOf('\n', index - 1) };
}

/** Whether `index` lies inside a comment, CDATA section or processing instruction that closes before it. */
function insideClosedSection(source: string, index: number): boolean {
  const sections: [string, string][] = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
  ];
  return sections.some(([open, close]) => source.lastIndexOf(open, index) > source.lastIndexOf(close, index));
}

/** What a document that stopped short ends inside, judged from its tail (saxes says only "unexpected end"). */
function unfinishedAtEnd(source: string): string | undefined {
  const sections: [string, string, string][] = [
    ['<!--', '-->', 'a comment'],
    ['<![CDATA[', ']]>', 'a CDATA section'],
    ['<?', '?>', 'a processing instruction'],
  ];
  // The earliest section left open swallows everything after it.
  let earliest: { at: number; what: string } | undefined;
  for (const [open, close, what] of sections) {
    const at = source.lastIndexOf(open);
    if (at >= 0 && source.indexOf(close, at + open.length) < 0 && (!earliest || at < earliest.at)) {
      earliest = { at, what };
    }
  }
  if (earliest) return earliest.what;
  const lt = source.lastIndexOf('<');
  if (lt >= 0 && source.indexOf('>', lt) < 0) {
    const name = /^<\/?([^\s/>]*)/.exec(source.slice(lt, lt + 200))?.[1] ?? '';
    return source.startsWith('</', lt) ? `the closing tag </${name}>` : `the tag <${name}>`;
  }
  const amp = source.lastIndexOf('&');
  if (amp > source.lastIndexOf('>') && /^&#?[\w.:-]*$/.test(source.slice(amp))) return 'a character reference';
  return undefined;
}

/**
 * A bare `&` with no `;` anywhere after it: saxes takes the rest of the document for an entity name and reports
 * only the end, which would pass for a cut-off answer. Returns the `&`'s index.
 */
function bareAmpersand(source: string): number | undefined {
  const amp = source.lastIndexOf('&');
  if (amp < 0 || source.includes(';', amp) || insideClosedSection(source, amp)) return undefined;
  return /^&#?[\w.:-]*$/.test(source.slice(amp)) ? undefined : amp;
}

function describeChar(char: string | undefined): string {
  if (char === undefined) return 'a character';
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code < 0x20 || code === 0x7f || code >= 0xfffe ? hex : `"${char}" (${hex})`;
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: { element: XmlElement; qname: string }[] = [];
  let root: XmlElement | undefined;
  let rootQname = '';
  /** The element saxes closed last: on a mismatched close tag, the one that was still open. */
  let lastClosed = '';
  let atEnd = false;

  const errorAt = (reason: string, index?: number, truncated = false): XmlSyntaxError => {
    const { line, column } = index === undefined ? parser : positionAt(source, index);
    return new XmlSyntaxError(reason, line, column, truncated);
  };

  /** Names the declared root, so an HTML page (`<!DOCTYPE html>`) is recognisable from the message alone. */
  const refuseDoctype = (at: number): XmlSyntaxError => {
    const name = /^<!DOCTYPE\s+([^\s[>]+)/.exec(source.slice(at, at + 200))?.[1];
    return errorAt(`the document declares a DOCTYPE${name ? ` (${name})` : ''}, which is not accepted`, at);
  };

  /** saxes's terse messages ("unclosed tag: b.") in the words this project's errors use. */
  const translate = (raw: string): XmlSyntaxError => {
    const message = raw.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    const pos = parser.position;
    if (atEnd) {
      const truncated = source.trim() !== '';
      const amp = bareAmpersand(source);
      if (amp !== undefined) return errorAt(`'&' must start a character reference like &amp;`, amp);
      const doctype = source.indexOf('<!DOCTYPE');
      if (!root && doctype >= 0) return refuseDoctype(doctype);
      const inside = unfinishedAtEnd(source);
      const where = inside ? ` inside ${inside}` : '';
      const unclosed = /^unclosed tag: (.+)$/.exec(message)?.[1];
      if (unclosed) return errorAt(`unexpected end of document${where}: <${unclosed}> is not closed`, undefined, true);
      if (message === 'document must contain a root element') {
        return truncated
          ? errorAt(`unexpected end of document${where}: no root element`, undefined, true)
          : errorAt('the document is empty: no root element');
      }
      return errorAt(`unexpected end of document${where}`, undefined, truncated);
    }
    if (message === 'unexpected close tag') {
      const at = source.lastIndexOf('</', pos - 1);
      const name = /^<\/([^\s>]+)/.exec(source.slice(at, at + 200))?.[1] ?? '';
      return errorAt(`</${name}> does not close the open element <${lastClosed}>`);
    }
    if (message === 'text data outside of root node' || message === 'documents may contain only one root') {
      return errorAt(
        root
          ? `unexpected content after the root element </${rootQname}>`
          : 'the document does not start with an element',
      );
    }
    if (message === 'undefined entity' || message === 'malformed character entity') {
      const at = source.lastIndexOf('&', pos - 1);
      const ref = source.slice(at, pos);
      return errorAt(
        message === 'undefined entity' ? `unknown entity ${ref}` : `invalid character reference ${ref}`,
        at,
      );
    }
    if (message === 'disallowed character in entity name') {
      return errorAt(`'&' must start a character reference like &amp;`, source.lastIndexOf('&', pos - 1));
    }
    if (message === 'disallowed character') {
      const char = String.fromCodePoint(source.codePointAt(Math.max(0, pos - 1)) ?? 0);
      return errorAt(`${describeChar(char)} is not allowed here`);
    }
    if (message === 'unquoted attribute value') return errorAt('attribute values must be quoted');
    const prefix = /^unbound namespace prefix: "(.*)"$/.exec(message)?.[1];
    if (prefix !== undefined) return errorAt(`the namespace prefix "${prefix}" is not declared`);
    return errorAt(message);
  };

  parser.on('error', (error) => {
    throw translate(error.message);
  });
  parser.on('doctype', () => {
    throw refuseDoctype(source.lastIndexOf('<!DOCTYPE', parser.position));
  });
  parser.on('opentag', (tag) => {
    if (open.length >= MAX_DEPTH) throw errorAt(`elements are nested deeper than ${MAX_DEPTH} levels`);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix !== 'xmlns' && attr.name !== 'xmlns') attrs[attr.local] = attr.value;
    }
    const element: XmlElement = { name: tag.local, attrs, children: [], text: '' };
    const parent = open[open.length - 1];
    if (parent) {
      parent.element.children.push(element);
    } else {
      root = element;
      rootQname = tag.name;
    }
    // saxes reports a self-closing tag as an open and a close, so every element goes on the stack.
    open.push({ element, qname: tag.name });
  });
  parser.on('closetag', (tag) => {
    open.pop();
    lastClosed = tag.name;
  });
  const addText = (text: string) => {
    const top = open[open.length - 1];
    if (top) top.element.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(source);
    atEnd = true;
    parser.close();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw error;
    // saxes's own consistency checks throw plain Errors; they are still about this document.
    throw errorAt(error instanceof Error ? error.message : String(error), undefined, false);
  }
  if (!root) throw errorAt('the document is empty: no root element');
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
