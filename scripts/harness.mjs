// Shared by `npm start` (scripts/start.mjs) and the end-to-end tests
// (tests/e2e/): build the extension when needed, serve a folder on 127.0.0.1,
// launch Debian's Chromium with the built extension loaded. Nothing here
// downloads a browser. Types: harness.d.mts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

/* global chrome -- only inside serviceWorker.evaluate(), which runs in the extension */

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const SAMPLE_DIR = join(ROOT, 'assets', 'sample');
export const CHROMIUM = process.env.GANGMU_CHROMIUM ?? '/usr/bin/chromium';

/** Runs an npm script in the repository, inheriting stdio; throws when it fails. */
export function runNpm(...args) {
  const result = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status})`);
}

/** Builds .output/chrome-mv3 unless it exists already (or always, with `force`). */
export function ensureChromeBuild({ force = false } = {}) {
  if (force || !existsSync(join(CHROME_BUILD, 'manifest.json'))) runNpm('run', 'build:chrome');
  return CHROME_BUILD;
}

/** A clear message, or null when the browser is there. */
export function missingBrowserMessage() {
  if (existsSync(CHROMIUM)) return null;
  return [
    `Chromium was not found at ${CHROMIUM}.`,
    'Install it (Debian/Ubuntu):  sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei',
    'or set GANGMU_CHROMIUM to another Chromium/Chrome binary.',
  ].join('\n');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves the files of `dir` read-only on 127.0.0.1 (`port` 0: any free port). */
export async function serveDirectory(dir, { port = 0 } = {}) {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path === '/' ? 'essay.html' : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

/**
 * The Chromium flags that load one unpacked extension (see ../shared/TOOLCHAIN.md).
 * `hosts`: names that resolve to 127.0.0.1 besides it (tests that need two
 * origins, such as victim.github.io and evil.github.io, on the one server).
 */
export function extensionArgs(extensionDir, hosts = []) {
  const mapped = hosts.map((h) => `MAP ${h} 127.0.0.1 , `).join('');
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    // Only 127.0.0.1 (and the `hosts` mapped to it) resolves: the tests never reach the network.
    `--host-resolver-rules=${mapped}MAP * ~NOTFOUND , EXCLUDE 127.0.0.1`,
  ];
}

/**
 * Launches Chromium with the extension loaded and waits for its service worker.
 * Returns the context, the worker and the extension id (popup:
 * `chrome-extension://${extensionId}/popup.html`).
 */
export async function launchWithExtension({
  extensionDir = CHROME_BUILD,
  userDataDir,
  headless = true,
  timeout = 30_000,
  hosts = [],
}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: extensionArgs(resolve(extensionDir), hosts),
    viewport: { width: 1100, height: 900 },
  });
  try {
    const serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, serviceWorker, extensionId };
  } catch (err) {
    await context.close();
    throw new Error(
      'The extension service worker did not start. Is the build valid? (npm run build && node scripts/check-build.mjs)',
      { cause: err },
    );
  }
}

/**
 * Waits until the background has recorded a status for the tab showing `pageUrl`
 * (the content script reported) and returns `{ tabId, status }`; with `exact`, a
 * status with the engine's count (the outline made at idle or by the sidebar), not
 * the quick check's estimate.
 */
export async function waitForTabStatus(
  serviceWorker,
  pageUrl,
  { timeout = 15_000, exact = false } = {},
) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = await serviceWorker.evaluate(
      async ([url, exactOnly]) => {
        // Keys are written by background/tab-status.ts (tabKey).
        const items = await chrome.storage.session.get(null);
        for (const [key, value] of Object.entries(items)) {
          if (key.startsWith('tab:') && value && value.url === url && (!exactOnly || value.exact)) {
            return { tabId: Number(key.slice(4)), status: value };
          }
        }
        return null;
      },
      [pageUrl, exact],
    );
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No outline status was recorded for ${pageUrl} within ${timeout} ms`);
}
