import { describe, expect, it } from 'vitest';
import { type Agenda, IMA, labelPillars } from '../../../lib/refs/pillars';
import type { PillarRef } from '../../../lib/refs/types';
import { corpusText, HAS_SHARED, NO_SHARED } from '../../support/shared';

/** Labels as [pillar, confidence] pairs, in output order. */
const pairs = (refs: PillarRef[]) => refs.map((r) => [r.pillar, r.confidence] as const);
const pillarsOf = (refs: PillarRef[]) => refs.map((r) => r.pillar);
/** Labels that cover a whole section: they start at a numbered heading. */
const sectionsOf = (refs: PillarRef[]) => refs.filter((r) => /^\d\.\d?\s/.test(r.text));
/** The label of the paragraph that contains `phrase` (not of its section). */
const paragraphWith = (refs: PillarRef[], phrase: string) =>
  refs.filter((r) => r.text.includes(phrase)).sort((a, b) => a.text.length - b.text.length)[0];

function expectExactSpans(text: string, refs: PillarRef[]): void {
  for (const r of refs) {
    expect(r.text).toBe(text.slice(r.start, r.end));
    expect(r.text).toBe(r.text.trim());
    expect(r.id).toBe(`pijler-${r.agenda}-${r.pillar}`);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  }
}

