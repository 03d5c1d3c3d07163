import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFootnotes } from '../../../lib/refs/footnotes';
import { detectMotions } from '../../../lib/refs/motions';
import type { PaperRef } from '../../../lib/refs/types';

/** Paper references for the given citations, wherever they occur in the text, as the paper detectors would give them. */
function papersIn(text: string, citations: Record<string, string>): PaperRef[] {
  const papers: PaperRef[] = [];
  for (const [citation, id] of Object.entries(citations)) {
    for (let at = text.indexOf(citation); at >= 0; at = text.indexOf(citation, at + 1)) {
      papers.push({
        kind: 'kamerstuk',
        id,
        text: citation,
        start: at,
        end: at + citation.length,
        parts: {},
        confidence: 1,
      });
    }
  }
  return papers.sort((a, b) => a.start - b.start);
}

function motions(text: string, citations: Record<string, string> = {}) {
  return detectMotions(text, papersIn(text, citations), findFootnotes(text));
}

/** Each row: catalogue form, text, and per motion found: members, c.s., the text the mention covers. */
const FORMS: [string, string, [string[], boolean, string][]][] = [
  ['M1 motie-Naam c.s.', 'de motie-Omtzigt c.s. (21501-20, nr. 1471) is', [[['omtzigt'], true, 'motie-Omtzigt c.s.']]],
  [
    'M2 motie-A/B',
    'de motie-Van Aalst/Remco Dijkstra over het ov (35300-A, nr. 15)',
    [[['van aalst', 'dijkstra'], false, 'motie-Van Aalst/Remco Dijkstra']],
  ],
  [
    'M3 aangehouden',
    'de aangehouden motie-Lodders/Geurts (33576, nr. 105)',
    [[['lodders', 'geurts'], false, 'motie-Lodders/Geurts']],
  ],
  ['M3 gewijzigde', 'de gewijzigde motie-Verbugt c.s. over het beleid', [[['verbugt'], true, 'motie-Verbugt c.s.']]],
  ['M3 aangenomen', 'de aangenomen motie-Fritsma over', [[['fritsma'], false, 'motie-Fritsma']]],
  [
    'M3 nader gewijzigde',
    'Nader gewijzigde motie van het lid Eerdmans nr. 30 (t.v.v. 36471-28)',
    [[['eerdmans'], false, 'motie van het lid Eerdmans']],
  ],
  [
    'M4 motie van het lid',
    'motie van het lid Marijnissen c.s. (Kamerstuk 35510-21)',
    [[['marijnissen'], true, 'motie van het lid Marijnissen c.s.']],
  ],
  ['M5 bare name', 'de motie Ellian c.s. is uitgevoerd', [[['ellian'], true, 'motie Ellian c.s.']]],
  ['M5 van lid', 'de motie van lid Klaver c.s. vraagt', [[['klaver'], true, 'motie van lid Klaver c.s.']]],
  [
    'M5 bare with particle',
    'de aangenomen motie De Blécourt c.s. vraagt',
    [[['de blécourt'], true, 'motie De Blécourt c.s.']],
  ],
  [
    'M5 van de leden',
    'de motie van de leden Verhoeven en Groothuizen, tijdens',
    [[['verhoeven', 'groothuizen'], false, 'motie van de leden Verhoeven en Groothuizen']],
  ],
  [
    'M6 moties A c.s. en B c.s.',
    'de moties Marijnissen c.s. en Klaver c.s. (hierna: Motie#21)',
    [
      [['marijnissen'], true, 'moties Marijnissen c.s.'],
      [['klaver'], true, 'Klaver c.s.'],
    ],
  ],
  [
    'M6 moties-A c.s. with marker',
    'aangenomen moties-Koffeman c.s.5 en',
    [[['koffeman'], true, 'moties-Koffeman c.s.']],
  ],
  ['M6 moties van lid', 'de moties van lid Omtzigt over', [[['omtzigt'], false, 'moties van lid Omtzigt']]],
  [
    'M7 van van het lid',
    'de motie van van het lid Jasper van Dijk (Kamerstuk 35 663, nr.19)',
    [[['van dijk'], false, 'motie van van het lid Jasper van Dijk']],
  ],
  [
    'M8 inside a letter title',
    'Uitvoering van de motie van het lid Sjoerdsma over x (Kamerstuk 21 501-02, nr. 2312) (Kamerstuk 21 501-02, nr. 2357)',
    [[['sjoerdsma'], false, 'motie van het lid Sjoerdsma']],
  ],
  ['M9 glued marker', 'motie van het lid Dassen2 over', [[['dassen'], false, 'motie van het lid Dassen']]],
  [
    'M9 party in parentheses',
    'Motie-Van Weerdenburg (PVV) c.s. over de wet',
    [[['van weerdenburg'], true, 'Motie-Van Weerdenburg (PVV) c.s.']],
  ],
  [
    'M10 Eerste Kamer letter',
    'de motie-Hartog c.s. over x (36410-V, letter I)',
    [[['hartog'], true, 'motie-Hartog c.s.']],
  ],
  ['M10 number only: no members', 'de motie 36410-V, letter I', []],
  [
    'M11 t.v.v.',
    'Nader gewijzigde motie van het lid Eerdmans nr. 30 (t.v.v. 36471-28)',
    [[['eerdmans'], false, 'motie van het lid Eerdmans']],
  ],
  [
    'M12 header, one member',
    'Nr. 8 MOTIE VAN HET LID VAN NISPEN\n\nVoorgesteld 30 januari 2025',
    [[['van nispen'], false, 'MOTIE VAN HET LID VAN NISPEN']],
  ],
  [
    'M12 header, two members',
    'Nr. 12 MOTIE VAN DE LEDEN PLOUMEN EN PATERNOTTE\nVoorgesteld 3 maart 2022',
    [[['ploumen', 'paternotte'], false, 'MOTIE VAN DE LEDEN PLOUMEN EN PATERNOTTE']],
  ],
  [
    'M13 academic',
    'Motie van het lid Sneller c.s., Kamerstukken II 2020/21 35 570-IX, nr. 14',
    [[['sneller'], true, 'Motie van het lid Sneller c.s.']],
  ],
  ['M14 party blog', 'Motie Thieme: het Terlouwmanifest als vertrekpunt', [[['thieme'], false, 'Motie Thieme']]],
  ['van de heer', 'de motie van de heer Omtzigt over', [[['omtzigt'], false, 'motie van de heer Omtzigt']]],
  [
    'list of three members',
    'de motie van de leden Kuik, Voordewind en Omtzigt is',
    [[['kuik', 'voordewind', 'omtzigt'], false, 'motie van de leden Kuik, Voordewind en Omtzigt']],
  ],
  [
    'moties van de leden: joint submitters',
    'de moties van de leden Kuik en Voordewind zijn',
    [[['kuik', 'voordewind'], false, 'moties van de leden Kuik en Voordewind']],
  ],
  [
    'moties A en B: one motion each',
    'de moties Kuik en Voordewind zijn',
    [
      [['kuik'], false, 'moties Kuik'],
      [['voordewind'], false, 'Voordewind'],
    ],
  ],
  ['party after c.s.', 'motie-Van Aalst c.s. (GL-PvdA) en', [[['van aalst'], true, 'motie-Van Aalst c.s. (GL-PvdA)']]],
];

