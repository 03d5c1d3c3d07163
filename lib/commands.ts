import { browser } from 'wxt/browser';
import { sendToTab } from './messaging/runtime';

/** The keyboard commands of the manifest (wxt.config.ts `commands`), as the browser names them to the background. */
export const NOTE_COMMAND = 'note-selection';
export const PANEL_COMMAND = 'toggle-panel';

/**
 * The tab a command is for: the one the browser gives with it, else the active tab of the current window (the tab
 * argument is newer than the event, and a browser may leave it out).
 */
export async function commandTab(tab?: { id?: number }): Promise<number | undefined> {
  return tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/**
 * The document panel's shortcut, as `commands.onCommand` calls it: the tab's content script opens (or closes) its
 * panel. Any other command is left to its own listener.
 */
export async function panelCommand(command: string, tab?: { id?: number }): Promise<void> {
  if (command !== PANEL_COMMAND) return;
  const id = await commandTab(tab);
  if (id !== undefined) await sendToTab(id, 'toggle-panel', {});
}
