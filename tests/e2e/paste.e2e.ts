/**
 * End-to-end test of the paste page (paste.html) in Chromium with the built
 * extension: an empty paste is refused with a message; a hard-wrapped,
 * PDF-like e-paper page written for the test (tests/unit/paste/fixture.ts)
 * holding two articles with titles and □ bylines is listed as two articles;
 * one is kept; its outline appears; a phrase is highlighted with a note from
 * the selection toolbar inside the reading frame; the article is saved and
 * listed by the background (list-articles) with its highlight; pasting the
 * same text again brings the highlight back; a GBK .txt file is read and
 * split, a PDF file is refused with a message.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { gbk, PAGE, PHRASE_1, TITLE_1, TITLE_2 } from '../unit/paste/fixture.ts';
import {
  htmlPage,
  paintedIn,
  popupPath,
  readingFrame,
  selectWords,
  useExtension,
} from './support.ts';
import { closedUi } from './closed-ui.ts';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const NOTE = '党建引领是总抓手';
const e2e = useExtension({
  name: 'paste',
  pages: { 'control.html': htmlPage('控制页', '<p>这一页没有文章，只为打开工具栏弹窗。</p>') },
});
const errors: string[] = [];
let page: Page;

async function waitForPainted(frame: Frame, name: string) {
  const deadline = Date.now() + 10_000;
  let last: Record<string, string[]> = {};
  while (Date.now() < deadline) {
    last = await paintedIn(frame);
    if (last[name]?.length) return last;
    await frame.waitForTimeout(100);
  }
  throw new Error(`${name} was never painted: ${JSON.stringify(last)}`);
}

/** Pastes the fixture page (the textarea's value and an input event, as a paste does) and outlines it. */
async function pastePage(p: Page) {
  await p.locator('textarea.paste-text').fill(PAGE);
  await p.locator('button.outline-button').click();
}

/** Sends a background request from the paste page, as the page itself does. */
const request = (p: Page, message: unknown) =>
  p.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{
    ok: boolean;
    value: unknown;
  }>;

test('an empty paste is refused with a message', async () => {
  page = await e2e.openExtensionPage('paste.html', errors);
  await page.locator('button.outline-button').click();
  const notice = page.locator('.notice.error');
  await notice.waitFor({ timeout: 5000 });
  assert.match((await notice.textContent()) ?? '', /没有可处理的文字|no text to work on/);
});

test('two articles are listed; keeping one shows its outline', async () => {
  await pastePage(page);
  const choices = page.locator('li.article-choice');
  await choices.nth(1).waitFor({ timeout: 10_000 });
  assert.equal(await choices.count(), 2);
  assert.deepEqual(await page.locator('.choice-title').allTextContents(), [TITLE_1, TITLE_2]);
  assert.deepEqual(await page.locator('.choice-author').allTextContents(), ['林知远', '周明']);
  assert.equal(await page.locator('.choice-length').count(), 2);

  // Keep the first only.
  await choices.nth(1).locator('input[type=checkbox]').uncheck();
  await page.locator('button.keep').click();

  const level1 = page.locator('.outline-host li.node[data-level="1"]');
  await level1.first().waitFor({ timeout: 10_000 });
  assert.deepEqual(
    await level1.evaluateAll((els) => els.map((e) => e.getAttribute('data-marker'))),
    ['一', '二'],
  );
  const level2 = page.locator('.outline-host li.node[data-level="2"]');
  assert.deepEqual(
    await level2.evaluateAll((els) => els.map((e) => e.getAttribute('data-marker'))),
    ['一是', '二是', '一是', '二是'],
  );
  assert.equal(await page.locator('.outline-host .meta-title').textContent(), TITLE_1);
  assert.equal(await page.locator('.kept-tab').count(), 0, 'one article kept: no tabs');

  // The frame holds the repaired paragraphs: the phrase that crossed a hard wrap is whole.
  const frame = await readingFrame(page);
  const text = await frame.evaluate(() => document.body.textContent ?? '');
  assert.ok(text.includes(PHRASE_1), text);
  assert.ok(!text.includes(TITLE_2), 'the second article was not kept');
});