/** Each row: text and the members of the one motion it mentions. */
const SURNAMES: [string, string[]][] = [
  ['motie-Van der Molen/Van Raak', ['van der molen', 'van raak']],
  ['motie-Den Boer c.s.', ['den boer']],
  // After a votes heading's `Stemmingen` only a bare `moties` is the heading; introduced names are still names.
  ['Stemmingen moties van het lid Kuik', ['kuik']],
  ['de stemmingen over de motie Kuik', ['kuik']],
  ["motie-Van 't Riet c.s.", ["van 't riet"]],
  ['motie-Van ’t Riet c.s.', ["van 't riet"]],
  ["de motie van het lid In 't Veld", ["in 't veld"]],
  ['motie-Versnel-Schmitz/Van Heemst', ['versnel-schmitz', 'van heemst']],
  ['motie-Aiking-van Wageningen', ['aiking-van wageningen']],
  ['de motie-Faber-van de Klashorst c.s. (CLVI, letter P)', ['faber-van de klashorst']],
  ['de motie-M.B. Vos', ['vos']],
  ['de motie van het lid mr. A.B.C. de Graaf', ['de graaf']],
  ['de motie van de leden A. de Vries en Kuik', ['de vries', 'kuik']],
  ['motie-Mei Li Vos c.s.', ['vos']],
  ['motie-Remco Dijkstra', ['dijkstra']],
  ['motie van van het lid Jasper van Dijk', ['van dijk']],
  ['motie-Özütok', ['özütok']],
  ['motie-Nicolaï', ['nicolaï']],
  ['motie-Nicolai\u0308 over', ['nicolai\u0308']],
  ['motie-Kröger', ['kröger']],
  ['motie-De Graaf c.s.2', ['de graaf']],
  ['motie-Nagel c.s.³', ['nagel']],
  ['motie van de leden  Kuik en \nVoordewind (Kamerstuk', ['kuik', 'voordewind']],
  ['de motie van het lid\u00a0Van\u2009der\u202fMolen is', ['van der molen']],
  ['de motie van de leden Groot-\nhuizen en Kuik', ['groothuizen', 'kuik']],
  ['de motie van het lid \n\n\nBecker over', ['becker']],
  ['de motie van het lid Omtzigt in De Volkskrant', ['omtzigt']],
  ['de motie van het lid Becker van de VVD', ['becker']],
  ['de motie–Omtzigt', ['omtzigt']],
  ['motie-Aiking-\nvan Wageningen', ['aiking-van wageningen']],
  ['MOTIE VAN HET LID Van Nispen', ['van nispen']],
];

