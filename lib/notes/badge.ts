import { browser } from 'wxt/browser';

/** The toolbar badge for a number of notes: nothing for none, `99+` beyond what fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/**
 * Shows a tab's note count on the toolbar button. MV3 (Chromium) calls it `action`, MV2 (Firefox) `browserAction`;
 * a per-tab badge goes when the tab navigates, so the content script asks for it again on every page.
 */
export async function showNoteCount(tabId: number, count: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeBackgroundColor({ tabId, color: '#154273' });
  await action.setBadgeText({ tabId, text: badgeText(count) });
}
