import { kamerstukId, normaliseDossier, normaliseToevoeging } from './ids';
import type { Reference } from './types';

/*
 * Kamerstuk citations that name the paper type: `Kamerstuk 19 637, nr. 2375`, `Kamerstukken 19 637 en 30 573,
 * nr. 2375`, `Kamerstuk 35 000 VI, nr. 59`, `Kamerstuk 21 501-20, nr. 1265`, `Kamerstuk 22 112, nrs. 2955, 2956 en
 * 2964`, `Kamerstukken II 2019/20, 35 300 XVI, nr. 133`.
 *
 * Every quantified piece starts with a token the previous piece cannot end with (a digit group after a separator,
 * a letter after a dash), so the pattern runs in linear time even on long digit runs.
 */

/** Dossier digits: `19637`, `19 637` (space, no-break or thin space), `36.496`. */
const DOSSIER = String.raw`\d{2}[ \u00a0\u2009\u202f.]?\d{3}(?!\d)`;
const DASH = String.raw`[-\u2010\u2011\u2012\u2013\u2014]`;
/**
 * Toevoeging: with a dash anything the OB ids use (`-20`, `-VI`, `-A`); with a space only roman numerals, since a
 * lone capital after a space is as often an Eerste Kamer letter or a sentence as it is part of the dossier.
 */
const toevoeging = (capture: boolean) => {
  const open = capture ? '(' : '(?:';
  return String.raw`(?:\s*${DASH}\s*${open}\d{2}|[IVXLC]{1,6}|[A-Z]{1,2})|\s+(?:hoofdstuk\s+)?${open}[IVXLC]{1,6}))(?![A-Za-z0-9])`;
};
const TOEVOEGING = toevoeging(true);
const RIJKSWET = String.raw`(?:\s*\(\s*R\s?\d{3,4}\s*\))?`;
/** An ondernummer: digits with an optional letter (`42e`), or an Eerste Kamer letter (`E`, `AA`). */
const NUMBER = String.raw`\d{1,4}[a-z]?(?![\dA-Za-z])|[A-Z]{1,2}(?![A-Za-z])`;
const OTHER_DOSSIER = String.raw`\s*(?:,|/|\ben\b)\s*${DOSSIER}(?:${toevoeging(false)})?${RIJKSWET}`;

const KAMERSTUK = new RegExp(
  String.raw`(?<![A-Za-z])[Kk]amerstuk(?:ken)?` +
    String.raw`(?:\s+(?:I{1,2}|EK|TK))?` +
    String.raw`(?:,?\s+(?:vergaderjaar\s+)?(\d{4}\s*[/${DASH.slice(1, -1)}]\s*\d{2,4}))?` +
    String.raw`,?\s+(${DOSSIER})(?:${TOEVOEGING})?${RIJKSWET}` +
    String.raw`((?:${OTHER_DOSSIER})*)` +
    String.raw`,?\s*(nrs?\.?|nummers?)\s*(${NUMBER})`,
  'g',
);
const OTHER_DOSSIER_ONE = new RegExp(String.raw`${DOSSIER}`, 'g');
/** Further numbers after `nrs.`: `, 2956`, ` en 2964`. */
const LIST_ITEM = new RegExp(String.raw`\s*(?:,|\ben\b|&)\s*(${NUMBER})`, 'y');

/** Finds `Kamerstuk(ken) …, nr(s). …` citations; a list of numbers gives one reference per number. */
export function detectKamerstukken(text: string): Reference[] {
  const found: Reference[] = [];
  KAMERSTUK.lastIndex = 0;
  for (let m = KAMERSTUK.exec(text); m; m = KAMERSTUK.exec(text)) {
    const [whole, vergaderjaar, dossierRaw, toevDash, toevSpace, others, nrWord, firstNumber] = m;
    const dossier = normaliseDossier(dossierRaw!);
    const toevoegingRaw = toevDash ?? toevSpace;
    const toevoeging = toevoegingRaw ? normaliseToevoeging(toevoegingRaw) : undefined;
    const alsoDossiers = others ? [...others.matchAll(OTHER_DOSSIER_ONE)].map((o) => normaliseDossier(o[0])) : [];
    const base = {
      dossier,
      ...(toevoeging ? { toevoeging } : {}),
      ...(alsoDossiers.length ? { alsoDossiers } : {}),
      ...(vergaderjaar ? { vergaderjaar: vergaderjaar.replace(/\s/g, '') } : {}),
    };
    const push = (number: string, start: number, end: number) =>
      found.push({
        kind: 'kamerstuk',
        id: kamerstukId(dossier, toevoeging, number),
        text: text.slice(start, end),
        start,
        end,
        parts: { ...base, number },
        confidence: 0.99,
      });
    const start = m.index;
    let end = start + whole.length;
    push(firstNumber!, start, end);
    if (!nrWord!.toLowerCase().startsWith('nrs') && !nrWord!.toLowerCase().startsWith('nummers')) continue;
    LIST_ITEM.lastIndex = end;
    for (let item = LIST_ITEM.exec(text); item; item = LIST_ITEM.exec(text)) {
      const itemEnd = LIST_ITEM.lastIndex;
      push(item[1]!, itemEnd - item[1]!.length, itemEnd);
      end = itemEnd;
    }
    KAMERSTUK.lastIndex = Math.max(KAMERSTUK.lastIndex, end);
  }
  return found;
}