/** Texts that mention no motion, though they look like one. */
const NOT_MOTIONS: [string, string][] = [
  ['commissie', 'de commissie-Plaisier heeft geadviseerd'],
  ['werkgroep', 'de werkgroep-Van der Staaij stelt voor'],
  ['groep', 'de groep-Nijpels'],
  ['fractie', 'de Fractie-Nanninga'],
  ['fractie after motie', 'de motie Fractie-Nanninga'],
  ['party slash', 'de motie van 50Plus/Baay-Timmerman'],
  ['motieven', 'om economische motieven zijn de risico’s'],
  ['motiveren', 'motiveren terug te keren en gemotiveerd'],
  ['bare een motie', 'een motie (Kamerstuk 19 637, nr. 2321) kamerbreed aangenomen'],
  ['bare de motie', 'in reactie op de betreffende motie (Kamerstuk 19 637, nr. 2394).'],
  ['Deze motie', 'Deze motie leidde in 2018 tot'],
  ['de motie om', 'uitvoering van de motie om harder in te zetten'],
  ['hierna', '(hierna: Motie#21)'],
  ['Tweede Kamer', 'de motie van de Tweede Kamer'],
  ['upper case heading word', 'Stemmingen moties MIRT'],
  // Issue 10: a stemmingen page's item heading names the debate whose motions are voted on, not their submitters.
  ['votes heading', 'Stemmingen moties Integrale Migratieagenda'],
  [
    'votes heading with its item number',
    '8 Stemmingen moties Integrale Migratieagenda\n\nAan de orde zijn de stemmingen',
  ],
  ['van de VVD', 'de motie van de VVD over'],
  ['sentence after motie', 'Er ligt een motie. De regering'],
];

