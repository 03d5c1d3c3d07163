import { fold, stem } from './lemma';
import type { Token } from './tokens';

/*
 * Explicit mentions of a pillar by number: `pijler 4`, `onder pijler drie`, `pijlers 4 en 5`, `de vierde pijler`,
 * `de tweede en derde pijler`, `pijler IV`. Also the cues of an overview that is about all pillars at once
 * (`per pijler`, `zes pijlers`, `de pijlers van de IMA`, `zespijleragenda`), which must not label anything.
 * Works on tokens, so no pattern ever runs over the text.
 */

/** Number words by value − 1. */
const numbered = (words: string) => Object.fromEntries(words.split(' ').map((w, i): [string, number] => [w, i + 1]));
const CARDINALS = numbered('een twee drie vier vijf zes zeven acht negen tien');
const ORDINALS = numbered('eerste tweede derde vierde vijfde zesde zevende achtste negende tiende');
const ROMANS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };
const DIGITS = /^\d{1,2}$/;
const DIGIT_ORDINAL = /^(\d{1,2})(?:e|ste|de)$/;
const LIST_WORDS = new Set(['en', 'of']);
/** Words that make a mention a pointer to another part of the text rather than the paragraph's own subject. */
export const CROSS_REFERENCE = new Set(
  `zoals zie verwezen verwijs verwijst verwijzen genoemd genoemde beschreven omschreven aangegeven toegelicht
  uiteengezet besproken behandeld hierboven hieronder eerder`.split(/\s+/),
);

/** `4`, `vier`, `IV` (Roman only in capitals: a lower-case `i` or `v` is a list marker or a letter). */
function cardinal(token: Token | undefined): number | undefined {
  if (!token) return undefined;
  if (DIGITS.test(token.form)) return Number(token.form);
  // `een` is also the article: only as the last word of a clause (`onder pijler een.`).
  if (token.form === 'een' && !/^[,.;:)]/.test(token.post) && token.text !== 'één') return undefined;
  return CARDINALS[token.form] ?? ROMANS[token.text];
}

function ordinal(token: Token | undefined): number | undefined {
  if (!token) return undefined;
  const digits = DIGIT_ORDINAL.exec(token.form);
  return digits ? Number(digits[1]) : ORDINALS[token.form];
}

export interface Mention {
  pillar: number;
  /** `zoals onder pijler drie genoemd`: points elsewhere, so weaker evidence for this paragraph. */
  crossReference: boolean;
}

export interface MentionScan {
  mentions: Mention[];
  /** The text speaks of the pillars as a whole (`per pijler`, `zes pijlers`): it is an overview, not a label. */
  overview: boolean;
}

/** A folded unit word (`pijler`) with its stem, as `scanMentions` wants it. */
export interface Unit {
  form: string;
  stem: string;
}

/** Folds and stems the unit words once, so scanning compares strings only. */
export function compileUnits(units: readonly string[]): Unit[] {
  return units.map((u) => ({ form: fold(u), stem: stem(fold(u)) }));
}

/** The first unit whose stem is the token's (`pijlers` for `pijler`), if any. */
export function unitOf(token: Token, units: readonly Unit[]): Unit | undefined {
  for (const u of units) if (token.stem === u.stem) return u;
  return undefined;
}

/** Whether a token that is no unit word holds one (`zespijleragenda`): a cue of an overview. */
export function holdsUnit(token: Token, units: readonly Unit[]): boolean {
  for (const u of units) if (token.form.length >= u.form.length && token.form.includes(u.form)) return true;
  return false;
}

/** Whether the sentence points to another part of the text (`zoals … genoemd`): its mentions are cross-references. */
export function refersElsewhere(tokens: readonly Token[]): boolean {
  return tokens.some((t) => CROSS_REFERENCE.has(t.form));
}

/**
 * The mentions named by the unit word `tokens[i]` (`pijlers 4 en 5`, `de vierde pijler`), added to `mentions`, of
 * pillars 1..`count`; true when the unit word, naming none, marks an overview (`pijlers`, `per pijler`).
 */
export function readUnit(
  tokens: readonly Token[],
  i: number,
  unit: Unit,
  count: number,
  crossReference: boolean,
  mentions: Mention[],
): boolean {
  const push = (n: number) => {
    if (n >= 1 && n <= count) mentions.push({ pillar: n, crossReference });
  };
  const found = mentions.length;
  // `pijler 4`, `pijlers 4, 5 en 6`
  for (let j = i + 1; ; j++) {
    const n = cardinal(tokens[j]);
    if (n === undefined) break;
    push(n);
    const sep = tokens[j + 1];
    if (sep && LIST_WORDS.has(sep.form)) j++;
    else if (!tokens[j]!.post.includes(',')) break;
  }
  // `de vierde pijler`, `de tweede en derde pijler`
  for (let j = i - 1; ; ) {
    const n = ordinal(tokens[j]);
    if (n === undefined) break;
    push(n);
    if (LIST_WORDS.has(tokens[j - 1]?.form ?? '')) j -= 2;
    else if (tokens[j - 1]?.post.includes(',')) j -= 1;
    else break;
  }
  const plural = tokens[i]!.form !== unit.form;
  return mentions.length === found && (plural || tokens[i - 1]?.form === 'per');
}

/**
 * Whether `readUnit` may read on past a token of this folded form (a number, an ordinal, a list word, in either
 * direction); it reads at most one token past the last such. `keyWindows` (key-windows.ts) reads a unit's lists by
 * it. Roman numerals in lower case too: the form folds their case away.
 */
export function mayListOn(form: string): boolean {
  return (
    LIST_WORDS.has(form) ||
    DIGITS.test(form) ||
    DIGIT_ORDINAL.test(form) ||
    CARDINALS[form] !== undefined ||
    ORDINALS[form] !== undefined ||
    ROMANS[form.toUpperCase()] !== undefined
  );
}

/** Three or more different pillars in one text make it an overview. */
export function namesManyPillars(mentions: readonly Mention[]): boolean {
  return new Set(mentions.map((m) => m.pillar)).size >= 3;
}

/**
 * Mentions of pillars 1..`count` named with one of the `units`, and whether the text is an overview. Three or more
 * different pillars in one text also make it an overview. (The labeller reads pieces with `readPiece`, which does
 * the same in its one pass over the tokens.)
 */
export function scanMentions(sentences: readonly Token[][], units: readonly Unit[], count: number): MentionScan {
  const mentions: Mention[] = [];
  let overview = false;
  for (const tokens of sentences) {
    let crossReference: boolean | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const unit = unitOf(tokens[i]!, units);
      if (!unit) {
        if (holdsUnit(tokens[i]!, units)) overview = true;
        continue;
      }
      crossReference ??= refersElsewhere(tokens);
      if (readUnit(tokens, i, unit, count, crossReference, mentions)) overview = true;
    }
  }
  if (namesManyPillars(mentions)) overview = true;
  return { mentions, overview };
}
