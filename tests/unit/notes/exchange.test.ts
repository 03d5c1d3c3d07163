import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotesError } from '../../../lib/notes/errors';
import {
  exportJson,
  exportMarkdown,
  FORMAT_VERSION,
  parseExport,
  planImport,
  writesOf,
} from '../../../lib/notes/exchange';
import type { Note } from '../../../lib/notes/model';
import { BROKEN_FILE } from '../../e2e/notes-helpers';

/** A language's texts as browser.i18n gives them: `$1`… filled in. */
const translate = (lang: 'nl' | 'en') => {
  const messages = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'assets', 'public', '_locales', lang, 'messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  return (key: string, subs: string[] = []) =>
    (messages[key]?.message ?? key).replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
};

const note = (id: string, extra: Partial<Note> = {}): Note => ({
  id,
  documentId: 'kst-19637-2535',
  url: 'https://zoek.officielebekendmakingen.nl/kst-19637-2535.html',
  title: 'Brief over de Integrale Migratieagenda',
  body: 'Zie **punt 3**',
  pinned: false,
  tags: ['migratie'],
  createdAt: 10,
  updatedAt: 20,
  ...extra,
});

const NOTES: Note[] = [
  // Keys in another order, as a database may give them back: the export puts them in the documented one.
  {
    updatedAt: 40,
    createdAt: 30,
    tags: [],
    pinned: true,
    body: 'b',
    title: 'T',
    url: 'https://x',
    documentId: 'kst-35000-VI-59',
    id: 'b',
  },
  note('a', {
    selectors: [
      { type: 'TextPositionSelector', start: 5, end: 16 },
      { type: 'TextQuoteSelector', exact: 'zes pijlers', prefix: 'op ', suffix: ', van' },
    ],
  }),
  note('c', { body: 'weg', deletedAt: 50, updatedAt: 50 }),
];

describe('the JSON export', () => {
  it('is byte for byte the same after an import and a second export', () => {
    const first = exportJson(NOTES);
    const second = exportJson(parseExport(first));
    expect(second).toBe(first);
    expect(exportJson([...NOTES].reverse())).toBe(first);
  });

  it('says what it is, in which format version, and leaves deleted notes out', () => {
    const file = JSON.parse(exportJson(NOTES));
    expect(file.format).toBe('kamerlens-notes');
    expect(file.version).toBe(FORMAT_VERSION);
    expect(file.notes.map((n: Note) => n.id)).toEqual(['a', 'b']);
    expect(Object.keys(file.notes[1])).toEqual([
      'id',
      'documentId',
      'url',
      'title',
      'body',
      'pinned',
      'tags',
      'createdAt',
      'updatedAt',
    ]);
  });
});