/** Each row: the text, the citations in it (as paper ids), and the id each motion found should get. */
const IDS: [string, string, Record<string, string>, (string | undefined)[]][] = [
  [
    'citation in parentheses',
    'kustwacht, conform de motie-Verhoeven/Groothuizen (Kamerstuk \n21 501-20, nr. 1265) ',
    { 'Kamerstuk \n21 501-20, nr. 1265': 'kst-21501-20-1265' },
    ['kst-21501-20-1265'],
  ],
  [
    'citation after an over-clause',
    'gelet op de aangenomen motie-Fritsma \nover geen arbeidskrachten van buiten de EU naar Nederland halen als \nbeloning (Kamerstuk 19 637, nr. 2380).Immers',
    { 'Kamerstuk 19 637, nr. 2380': 'kst-19637-2380' },
    ['kst-19637-2380'],
  ],
  [
    'citation after a comma (M13)',
    'Motie van het lid Sneller c.s., Kamerstukken II 2020/21 35 570-IX, nr. 14',
    { 'Kamerstukken II 2020/21 35 570-IX, nr. 14': 'kst-35570-IX-14' },
    ['kst-35570-IX-14'],
  ],
  [
    'citation after a line break',
    'wijzen op de uitvoering van de motie van het lid Dijkhoff \n(Kamerstuk 35 000, nr. 8). Deze motie leidde',
    { 'Kamerstuk 35 000, nr. 8': 'kst-35000-8' },
    ['kst-35000-8'],
  ],
  [
    'two motions, two numbers',
    'de moties Kuik c.s. en Voordewind c.s. (Kamerstuk 35 300, nrs. 12 en 13) zijn',
    { 'Kamerstuk 35 300, nrs. 12': 'kst-35300-12', '13': 'kst-35300-13' },
    ['kst-35300-12', 'kst-35300-13'],
  ],
  [
    'citation after the sentence end',
    'Dat vraagt de motie van het lid Omtzigt. Zie ook (Kamerstuk 35 000, nr. 8).',
    { 'Kamerstuk 35 000, nr. 8': 'kst-35000-8' },
    [undefined],
  ],
  [
    'another motion comes between',
    'de motie-Omtzigt en de motie-Klaver (Kamerstuk 35 000, nr. 8)',
    { 'Kamerstuk 35 000, nr. 8': 'kst-35000-8' },
    [undefined, 'kst-35000-8'],
  ],
  [
    'citation after an unrelated clause',
    'de motie-Omtzigt, tijdens het debat besproken (Kamerstuk 35 000, nr. 8)',
    { 'Kamerstuk 35 000, nr. 8': 'kst-35000-8' },
    [undefined],
  ],
  [
    'clause naming a letter',
    'de motie-Omtzigt over de brief van de minister (Kamerstuk 35 000, nr. 8)',
    { 'Kamerstuk 35 000, nr. 8': 'kst-35000-8' },
    [undefined],
  ],
  [
    'superscript footnote',
    'Hiermee komt het kabinet tegemoet aan de motie van het lid Groothuizen c.s.²\n\n² Kamerstuk 35 000 VI, nr. 59.\n',
    { 'Kamerstuk 35 000 VI, nr. 59': 'kst-35000-VI-59' },
    ['kst-35000-VI-59'],
  ],
  [
    'superscript footnote after the stop',
    'Hiermee is uitvoering gegeven aan de motie van het lid Van Laar.⁷ Om de\n\n⁷ Kamerstuk 34 300 XVII, nr. 34.\n',
    { 'Kamerstuk 34 300 XVII, nr. 34': 'kst-34300-XVII-34' },
    ['kst-34300-XVII-34'],
  ],
  [
    'footnote closing a waarin-clause',
    'tegemoet aan de motie Groothuizen c.s. waarin het kabinet wordt verzocht\nom jaarlijks een rapportage op te stellen.1\n\nDe ontwikkelingen\n\n1 Kamerstuk 35 000 VI, nr. 78.\n',
    { 'Kamerstuk 35 000 VI, nr. 78': 'kst-35000-VI-78' },
    ['kst-35000-VI-78'],
  ],
  [
    'glued footnote marker',
    'de invulling van de \nmotie van het lid Bisschop11, waarin de Regering wordt verzocht.\n\n11 Kamerstuk 19 637, nr. 2623.\n',
    { 'Kamerstuk 19 637, nr. 2623': 'kst-19637-2623' },
    ['kst-19637-2623'],
  ],
  [
    'footnote after an unrelated clause',
    'in lijn met de motie van de leden Verhoeven en Groothuizen, tijdens de Raad is aangedrongen op steun.6 Zoals\n\n6 Kamerstuk 21 501–20, nr. 1281\n',
    { 'Kamerstuk 21 501–20, nr. 1281': 'kst-21501-20-1281' },
    [undefined],
  ],
  [
    'see-also footnote',
    'de motie van het lid Omtzigt.6 Zoals\n\n6 Zie ook Kamerstuk 21 501–20, nr. 1281\n',
    { 'Kamerstuk 21 501–20, nr. 1281': 'kst-21501-20-1281' },
    [undefined],
  ],
  [
    'footnote without a Kamerstuk',
    'de motie van het lid Omtzigt.6 Zoals\n\n6 https://example.org/motie\n',
    {},
    [undefined],
  ],
  [
    'letter n.a.v. the motion, footnote',
    'Zoals uiteengezet in \nde brief n.a.v. de motie van het lid Becker8 heeft het kabinet\n\n8 Kamerstuk 35 300 VI, nr. 37.\n',
    { 'Kamerstuk 35 300 VI, nr. 37': 'kst-35300-VI-37' },
    [undefined],
  ],
  [
    'letter about the Uitvoering motie, citation',
    'Zoals is aangegeven in de brief naar aanleiding van de Uitvoering motie van het lid \nBecker c.s. (Kamerstuk 19 637, nr. 2675) over de uitvoering',
    { 'Kamerstuk 19 637, nr. 2675': 'kst-19637-2675' },
    [undefined],
  ],
  [
    'letter naar aanleiding van the motion',
    'In de brief van 11 juni jl. wordt \nuw Kamer naar aanleiding van de motie van het lid Fritsma verder \ngeïnformeerd over het standpunt.12 \n\n12 Kamerstuk 19 637, nr. 2394\n',
    { 'Kamerstuk 19 637, nr. 2394': 'kst-19637-2394' },
    [undefined],
  ],
  [
    'M8: letter title with two citations',
    'Uitvoering van de motie van het lid Sjoerdsma over x (Kamerstuk 21 501-02, nr. 2312) (Kamerstuk 21 501-02, nr. 2357)',
    { 'Kamerstuk 21 501-02, nr. 2312': 'kst-21501-02-2312', 'Kamerstuk 21 501-02, nr. 2357': 'kst-21501-02-2357' },
    [undefined],
  ],
  [
    'M8: two citations, no title word',
    'de motie van het lid Sjoerdsma (Kamerstuk 21 501-02, nr. 2312) (Kamerstuk 21 501-02, nr. 2357)',
    { 'Kamerstuk 21 501-02, nr. 2312': 'kst-21501-02-2312', 'Kamerstuk 21 501-02, nr. 2357': 'kst-21501-02-2357' },
    [undefined],
  ],
  [
    'uitvoering without a letter is fine',
    'Met deze brief geef ik uitvoering aan de motie van het lid Omtzigt (Kamerstuk 35 000, nr. 8).',
    { 'Kamerstuk 35 000, nr. 8': 'kst-35000-8' },
    ['kst-35000-8'],
  ],
  [
    'one citation for several motions',
    'de moties van lid Omtzigt (Kamerstuk 35 000, nr. 8)',
    { 'Kamerstuk 35 000, nr. 8': 'kst-35000-8' },
    [undefined],
  ],
];

