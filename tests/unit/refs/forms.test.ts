import { describe, expect, it } from 'vitest';
import { detectPapers } from '../../../lib/refs';

/**
 * Every form in ../shared/reference/reference-forms.md (F1–F27), with the catalogue's own examples: the text, and
 * the ids found in it, in order. Where the exact linked text matters it is checked separately below.
 */
const FORMS: [string, string, string[]][] = [
  // F1 modern brief form
  ['F1', 'inzake het rapport … (Kamerstuk 36 100, nr. 3).', ['kst-36100-3']],
  ['F1 subdossier', '(Kamerstuk 21 501-02, nr. 1446);', ['kst-21501-02-1446']],
  ['F1 line break before', 'Hervormingsondersteuningsprogramma\n(Kamerstuk 22 112, nr. 2633)', ['kst-22112-2633']],
  ['F1 no full stop', '(Kamerstuk 35 165, nr. 2) Op dezelfde dag', ['kst-35165-2']],
  ['F1 nr. without space', '(Kamerstuk 35 663, nr.19)', ['kst-35663-19']],
  ['F1 lower case', '(kamerstuk 26488, nr. 68)', ['kst-26488-68']],
  ['F1 no-break space', 'Kamerstuk 30\u00a0573, nr.\u00a0174', ['kst-30573-174']],
  ['F1 thin space', 'Kamerstuk 29\u2009544, nr. 846', ['kst-29544-846']],
  // F2 roman suffix with a space
  ['F2', '(Kamerstuk 34 775 IX, nr. 8)', ['kst-34775-IX-8']],
  [
    'F2 bare, both spellings',
    '(27400 XII, nr. 76) en later (27400-XII, nr. 76)',
    ['kst-27400-XII-76', 'kst-27400-XII-76'],
  ],
  ['F2 academic', 'Kamerstukken II 2019/20, 35 300 XVI, nr. 133', ['kst-35300-XVI-133']],
  ['F2 hoofdstuk', '(kamerstukken II 1986/87, 19 700 hoofdstuk XV, nr. 2)', ['kst-19700-XV-2']],
  // F3 bare parenthetical
  ['F3', 'de motie-Becker c.s. (35300-VI, nr. 37)', ['kst-35300-VI-37']],
  ['F3 letter', '(35300-A, nr. 15)', ['kst-35300-A-15']],
  ['F3 subdossier', '(21501-20, nr. 1471)', ['kst-21501-20-1471']],
  ['F3 spaced', '(19 637, nr. 1257), (27 062, nr. 63)', ['kst-19637-1257', 'kst-27062-63']],
  // F4 dossier alone
  ['F4 with toevoeging', '(33240-XIII)', ['dossier-33240-XIII']],
  ['F4 cited as Kamerstuk', 'zie Kamerstuk 36 333 voor het wetsvoorstel', ['dossier-36333']],
  // F5 compact
  ['F5 title', '(Kamerstuk 36100-3)', ['kst-36100-3']],
  ['F5 motion titles', '(Kamerstuk 35510-21) en … (Kamerstuk 35510-16)', ['kst-35510-21', 'kst-35510-16']],
  ['F5 subdossier', 'Kamerstuk 21501-32-1740', ['kst-21501-32-1740']],
  ['F5 TK field', 'Nummer: 31497-504', ['kst-31497-504']],
  // F6 lists in the Regeling van werkzaamheden
  [
    'F6',
    'moties opnieuw aan te houden: 29911-226; 31015-168; 33836-36; 21501-08-765;',
    ['kst-29911-226', 'kst-31015-168', 'kst-33836-36', 'kst-21501-08-765'],
  ],
  [
    'F6 rijkswet',
    'stilzwijgende goedkeuring … 34722-1; 33997-95; 23908-(R1519)-131.',
    ['kst-34722-1', 'kst-33997-95', 'kst-23908-131'],
  ],
  [
    'F6 zaak mixed',
    'af te voeren: 2017Z09721; 21501-08-692; 25087-170;',
    ['2017Z09721', 'kst-21501-08-692', 'kst-25087-170'],
  ],
  [
    'F6 toevoeging or not',
    '35570-XIV-46; 35570-46; 21501-32-1188;',
    ['kst-35570-XIV-46', 'kst-35570-46', 'kst-21501-32-1188'],
  ],
  // F7 academic
  ['F7', 'Kamerstukken II 2022/23, 36 229, nr. 1', ['kst-36229-1']],
  ['F7 pages', 'Kamerstukken II 2005/06, 30 316, nr. 3, p. 7–8', ['kst-30316-3']],
  ['F7 dotted', 'Kamerstukken II 2023/24, 36.496, nr. 54', ['kst-36496-54']],
  ['F7 en dash year', '(zie kamerstukken I 2000–2001, 26 976, nr. 175)', ['kst-26976-175']],
  ['F7 optional commas', 'Kamerstukken II, 2003-2004, 29 255 nr. 3 p. 13 en 14', ['kst-29255-3']],
  [
    'F7 vergaderjaar',
    'Kamerstukken II, vergaderjaar 2007-2008, 31 386, nr. 3, Memorie van Toelichting, pag. 10',
    ['kst-31386-3'],
  ],
  ['F7 TK', 'TK 2008-2009, 31473, nummer 25, bladzijde 5 - 6', ['kst-31473-25']],
  ['F7 TK compact', 'TK 2022-2023 22452 nr. 85', ['kst-22452-85']],
  ['F7 no year', 'Kamerstukken II, 29612, nr. 7, pag 2-3', ['kst-29612-7']],
  ['F7 OCR 11', 'Kamerstukken 11, 1997/1998, 25 672 nr.3 pag.4', ['kst-25672-3']],
  ['F7 broken year', 'Kamerstukken II, 1985/- 86, 19 559, nr. 6, blz. 7', ['kst-19559-6']],
  // F8 joint dossiers
  ['F8', '(Kamerstukken 19 637 en 36 045, nr. 3093)', ['kst-19637-3093']],
  ['F8 R-number in the middle', '(Kamerstukken 35 687 en 35 688 (R2151), nr. 14)', ['kst-35687-14']],
  ['F8 slash', '(19 637/26 210, nr. 424)', ['kst-19637-424']],
  ['F8 comma', 'Kamerstuk 31728, 30914, nr. 5', ['kst-31728-5']],
  ['F8 no nr.', '5 Kamerstukken 19 637 en 30 573, 2386', ['kst-19637-2386']],
  ['F8 EK letter', '7 Kamerstukken 34 482 en 34 585, B', ['kst-34482-B']],
  // F9 lists and ranges
  ['F9 list', 'Kamerstukken II 2019/20, 29 754, nrs. 520 en 548', ['kst-29754-520', 'kst-29754-548']],
  [
    'F9 range',
    '18764, nrs. 1–3, blz. 29 (Kamerstukken II, 1984–1985, 18764, nrs. 1–3)',
    ['kst-18764-1', 'kst-18764-2', 'kst-18764-3', 'kst-18764-1', 'kst-18764-2', 'kst-18764-3'],
  ],
  ['F9 further nr.', 'Kamerstukken II 2020/21, 35 625, nr. 4, p. 12 en 13, en nr. 6', ['kst-35625-4', 'kst-35625-6']],
  [
    'F9 semicolon',
    'Kamerstukken II, 1999-2000, 26 271, nr. 6, p. 15-16; nr. 7, p. 5-6.',
    ['kst-26271-6', 'kst-26271-7'],
  ],
  // F10 rijkswet
  ['F10', 'Kamerstukken II 2015/16, 34 356 (R2064), nr. 3', ['kst-34356-3']],
  ['F10 spaced R', '(Kamerstukken I 2003/04, 27 484 (R 1669), nr. 289', ['kst-27484-289']],
  // F11 EU-Raad subdossiers
  ['F11 en dash', 'Zie ook Kamerstuk 21 501–20, nr. 1281', ['kst-21501-20-1281']],
  ['F11 lost hyphen', '(21 50108, nr. 106) naast (21 501-08, nr. 107)', ['kst-21501-08-106', 'kst-21501-08-107']],
  ['F11 space for hyphen', 'Onderdeel van kamerstukdossier 21501 02-2377', ['kst-21501-02-2377']],
  ['F11 space before hyphen', 'Onderdeel van kamerstukdossier 36537 -8', ['kst-36537-8']],
  // F12 dotted
  ['F12 dotted with toevoeging', 'Kamerstuk TK 31.700XII, 6', ['kst-31700-XII-6']],
  ['F12 dotted dossier only', 'Kamerstukken II, 2013-2014, 33.950, pag. 2 en 6', ['dossier-33950']],
  // F13 number first
  ['F13 krijgt', 'Zij krijgt nr. 348, was nr. 347 (32317).', ['kst-32317-348']],
  ['F13 dossier with toevoeging', 'Zij krijgt nr. 79 (27400-XII).', ['kst-27400-XII-79']],
  ['F13 t.v.v.', 'Nader gewijzigde motie van het lid Eerdmans nr. 30 (t.v.v. 36471-28)', ['kst-36471-30']],
  // F14 bijlage
  ['F14', '1Bijlage bij Kamerstukken II 2021/22, 29 628, nr. 1051', ['kst-29628-1051']],
  // F15 ids in running text
  [
    'F15',
    'officiële HTML versie (kst-36537-8), (kst-36200-IV-58), (ah-tk-20212022-2349)',
    ['kst-36537-8', 'kst-36200-IV-58', 'ah-tk-20212022-2349'],
  ],
  ['F15 EK double suffix', 'zie kst-36600-B-K', ['kst-36600-B-K']],
  // F16 Eerste Kamer
  ['F16 nr. letter', 'Kamerstukken I 2021/22, 35 925, nr. E', ['kst-35925-E']],
  ['F16 bare letter', 'Kamerstukken I 2009-10, 31 560, C, pag. 19', ['kst-31560-C']],
  ['F16 double letter', 'Kamerstukken EK, 2014-2015, 31 145, AA', ['kst-31145-AA']],
  ['F16 no comma', 'Kamerstuk I 31145 AA', ['kst-31145-AA']],
  ['F16 old lower-case letter', 'Kamerstukken I 1979/80, 15 516, nr. 42e, blz. 7', ['kst-15516-42e']],
  ['F16 letter word', '(Kamerstuk 36410-V, letter I)', ['kst-36410-V-I']],
  ['F16 roman EK dossier', 'eerstekamer.nl verslag: (CLVI, letter M) en (CLX, A)', ['kst-clvi-m', 'kst-clx-a']],
  ['F16 dossier letter and EK letter', '(Kamerstuk 36 600 B, A)', ['kst-36600-B-A']],
  // F18–F20 Handelingen
  ['F18', 'Handelingen II 2018/2019, nr. 27, item 10, p. 14.', ['h-tk-20182019-27-10']],
  ['F18 pages', 'Handelingen II 2012-2013, nr. 71, item 15, blz 53-69', ['h-tk-20122013-71-15']],
  ['F18 meeting only', 'alsmede Handelingen II 2019/20, nr. 77', ['h-tk-20192020-77']],
  ['F18 Eerste Kamer', 'Handelingen EK 2001-2002, nr. 10, blz. 525', ['h-ek-20012002-10']],
  [
    'F20 glued tweedekamer.nl label',
    'Toon alle items in vergaderingHandelingen TK 2024-2025, 48',
    ['h-tk-20242025-48'],
  ],
  ['F18 open items: one reference', '(Handelingen II 2019/20, nrs. 28 en 30, items 3, 8 en 24)', ['h-tk-20192020-28']],
  ['F19 mislabelled Kamerstuk', 'Handelingen II, 1995-1996, 24 692, nr. 3, p. 14', []],
  ['F19 page-based', '(Handelingen II, 1988/89, blz. 39-2410 en 2435)', []],
  // F22 Aanhangsel
  ['F22', 'Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028.', ['ah-tk-20242025-1028']],
  ['F22 der', '(Aanhangsel der Handelingen, vergaderjaar 2006–2007, nr. 520)', ['ah-tk-20062007-520']],
  ['F22 TK', 'Aanhangsel Handelingen TK, 2007/08, nr. 1835, blz 33', ['ah-tk-20072008-1835']],
  ['F22 II', 'Aanhangsel Handelingen II 2019/20, nr. 89', ['ah-tk-20192020-89']],
  // F24–F26 journals
  ['F24', '(Stb. 2019, 143)', ['stb-2019-143']],
  ['F24 slash', 'Door Stb. 2016/267', ['stb-2016-267']],
  ['F24 glued', 'Staatsblad 2008, 267Wet', ['stb-2008-267']],
  ['F24 no year', '(Stb. 586)', []],
  ['F25', '(Stcrt. 2020, 31064)', ['stcrt-2020-31064']],
  ['F26 doubled', '(Trb. 2000, 66 en Trb. 2001, 164, hierna: …)', ['trb-2000-66', 'trb-2001-164']],
  ['F26 elided', '(Trb. 2007, 169 en 2014, 113)', ['trb-2007-169', 'trb-2014-113']],
  ['F26 then dossier', '(Trb. 2018, 41) (35279-A)', ['trb-2018-41', 'dossier-35279-A']],
  // F27 TK numbers
  ['F27', 'Nummer: 2025D03540 … Onderdeel van zaak 2025Z01594', ['2025D03540', '2025Z01594']],
];

