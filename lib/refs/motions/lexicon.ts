/*
 * The Dutch words the motion detector needs, as data. compromise is English-centric and knows none of these; the
 * tagged groups below are fed to it as a plugin (see `tokens.ts`), the plain sets are used by the rules directly.
 * Everything is lower case without diacritics, the form compromise gives as a term's `normal`.
 */

/**
 * Surname particles (`van`, `van der`, `'t`). Multi-word particles are sequences of these, so only single words are
 * listed. `in` is only a particle before `'t`, `den`, `der` or `het` (`in 't Veld`); the name rules check that.
 */
export const PARTICLES = [
  'van',
  'de',
  'der',
  'den',
  'des',
  'ter',
  'ten',
  'te',
  'het',
  't',
  'in',
  'op',
  'uit',
  'la',
  'le',
  'du',
  'von',
] as const;

/** Particles that may follow `in` inside a name: `in 't Veld`, `In den Bosch`. */
export const AFTER_IN = new Set(['t', 'den', 'der', 'het']);

/** Forms of address and academic titles that stand before a name and are not part of it. */
export const TITLES = ['mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'ds', 'dhr', 'mevr', 'mevrouw', 'heer'] as const;

/** The word that says names follow: `van het lid`, `van de leden`, `van het Kamerlid`. */
export const MEMBER_WORDS = ['lid', 'leden', 'kamerlid', 'kamerleden'] as const;

/** Member words that announce several co-submitters of one motion. */
export const PLURAL_MEMBER_WORDS = new Set(['leden', 'kamerleden']);

export const MOTION_WORDS = ['motie', 'moties'] as const;

/**
 * Parties and their abbreviations as compromise normalises them (`GL-PvdA` splits into `gl` and `pvda`). A party
 * is never a submitter's surname: `Motie-Van Weerdenburg (PVV) c.s.`.
 */
export const PARTIES = [
  'vvd',
  'pvv',
  'cda',
  'd66',
  'groenlinks',
  'gl',
  'sp',
  'pvda',
  'christenunie',
  'cu',
  'pvdd',
  '50plus',
  'sgp',
  'denk',
  'fvd',
  'ja21',
  'bbb',
  'nsc',
  'volt',
  'bij1',
] as const;

/** Party names as written inside parentheses after a name, compared without spaces: `(GL-PvdA)`. */
export const PARTY_LABELS = new Set<string>([
  ...PARTIES,
  'gl-pvda',
  'groenlinks-pvda',
  'gl/pvda',
  'partijvoordedieren',
]);

/**
 * Capitalised words that stand where a name could, but name a body, an office or a document:
 * `commissie-Plaisier`, `Fractie-Nanninga`, `de motie van de Tweede Kamer`, a header's `Voorgesteld`.
 */
export const NOT_NAMES = [
  'commissie',
  'fractie',
  'werkgroep',
  'groep',
  'kabinet',
  'regering',
  'kamer',
  'tweede',
  'eerste',
  'minister',
  'ministers',
  'ministerie',
  'staatssecretaris',
  'premier',
  'voorzitter',
  'raad',
  'college',
  'overheid',
  'staten',
  'kamerstuk',
  'kamerstukken',
  'handelingen',
  'amendement',
  'brief',
  'kamerbrief',
  'bijlage',
  'voorgesteld',
  'ingediend',
  'nr',
  'nrs',
  'zie',
  'eu',
  'europese',
  'nederland',
  'nederlandse',
] as const;

/** The tags this module adds to compromise, one per word group. */
export const TAG = {
  particle: 'NlParticle',
  title: 'NlTitle',
  member: 'NlMemberWord',
  motion: 'NlMotionWord',
  party: 'NlParty',
  notName: 'NlNotName',
} as const;

/** The compromise lexicon: word → tag. */
export function compromiseLexicon(): Record<string, string> {
  const words: Record<string, string> = {};
  const add = (list: readonly string[], tag: string) => {
    for (const word of list) words[word] = tag;
  };
  add(NOT_NAMES, TAG.notName);
  add(PARTIES, TAG.party);
  add(TITLES, TAG.title);
  add(MEMBER_WORDS, TAG.member);
  add(MOTION_WORDS, TAG.motion);
  add(PARTICLES, TAG.particle);
  return words;
}

/**
 * Words that open a clause describing the motion (`de motie-Fritsma over …`, `de motie Groothuizen c.s. waarin …`,
 * `…, ingediend tijdens …`). A citation or footnote after such a clause still belongs to the motion; after any other
 * words (`…, tijdens de Europese Raad … is aangedrongen op …`) the sentence has moved on to something else.
 */
export const CLAUSE_OPENERS = new Set([
  'over',
  'inzake',
  'betreffende',
  'aangaande',
  'omtrent',
  'waarin',
  'waarbij',
  'waarmee',
  'waarvan',
  'die',
  'dat',
  'om',
  'ter',
  'tot',
  'met',
  'ingediend',
  'aangenomen',
  'aangehouden',
]);

/**
 * Nouns that carry citations of their own. A citation after `de motie-X over de brief van … (Kamerstuk …)` may be
 * the letter's, so a clause naming one of these does not link the motion to the citation that ends it.
 */
export const CITED_NOUNS = new Set([
  'brief',
  'brieven',
  'kamerbrief',
  'beleidsbrief',
  'verslag',
  'rapport',
  'rapportage',
  'nota',
  'notitie',
  'wetsvoorstel',
  'beantwoording',
  'antwoorden',
]);

/**
 * What a letter says it is about, just before the motion it answers: `de brief n.a.v. de motie …`,
 * `in de brief over de uitvoering van de motie …`. Lower case, as word sequences.
 */
export const LETTER_SUBJECT_PHRASES = [
  ['n.a.v.'],
  ['naar', 'aanleiding', 'van'],
  ['over'],
  ['inzake'],
  ['betreffende'],
  ['omtrent'],
  ['aangaande'],
  ['uitvoering', 'van'],
  ['uitvoering'],
] as const;

/** Words between such a phrase and the motion word that change nothing: `n.a.v. de aangenomen motie`. */
export const DETERMINERS = new Set([
  'de',
  'het',
  'deze',
  'die',
  'zijn',
  'haar',
  'hun',
  'aangenomen',
  'aangehouden',
  'gewijzigde',
  'nader',
  'ingediende',
  'genoemde',
  'eerdergenoemde',
]);

/** Words naming a letter, whose presence in the sentence makes `n.a.v. de motie` a letter's subject. */
export const LETTER_WORDS = /(?<!\p{L})(?:kamer|beleids)?brie(?:f|ven)(?!\p{L})/iu;

/**
 * Abbreviations whose full stop does not end a sentence (`c.s.`, `n.a.v.`, `jl.`, `nr.`), as written before the
 * final stop, lower case.
 */
export const ABBREVIATIONS = new Set([
  'c.s',
  'n.a.v',
  'o.a',
  'm.n',
  'jl',
  'nr',
  'nrs',
  'blz',
  'p',
  'pp',
  'art',
  'dhr',
  'mevr',
  'mr',
  'dr',
  'drs',
  'ir',
  'ing',
  'prof',
  'i.v.m',
  't.a.v',
  'm.b.t',
  'bijv',
  'bv',
  'e.d',
  'e.a',
  'etc',
  'incl',
  'resp',
  'ca',
  'd.d',
  'vs',
  'zgn',
  'mln',
  'mld',
  'mrd',
  'evt',
  't.v.v',
  'vgl',
  'jo',
  'o.b.v',
  'i.p.v',
  't.b.v',
  'm.u.v',
  'd.w.z',
  'z.g',
]);

/** Footnotes that point elsewhere (`Zie ook Kamerstuk …`) rather than give the motion's own document. */
export const SEE_ALSO = /^(?:zie\s+(?:ook|bijv|bijvoorbeeld|daarnaast)|vgl\.?|vergelijk|cf\.?)(?!\p{L})/iu;
