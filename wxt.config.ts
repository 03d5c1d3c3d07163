import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONTENT_MATCHES, DATA_HOSTS } from './lib/sites';

/**
 * Firefox settings. `data_collection_permissions` is newer than the manifest types, hence the separate object; Firefox
 * reads it from version 140 on (addons-linter warns for an older `strict_min_version`), and 140 is an ESR.
 *
 * Declared honestly: the ids of the papers cited on the page a user reads (text of that website) are sent to the two
 * public data services (the Tweede Kamer's open data API and KOOP's SRU), to fetch their metadata. Nothing else
 * leaves the browser: no user identifier, no URL of the page, no notes.
 */
const GECKO = {
  id: 'kamerlens@kamerlens.nl',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['websiteContent'] },
};

/**
 * Kamerlens build configuration.
 *
 * Permissions are kept to the two sites we annotate and the two data services we read: nothing broader,
 * so the store review (and the user) can see at a glance what the extension touches.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The fixed top level has no `public/`: static files (icons, locales) live under assets/.
  publicDir: 'assets/public',
  vite: () => ({ plugins: [preact()] }),
  // Firefox-only keys stay out of the Chrome manifest (Chrome warns about keys it does not know).
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // alarms: the periodic refresh; storage: settings (base URLs), kept apart from the IndexedDB cache;
    // contextMenus: "Notitie bij selectie" on a selection on the two sites.
    permissions: ['alarms', 'storage', 'contextMenus'],
    commands: {
      'note-selection': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_notes_command_selection__',
      },
      // The document panel (lib/page/panel.ts): the background hears the shortcut and tells the tab.
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_page_panel_command__',
      },
    },
    action: { default_title: '__MSG_popup_title__' },
    host_permissions: [...CONTENT_MATCHES, ...DATA_HOSTS.map((host) => `https://${host}/*`)],
    // Firefox for Android reads data_collection_permissions from 142 on.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.output/**', 'tests/**/screenshots/**'],
  },
});
