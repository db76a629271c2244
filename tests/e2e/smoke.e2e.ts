/**
 * End-to-end smoke test of the built Chrome extension (.output/chrome-mv3) in
 * Debian's Chromium: the service worker starts, the content script outlines
 * the sample essay, the badge and the popup show the count.
 *
 * Run: npm run test:e2e (builds .output/chrome-mv3 first when missing).
 * One browser launch is shared by all tests in this file.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  SAMPLE_DIR,
  ensureChromeBuild,
  launchWithExtension,
  missingBrowserMessage,
  serveDirectory,
  waitForTabStatus,
  type Launched,
  type RecordedStatus,
  type Served,
} from '../../scripts/harness.mjs';

/** The one Chrome API this file calls, inside the service worker. */
declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

let served: Served;
let launched: Launched;
let userDataDir: string;
let essayUrl: string;
let essayPage: Page;
const pageErrors: string[] = [];

before(
  async () => {
    const missing = missingBrowserMessage();
    if (missing) throw new Error(missing);
    const extensionDir = ensureChromeBuild();
    served = await serveDirectory(SAMPLE_DIR);
    essayUrl = `${served.url}/essay.html`;
    userDataDir = await mkdtemp(join(tmpdir(), 'gangmu-e2e-'));
    launched = await launchWithExtension({ extensionDir, userDataDir, headless: true });
  },
  { timeout: 120_000 },
);

after(async () => {
  await launched?.context.close();
  await served?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('the service worker starts', () => {
  const { serviceWorker, extensionId } = launched;
  assert.match(extensionId, /^[a-p]{32}$/);
  assert.equal(serviceWorker.url(), `chrome-extension://${extensionId}/background.js`);
});

let recorded: RecordedStatus;

test('the content script outlines the essay and the badge shows the count', async () => {
  essayPage = await launched.context.newPage();
  essayPage.on('pageerror', (err) => pageErrors.push(err.message));
  await essayPage.goto(essayUrl);
  await essayPage.bringToFront();

  recorded = await waitForTabStatus(launched.serviceWorker, essayUrl);
  const { count, title } = recorded.status;
  assert.equal(typeof count, 'number');
  assert.ok(Number.isInteger(count) && count >= 0, `count ${count} is a whole number ≥ 0`);
  assert.ok(title && title.includes('绣花功夫'), `title: ${title}`);

  // The sample essay has three subheadings, each with three points (一是/二是/三是,
  // 首先/其次/最后, 一是/二是/三是): twelve in all.
  assert.equal(count, 12, `expected the sample essay's 12 outline points, got ${count}`);

  const badge = await launched.serviceWorker.evaluate(
    (tabId) => chrome.action.getBadgeText({ tabId }),
    recorded.tabId,
  );
  assert.equal(badge, count > 0 ? String(count) : '');
  assert.deepEqual(pageErrors, []);
});

test('the popup renders the count for the tab', async () => {
  assert.ok(recorded, 'needs the previous test');
  const popup = await launched.context.newPage();
  const popupErrors: string[] = [];
  popup.on('pageerror', (err) => popupErrors.push(err.message));
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tab=${recorded.tabId}`);
  const line = popup.locator('.tab-status .count');
  await line.waitFor({ timeout: 10_000 });
  const { count } = recorded.status;
  assert.equal(await line.getAttribute('data-count'), String(count));
  const text = (await line.textContent()) ?? '';
  // Chinese or English, as the browser's UI language decides.
  if (count === 0) assert.match(text, /^(未发现文章|No essay found)$/);
  else assert.match(text, new RegExp(`^(找到 ${count} 个要点|${count} points? found)$`));
  assert.deepEqual(popupErrors, []);
  await popup.close();
});