/**
 * The forms of real motions and amendments, each with the file of ../shared/corpus/realtexts it is quoted from (KOOP
 * XML, its no-break spaces and dashes kept), and the forms issue 9 names beside them.
 */
const REAL_FORMS: [string, string, string[]][] = [
  [
    'kst-33529-1323.xml',
    'de motie-Beckerman/Nijboer op stuk nr. 1181 (33\u00a0529) werd aangenomen',
    ['kst-33529-1181'],
  ],
  [
    'kst-28828-158.xml',
    'dat de motie-Van den Berg op stuk nr. 54 (32\u00a0012) niet voldoende is uitgevoerd',
    ['kst-32012-54'],
  ],
  [
    'kst-24587-956.xml',
    'zowel het amendement op stuk nr. 37 (36 410 VI) als de motie op stuk nr. 41 (36 410 VI)',
    ['kst-36410-VI-37', 'kst-36410-VI-41'],
  ],
  ['kst-33576-380.xml', 'de motie-Akerboom op stuk nr. 9 (36\u00a0410-XIV) ondanks', ['kst-36410-XIV-9']],
  ['kst-36378-39.xml', 'het amendement-Erkens c.s. op stuk nr. 8 (36 410 XIII) een', ['kst-36410-XIII-8']],
  ['kst-29665-512.xml', 'in de aangenomen motie op stuk nr. 942 (21501–08);', ['kst-21501-08-942']],
  ['kst-31490-372.xml', 'met de aangenomen motie op stuk nr. 36 (36 410) heeft', ['kst-36410-36']],
  ['kst-32545-220.xml', 'het amendement op stuk nr. 11 (33 957) uit 2014', ['kst-33957-11']],
  ['kst-33529-1329.xml', '–\nde motie op stuk nr. 24 (36 441) om onder andere', ['kst-36441-24']],
  [
    'issue 9: a list',
    'de moties op stukken nrs. 1154, 1181 en 1182 (33 529)',
    ['kst-33529-1154', 'kst-33529-1181', 'kst-33529-1182'],
  ],
  ['issue 9: nader gewijzigd', 'de nader gewijzigde motie op stuk nr. 77 (36\u00a0333)', ['kst-36333-77']],
  ['issue 9: non-breaking hyphen', 'de motie op stuk nr. 9 (36 410\u2011XIV)', ['kst-36410-XIV-9']],
  ['issue 9: glued letter', 'het amendement op stuk nr. 12 (36 410A)', ['kst-36410-A-12']],
  ['issue 9: hyphenated letter', 'het amendement op stuk nr. 12 (36 410-A)', ['kst-36410-A-12']],
  ['issue 9: glued letter with nr.', '(36 410A, nr. 12)', ['kst-36410-A-12']],
  ['kst-36410-XVII-40.xml', 'zoals blijkt uit Kamerstuk 21 501-21, stuk nr. 2648;', ['kst-21501-21-2648']],
  ['kst-31305-493.xml', 'de motie-Veltman c.s. (36 600-A, nr. 31), betreffende', ['kst-36600-A-31']],
  ['kst-36410-X-32.xml', 'de motie-Knops/Van den Bosch (34 725 X, nr. 6) uit 2017', ['kst-34725-X-6']],
  ['kst-31288-1115.xml', 'kan worden ingesteld (36 410-VIII, nr. 36), waardoor', ['kst-36410-VIII-36']],
  ['kst-36800-IX-29.xml', 'naar nul in 2030 (36 725-VIII, nr. 11);', ['kst-36725-VIII-11']],
  [
    'kst-36600-XV-19.xml',
    'de aangenomen moties Becker (35\u00a0228, nr. 8 en 32\u00a0824, nr. 432) stellen',
    ['kst-35228-8', 'kst-32824-432'],
  ],
  [
    'kst-36600-XV-19.xml: first dossier',
    'informele scholing (31\u00a0293 en 31\u00a0289, nr. 653, bijlage 1) ruimte',
    ['kst-31293-653'],
  ],
  ['kst-36410-A-41.xml: slash', 'de motie-Grinwis/Boswijk (34 682/35 334, nr. 143) is aangenomen', ['kst-34682-143']],
  ['kst-36800-32.xml: letter', 'de motie-Huizinga-Heringa c.s. (36 600 XVII, letter M) over', ['kst-36600-XVII-M']],
  [
    'kst-36800-68.xml',
    'diverse moties (36 600 XX, nr. 47 en 36760, nr. 16) zijn aangenomen',
    ['kst-36600-XX-47', 'kst-36760-16'],
  ],
  ['kst-19637-3385.xml: no nr.', 'de motie Veltman c.s. (23 645 nr 823) verzoekt', ['kst-23645-823']],
  ['kst-19637-3385.xml: en dash compact', 'de aangenomen motie Eerdmans (29628–1249) een pilot', ['kst-29628-1249']],
  ['kst-36027-12.xml', 'immuniteit van rechtsmacht van staten en hun eigendommen (Trb. 2010, 272)', ['trb-2010-272']],
  ['kst-36321-13.xml', 'het inkomen (Trb. 2015, 196 en Trb. 2016, 124)', ['trb-2015-196', 'trb-2016-124']],
  ['kst-36410-A-41.xml: masthead', 'Kamerstukken\n36 410\nA\nVaststelling van de begrotingsstaat', ['dossier-36410-A']],
  [
    'kst-36410-X-32.xml: masthead',
    'Kamerstukken\n36 410\nX\nVaststelling van de begrotingsstaten',
    ['dossier-36410-X'],
  ],
];