describe('explicit mentions in a paragraph', () => {
  it.each([
    ['digit', 'Onder pijler 4 valt ook de inzet op vreemdelingenbewaring en gedwongen vertrek.', [4]],
    ['ordinal', 'De vierde pijler van de migratieagenda richt zich op het beperken van illegaal verblijf.', [4]],
    ['with its title', 'Voor pijler 2 (opvang in de regio) trekt het kabinet jaarlijks extra middelen uit.', [2]],
    [
      'first ordinal',
      'Binnen de eerste pijler van de Integrale Migratieagenda werkt het kabinet samen met Niger.',
      [1],
    ],
    ['two pillars', 'De pijlers 5 en 6 hangen samen waar het gaat om arbeidsmigranten en hun integratie.', [5, 6]],
    ['Roman numeral', 'Onder pijler VI valt de nieuwe Wet inburgering.', [6]],
    ['against the vocabulary', 'Onder pijler 5 valt ook de terugkeer van afgewezen kennismigranten.', [5]],
  ])('%s', (_, text, expected) => {
    const refs = labelPillars(text);
    expect(pillarsOf(refs)).toEqual(expected);
    for (const r of refs) expect(r.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('a cross-reference (`zoals onder pijler drie genoemd`) labels with lower confidence', () => {
    const [ref, ...rest] = labelPillars('Zoals onder pijler drie genoemd, wordt de asielprocedure verder verkort.');
    expect(rest).toEqual([]);
    expect(ref?.pillar).toBe(3);
    expect(ref?.confidence).toBeLessThan(0.8);
  });
});

describe('vocabulary only', () => {
  it.each([
    [
      1,
      'De aanpak van mensensmokkelaars langs de migratieroutes in de Sahel is geïntensiveerd. Daarnaast investeert ' +
        'het kabinet in de aanpak van grondoorzaken en in bewustwordingscampagnes, zodat minder mensen de gevaarlijke ' +
        'overtocht over de Middellandse Zee wagen.',
    ],
    [
      2,
      'Nederland steunt vluchtelingen en ontheemden in de regio via UNHCR en UNICEF. Gastgemeenschappen in Libanon en ' +
        'Jordanië krijgen hulp bij onderwijs en werk, zodat vluchtelingen perspectief hebben dicht bij huis.',
    ],
    [
      3,
      'De IND verkort de doorlooptijden van asielaanvragen en het COA breidt de opvangcapaciteit uit. In Europees ' +
        'verband zet het kabinet in op hervorming van het GEAS en de Dublinverordening.',
    ],
    [
      4,
      'Het terugkeerbeleid blijft een speerpunt. Vreemdelingen zonder verblijfsrecht worden gestimuleerd zelfstandig ' +
        'te vertrekken; waar dat niet lukt, wordt vreemdelingenbewaring ingezet om gedwongen terugkeer te realiseren.',
    ],
    [
      5,
      'Kennismigranten en buitenlandse studenten vinden Nederland aantrekkelijk. Het kabinet verlaagt het ' +
        'salariscriterium voor startups en maakt de Europese blauwe kaart toegankelijker; ook de regels voor ' +
        'gezinsmigratie worden verduidelijkt.',
    ],
    [
      6,
      'Gemeenten krijgen een regierol bij de inburgering van statushouders. Zij bieden taalonderwijs en begeleiding ' +
        'naar betaald werk, zodat nieuwkomers snel kunnen participeren in de samenleving.',
    ],
  ])('pillar %i', (pillar, text) => {
    const refs = labelPillars(text);
    expect(pillarsOf(refs)).toEqual([pillar]);
    expect(refs[0]!.confidence).toBeGreaterThan(0.5);
    expect(refs[0]!.confidence).toBeLessThan(0.8);
    expect(refs[0]!.text).toBe(text);
  });
});

describe('no label', () => {
  it.each([
    [
      'overview per pijler',
      'In deze brief informeer ik u over de voortgang per pijler van de Integrale Migratieagenda, met aandacht voor ' +
        'terugkeer, opvang in de regio en integratie.',
    ],
    [
      'the six pillars',
      'De zes pijlers van de agenda hangen nauw met elkaar samen: van de aanpak van irreguliere migratie tot de ' +
        'inburgering van statushouders.',
    ],
    [
      'three pillars named',
      'Onder pijler 1, pijler 3 en pijler 4 valt de samenwerking met herkomstlanden op terugkeer.',
    ],
    [
      'the budget',
      'De begroting van het Ministerie van Justitie en Veiligheid voor 2021 laat een tekort zien van 120 miljoen euro. ' +
        'De minister van Financiën heeft in de Voorjaarsnota aanvullende middelen toegezegd voor de politie.',
    ],
    [
      'an EU regulation',
      'De verordening inzake de interne markt voor elektriciteit treedt op 1 januari in werking. Lidstaten moeten ' +
        'binnen twee jaar hun nationale regelgeving aanpassen aan de nieuwe Europese regels voor netbeheer.',
    ],
    [
      'another kind of pillar',
      'De tweede pijler van het pensioenstelsel bestaat uit de aanvullende pensioenen die werkgevers regelen.',
    ],
    [
      'pillar without a number',
      'Migratie is een kernthema en tevens een belangrijke pijler voor het buitenlandbeleid.',
    ],
    ['a single topic word', 'Het kabinet spreekt over terugkeer.'],
    ['empty', ''],
  ])('%s', (_, text) => {
    expect(labelPillars(text)).toEqual([]);
  });
});

describe('headings and spans', () => {
  const text = [
    'Inleiding',
    '',
    'Deze brief gaat over de voortgang van de migratieagenda.',
    '',
    '4. Minder illegaliteit, meer terugkeer',
    '',
    'Het kabinet zet in op terugkeer.',
    '',
    '  Onder pijler 4 valt ook de vreemdelingenbewaring.  ',
    '',
    'Zoals onder pijler drie genoemd, wordt de asielprocedure verkort.',
    '',
    'Ten slotte',
    '',
    'Dank voor uw aandacht.',
  ].join('\r\n');
  const refs = labelPillars(text);

  it('a numbered heading labels its section up to the next heading; mentions label their paragraphs', () => {
    expectExactSpans(text, refs);
    expect(refs.map((r) => [r.pillar, r.text.split('\r\n')[0]])).toEqual([
      [4, '4. Minder illegaliteit, meer terugkeer'],
      [4, 'Onder pijler 4 valt ook de vreemdelingenbewaring.'],
      [3, 'Zoals onder pijler drie genoemd, wordt de asielprocedure verkort.'],
    ]);
    const section = refs[0]!;
    expect(section.confidence).toBeGreaterThanOrEqual(0.95);
    expect(section.start).toBe(text.indexOf('4. Minder'));
    expect(section.end).toBe(text.indexOf('verkort.') + 'verkort.'.length);
  });

  it('a worded heading without a number also labels its section', () => {
    const worded = 'Opvang in de regio\n\nHet kabinet maakt middelen vrij voor gastlanden.\n\nTen slotte\n\nDank.';
    const [ref, ...rest] = labelPillars(worded);
    expect(rest).toEqual([]);
    expect(ref).toMatchObject({ pillar: 2, start: 0, end: worded.indexOf(' gastlanden.') + 12 });
    expect(ref!.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('a heading glued to its paragraph (PDF text) and a wrapped numbered heading', () => {
    const pdf =
      '1.2 Versterken opvang en bescherming voor vluchtelingen en \nontheemden in de regio  \n\n' +
      'Het kabinet geeft aan dat de opvang van vluchtelingen in de regio beter \nmoet. \n' +
      ' 1.3 Solidair en solide asielstelsel binnen de Europese Unie en in \nNederland  \n\nDe IND beslist sneller.';
    const got = labelPillars(pdf);
    expectExactSpans(pdf, got);
    expect(got.map((r) => [r.pillar, r.start])).toEqual([
      [2, 0],
      [3, pdf.indexOf('1.3')],
    ]);
    expect(got[0]!.text.endsWith('beter \nmoet.')).toBe(true);
  });
});

describe('a second agenda, as data only', () => {
  const KLIMAAT: Agenda = {
    key: 'klimaat',
    name: 'Klimaatagenda (verzonnen)',
    units: ['spoor'],
    context: [
      ['klimaat', 2],
      ['CO2', 2],
    ],
    pillars: [
      {
        number: 1,
        label: 'Energiebesparing',
        headings: [['energiebesparing', 4]],
        vocabulary: [
          ['isolatie', 3],
          ['warmtepomp', 3],
          ['energielabel', 3],
        ],
      },
      {
        number: 2,
        label: 'Duurzame opwek',
        headings: [
          ['duurzame opwek', 4],
          ['opwek', 3],
        ],
        vocabulary: [
          ['windpark', 3],
          ['zonnepaneel', 3],
          ['netcongestie', 2],
        ],
      },
    ],
  };
  const text = [
    '1. Energiebesparing in de gebouwde omgeving',
    '',
    'Huishoudens krijgen subsidie voor isolatie en warmtepompen, zodat het klimaat minder CO2 te verduren krijgt.',
    '',
    '2. Duurzame opwek',
    '',
    'De windparken op zee leveren meer stroom dan verwacht.',
    '',
    'Onder spoor 1 valt ook het energielabel van huurwoningen.',
    '',
    'Overig',
    '',
    'Op daken komen steeds meer zonnepanelen; netbeheerders waarschuwen voor netcongestie bij windparken.',
  ].join('\n');

  it('labels sections, mentions and vocabulary with its own key and unit word', () => {
    const refs = labelPillars(text, { agendas: [KLIMAAT] });
    expectExactSpans(text, refs);
    expect(refs.map((r) => [r.id, r.text.slice(0, 20)])).toEqual([
      ['pijler-klimaat-1', '1. Energiebesparing '],
      ['pijler-klimaat-2', '2. Duurzame opwek\n\nD'],
      ['pijler-klimaat-1', 'Onder spoor 1 valt o'],
      ['pijler-klimaat-2', 'Op daken komen steed'],
    ]);
  });

  it('next to the IMA, each agenda labels only its own text', () => {
    const mixed = `${text}\n\n4. Minder illegaliteit, meer terugkeer\n\nHet kabinet zet in op terugkeer.`;
    const refs = labelPillars(mixed, { agendas: [IMA, KLIMAAT] });
    expect(refs.map((r) => r.id)).toEqual([
      'pijler-klimaat-1',
      'pijler-klimaat-2',
      'pijler-klimaat-1',
      'pijler-klimaat-2',
      'pijler-ima-4',
    ]);
  });
});

/** Prints what a reviewer needs to eyeball the labels of a corpus text: pillar, confidence, length, first words. */
function summarise(name: string, refs: PillarRef[]): void {
  const lines = refs.map((r) => {
    const size = `${r.end - r.start}`.padStart(6);
    return `  ${r.pillar}  ${r.confidence.toFixed(2)} ${size} ch  ${r.text.slice(0, 40).replace(/\s+/g, ' ')}`;
  });
  console.log(`${name}: ${refs.length} labels\n${lines.join('\n')}`);
}

describe.skipIf(HAS_SHARED)('pillar labels on the corpus', () => {
  it.skip(NO_SHARED, () => {});
});

describe.skipIf(!HAS_SHARED)('pillar labels on the corpus', () => {
  describe('the 2019 progress letter (kst-19637-2535)', () => {
    const text = HAS_SHARED ? corpusText('kst-19637-2535') : '';
    const refs = labelPillars(text);
    summarise('kst-19637-2535', refs);

    it('has exact spans', () => expectExactSpans(text, refs));

    it.each([
      [1, '1. Voorkomen van irreguliere migratie'],
      [2, '2. Versterken opvang en bescherming voor vluchtelingen en ontheemden in de regio'],
      [3, '3. Solidair en solide asielstelsel binnen de Europese Unie en Nederland'],
      [4, '4. Minder illegaliteit, meer terugkeer'],
      [5, '5. Bevorderen legale migratieroutes'],
      [6, '6. Stimuleren integratie en participatie'],
    ])('section %i runs from its heading to the next', (pillar, heading) => {
      const section = sectionsOf(refs).find((r) => r.pillar === pillar);
      expect(section?.start).toBe(text.indexOf(heading));
      expect(section?.confidence).toBeGreaterThanOrEqual(0.95);
      const next = pillar < 6 ? text.indexOf(`\n${pillar + 1}. `) : text.indexOf('\nTen slotte');
      expect(text.slice(section!.end, next).trim()).toBe('');
    });

    it('maps the six sections exactly to pillars 1–6', () => {
      expect(pillarsOf(sectionsOf(refs))).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('`zoals onder pijler drie genoemd` in section 6 is a low-confidence label for 3', () => {
      const ref = paragraphWith(refs, 'zoals onder pijler drie genoemd');
      expect(ref?.pillar).toBe(3);
      expect(ref?.confidence).toBeLessThan(0.7);
    });

    it('the introduction (`voortgang per pijler`) has no label', () => {
      const intro = text.indexOf('Het afgelopen jaar heeft het kabinet de beleidsvoornemens');
      expect(refs.filter((r) => r.start <= intro && r.end > intro)).toEqual([]);
    });
  });

  describe('the 2020 progress letter (PDF text)', () => {
    const text = HAS_SHARED ? corpusText('ima-voortgangsbrief-2020') : '';
    const refs = labelPillars(text);
    summarise('ima-voortgangsbrief-2020', refs);

    it('has exact spans', () => expectExactSpans(text, refs));

    it('finds the six numbered headings, glued to their first paragraph or not', () => {
      const sections = sectionsOf(refs);
      expect(pairs(sections)).toEqual([1, 2, 3, 4, 5, 6].map((p) => [p, 0.97]));
      for (const s of sections) expect(s.start).toBe(text.indexOf(`\n${s.pillar}. `) + 1);
      expect(sections[0]!.text).toMatch(/^1\. Voorkomen van irreguliere migratie \nHet aantal/);
    });

    it('the overviews (`per pijler`, `meerdere pijlers`) have no label', () => {
      for (const phrase of ['De ontwikkelingen per pijler', 'Alvorens de inzet op de pijlers']) {
        const at = text.indexOf(phrase);
        expect(refs.filter((r) => r.start <= at && r.end > at)).toEqual([]);
      }
    });

    it('`nader omschreven onder pijler 4` in the overarching part is a low-confidence label for 4', () => {
      const ref = paragraphWith(refs, 'omschreven onder pijler 4');
      expect(ref).toMatchObject({ pillar: 4 });
      expect(ref!.confidence).toBeLessThan(0.7);
    });
  });

  describe('the schriftelijk overleg (kst-19637-2395)', () => {
    const text = HAS_SHARED ? corpusText('kst-19637-2395') : '';
    const refs = labelPillars(text);
    summarise('kst-19637-2395', refs);

    it('has exact spans', () => expectExactSpans(text, refs));

    it('labels each pillar twice: questions and reply, sections 1.1–1.6', () => {
      const sections = sectionsOf(refs);
      expect(pillarsOf(sections)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
      for (const s of sections) expect(s.text.startsWith(`1.${s.pillar} `)).toBe(true);
      // A page footer does not cut a section short: questions 1.2 run up to 1.3.
      expect(text.slice(sections[1]!.end, sections[2]!.start).trim()).toBe('');
    });

    it('`onder pijler 5` in the reply to 1.2 labels its paragraph with 5', () => {
      const ref = paragraphWith(refs, 'onder pijler 5');
      expect(ref?.pillar).toBe(5);
      expect(ref?.confidence).toBeLessThan(0.8);
    });
  });
});
