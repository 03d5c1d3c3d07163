import { describe, expect, it } from 'vitest';
import {
  classify,
  dossierOf,
  idFromHref,
  isFetchable,
  isKoopId,
  kindOf,
  MOTION_STATUS,
  MOTION_STATUSES,
  OB_PREFIX,
  obUrlFor,
  parseKamerstuk,
  STATUS_BY_TK_SOORT,
  urlFor,
} from '../../../lib/contract';
import { isUndecided } from '../../../lib/sync/freshness';
import { motionStatus } from '../../../lib/tk/mapping';

describe('ids', () => {
  it.each([
    ['kst-19637-2375', 'kamerstuk'],
    ['kst-35000-VI-59', 'kamerstuk'],
    ['kst-21501-20-1265', 'kamerstuk'],
    ['kst-34482-B', 'kamerstuk'],
    ['kst-32123-42e', 'kamerstuk'],
    ['h-tk-20182019-27-10', 'handelingen'],
    ['h-ek-20192020-5', 'handelingen'],
    ['ah-tk-20242025-1028', 'aanhangsel'],
    ['ah-ek-20242025-12', 'aanhangsel'],
    ['stb-2019-143', 'staatsblad'],
    ['stcrt-2020-31064', 'staatscourant'],
    ['trb-2018-41', 'tractatenblad'],
    ['2019D41229', 'tk-document'],
    ['2019Z19557', 'tk-zaak'],
    ['dossier-36333', 'dossier'],
    ['dossier-35000-VI', 'dossier'],
  ])('classifies %s as %s', (id, kind) => {
    expect(classify(id)).toBe(kind);
    expect(kindOf(id)).toBe(kind);
  });

  it.each([
    'kst-',
    'kst-1-2',
    `kst-19637-${'1'.repeat(80)}`,
    'h-tk-2018-1',
    'foo-2019-1',
    '2019X12345',
    'pijler-ima-4',
  ])('refuses the malformed id %s', (id) => {
    expect(classify(id)).toBeUndefined();
    expect(kindOf(id)).toBe('unknown');
    expect(isFetchable(id)).toBe(false);
  });

  it('knows every OB prefix it builds, and only OB publications go to KOOP', () => {
    for (const [prefix, kind] of Object.entries(OB_PREFIX)) {
      const id = prefix === 'kst' ? 'kst-36333-39' : /h-/.test(prefix) ? `${prefix}-20232024-10` : `${prefix}-2019-1`;
      expect(classify(id)).toBe(kind);
      expect(isKoopId(id)).toBe(true);
    }
    expect(isKoopId('2019D41229')).toBe(false);
    expect(isKoopId('dossier-36333')).toBe(false);
    expect(isFetchable('2019D41229')).toBe(true);
  });

  it('parses Kamerstukken for the TK and names their dossier', () => {
    expect(parseKamerstuk('kst-35000-VI-59')).toEqual({ dossier: 35000, toevoeging: 'VI', volgnummer: 59 });
    expect(parseKamerstuk('kst-34482-B')).toBeUndefined();
    expect(dossierOf('kst-35000-VI-59')).toBe('35000-VI');
    expect(dossierOf('kst-36333-39')).toBe('36333');
    expect(dossierOf('h-tk-20232024-10-8')).toBeUndefined();
  });

  it('points each kind at its page', () => {
    expect(urlFor('kamerstuk', 'kst-36333-39')).toBe('https://zoek.officielebekendmakingen.nl/kst-36333-39.html');
    expect(urlFor('handelingen', 'h-tk-20192020-77')).toBe(
      'https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail/2019-2020/77',
    );
    expect(obUrlFor('2019D41229')).toBeUndefined();
  });
});

describe('ids from the links a page has', () => {
  it.each([
    // page-structure.md §1.7: OB's own relative links, resolved by the browser against the page.
    ['https://zoek.officielebekendmakingen.nl/kst-36333-39.html', 'kst-36333-39', 'kamerstuk'],
    ['https://zoek.officielebekendmakingen.nl/kst-35000-VI-59.html#p3', 'kst-35000-VI-59', 'kamerstuk'],
    ['https://zoek.officielebekendmakingen.nl/stb-2012-363.html', 'stb-2012-363', 'staatsblad'],
    ['https://zoek.officielebekendmakingen.nl/h-tk-20232024-10-8', 'h-tk-20232024-10-8', 'handelingen'],
    // §1.7 older tweedekamer.nl title links, §2 document and motion pages.
    ['https://www.tweedekamer.nl/kamerstukken/detail?id=2015Z02383&did=2015D04824', '2015D04824', 'tk-document'],
    ['https://www.tweedekamer.nl/kamerstukken/moties/detail?did=2025D31484&id=2025Z13886', '2025D31484', 'tk-document'],
    [
      'https://tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2099Z00001&did=2099D00001',
      '2099D00001',
      'tk-document',
    ],
  ])('reads %s', (href, id, kind) => {
    expect(idFromHref(href)).toEqual({ id, kind });
  });

  it.each([
    'https://zoek.officielebekendmakingen.nl/zoeken?q=kst-36333-39',
    'https://zoek.officielebekendmakingen.nl/kst-36333-39-n1.html',
    'https://zoek.officielebekendmakingen.nl/dossier/36333',
    'https://example.org/kst-36333-39.html',
    'https://www.tweedekamer.nl/kamerstukken/moties?qry=groothuizen',
    'https://www.tweedekamer.nl/kamerstukken/detail?id=2015Z02383&did=drop-table',
    'https://gegevensmagazijn.tweedekamer.nl/detail?did=2015D04824',
    'javascript:alert(1)',
    '#noten',
    'not a url',
  ])('leaves %s alone', (href) => {
    expect(idFromHref(href)).toBeUndefined();
  });
});

describe('the motion status table', () => {
  it('feeds the TK rule: every decided soort gives its row’s status', () => {
    for (const status of MOTION_STATUSES)
      for (const soort of MOTION_STATUS[status].tkSoorten) {
        expect(STATUS_BY_TK_SOORT[soort]).toBe(status);
        expect(motionStatus([{ id: 'b1', soort, datum: '2024-01-01' }]).status).toBe(status);
      }
    expect(motionStatus([]).status).toBe('ingediend');
    expect(motionStatus([{ id: 'b1', soort: 'Iets nieuws' }]).status).toBe('onbekend');
  });

  it('feeds the freshness rule', () => {
    expect(MOTION_STATUSES.filter(isUndecided).sort()).toEqual(['aangehouden', 'ingediend', 'onbekend', 'uitgesteld']);
  });
});
