// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NoteEditor } from '../../../components/NoteEditor';
import { NotesError } from '../../../lib/notes/errors';
import { useMessages } from '../../support/i18n';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  useMessages('nl');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

async function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the note editor', () => {
  it('shows a write failure (a full disk) as it is and keeps every word typed', async () => {
    const saved: string[] = [];
    let full = true;
    await act(() =>
      render(
        <NoteEditor
          id="new"
          clearOnSave
          onSave={async (body, tags) => {
            if (full) throw new NotesError('quota', { key: 'notes_error_quota' });
            saved.push(`${body} ${tags.join(',')}`);
          }}
        />,
        root,
      ),
    );
    const body = root.querySelector('textarea')!;
    await type(body, 'Een lange gedachte');
    await type(root.querySelector('input')!, 'Migratie, #EU');
    await act(() => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await flush();
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/niet opgeslagen.*vol/);
    expect(body.value).toBe('Een lange gedachte');
    full = false;
    // Ctrl+Enter saves from the keyboard.
    await act(() => {
      body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    await flush();
    expect(saved).toEqual(['Een lange gedachte migratie,eu']);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(body.value).toBe('');
  });

  it('shows the failure in the browser’s language', async () => {
    useMessages('en');
    await act(() =>
      render(
        <NoteEditor
          id="new"
          onSave={async () => {
            throw new NotesError('quota', { key: 'notes_error_quota' });
          }}
        />,
        root,
      ),
    );
    await type(root.querySelector('textarea')!, 'Een gedachte');
    await act(() => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await flush();
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/^The note was not saved: .*storage is full/);
    expect(root.querySelector('textarea')!.value).toBe('Een gedachte');
  });

  it('cancels an edit with Escape and saves nothing empty', async () => {
    let cancelled = 0;
    const saved: string[] = [];
    await act(() =>
      render(
        <NoteEditor
          id="e"
          body="oud"
          onCancel={() => cancelled++}
          onSave={async (b) => {
            saved.push(b);
          }}
        />,
        root,
      ),
    );
    const body = root.querySelector('textarea')!;
    await type(body, '   ');
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    await act(() => {
      body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(cancelled).toBe(1);
    expect(saved).toEqual([]);
    expect(root.querySelector('label')!.textContent).toMatch(/^Notitie/);
  });
});