describe('detectMotions', () => {
  it.each(FORMS)('%s', (_, text, expected) => {
    const found = motions(text);
    expect(found.map((m) => [m.members, m.cs, m.text])).toEqual(expected);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each(SURNAMES)('reads the surnames in %j', (text, members) => {
    expect(motions(text).map((m) => m.members)).toEqual([members]);
  });

  it.each(NOT_MOTIONS)('finds no motion: %s', (_, text) => {
    expect(motions(text)).toEqual([]);
  });

  it.each(IDS)('id: %s', (_, text, citations, ids) => {
    expect(motions(text, citations).map((m) => m.id)).toEqual(ids);
  });

  it('reports kind, offsets and confidence', () => {
    const text = 'Zie de motie-Omtzigt c.s. hierover.';
    expect(motions(text)).toEqual([
      {
        kind: 'motion',
        members: ['omtzigt'],
        cs: true,
        text: 'motie-Omtzigt c.s.',
        start: 7,
        end: 25,
        confidence: 0.95,
      },
    ]);
  });

  it('keeps offsets into the input, whatever the text', () => {
    const pieces = fc.constantFrom(
      'motie',
      'moties',
      'MOTIE VAN HET LID',
      'van het lid',
      'van de leden',
      '-',
      '/',
      ' ',
      '\n',
      '\u00a0',
      ' en ',
      ', ',
      'c.s.',
      '²',
      '8',
      '(PVV)',
      'Van',
      'der',
      "'t",
      'Özütok',
      'Groothuizen',
      'M.B.',
      '(Kamerstuk 19 637, nr. 2380)',
      '.',
      'Het',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (list) => {
        const text = list.join('');
        for (const m of motions(text, { 'Kamerstuk 19 637, nr. 2380': 'kst-19637-2380' })) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.members.length).toBeGreaterThan(0);
          expect(m.members.every((name) => name === name.toLowerCase() && name.trim() === name)).toBe(true);
        }
      }),
      // A fixed seed: the same inputs every run, so the verdict cannot change from run to run.
      { seed: 20_261_122 },
    );
  });
});