describe('reading an export file', () => {
  const file = (body: object) => JSON.stringify({ format: 'kamerlens-notes', version: 1, ...body });
  const refusal = (text: string): NotesError => {
    try {
      parseExport(text);
    } catch (e) {
      return e as NotesError;
    }
    throw new Error('not refused');
  };

  it.each([
    ['broken JSON', '{"format": "kamerlens-notes", ', 'import-json', 'notes_error_json', /geen geldige JSON/],
    ['an empty file', '', 'import-json', 'notes_error_json', /geen geldige JSON/],
    [
      'a foreign JSON file',
      '{"annotations": []}',
      'import-foreign',
      'notes_error_foreign',
      /geen notitiebestand van Kamerlens/,
    ],
    ['a JSON list', '[]', 'import-foreign', 'notes_error_foreign', /geen notitiebestand/],
    [
      'a newer format',
      file({ version: 2, notes: [] }),
      'import-version',
      'notes_error_version',
      /formaatversie 2.*Werk Kamerlens bij/,
    ],
    [
      'a version that is none',
      file({ version: '1', notes: [] }),
      'import-invalid',
      'notes_error_version_invalid',
      /"version"/,
    ],
    ['no notes list', file({ notes: {} }), 'import-invalid', 'notes_error_notes_list', /"notes" moet een lijst/],
    [
      'a note that is no object',
      file({ notes: [1] }),
      'import-invalid',
      'notes_problem_object',
      /^Notitie 1: is geen object\.$/,
    ],
    [
      'a note without id',
      file({ notes: [{ ...note('x'), id: 3 }] }),
      'import-invalid',
      'notes_problem_text',
      /^Notitie 1: het veld "id" moet tekst/,
    ],
    ['an empty id', file({ notes: [note('')] }), 'import-invalid', 'notes_problem_empty', /"id" is leeg/],
    [
      'no document',
      file({ notes: [note('x', { documentId: '' })] }),
      'import-invalid',
      'notes_problem_empty',
      /"documentId" is leeg/,
    ],
    [
      'pinned as text',
      file({ notes: [{ ...note('x'), pinned: 'ja' }] }),
      'import-invalid',
      'notes_problem_pinned',
      /"pinned"/,
    ],
    [
      'tags not texts',
      file({ notes: [{ ...note('x'), tags: [1] }] }),
      'import-invalid',
      'notes_problem_tags',
      /"tags"/,
    ],
    [
      'a time as text',
      file({ notes: [{ ...note('x'), updatedAt: 'gisteren' }] }),
      'import-invalid',
      'notes_problem_time',
      /Notitie 1 \(x\).*"updatedAt"/,
    ],
    [
      'a bad deletedAt',
      file({ notes: [{ ...note('x'), deletedAt: -1 }] }),
      'import-invalid',
      'notes_problem_deleted_at',
      /"deletedAt"/,
    ],
    [
      'selectors not a list',
      file({ notes: [{ ...note('x'), selectors: {} }] }),
      'import-invalid',
      'notes_problem_selectors',
      /"selectors"/,
    ],
    [
      'an unknown selector',
      file({ notes: [{ ...note('x'), selectors: [{ type: 'CssSelector', value: 'p' }] }] }),
      'import-invalid',
      'notes_problem_selector_type',
      /TextQuoteSelector of TextPositionSelector/,
    ],
    [
      'a quote without exact',
      file({ notes: [{ ...note('x'), selectors: [{ type: 'TextQuoteSelector', prefix: '', suffix: '' }] }] }),
      'import-invalid',
      'notes_problem_quote',
      /"exact"/,
    ],
    [
      'a position backwards',
      file({ notes: [{ ...note('x'), selectors: [{ type: 'TextPositionSelector', start: 9, end: 2 }] }] }),
      'import-invalid',
      'notes_problem_position',
      /"start" ≤ "end"/,
    ],
    [
      'an id twice',
      file({ notes: [note('x'), note('y'), note('x')] }),
      'import-invalid',
      'notes_problem_duplicate',
      /Notitie 3 \(x\).*twee keer/,
    ],
  ])('refuses %s with a reason', (_what, text, code, key, dutch) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(NotesError);
    expect(error).toMatchObject({ name: 'NotesError', code, key });
    // The message (logs, no browser) is the Dutch text, and the same as the browser shows in Dutch.
    expect(error.message).toMatch(dutch);
    expect(translate('nl')(error.key, error.subs)).toBe(error.message);
    // In English it is a different, complete text: every placeholder filled.
    const english = translate('en')(error.key, error.subs);
    expect(english).not.toBe(error.message);
    expect(english).not.toMatch(/\$\d/);
  });

  it('says the same in Dutch and English, with the number, id and field of the note', () => {
    const cases: [string, string, string][] = [
      [
        file({ version: 2, notes: [] }),
        'Dit bestand heeft formaatversie 2, van een nieuwere Kamerlens; deze versie leest versie 1. Werk Kamerlens bij en importeer het opnieuw.',
        'This file has format version 2, from a newer Kamerlens; this version reads version 1. Update Kamerlens and import it again.',
      ],
      [
        '{"annotations": []}',
        'Dit is geen notitiebestand van Kamerlens: het veld "format" is niet "kamerlens-notes".',
        'This is not a Kamerlens notes file: the field "format" is not "kamerlens-notes".',
      ],
      [
        file({ notes: [note('a'), { ...note('x'), updatedAt: 'gisteren' }] }),
        'Notitie 2 (x): het veld "updatedAt" moet een tijdstip (milliseconden) zijn.',
        'Note 2 (x): the field "updatedAt" must be a time (milliseconds).',
      ],
      [file({ notes: [1] }), 'Notitie 1: is geen object.', 'Note 1: is not an object.'],
      [
        file({ notes: [note('x'), note('x')] }),
        'Notitie 2 (x): dit id staat twee keer in het bestand.',
        'Note 2 (x): this id appears twice in the file.',
      ],
    ];
    for (const [text, nl, en] of cases) {
      const error = refusal(text);
      expect(error.message).toBe(nl);
      expect(translate('nl')(error.key, error.subs)).toBe(nl);
      expect(translate('en')(error.key, error.subs)).toBe(en);
    }
  });

  it('refuses a broken file with a text tests/e2e/notes.e2e.test.ts recognises, in both languages', () => {
    const error = refusal('{"format": "kamerlens-notes", ');
    expect(error.subs).toEqual([expect.stringMatching(/JSON|Unexpected|Expected/)]);
    expect(translate('nl')(error.key, error.subs)).toMatch(BROKEN_FILE);
    expect(translate('en')(error.key, error.subs)).toMatch(BROKEN_FILE);
  });
});

