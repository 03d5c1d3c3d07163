import { describe, expect, it } from 'vitest';
import { describeText, matchSelectors } from '../../../lib/notes/anchoring';

const LETTER =
  'Den Haag, 29 maart 2018. In deze brief presenteert het kabinet de Integrale Migratieagenda. ' +
  'De agenda rust op zes pijlers, van het voorkomen van irreguliere migratie tot een effectief terugkeerbeleid. ' +
  'Over de voortgang wordt de Kamer jaarlijks geïnformeerd.';
const PASSAGE = 'De agenda rust op zes pijlers';

function noteOn(text: string, passage: string) {
  const start = text.indexOf(passage);
  return describeText(text, start, start + passage.length);
}

describe('describeText', () => {
  it('keeps the quote, 32 characters of context on each side and the position', () => {
    const [quote, position] = noteOn(LETTER, PASSAGE);
    const start = LETTER.indexOf(PASSAGE);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: PASSAGE,
      prefix: LETTER.slice(start - 32, start),
      suffix: LETTER.slice(start + PASSAGE.length, start + PASSAGE.length + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + PASSAGE.length });
  });
});

describe('matchSelectors', () => {
  const selectors = noteOn(LETTER, PASSAGE);
  const at = (text: string, m: { start: number; end: number } | null) => (m ? text.slice(m.start, m.end) : null);

  it('finds the passage where it was in an unchanged page', () => {
    const m = matchSelectors(LETTER, selectors);
    expect(m).toMatchObject({ state: 'exact', start: LETTER.indexOf(PASSAGE) });
  });

  it('finds it again after words were inserted before it', () => {
    const changed = LETTER.replace('In deze brief', 'Mede namens de minister voor Migratie, in deze uitgebreide brief');
    const m = matchSelectors(changed, selectors);
    expect(m?.state).toBe('exact');
    expect(at(changed, m)).toBe(PASSAGE);
  });

  it('finds the slightly edited passage, as a fuzzy match', () => {
    const changed = LETTER.replace(PASSAGE, 'De agenda rust op de zes pijlers');
    const m = matchSelectors(changed, selectors);
    expect(m?.state).toBe('fuzzy');
    expect(at(changed, m)).toMatch(/^De agenda rust op de zes pijler/);
  });

  it('picks the occurrence with the right context when the quote appears twice', () => {
    const twice = `${LETTER} Kortom: De agenda rust op zes pijlers.`;
    const moved = `Voorwoord. ${twice}`;
    const m = matchSelectors(moved, selectors);
    expect(m?.start).toBe(moved.indexOf(PASSAGE));
  });

  it('says the passage is gone when it was removed, rather than land on other text', () => {
    const gone = LETTER.replace(
      `${PASSAGE}, van het voorkomen van irreguliere migratie tot een effectief terugkeerbeleid. `,
      '',
    );
    expect(matchSelectors(gone, selectors)).toBeNull();
    expect(matchSelectors('', selectors)).toBeNull();
  });
});
