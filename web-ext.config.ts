import { defineWebExtConfig } from 'wxt';

// `npm run dev` (wxt dev) opens a browser through web-ext. Point it at Debian's
// Chromium (nothing may download a browser here), without the sandbox (we may
// be root), and headless when there is no display. See ../shared/TOOLCHAIN.md.
export default defineWebExtConfig({
  binaries: { chrome: '/usr/bin/chromium' },
  chromiumArgs: [
    '--no-sandbox',
    '--no-first-run',
    '--disable-gpu',
    '--disable-component-update',
    ...(process.env.DISPLAY ? [] : ['--headless=new']),
  ],
});
