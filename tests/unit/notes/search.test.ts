import { describe, expect, it } from 'vitest';
import { dossierOf, type Note, parseTags } from '../../../lib/notes/model';
import { dossiersOf, filterNotes } from '../../../lib/notes/search';

const note = (id: string, extra: Partial<Note>): Note => ({
  id,
  documentId: 'kst-19637-2535',
  url: 'https://zoek.officielebekendmakingen.nl/kst-19637-2535.html',
  title: 'Brief',
  body: '',
  pinned: false,
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

const NOTES = [
  note('a', { body: 'De Kamer wordt jaarlijks geïnformeerd', tags: ['migratie'], updatedAt: 3 }),
  note('b', {
    documentId: 'kst-35000-VI-59',
    body: 'Motie aangenomen',
    tags: ['motie', 'migratie'],
    updatedAt: 5,
    selectors: [{ type: 'TextQuoteSelector', exact: 'zes pijlers', prefix: '', suffix: '' }],
  }),
  note('c', { documentId: 'kst-21501-20-1265', body: 'Raad', updatedAt: 4 }),
  note('d', { body: 'weg', deletedAt: 9, updatedAt: 9 }),
];

const ids = (notes: Note[]) => notes.map((n) => n.id);

describe('filterNotes', () => {
  it.each([
    [{ query: '' }, ['b', 'c', 'a']],
    [{ query: 'geinformeerd jaarlijks' }, ['a']],
    [{ query: 'PIJLERS' }, ['b']],
    [{ query: '#motie' }, ['b']],
    [{ query: 'kst-21501' }, ['c']],
    [{ query: 'weg' }, []],
    [{ query: '', tag: 'migratie' }, ['b', 'a']],
    [{ query: '', dossier: '35000-VI' }, ['b']],
    [{ query: '', dossier: '21501-20' }, ['c']],
    [{ query: '', sort: 'oldest' as const }, ['a', 'c', 'b']],
  ])('%j → %j', (filter, expected) => {
    expect(ids(filterNotes(NOTES, { sort: 'newest', ...filter }))).toEqual(expected);
  });

  it('lists the dossiers of the notes for the filter', () => {
    expect(dossiersOf(NOTES)).toEqual(['19637', '21501-20', '35000-VI']);
    expect(dossierOf('h-tk-20182019-27-10')).toBeUndefined();
  });
});

describe('parseTags', () => {
  it('trims, lower-cases, drops # and doubles', () => {
    expect(parseTags(' Migratie, #eu ,migratie  pijler-4')).toEqual(['migratie', 'eu', 'pijler-4']);
    expect(parseTags('')).toEqual([]);
  });
});
