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
const CROSS_REFERENCE = new Set(
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

/**
 * Mentions of pillars 1..`count` named with one of the `units`, and whether the text is an overview. Three or more
 * different pillars in one text also make it an overview.
 */
export function scanMentions(sentences: readonly Token[][], units: readonly Unit[], count: number): MentionScan {
  const mentions: Mention[] = [];
  let overview = false;
  // Plain loops, and the cross-reference words looked for only in a sentence with a unit word: a closure per
  // sentence and per token, and a search of every sentence, for the few sentences that name a pillar, were 3% of
  // the analysis of the corpus letters (in a profile).
  for (const tokens of sentences) {
    let crossReference: boolean | undefined;
    const push = (n: number | undefined) => {
      crossReference ??= tokens.some((t) => CROSS_REFERENCE.has(t.form));
      if (n !== undefined && n >= 1 && n <= count) mentions.push({ pillar: n, crossReference });
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      let unit: Unit | undefined;
      for (const u of units) {
        if (token.stem === u.stem) {
          unit = u;
          break;
        }
      }
      if (!unit) {
        for (const u of units) if (token.form.length >= u.form.length && token.form.includes(u.form)) overview = true; // `zespijleragenda`
        continue;
      }
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
      const plural = token.form !== unit.form;
      if (mentions.length === found && (plural || tokens[i - 1]?.form === 'per')) overview = true;
    }
  }
  if (new Set(mentions.map((m) => m.pillar)).size >= 3) overview = true;
  return { mentions, overview };
}