/** Numbers in the same real texts that are not references (file of ../shared/corpus/realtexts, or issue 9). */
const REAL_FALSE_FRIENDS: [string, string][] = [
  ['kst-31288-1115.xml: percentage and years', 'slechts 10,4% bedraagt van wat … in 2015; vanaf 2026 à 2027'],
  ['kst-24587-956.xml: unit', 'de oude tijdelijke extra beveiligde inrichting (unit 1) te verbouwen'],
  ['kst-36600-VII-99.xml: batch', 'bewoners uit batch 1588 die eigen geld hebben ingelegd'],
  ['kst-35334-348.xml: Natura 2000', 'in de aangekondigde zonering rondom Natura 2000-gebieden'],
  ['kst-36128-17.xml: maatregel', 'voor zowel maatregel 2 als voor maatregel 3 en dat'],
  ['kst-36027-12.xml: rijkswet number alone', '36 027\n (R2160\n)\nGoedkeuring'],
  ['kst-19637-3385.xml: replaced motion without the page', 'TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3374'],
  ['kst-19637-3374.xml: masthead number', 'Vreemdelingenbeleid\nNr. 3374\nMOTIE VAN DE LEDEN EERDMANS EN RAJKOWSKI'],
  ['issue 9: bijlage', 'zie nr. 19 van de bijlage'],
  ['issue 9: motion without a dossier, without the page', 'In stemming komt de motie op stuk nr. 44.'],
  ['an amount in parentheses after a number', 'de post nr. 3 (12 345 euro)'],
];

