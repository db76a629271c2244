/**
 * End-to-end smoke test of the built Chrome extension (.output/chrome-mv3) in
 * Debian's Chromium: the service worker starts, the content script outlines
 * the sample essay, the badge and the popup show the count.
 *
 * Run: npm run test:e2e (builds .output/chrome-mv3 first when missing).
 * One browser launch is shared by all tests in this file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitForTabStatus, type RecordedStatus } from '../../scripts/harness.mjs';
import { badgeText, popupPath, useExtension } from './support.ts';

const e2e = useExtension({ name: 'smoke' });

test('the service worker starts', () => {
  const { serviceWorker, extensionId } = e2e.launched;
  assert.match(extensionId, /^[a-p]{32}$/);
  assert.equal(serviceWorker.url(), `chrome-extension://${extensionId}/background.js`);
});

let recorded: RecordedStatus;

test('the content script outlines the essay and the badge shows the count', async () => {
  const { tabId } = await e2e.openTab('essay.html');
  // The quick check's estimate comes first (no number on the badge); the engine's count
  // follows once the page is outlined at idle.
  recorded = await waitForTabStatus(e2e.launched.serviceWorker, e2e.url('essay.html'), {
    exact: true,
  });
  assert.equal(recorded.tabId, tabId);
  const { count, title } = recorded.status;
  assert.equal(typeof count, 'number');
  assert.ok(Number.isInteger(count) && count >= 0, `count ${count} is a whole number ≥ 0`);
  assert.ok(title && title.includes('绣花功夫'), `title: ${title}`);

  // The sample essay has three subheadings, each with three points (一是/二是/三是,
  // 首先/其次/最后, 一是/二是/三是): twelve in all.
  assert.equal(count, 12, `expected the sample essay's 12 outline points, got ${count}`);

  const badge = await badgeText(e2e.launched, recorded.tabId);
  assert.equal(badge, count > 0 ? String(count) : '');
  assert.deepEqual(e2e.pageErrors, []);
});

test('the popup renders the count for the tab', async () => {
  assert.ok(recorded, 'needs the previous test');
  const popupErrors: string[] = [];
  const popup = await e2e.openExtensionPage(popupPath(recorded.tabId), popupErrors);
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
