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
    //   service worker sleeps (later also settings).
    // No "tabs" (the popup only needs the active tab's id, which needs no
    // permission) and no host_permissions: the content script's own
    // <all_urls> match is the only page access.
    permissions: ['storage'],
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
