/**
 * Building blocks for reference patterns, as regex source strings. Each block is bounded (no `*` or `+` over
 * something that can itself match the empty string or overlap its neighbour), so composed patterns stay linear.
 */

/** Any dash that writers and PDF extraction produce between numbers: hyphen, non-breaking hyphen, en/em dash. */
export const DASH_CHARS = '\\-\u2010\u2011\u2012\u2013\u2014';
export const DASH = `[${DASH_CHARS}]`;

/** Whitespace, including no-break and thin spaces (JS `\s` covers them) — bounded, a line break included. */
export const WS = '\\s{0,8}';
export const WS1 = '\\s{1,8}';

/** A dossier number: `19637`, `19 637` (any space), `36.496`, `31-700` (KOOP test forms). */
export const DOSSIER = '\\d{2}[ \\u00a0\\u2009\\u202f.]?\\d{3}(?!\\d)';
export const DOSSIER_HYPHENATED = '\\d{2}-\\d{3}(?![\\d])';

/** Roman numerals as used in begroting toevoegingen (`VI`, `XVII`, `IXB`, `IIA`). */
export const ROMAN = '(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[AB]?';

/** An ondernummer: digits with an optional lower-case letter (`42e`), or Eerste Kamer letters (`E`, `AA`). */
export const NUMBER_DIGITS = '[1-9]\\d{0,3}[a-z]?(?![\\d\\p{L}])';
export const NUMBER_LETTERS = '[A-Z]{1,2}(?![\\p{L}\\d])';

/** The word before an ondernummer: `nr.`, `nr`, `nrs.`, `nummer`, `Nr.`, `NR.`. */
export const NR_WORD = '(?:[Nn]rs?|NRS?|[Nn]ummers?)(?![\\p{L}])\\.?';

/** A vergaderjaar: `2019/20`, `2018/2019`, `2007-08`, `1999–2000`, `1985/- 86` (both years captured). */
export const VERGADERJAAR = `(\\d{4})${WS}[/${DASH_CHARS}]${WS}-?${WS}(\\d{4}|\\d{2})(?!\\d)`;

/** A page reference after a citation: `p. 7–8`, `blz. 238-239`, `pag 2-3`, `p. 12 en 13`, `pag. 4 e.v.`. */
export const PAGE_WORD = "(?:pp?\\.|pag\\.?|pagina(?:'s)?|blz\\.?|bladzijden?|b\\.)";
export const PAGES = `\\d{1,5}(?:${WS}(?:[${DASH_CHARS}/,]|en)${WS}\\d{1,5}){0,8}(?:${WS}e\\.?${WS}v\\.?)?`;
