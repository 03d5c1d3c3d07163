/**
 * Generated texts for the timing checks and the bench: the adversarial families of issue 9 and motion-dense text,
 * each of about `n` characters and the same for the same seed (a fixed generator, no Math.random), so every run
 * times the same input.
 */

/** mulberry32: a small seeded generator with a full 2^32 period. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function build(n: number, seed: number, next: (r: () => number) => string): string {
  const r = random(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < n) {
    const part = next(r);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, n);
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** Printable ASCII and line breaks, uniformly. */
export function randomAscii(n: number, seed = 1): string {
  return build(n, seed, (r) => (r() < 0.02 ? '\n' : String.fromCharCode(32 + Math.floor(r() * 95))));
}

/** Any code point of the Basic Multilingual Plane except surrogates: letters of every script, marks, controls. */
export function randomBmp(n: number, seed = 2): string {
  return build(n, seed, (r) => {
    const code = Math.floor(r() * 0xffff);
    return code >= 0xd800 && code <= 0xdfff ? ' ' : String.fromCharCode(code);
  });
}

const SOUP = [
  'Kamerstuk ',
  'Kamerstukken II ',
  '2019/20, ',
  '19 637',
  '-20',
  ' VI',
  ', nr. ',
  'nrs. ',
  '2375',
  ' en ',
  '(',
  ')',
  'Handelingen II ',
  'motie ',
  'motie-',
  'van het lid ',
  'Groothuizen ',
  'c.s. ',
  'pijler ',
  'terugkeer ',
  'asiel',
  '\n',
  '\n\n',
  '. ',
];

/** The starts of every reference form, motion words and pillar words, in random order. */
export function kamerstukSoup(n: number, seed = 3): string {
  return build(n, seed, (r) => pick(r, SOUP));
}

/** One citation with a list that never ends: `Kamerstuk 22 112, nrs. 1, 2, 3, …` (100 000 items are ~690 kB). */
export function endlessList(n: number): string {
  const parts = ['Kamerstuk 22 112, nrs. '];
  let length = parts[0]!.length;
  for (let i = 1; length < n; i++) {
    const part = `${i}, `;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, n);
}

/** Runs of digits of every length with single spaces and stops between them. */
export function digitRuns(n: number, seed = 4): string {
  return build(
    n,
    seed,
    (r) =>
      `${'1234567890'.repeat(1 + Math.floor(r() * 5)).slice(0, 1 + Math.floor(r() * 40))}${pick(r, [' ', '. ', ', ', '\n'])}`,
  );
}

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u0301', '\u0308', '\u0327', '\u034f'];

/** Real reference and motion text with zero-width characters, soft hyphens and combining marks everywhere. */
export function invisibles(n: number, seed = 5): string {
  const words = 'De motie van het lid Groothuizen c.s. (Kamerstuk 19 637, nr. 2375) over terugkeer en pijler 4.'.split(
    '',
  );
  return build(n, seed, (r) => (r() < 0.3 ? pick(r, INVISIBLE) : pick(r, words)));
}

const SURNAMES = [
  'Groothuizen',
  'Van der Plas',
  'Becker',
  'Kuik',
  'Jasper van Dijk',
  'Özütok',
  'Van Nispen',
  'Faber-van de Klashorst',
  'Omtzigt',
  'Podt',
  'Bikker',
  'Eerdmans',
];
const TOPICS = [
  'terugkeer',
  'opvang in de regio',
  'de asielprocedure',
  'arbeidsmigratie',
  'de terugkeer van uitgeprocedeerde asielzoekers onder pijler 4',
  'de pensioenen',
  'het onderwijs',
];

/**
 * Text as dense with motions as a voting list in the Handelingen or a letter answering motions: every sentence
 * names one or two motions with their members, most with a citation, many about a pillar's topic.
 */
export function motionDense(n: number, seed = 6): string {
  return build(n, seed, (r) => {
    const a = pick(r, SURNAMES);
    const b = pick(r, SURNAMES);
    const dossier = `${20 + Math.floor(r() * 17)} ${100 + Math.floor(r() * 900)}`;
    const nr = 1 + Math.floor(r() * 2000);
    return pick(r, [
      `De motie van het lid ${a} c.s. over ${pick(r, TOPICS)} (Kamerstuk ${dossier}, nr. ${nr}) is aangenomen. `,
      `In stemming komt de motie-${a}/${b} (${dossier}, nr. ${nr}). `,
      `Met de moties ${a} c.s. en ${b} c.s. verzoekt de Kamer de regering ${pick(r, TOPICS)} te versterken. `,
      `MOTIE VAN DE LEDEN ${a.toUpperCase()} EN ${b.toUpperCase()}\n\n`,
      `Hiermee geef ik uitvoering aan de motie van de leden ${a} en ${b} over ${pick(r, TOPICS)}.\n\n`,
    ]);
  });
}
