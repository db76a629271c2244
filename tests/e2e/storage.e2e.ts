/**
 * End-to-end test of the library storage in the built Chrome extension: the
 * popup saves the sample essay into the browser's own IndexedDB (in the
 * extension's origin), the library page lists it, it survives a browser
 * relaunch with the same profile, and the popup's Markdown export downloads
 * `title.md` with the title and the outline.
 *
 * Run: npm run test:e2e (builds .output/chrome-mv3 first when missing).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
  type Served,
} from '../../scripts/harness.mjs';

let served: Served;
let launched: Launched | undefined;
let extensionDir: string;
let userDataDir: string;
let essayUrl: string;
let tabId: number;
const pageErrors: string[] = [];

before(
  async () => {
    const missing = missingBrowserMessage();
    if (missing) throw new Error(missing);
    extensionDir = ensureChromeBuild();
    served = await serveDirectory(SAMPLE_DIR);
    essayUrl = `${served.url}/essay.html`;
    userDataDir = await mkdtemp(join(tmpdir(), 'gangmu-e2e-storage-'));
    launched = await launchWithExtension({ extensionDir, userDataDir, headless: true });
  },
  { timeout: 120_000 },
);

after(async () => {
  await launched?.context.close();
  await served?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

async function openExtensionPage(path: string): Promise<Page> {
  assert.ok(launched);
  const page = await launched.context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${path}: ${err.message}`));
  await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
  return page;
}

async function libraryTitles(): Promise<string[]> {
  const library = await openExtensionPage('library.html');
  await library.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  const titles = await library.locator('.article a').allTextContents();
  await library.close();
  return titles;
}

test('the popup saves the essay to the library', async () => {
  assert.ok(launched);
  const essay = await launched.context.newPage();
  essay.on('pageerror', (err) => pageErrors.push(`essay: ${err.message}`));
  await essay.goto(essayUrl);
  ({ tabId } = await waitForTabStatus(launched.serviceWorker, essayUrl));

  assert.deepEqual(await libraryTitles(), [], 'the library starts empty');

  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  const save = popup.locator('button.save');
  await popup.locator('.tab-status .count[data-essay="true"]').waitFor({ timeout: 10_000 });
  await save.click();
  const notice = popup.locator('.notice');
  await notice.waitFor({ timeout: 10_000 });
  assert.equal(await notice.getAttribute('data-tone'), 'info', (await notice.textContent()) ?? '');
  assert.match((await notice.textContent()) ?? '', /绣花功夫/);
  // The status now says the page is saved.
  await popup.locator('.saved-badge').waitFor({ timeout: 10_000 });
  await popup.close();

  const titles = await libraryTitles();
  assert.equal(titles.length, 1);
  assert.match(titles[0] ?? '', /绣花功夫/);
});

test('the popup exports the essay as title.md', async () => {
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.locator('.tab-status .count[data-essay="true"]').waitFor({ timeout: 10_000 });
  const [download] = await Promise.all([
    popup.waitForEvent('download', { timeout: 10_000 }),
    popup.locator('button.export').click(),
  ]);
  assert.match(download.suggestedFilename(), /绣花功夫.*\.md$/);
  const path = await download.path();
  const markdown = await readFile(path, 'utf8');
  assert.match(markdown, /绣花功夫/, 'the Markdown has the title');
  // The sample essay's outline: ordinal points (一是…) appear as list items or headings.
  assert.match(markdown, /一是|首先/, 'the Markdown has the outline');
  const notice = popup.locator('.notice');
  await notice.waitFor({ timeout: 10_000 });
  assert.equal(await notice.getAttribute('data-tone'), 'info', (await notice.textContent()) ?? '');
  await popup.close();
});

test(
  'the library survives a browser relaunch with the same profile',
  { timeout: 60_000 },
  async () => {
    assert.ok(launched);
    await launched.context.close();
    launched = undefined;
    launched = await launchWithExtension({ extensionDir, userDataDir, headless: true });
    const titles = await libraryTitles();
    assert.equal(titles.length, 1);
    assert.match(titles[0] ?? '', /绣花功夫/);
    assert.deepEqual(pageErrors, []);
  },
);
