// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NotesSettings } from '../../../components/NotesSettings';
import { notesRepository } from '../../../lib/db/notes-repo';
import { KamerlensDB } from '../../../lib/db/schema';
import { exportJson } from '../../../lib/notes/exchange';
import { enabledSites } from '../../../lib/settings';
import { useMessages } from '../../support/i18n';

let root: HTMLElement;
let db: KamerlensDB;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  useMessages('nl');
  db = new KamerlensDB(`kamerlens-options-${n++}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  await Dexie.delete(db.name);
});

/** Waits until `check` holds, re-rendering in between (live queries and file reads settle on their own time). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 500) throw new Error(`never became true; page: ${root.textContent}`);
    await act(async () => new Promise((r) => setTimeout(r, 5)));
  }
}

async function choose(text: string) {
  const input = root.querySelector<HTMLInputElement>('#notes-import')!;
  const file = new File([text], 'notities.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const LETTER = {
  documentId: 'kst-19637-2535',
  url: 'https://zoek.officielebekendmakingen.nl/kst-19637-2535.html',
  title: 'Brief',
};

describe('the notes part of the options page', () => {
  it('refuses a broken file with the reason, and changes nothing', async () => {
    const repo = notesRepository(db);
    await repo.create({ ...LETTER, body: 'blijft' });
    await act(() => render(<NotesSettings db={db} />, root));
    await choose('{"format": "kamerlens-notes", "version": 1, "notes": [');
    await until(() => root.querySelector('.import-error') !== null);
    expect(root.querySelector('.import-error')!.textContent).toMatch(/geen geldige JSON/);
    expect(root.querySelector('.import-preview')).toBeNull();
    expect((await repo.all()).map((x) => x.body)).toEqual(['blijft']);
  });

  it('gives the reason in the browser’s language', async () => {
    useMessages('en');
    await act(() => render(<NotesSettings db={db} />, root));
    await choose(JSON.stringify({ format: 'kamerlens-notes', version: 2, notes: [] }));
    await until(() => root.querySelector('.import-error') !== null);
    expect(root.querySelector('.import-error')!.textContent).toBe(
      'This file has format version 2, from a newer Kamerlens; this version reads version 1. Update Kamerlens and import it again.',
    );
    await choose('{"format": "kamerlens-notes", "version": 1, "notes": [');
    await until(() => /not valid JSON/.test(root.querySelector('.import-error')?.textContent ?? ''));
    expect(root.querySelector('.import-error')!.textContent).toMatch(/^This file is not valid JSON \(.+\)\.$/);
  });

  it('previews an import (new, changed, unchanged, newer here) and writes only when asked', async () => {
    const repo = notesRepository(db);
    const kept = await repo.create({ ...LETTER, body: 'hier' });
    const file = exportJson([
      kept,
      { ...kept, id: 'newer-in-file', body: 'uit het bestand', updatedAt: kept.updatedAt + 1 },
    ]);
    await db.notes.put({ ...kept, id: 'newer-in-file', body: 'oud' });
    await repo.create({ ...LETTER, body: 'niet in het bestand' });
    await act(() => render(<NotesSettings db={db} />, root));
    await choose(file);
    await until(() => root.querySelector('.import-preview') !== null);
    expect(root.querySelector('.import-preview p')!.textContent).toBe(
      'notities.json: 0 nieuw, 1 gewijzigd, 1 ongewijzigd, 0 hier nieuwer (blijven zoals ze zijn).',
    );
    expect(root.querySelectorAll('.import-changed li')).toHaveLength(1);
    expect((await repo.get('newer-in-file'))?.body).toBe('oud');
    await act(() => root.querySelector<HTMLButtonElement>('.import-apply')!.click());
    await until(() => root.querySelector('.import-preview') === null);
    expect((await repo.get('newer-in-file'))?.body).toBe('uit het bestand');
    expect(await repo.all()).toHaveLength(3);
  });

  it('clears the cache and never the notes; switches a site off', async () => {
    const repo = notesRepository(db);
    await repo.create({ ...LETTER, body: 'blijft' });
    await db.documents.put({ id: 'kst-19637-2535', kind: 'kamerstuk', indieners: [], source: 'tk', fetchedAt: 1 });
    await act(() => render(<NotesSettings db={db} />, root));
    await until(() => root.querySelector('input[name="site-tk"]') !== null);
    await act(() => root.querySelector<HTMLButtonElement>('.cache-clear')!.click());
    await until(
      () => root.querySelector('[role="status"]')?.textContent === 'Cache gewist. Je 1 notities zijn bewaard.',
    );
    expect(await db.documents.count()).toBe(0);
    expect(await repo.all()).toHaveLength(1);
    const tk = root.querySelector<HTMLInputElement>('input[name="site-tk"]')!;
    await act(() => tk.click());
    await until(() => !tk.checked);
    expect(await enabledSites.getValue()).toEqual({ ob: true, tk: false });
  });
});