/** False friends from the catalogue's pitfalls (section J): none of these is a reference. */
const FALSE_FRIENDS: [string, string][] = [
  ['EU regulation', 'Verordening (EG) nr. 810/2009'],
  ['EU regulation with year', '(Verordening (EU) 2016/679)'],
  ['EU directive', 'Richtlijn 2008/115/EG'],
  ['EU decision', 'Besluit nr. 1247/2002/EG en Besluit 2012/1'],
  ['COM document', 'COM(2012) 10'],
  ['article and lid', '(artikel 2, lid 1) en artikel 66, lid 3 Reglement van Orde'],
  ['article with colon', 'artikel 3:44 BW, artikel 5.4a, eerste lid'],
  ['amounts', '€ 3,1 miljard, 30.000 huishoudens en 1.400 vluchtelingen, € 22.200.000,00'],
  ['years and ranges', '(2021–2027), 22–23 juli 2021, in de periode 2015–2018'],
  ['dates', 'Den Haag, 7 Februari 2013; het AO d.d. 07/12'],
  ['phone number', 'bel 070-3456789 of 06-12345678'],
  ['ministry numbers', 'no. W13.21.0153/III, Kabinetsmissive no.2020000369, ref. MINBUZA-2024.1143577'],
  ['Hoge Raad', 'Hoge Raad 30 november 1977, nr. 18 586, BNB 1978/7'],
  ['ministry case number', 'van 5 juni 2020, nr. 17782828, kenmerk 3229807-1007502-LZ'],
  ['amendment part', '(stuk nr. 13, I) en (stuk nrs. 8, I tot en met V)'],
  ['footnote glued to a year', 'uw brief van 10 juni 20222 waarbij; van 19 januari 20212'],
  ['page header', '19 637\n\nVreemdelingenbeleid\n\n30 573\n\nMigratiebeleid\n\nNr. 2535'],
  ['population figure', 'ruim 19 637 inwoners, nr. 5 op de lijst'],
  ['Kamer in running text', 'de Tweede Kamer heeft op 12 maart 2019 gestemd'],
  ['number after Kamerstuk word', 'dit Kamerstuk is op 12 maart 2019 verschenen'],
  ['TK number glued to more digits', '2019D412293'],
];