test('a phrase highlighted with a note is painted and listed under its point', async () => {
  const frame = await readingFrame(page);
  await selectWords(frame, PHRASE_1);
  await closedUi(frame, 'toolbar').locator('.toolbar[data-mode="new"]').waitFor({ timeout: 5000 });
  await closedUi(frame, 'toolbar').locator('button.color[data-color="green"]').click();
  await closedUi(frame, 'toolbar')
    .locator('.toolbar[data-mode="existing"]')
    .waitFor({ timeout: 5000 });
  assert.deepEqual((await waitForPainted(frame, 'gangmu-green'))['gangmu-green'], [PHRASE_1]);

  await closedUi(frame, 'toolbar').locator('button.note').click();
  const input = closedUi(frame, 'toolbar').locator('textarea.note-input');
  await input.waitFor({ timeout: 5000 });
  await input.fill(NOTE);
  await closedUi(frame, 'toolbar').locator('.editor-actions button.save').click();
  await closedUi(frame, 'toolbar').waitFor({ state: 'detached', timeout: 5000 });

  const entry = page
    .locator('.outline-host li.node[data-marker="一是"]')
    .first()
    .locator(':scope > ul.hl-list > li.hl');
  await entry.waitFor({ timeout: 10_000 });
  assert.equal(await entry.getAttribute('data-color'), 'green');
  assert.equal(await entry.locator('.hl-text').textContent(), PHRASE_1);
  assert.equal(await entry.locator('.hl-note').textContent(), NOTE);
});

test('saved: list-articles has it with its highlight', async () => {
  await page.locator('.reader button.save').click();
  await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 10_000 });
  const id = await page.locator('section.reader').getAttribute('data-article-id');
  assert.match(id ?? '', /^paste:[0-9a-f]{16}$/);

  const list = await request(page, { type: 'list-articles' });
  assert.equal(list.ok, true, JSON.stringify(list));
  const rows = list.value as {
    id: string;
    url: string;
    site: string;
    title: string;
    highlights: number;
    points: number;
  }[];
  const row = rows.find((r) => r.id === id);
  assert.ok(row, JSON.stringify(rows));
  assert.deepEqual(
    { url: row.url, site: row.site, title: row.title, highlights: row.highlights },
    { url: id, site: '粘贴 Pasted', title: TITLE_1, highlights: 1 },
  );
  assert.ok(row.points >= 6, `points: ${row.points}`);

  const got = await request(page, { type: 'get-article', articleId: id });
  const value = got.value as {
    highlights: { note: string; selectors: { kind: string; exact?: string }[] }[];
  };
  assert.equal(value.highlights.length, 1);
  assert.equal(value.highlights[0]!.note, NOTE);
  assert.equal(value.highlights[0]!.selectors.find((s) => s.kind === 'quote')?.exact, PHRASE_1);
  assert.ok(value.highlights[0]!.selectors.some((s) => s.kind === 'outline-node'));
});

test('the same text pasted again brings its highlight back', async () => {
  await page.locator('button.new-paste').click();
  await pastePage(page);
  await page.locator('li.article-choice').nth(1).waitFor({ timeout: 10_000 });
  await page.locator('li.article-choice').nth(1).locator('input[type=checkbox]').uncheck();
  await page.locator('button.keep').click();
  const frame = await readingFrame(page);
  assert.deepEqual((await waitForPainted(frame, 'gangmu-green'))['gangmu-green'], [PHRASE_1]);
});

