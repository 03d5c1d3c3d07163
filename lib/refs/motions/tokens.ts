import nlp from 'compromise/one';
import { compromiseLexicon, TAG } from './lexicon';

/*
 * compromise does the tokenising: it splits words from their punctuation (`(PVV)`, `Laar.`), splits hyphenated names
 * into parts (`Versnel-Schmitz`), keeps abbreviations and initials whole (`c.s.`, `M.B.`), gives character offsets,
 * and tags each term from our Dutch lexicon. Only `compromise/one` (tokeniser, lexicon, matcher) is loaded: the
 * English part-of-speech tagger of the full build would only mis-tag Dutch words, at four times the size.
 */
nlp.plugin({
  tags: Object.fromEntries(Object.values(TAG).map((tag) => [tag, {}])),
  words: compromiseLexicon(),
});

/** One word of the input, with offsets into the full text and the lexicon tags compromise gave it. */
export interface Token {
  /** The word as it stands in the input (`Özütok`, `’t`, `c.s.`). */
  text: string;
  /** compromise's normal form: lower case, no diacritics, no full stops (`ozutok`, `cs`); `'t` for the particle. */
  normal: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** The input between the previous token (or the window start) and this one: `-`, ` / `, `, `, ` (`. */
  gap: string;
}

/** A parsed window: compromise's document (for matching) and its terms as tokens. */
export interface TokenWindow {
  doc: ReturnType<typeof nlp>;
  tokens: Token[];
  /** Offset of the window in the full text. */
  start: number;
}

interface JsonTerm {
  text: string;
  normal: string;
  pre: string;
  tags: string[];
  offset: { start: number; length: number };
}

/* Same-length substitutions only, so that compromise's offsets stay offsets into the input. */
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
/* A slash joins co-submitters (`Verhoeven/Groothuizen`), but compromise reads `a/b` as one term with alternatives. */
const SLASH = /\//g;
/* Footnote markers: superscripts anywhere, plain digits glued to a lower-case word or a stop (`Becker8`, `c.s.2`). */
const MARKERS = /[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]|(?<=[\p{Ll}.])\d+/gu;
const DASHES = /[\u2010-\u2014]/g;
/* compromise would split a decomposed `e\u0301` into two terms; any letter keeps the word whole. */
const MARKS = /\p{M}/gu;

function shadow(text: string): string {
  return text
    .replace(SPACES, ' ')
    .replace(SLASH, ' ')
    .replace(MARKERS, (m) => ' '.repeat(m.length))
    .replace(DASHES, '-')
    .replace(MARKS, 'a');
}

/**
 * Tokenises `text.slice(start, end)` with compromise. Only a small window around each candidate is parsed, which
 * keeps the whole detector linear in the length of the text.
 */
export function tokenizeWindow(text: string, start: number, end: number): TokenWindow {
  const original = text.slice(start, end);
  const doc = nlp(shadow(original));
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as { terms: JsonTerm[] }[];
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      let from = term.offset.start;
      const to = from + term.offset.length;
      // Zero-length terms are compromise's own expansions (number ranges, contractions), not words of the input.
      if (to <= from || from < previousEnd) continue;
      let normal = term.normal;
      if (normal === 't' && /['’]$/.test(term.pre)) {
        from -= 1;
        normal = "'t";
      }
      tokens.push({
        text: original.slice(from, to),
        normal,
        start: start + from,
        end: start + to,
        tags: new Set(term.tags),
        gap: original.slice(previousEnd, from),
      });
      previousEnd = to;
    }
  }
  return { doc, tokens, start };
}

/** A compromise match pattern, parsed once: compromise would otherwise parse the string on every match. */
export type MatchPattern = ReturnType<typeof nlp.parseMatch>;

export function compileMatch(pattern: string): MatchPattern {
  return nlp.parseMatch(pattern);
}

/** Where a compromise match that begins at the window start ends (offset into the full text), if it matched. */
export function matchAtStart(window: TokenWindow, pattern: MatchPattern): number | undefined {
  const found = window.doc.match(pattern).json({ offset: true }) as { offset: { start: number; length: number } }[];
  const first = found[0];
  if (first?.offset.start !== 0) return undefined;
  return window.start + first.offset.start + first.offset.length;
}
