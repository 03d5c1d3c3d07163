import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
  url: string;
  title: string;
}

/**
 * The tab the popup is about: `?tab=<id>` when given (the e2e tests open `popup.html?tab=<id>` in a tab of its own,
 * where "the active tab" would be the popup itself), else the active tab of the current window.
 */
export async function targetTab(search: string): Promise<TargetTab | undefined> {
  const given = Number(new URLSearchParams(search).get('tab'));
  const tab =
    Number.isInteger(given) && given > 0
      ? await browser.tabs.get(given).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  return { id: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
}
