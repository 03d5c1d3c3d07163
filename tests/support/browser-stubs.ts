import { fakeBrowser } from 'wxt/testing';

/** An event as the browser has it, for the APIs WXT's fake browser does not implement (menus, commands, badge). */
export function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (fn: (...args: A) => unknown) => void listeners.push(fn),
    removeListener: (fn: (...args: A) => unknown) => void listeners.splice(listeners.indexOf(fn), 1),
    hasListener: (fn: (...args: A) => unknown) => listeners.includes(fn),
    trigger: (...args: A) => Promise.all(listeners.map((fn) => fn(...args))),
  };
}

/**
 * Gives WXT's fake browser the APIs the background uses that it lacks (context menus, commands, the toolbar badge),
 * recording what the background does with them. Call after `fakeBrowser.reset()`, before the background's `main()`.
 */
export function stubUnimplemented() {
  const menus: { id: string; contexts: string[] }[] = [];
  const badges = new Map<number, string>();
  Object.assign(fakeBrowser, {
    contextMenus: {
      removeAll: async () => void menus.splice(0),
      create: (item: { id: string; contexts: string[] }) => menus.push(item),
      onClicked: fakeEvent(),
    },
    commands: { onCommand: fakeEvent() },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text),
      setBadgeBackgroundColor: async () => {},
    },
  });
  return { menus, badges };
}
