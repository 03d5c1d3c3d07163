import { readdirSync, readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { HAS_SHARED, sharedPath } from './shared';

/**
 * The real KOOP kamerstukken of ../shared/corpus/realtexts (README there): each as plain text, the way a reader (and
 * the content script) sees it, and KOOP's own answer key, the distinct `doc` values of its `<extref>` tags.
 *
 * The text is read with saxes, the parser behind lib/xml/parse.ts, in document order: lib/xml's element tree keeps an
 * element's own text apart from its children's, which loses where an `<extref>` stood in its paragraph. Inline
 * elements (the extref itself, a date, the ondernummer) add their text where they stand; every other element ends a
 * line, as the paragraphs of the published page do. Characters are kept as KOOP wrote them (no-break spaces in
 * `35\u00a0228, nr. 8`, en dashes in `21501–08`).
 */

/** Elements that run inside a line of text. */
const INLINE = new Set(['extref', 'datum', 'ondernummer', 'nadruk', 'sup', 'sub', 'intref', 'noot', 'noot.ref']);

export interface RealText {
  /** The file's base name, which is the paper's own OB id: `kst-33529-1329`. */
  name: string;
  text: string;
  /** KOOP's answer key: distinct ids, leading no-break space trimmed, only `kst-` and `trb-` ids. */
  key: string[];
}

export function readRealText(name: string, xml: string): RealText {
  const parser = new SaxesParser({ xmlns: false });
  const parts: string[] = [];
  const key = new Set<string>();
  let inMetadata = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'metadata') inMetadata++;
    if (tag.name === 'extref') {
      const doc = String(tag.attributes.doc ?? '').replace(/^[\s\u00a0]+/, '');
      if (/^(kst|trb)-/.test(doc)) key.add(doc);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'metadata') inMetadata--;
    if (!INLINE.has(tag.name)) parts.push('\n');
  });
  parser.on('text', (t) => {
    if (!inMetadata) parts.push(t.trim() ? t : t.includes('\n') ? '' : t);
  });
  parser.write(xml).close();
  const text = parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return { name, text, key: [...key].sort() };
}

/** Every real text, by name, or none when ../shared is absent. */
export function realTexts(): RealText[] {
  if (!HAS_SHARED) return [];
  const dir = sharedPath('corpus', 'realtexts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => readRealText(f.slice(0, -4), readFileSync(`${dir}/${f}`, 'utf8')));
}
