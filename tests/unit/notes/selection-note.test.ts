import { describe, expect, it } from 'vitest';
import type { NoteSelector } from '../../../lib/notes/model';
import { noteOnSelection, passagesOf, type SelectionNoteDeps } from '../../../lib/notes/selection-note';

const SELECTORS: NoteSelector[] = [
  { type: 'TextQuoteSelector', exact: 'zes pijlers', prefix: 'rust op ', suffix: ', van' },
  { type: 'TextPositionSelector', start: 10, end: 21 },
];

function deps(anchor: Awaited<ReturnType<SelectionNoteDeps['describe']>>) {
  const log: string[] = [];
  const d: SelectionNoteDeps = {
    describe: async () => anchor,
    canonical: async (id) => (id === '2018D55123' ? 'kst-35000-VI-59' : id),
    create: async (input) => {
      log.push(`create ${input.documentId}`);
      return { id: 'n1', body: '', pinned: false, tags: [], createdAt: 1, updatedAt: 1, ...input };
    },
    changed: async (tab, id) => void log.push(`changed ${tab} ${id}`),
  };
  return { d, log };
}

describe('noteOnSelection', () => {
  it('makes a note on the selected passage of the paper the page is, and tells the page', async () => {
    const { d, log } = deps({
      url: 'https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2018Z22093&did=2018D55123',
      title: 'Motie',
      selectors: SELECTORS,
    });
    const note = await noteOnSelection(7, d);
    expect(note).toMatchObject({ documentId: 'kst-35000-VI-59', selectors: SELECTORS, body: '' });
    expect(log).toEqual(['create kst-35000-VI-59', 'changed 7 kst-35000-VI-59']);
    expect(passagesOf([note!])).toEqual([{ id: 'n1', selectors: SELECTORS }]);
  });

  it('makes nothing without a selection, or on a page that is no document', async () => {
    expect(await noteOnSelection(7, deps(null).d)).toBeUndefined();
    const { d, log } = deps({ url: 'https://www.tweedekamer.nl/zoeken?qry=x', title: 'Zoeken', selectors: SELECTORS });
    expect(await noteOnSelection(7, d)).toBeUndefined();
    expect(log).toEqual([]);
  });
});
