import { defineConfig } from 'wxt';

// See ../shared/TOOLCHAIN.md for why the ASCII charset matters: without it the
// minifier writes Dexie's U+FFFF literal into the bundle and Chrome refuses the
// whole extension as "not UTF-8". scripts/check-build.mjs guards it.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // The fewest permissions (justified in README.md → Permissions):
    // - storage: storage.session keeps each tab's point count while the MV3
    //   service worker sleeps. (The library lives in IndexedDB in the
    //   extension's origin, which needs no permission.)
    // - contextMenus: the page's right-click item "打开纲目 / Open Gangmu outline".
    // No "tabs" (the popup and the shortcut only need the active tab's id,
    // which needs no permission), no "downloads" (Markdown export uses a blob
    // URL and <a download>), no "clipboardWrite" (the copy happens in the
    // popup on a click) and no host_permissions: the content script's own
    // <all_urls> match is the only page access.
    permissions: ['storage', 'contextMenus'],
    // The note editor is a frame of the extension's origin inside the page's toolbar and
    // sidebar, so what the reader types never reaches the page (README → Privacy). Only
    // that one page is reachable from web pages, and it shows nothing without a live
    // editing session's token.
    // In Chrome only through the session's dynamic id (runtime.getURL gives it), so a
    // page cannot probe the extension's fixed id for it.
    web_accessible_resources: [
      {
        resources: ['note-editor.html', 'engine.js'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gangmu@gangmu.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
