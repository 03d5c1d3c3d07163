import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background';
import { send } from '../../lib/messaging/runtime';
import { stubUnimplemented } from '../support/browser-stubs';

/**
 * Firefox for Android, which the manifest declares (gecko_android), has no context menus and no `commands`. The
 * background used both unguarded and threw before it listened to the pages' messages, so every page stayed without
 * a cache there.
 */
beforeAll(() => {
  fakeBrowser.reset();
  stubUnimplemented();
  const api = fakeBrowser as unknown as Record<string, unknown>;
  delete api.contextMenus;
  delete api.commands;
});

describe('the background without menus and commands', () => {
  it('starts and answers the pages', async () => {
    expect(() => background.main()).not.toThrow();
    expect(await send('page-notes', { documentId: 'kst-19637-2535' })).toEqual({
      documentId: 'kst-19637-2535',
      passages: [],
    });
  });
});
