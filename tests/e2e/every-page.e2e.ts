/**
 * End-to-end, in Chromium with the built extension: Gangmu is a reading tool on
 * every page. On a signed commentary that the essay check rejects (no ordinal
 * markers, no bold leads: 人民时评-style prose), the reader highlights words with a
 * note, saves the page from the popup, exports it as Markdown, finds it in the
 * library by a word that is only in its body, and finds the highlight again
 * after a reload; the sidebar opens with the title and the highlight, saying
 * that no structure was found.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { closedUi } from './closed-ui.ts';
import {
  htmlPage,
  noteEditorFrame,
  popupPath,
  selectWords,
  sendToTab as send,
  useExtension,
} from './support.ts';

const TITLE = '让群众办事像网购一样方便';
const QUOTE = '把群众的呼声当作第一信号';
const NOTE = '评论员文章的立论句，申论可用';
const PROSE = [
  '走进不少地方的政务服务中心，“一窗通办”“掌上可办”已成常态。',
  `服务好不好，群众最有发言权。${QUOTE}，把群众的满意当作第一标准，才能让改革真正落地见效。`,
  '过去办一件事要跑多个部门、交多份材料，如今数据多跑路、群众少跑腿，办事效率大幅提升。',
  '也要看到，一些地方的线上平台入口多、标准不一，群众在手机上找不到门、办不成事，转而又回到窗口排队。',
  '推进政务服务提质增效，既要在技术上下功夫，更要在理念上转过弯来，从方便管理转向方便群众。',
  '改革永远在路上。只有始终站在群众的角度想问题，政务服务才能越办越好，群众的获得感才能越来越强。',
];
const PAGE = htmlPage(
  TITLE,
  `<article><h1>${TITLE}</h1><p>人民日报评论员</p>${PROSE.map((p) => `<p>${p}</p>`).join('')}</article>`,
);

/** The extension API used inside the service worker. */
declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

const e2e = useExtension({ name: 'every', pages: { 'commentary.html': PAGE } });
let page: Page;
let tabId: number;
const sendToTab = (message: unknown) => send(e2e.launched, tabId, message);

/** Names of the Gangmu highlights painted in the page, with their text. */
const painted = (p: Page) =>
  p.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...reg]
      .filter(([name]) => name.startsWith('gangmu-'))
      .flatMap(([name, hl]) => [...hl].map((r) => `${name}:${r.toString()}`));
  });

test('the essay check rejects the commentary', async () => {
  ({ page, tabId } = await e2e.openTab('commentary.html'));
  const status = await e2e.launched.serviceWorker.evaluate(async (id) => {
    const key = `tab:${id}`;
    return (await chrome.storage.session.get(key))[key] as { essay: boolean; count: number };
  }, tabId);
  assert.deepEqual({ essay: status.essay, count: status.count }, { essay: false, count: 0 });
});

test('selecting words brings the toolbar; a colour and a note are kept', async () => {
  await selectWords(page, QUOTE);
  const toolbar = closedUi(page, 'toolbar');
  await toolbar.locator('.toolbar').waitFor({ timeout: 5000 });
  await toolbar.locator('button.color[data-color="pink"]').click();
  await toolbar.locator('.toolbar[data-mode="existing"]').waitFor({ timeout: 5000 });
  await page.waitForFunction(() =>
    [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].includes(
      'gangmu-pink',
    ),
  );
  assert.deepEqual(await painted(page), [`gangmu-pink:${QUOTE}`]);
  await toolbar.locator('button.note').click();
  const editor = await noteEditorFrame(page);
  await editor.waitForFunction(() => document.activeElement?.matches('textarea.note-input'));
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Enter');
  await toolbar.locator('.toolbar').waitFor({ state: 'detached', timeout: 5000 });
});

test('the sidebar shows the title and the highlight, and says no structure was found', async () => {
  assert.deepEqual(await sendToTab({ type: 'open-sidebar' }), { ok: true, value: null });
  const sidebar = closedUi(page, 'sidebar');
  await sidebar.locator('.no-essay').waitFor({ timeout: 10_000 });
  assert.match((await sidebar.locator('.scroll').textContent()) ?? '', new RegExp(TITLE));
  const hl = sidebar.locator('li.hl');
  await hl.first().waitFor({ timeout: 5000 });
  assert.equal(await hl.locator('.hl-text').first().textContent(), QUOTE);
  assert.equal(await hl.locator('.hl-note').first().textContent(), NOTE);
  assert.equal(await sidebar.locator('button.copy').count(), 1);
});

test('the popup saves it and exports it', async () => {
  const popup = await e2e.openExtensionPage(popupPath(tabId), e2e.pageErrors);
  const save = popup.locator('button.save');
  await popup.locator('.tab-status').waitFor({ timeout: 10_000 });
  assert.equal(await save.isDisabled(), false);
  await save.click();
  await popup.locator('.saved-badge').waitFor({ timeout: 10_000 });
  const [download] = await Promise.all([
    popup.waitForEvent('download', { timeout: 15_000 }),
    popup.locator('button.export').click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const md = await readFile((await download.path())!, 'utf8');
  assert.match(md, new RegExp(`# ${TITLE}`));
  assert.match(md, new RegExp(QUOTE));
  assert.match(md, new RegExp(NOTE));
  await popup.close();
});

test('the library finds it by words only in its body, and says where they matched', async () => {
  const library = await e2e.openExtensionPage('library.html', e2e.pageErrors);
  // 找不到门 is in the fourth paragraph: not in the title, the outline or the highlight.
  await library.locator('input.search').fill('找不到门');
  const result = library.locator('.results .result');
  await result.first().waitFor({ timeout: 10_000 });
  assert.equal(await result.count(), 1);
  assert.equal(await result.locator('.result-title').textContent(), TITLE);
  const hit = result.locator('.hit').first();
  assert.match((await hit.textContent()) ?? '', /正文|Text/);
  assert.match((await hit.textContent()) ?? '', /群众在手机上找不到门、办不成事/);
  assert.deepEqual(await hit.locator('mark').allTextContents(), ['找不到门']);
  await library.close();
});

test('a reload paints the highlight again', async () => {
  await page.reload();
  await page.waitForFunction(
    () =>
      (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('gangmu-pink')
        ?.size === 1,
    null,
    { timeout: 10_000 },
  );
  assert.deepEqual(await painted(page), [`gangmu-pink:${QUOTE}`]);
});

test('no page errors', () => {
  assert.deepEqual(e2e.pageErrors, []);
});
