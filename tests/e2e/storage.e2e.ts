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
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { popupPath, useExtension } from './support.ts';

const e2e = useExtension({ name: 'storage' });
const openExtensionPage = (path: string) => e2e.openExtensionPage(path, e2e.pageErrors);
let tabId: number;

async function libraryTitles(): Promise<string[]> {
  const library = await openExtensionPage('library.html');
  await library.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  const titles = await library.locator('.article a').allTextContents();
  await library.close();
  return titles;
}

test('the popup saves the essay to the library', async () => {
  ({ tabId } = await e2e.openTab('essay.html'));

  assert.deepEqual(await libraryTitles(), [], 'the library starts empty');

  const popup = await openExtensionPage(popupPath(tabId));
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
  const popup = await openExtensionPage(popupPath(tabId));
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
    await e2e.relaunch();
    const titles = await libraryTitles();
    assert.equal(titles.length, 1);
    assert.match(titles[0] ?? '', /绣花功夫/);
    assert.deepEqual(e2e.pageErrors, []);
  },
);
