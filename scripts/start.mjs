#!/usr/bin/env node
// `npm start`: build the Chrome extension, serve the sample essay on
// 127.0.0.1, and open it in Debian's Chromium with the extension loaded.
// With a display the browser stays open until Ctrl+C (or until you close it);
// without one it runs headless, saves screenshots, prints where, and exits.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CHROME_BUILD,
  ROOT,
  SAMPLE_DIR,
  ensureChromeBuild,
  launchWithExtension,
  missingBrowserMessage,
  serveDirectory,
  waitForTabStatus,
} from './harness.mjs';

const port = Number(process.env.PORT ?? 8765);
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const cacheDir = join(ROOT, '.cache');

ensureChromeBuild({ force: true });

let served;
try {
  served = await serveDirectory(SAMPLE_DIR, { port });
} catch {
  served = await serveDirectory(SAMPLE_DIR); // the port is taken: any free one
}
const essayUrl = `${served.url}/essay.html`;

console.log(`
Gangmu (纲目) is built: ${CHROME_BUILD}
Sample essay:          ${essayUrl}   (plain text: ${served.url}/essay.txt)

To load it into your own Chrome/Chromium by hand:
  1. open chrome://extensions
  2. switch on "Developer mode" (top right)
  3. "Load unpacked" → choose ${CHROME_BUILD}
  4. open ${essayUrl} (or any article); the toolbar badge shows the number of points,
     the popup says 找到 N 个要点 / N points found
  (Firefox: npm run build:firefox, then about:debugging → This Firefox →
   "Load Temporary Add-on…" → .output/firefox-mv2/manifest.json)
`);

const missing = missingBrowserMessage();
if (missing) {
  console.log(
    `${missing}\n\nServing the sample essay only, for the manual steps above. Ctrl+C to stop.`,
  );
  process.on('SIGINT', () => void served.close().then(() => process.exit(0)));
} else if (headed) {
  const userDataDir = join(cacheDir, 'chromium-profile');
  mkdirSync(userDataDir, { recursive: true });
  const { context, extensionId } = await launchWithExtension({ userDataDir, headless: false });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(essayUrl);
  console.log(`Chromium is open with the extension (id ${extensionId}). Ctrl+C to stop.`);
  const stop = async () => {
    await context.close().catch(() => undefined); // already closed by the user
    await served.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  context.on('close', () => void stop());
} else {
  const outDir = join(cacheDir, 'start');
  mkdirSync(outDir, { recursive: true });
  const userDataDir = join(outDir, 'profile');
  const { context, serviceWorker, extensionId } = await launchWithExtension({
    userDataDir,
    headless: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(essayUrl);
    // The engine's count (the page outlined at idle), not the quick check's estimate.
    const { tabId, status } = await waitForTabStatus(serviceWorker, essayUrl, { exact: true });
    const essayShot = join(outDir, 'essay.png');
    await page.screenshot({ path: essayShot, fullPage: true });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 360, height: 200 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('.tab-status .count, .tab-status .not-analysed').first().waitFor();
    const popupShot = join(outDir, 'popup.png');
    await popup.screenshot({ path: popupShot, fullPage: true });
    console.log(`No display (DISPLAY is not set), so Chromium ran headless.
The extension loaded (id ${extensionId}) and found ${status.count} point(s) in the sample essay.
Screenshots:
  ${relative(process.cwd(), essayShot) || essayShot}
  ${relative(process.cwd(), popupShot) || popupShot}
Set DISPLAY (e.g. under a desktop session or xvfb-run) to get a browser window instead.`);
  } finally {
    await context.close();
    await served.close();
  }
}