describe('detectPapers: the catalogued forms', () => {
  it.each(FORMS)('%s: %s', (_form, text, ids) => {
    const found = detectPapers(text);
    expect(found.map((r) => r.id)).toEqual(ids);
    for (const ref of found) expect(text.slice(ref.start, ref.end)).toBe(ref.text);
  });
});

describe('detectPapers: the forms of the real KOOP motions', () => {
  it.each(REAL_FORMS)('%s: %s', (_source, text, ids) => {
    const found = detectPapers(text);
    expect(found.map((r) => r.id)).toEqual(ids);
    for (const ref of found) expect(text.slice(ref.start, ref.end)).toBe(ref.text);
  });

  it.each(REAL_FALSE_FRIENDS)('no reference: %s', (_source, text) => {
    expect(detectPapers(text)).toEqual([]);
  });

  it('links a number-first citation from `nr.` to its dossier, and each number of a list on its own', () => {
    expect(detectPapers('de motie op stuk nr. 1181 (33 529) om').map((r) => [r.id, r.text])).toEqual([
      ['kst-33529-1181', 'nr. 1181 (33 529)'],
    ]);
    expect(detectPapers('de moties op stukken nrs. 1154, 1181 en 1182 (33 529)').map((r) => r.text)).toEqual([
      'nrs. 1154',
      '1181',
      '1182 (33 529)',
    ]);
  });
});

