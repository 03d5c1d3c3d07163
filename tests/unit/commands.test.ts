import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { commandTab, NOTE_COMMAND, PANEL_COMMAND, panelCommand } from '../../lib/commands';
import { envelope } from '../../lib/messaging/protocol';

/**
 * The document panel's command handler (lib/commands.ts), as `commands.onCommand` calls it, against WXT's fake
 * browser: which tab it tells, and what it leaves alone. The fake has no tabs.sendMessage, and its active tab is
 * not settable from outside: both are stubbed, the query's arguments checked.
 */
let sent: [number, unknown][];
let query: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
    sent.push([tabId, message]);
    return { ok: true, value: undefined };
  }) as typeof fakeBrowser.tabs.sendMessage);
  query = vi.fn(async () => [{ id: 7 }]);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(query as unknown as typeof fakeBrowser.tabs.query);
});

describe('the panel command', () => {
  it('tells the tab the browser gives to toggle its panel', async () => {
    await panelCommand(PANEL_COMMAND, { id: 3 });
    expect(sent).toEqual([[3, envelope('toggle-panel', {})]]);
    expect(query).not.toHaveBeenCalled();
  });

  it('tells the active tab of the current window when the browser gives no tab, or one without an id', async () => {
    await panelCommand(PANEL_COMMAND);
    await panelCommand(PANEL_COMMAND, {});
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sent).toEqual([
      [7, envelope('toggle-panel', {})],
      [7, envelope('toggle-panel', {})],
    ]);
  });

  it('tells nobody when there is no tab at all (a window without tabs, devtools focused)', async () => {
    query.mockImplementation(async () => []);
    await panelCommand(PANEL_COMMAND);
    expect(sent).toEqual([]);
  });

  it('ignores any other command, the note command too', async () => {
    for (const command of [NOTE_COMMAND, 'toggle-panel ', 'Toggle-Panel', '_execute_action', ''])
      await panelCommand(command, { id: 3 });
    await panelCommand('unknown');
    expect(sent).toEqual([]);
    expect(query).not.toHaveBeenCalled();
  });

  it('fails as the message fails (the background funnels it), rather than hiding it', async () => {
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(new Error('Could not establish connection'));
    await expect(panelCommand(PANEL_COMMAND, { id: 3 })).rejects.toThrow('Could not establish connection');
  });
});

describe('the tab of a command', () => {
  it('is the given one, else the active one', async () => {
    expect(await commandTab({ id: 4 })).toBe(4);
    expect(await commandTab(undefined)).toBe(7);
  });
});
