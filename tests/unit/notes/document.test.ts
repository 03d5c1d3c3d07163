import { describe, expect, it } from 'vitest';
import { citation, citedVergaderjaar, documentIdFromUrl, isSupportedUrl } from '../../../lib/notes/document';

describe('documentIdFromUrl', () => {
  it.each([
    ['https://zoek.officielebekendmakingen.nl/kst-19637-2535.html', 'kst-19637-2535'],
    ['https://zoek.officielebekendmakingen.nl/kst-35000-VI-59.html', 'kst-35000-VI-59'],
    ['https://zoek.officielebekendmakingen.nl/h-tk-20182019-27-10.html', 'h-tk-20182019-27-10'],
    ['https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2018Z22093&did=2018D55123', '2018D55123'],
    ['https://zoek.officielebekendmakingen.nl/resultaten?q=migratie', undefined],
    ['http://zoek.officielebekendmakingen.nl/kst-19637-2535.html', undefined],
    ['https://example.org/kst-19637-2535.html', undefined],
    ['chrome://extensions', undefined],
  ])('%s → %s', (url, id) => {
    expect(documentIdFromUrl(url)).toBe(id);
  });

  it('supports only the two sites over https', () => {
    expect(isSupportedUrl('https://tweedekamer.nl/')).toBe(true);
    expect(isSupportedUrl('https://gegevensmagazijn.tweedekamer.nl/OData/v5')).toBe(false);
    expect(isSupportedUrl('niet een url')).toBe(false);
  });
});

describe('citation', () => {
  it.each([
    ['kst-19637-2535', '2019-2020', 'Kamerstukken II 2019/20, 19 637, nr. 2535'],
    ['kst-19637-2535', undefined, 'Kamerstukken II, 19 637, nr. 2535'],
    ['kst-35000-VI-59', '2018-2019', 'Kamerstukken II 2018/19, 35 000 VI, nr. 59'],
    ['kst-21501-20-1265', '20172018', 'Kamerstukken II 2017/18, 21 501-20, nr. 1265'],
    ['kst-35925-E', '2021-2022', 'Kamerstukken I 2021/22, 35 925, nr. E'],
    ['kst-19637-2535', 'onzin', 'Kamerstukken II, 19 637, nr. 2535'],
    ['h-tk-20182019-27-10', undefined, 'h-tk-20182019-27-10'],
    ['2019D41229', undefined, '2019D41229'],
  ])('%s (%s) → %s', (id, year, expected) => {
    expect(citation(id, year)).toBe(expected);
  });

  it('reads a vergaderjaar only when its years follow each other', () => {
    expect(citedVergaderjaar('1999-2000')).toBe('1999/00');
    expect(citedVergaderjaar('2019-2021')).toBeUndefined();
  });
});