describe('planning an import', () => {
  const stored = [
    note('same'),
    note('older-here', { body: 'oud', updatedAt: 20 }),
    note('newer-here', { body: 'nieuw hier', updatedAt: 90 }),
    note('deleted-here', { deletedAt: 60, updatedAt: 60 }),
    note('deleted-long-ago', { deletedAt: 15, updatedAt: 15 }),
  ];
  const incoming = [
    note('same'),
    note('older-here', { body: 'nieuwer in het bestand', updatedAt: 70 }),
    note('newer-here', { body: 'ouder in het bestand', updatedAt: 80 }),
    note('deleted-here', { updatedAt: 40 }),
    note('deleted-long-ago', { updatedAt: 30 }),
    note('new'),
  ];

  it('adds new ids, takes the newer edit of a known id, keeps what is newer here, and counts the unchanged', () => {
    const plan = planImport(stored, incoming);
    expect(plan.added.map((n) => n.id)).toEqual(['new']);
    expect(plan.changed.map((c) => [c.before.id, c.after.body])).toEqual([
      ['older-here', 'nieuwer in het bestand'],
      ['deleted-long-ago', 'Zie **punt 3**'],
    ]);
    expect(plan.unchanged.map((n) => n.id)).toEqual(['same']);
    expect(plan.kept.map((k) => k.local.id)).toEqual(['newer-here', 'deleted-here']);
    expect(writesOf(plan).map((n) => n.id)).toEqual(['new', 'older-here', 'deleted-long-ago']);
    expect(writesOf(plan).find((n) => n.id === 'deleted-long-ago')?.deletedAt).toBeUndefined();
  });

  it('is a no-op the second time: everything is then unchanged or kept', () => {
    const after = new Map(stored.map((n) => [n.id, n]));
    for (const n of writesOf(planImport(stored, incoming))) after.set(n.id, n);
    const again = planImport([...after.values()], incoming);
    expect(writesOf(again)).toEqual([]);
    expect(again.added).toEqual([]);
  });

  it('keeps this profile’s version when both were edited at the same moment', () => {
    const plan = planImport([note('x', { body: 'hier' })], [note('x', { body: 'daar' })]);
    expect(plan.kept).toHaveLength(1);
    expect(writesOf(plan)).toEqual([]);
  });
});

describe('the Markdown export', () => {
  it('groups notes per document under its citation, pinned first, with passages quoted', () => {
    const md = exportMarkdown(
      [
        note('a', {
          body: 'Eerste',
          selectors: [{ type: 'TextQuoteSelector', exact: 'zes\n pijlers', prefix: '', suffix: '' }],
          updatedAt: Date.UTC(2026, 11, 1),
        }),
        note('b', { body: 'Vast', pinned: true, createdAt: 11, updatedAt: Date.UTC(2026, 11, 1) }),
        note('c', { documentId: 'kst-35000-VI-59', body: 'Motie', tags: [], updatedAt: Date.UTC(2026, 10, 2) }),
        note('d', { body: 'weg', deletedAt: 5 }),
      ],
      new Map([['kst-19637-2535', '2019-2020']]),
    );
    expect(md).toBe(
      [
        '# Kamerlens: notities',
        '',
        '## Kamerstukken II 2019/20, 19 637, nr. 2535',
        '',
        '[Brief over de Integrale Migratieagenda](https://zoek.officielebekendmakingen.nl/kst-19637-2535.html)',
        '',
        'Vast',
        '',
        '*vastgezet · #migratie · bewerkt 2026-12-01*',
        '',
        '---',
        '',
        '> zes pijlers',
        '',
        'Eerste',
        '',
        '*#migratie · bewerkt 2026-12-01*',
        '',
        '---',
        '',
        '## Kamerstukken II, 35 000 VI, nr. 59',
        '',
        '[Brief over de Integrale Migratieagenda](https://zoek.officielebekendmakingen.nl/kst-19637-2535.html)',
        '',
        'Motie',
        '',
        '*bewerkt 2026-11-02*',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });
});