test('the library opens the saved pasted article again, with its highlight', async () => {
  const library = await e2e.openExtensionPage('library.html', errors);
  await library.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  // The library links to the paste page.
  assert.equal(await library.locator('a.open-paste').getAttribute('href'), '/paste.html');
  await library.locator('.article a', { hasText: TITLE_1 }).click();
  const view = library.locator('.article-view');
  await view.locator('h2').waitFor({ timeout: 10_000 });
  const id = (await view.getAttribute('data-id')) ?? '';
  const href = `/paste.html?article=${encodeURIComponent(id)}`;
  assert.equal(await view.locator('a.open-original').getAttribute('href'), href);
  assert.match(
    (await view.locator('.outline-host li.hl a.open-at').getAttribute('href')) ?? '',
    new RegExp(`^${href.replace(/[?.]/g, '\\$&')}#gangmu-hl=.+`),
  );

  const [opened] = await Promise.all([
    e2e.launched.context.waitForEvent('page', { timeout: 10_000 }),
    view.locator('a.open-original').click(),
  ]);
  opened.on('pageerror', (err) => errors.push(`reopened: ${err.message}`));
  // Rebuilt from the stored text: straight to reading, same id, same outline, highlight painted.
  await opened.locator('section.reader').waitFor({ timeout: 10_000 });
  assert.equal(await opened.locator('section.reader').getAttribute('data-article-id'), id);
  assert.equal(await opened.locator('li.article-choice').count(), 0);
  await opened.locator('.outline-host .meta-title').waitFor({ timeout: 10_000 });
  assert.equal(await opened.locator('.outline-host .meta-title').textContent(), TITLE_1);
  const frame = await readingFrame(opened);
  assert.deepEqual((await waitForPainted(frame, 'gangmu-green'))['gangmu-green'], [PHRASE_1]);
  await opened.close();

  // "Show on the page": the same, at the highlight, and the fragment is read once.
  const [atHighlight] = await Promise.all([
    e2e.launched.context.waitForEvent('page', { timeout: 10_000 }),
    view.locator('.outline-host li.hl a.open-at').click(),
  ]);
  atHighlight.on('pageerror', (err) => errors.push(`at highlight: ${err.message}`));
  await atHighlight.locator('section.reader').waitFor({ timeout: 10_000 });
  const atFrame = await readingFrame(atHighlight);
  assert.deepEqual((await waitForPainted(atFrame, 'gangmu-green'))['gangmu-green'], [PHRASE_1]);
  assert.equal(new URL(atHighlight.url()).hash, '');
  assert.equal(new URL(atHighlight.url()).searchParams.get('article'), id);
  assert.equal(await atHighlight.locator('.outline-host .hl-link-notice').count(), 0);
  await atHighlight.close();

  // A highlight that is not stored any more: a notice, nothing else painted.
  const gone = await e2e.openExtensionPage(
    `paste.html?article=${encodeURIComponent(id)}#gangmu-hl=no-such-highlight`,
    errors,
  );
  await gone
    .locator('.outline-host .hl-link-notice[data-notice="unknown"]')
    .waitFor({ timeout: 10_000 });
  assert.deepEqual(await paintedIn(await readingFrame(gone)), { 'gangmu-green': [PHRASE_1] });
  await gone.close();
  await library.close();
});

test('a pasted article that is not in the library is reported, not shown empty', async () => {
  const missing = await e2e.openExtensionPage(
    `paste.html?article=${encodeURIComponent('paste:0000000000000000')}`,
    errors,
  );
  const notice = missing.locator('.notice.error');
  await notice.waitFor({ timeout: 10_000 });
  assert.match((await notice.textContent()) ?? '', /不在文库里|not in the library/);
  // The reader can still paste.
  assert.equal(await missing.locator('textarea.paste-text').count(), 1);
  await missing.close();
});

test("the popup's paste button opens the paste page", async () => {
  const { tabId, page: tab } = await e2e.openTab('control.html');
  const popup = await e2e.openExtensionPage(popupPath(tabId), errors);
  const [opened] = await Promise.all([
    e2e.launched.context.waitForEvent('page', { timeout: 10_000 }),
    popup.locator('button.open-paste').click(),
  ]);
  await opened.waitForLoadState();
  assert.match(opened.url(), /^chrome-extension:\/\/[a-p]{32}\/paste\.html$/);
  await opened.locator('textarea.paste-text').waitFor({ timeout: 10_000 });
  await Promise.all([opened.close(), popup.close(), tab.close()]);
});

test('a GBK .txt file is decoded and split; a PDF is refused', async () => {
  await page.locator('button.new-paste').click();
  const chooser = page.locator('input.file-input');
  await chooser.setInputFiles({
    name: 'page5.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(gbk(PAGE)),
  });
  await page.locator('li.article-choice').nth(1).waitFor({ timeout: 10_000 });
  assert.deepEqual(await page.locator('.choice-title').allTextContents(), [TITLE_1, TITLE_2]);
  assert.match((await page.locator('.notice.info').textContent()) ?? '', /page5\.txt.*gb18030/);

  await page.locator('button.new-paste').click();
  await chooser.setInputFiles({
    name: 'page5.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
  });
  const notice = page.locator('.notice.error');
  await notice.waitFor({ timeout: 5000 });
  assert.match((await notice.textContent()) ?? '', /不是纯文本|not plain text/);
  assert.deepEqual(errors, []);
});