describe('detectPapers: false friends', () => {
  it.each(FALSE_FRIENDS)('%s', (_name, text) => {
    expect(detectPapers(text)).toEqual([]);
  });
});

describe('detectPapers: spans and parts', () => {
  it('links the whole citation once and each further number on its own', () => {
    const found = detectPapers('Kamerstuk 22 112, nrs. 2955, 2956 en 2964.');
    expect(found.map((r) => [r.id, r.text])).toEqual([
      ['kst-22112-2955', 'Kamerstuk 22 112, nrs. 2955'],
      ['kst-22112-2956', '2956'],
      ['kst-22112-2964', '2964'],
    ]);
  });

  it('gives every number of a long list after a Kamerstuk citation, not the first hundred only', () => {
    const numbers = Array.from({ length: 250 }, (_, i) => i + 1);
    const found = detectPapers(`Kamerstuk 22 112, nrs. ${numbers.join(', ')}`);
    expect(found.map((r) => r.id)).toEqual(numbers.map((n) => `kst-22112-${n}`));
  });

  it('gives the numbers inside a range an empty span, so they are reported but never linked twice', () => {
    const found = detectPapers('Kamerstuk 18764, nrs. 1–4');
    expect(found.map((r) => [r.id, r.text])).toEqual([
      ['kst-18764-1', 'Kamerstuk 18764, nrs. 1'],
      ['kst-18764-2', ''],
      ['kst-18764-3', ''],
      ['kst-18764-4', '4'],
    ]);
  });

  it('covers `nr. 6` in a further citation of the same dossier', () => {
    const found = detectPapers('Kamerstukken II 2020/21, 35 625, nr. 4, p. 12 en 13, en nr. 6');
    expect(found.map((r) => r.text)).toEqual(['Kamerstukken II 2020/21, 35 625, nr. 4, p. 12 en 13', 'nr. 6']);
  });

  it('reports the parsed parts of an academic citation', () => {
    const [ref] = detectPapers('Kamerstukken II 2019/20, 19 637 en 30 573, nr. 2375, p. 4');
    expect(ref).toMatchObject({
      kind: 'kamerstuk',
      parts: {
        kamer: 'II',
        vergaderjaar: '2019/20',
        dossier: '19637',
        alsoDossiers: ['30573'],
        number: '2375',
        pages: '4',
      },
    });
  });

  it('reports Handelingen parts and a lower confidence when the item is not named', () => {
    const [exact, meeting] = detectPapers('Handelingen II 2018/19, nr. 27, item 10 en Handelingen II 2019/20, nr. 77');
    expect(exact).toMatchObject({
      kind: 'handelingen',
      parts: { vergaderjaar: '20182019', vergadering: '27', item: '10' },
    });
    expect(meeting!.confidence).toBeLessThan(exact!.confidence);
  });

  it('keeps the kinds apart', () => {
    const kinds = detectPapers(
      'Kamerstuk 19 637, nr. 1; Kamerstuk 36 333; Handelingen II 2018/19, nr. 27, item 10; Aanhangsel Handelingen II ' +
        '2019/20, nr. 89; Stb. 2019, 143; Stcrt. 2020, 31064; Trb. 2018, 41; 2019D41229; 2019Z19557',
    ).map((r) => r.kind);
    expect(kinds).toEqual([
      'kamerstuk',
      'dossier',
      'handelingen',
      'aanhangsel',
      'staatsblad',
      'staatscourant',
      'tractatenblad',
      'tk-document',
      'tk-zaak',
    ]);
  });
});
