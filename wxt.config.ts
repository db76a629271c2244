import { defineConfig } from 'wxt';

// See ../shared/TOOLCHAIN.md for why the ASCII charset matters: without it the
// minifier writes Dexie's U+FFFF literal into the bundle and Chrome refuses the
// whole extension as "not UTF-8".
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
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
