/**
 * End-to-end test of the library's article view with the saved text, in
 * Chromium with the built extension: a served essay (page chrome around it)
 * is highlighted with the page's toolbar and saved through the popup, and a
 * note is written to the highlight; the library shows the saved text in its
 * frame — no page chrome — with the outline beside it, the highlight painted
 * in the text and listed under its point with the note and a "show on the
 * page" link, and "open the original" still there. Words selected in the
 * frame and given a colour with the toolbar are stored (there after reloading
 * the library), a note written in the outline is stored, and a search hit on a
 * note opens the article with that highlight scrolled into view in the text,
 * and a word only in the saved text is found as a hit in the text (正文).
 * An article saved before the text was kept keeps the outline view and says so.
 *
 * Run: node --import tsx --test tests/e2e/library-reader.e2e.ts (builds
 * .output/chrome-mv3 first when missing).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { closedUi } from './closed-ui.ts';
import {
  filler,
  GOVERNANCE_PROSE,
  htmlPage,
  popupPath,
  sectionedEssay,
  selectWords,
  useExtension,
  paintedIn,
  readingFrame,
} from './support.ts';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const TITLE = '以高效能治理推进基层治理现代化';
/** Highlighted on the page: far down, in section 三's 二是. */
const QUOTE = '把社会组织的专业力量引入社区服务';
const NOTE = '引入专业力量要有制度保障';
/** Highlighted in the library's reader: in section 一's 一是. */
const NEW_QUOTE = '让党组织的战斗堡垒作用充分发挥';
const NEW_NOTE = '堡垒作用看实效';

const ESSAY = htmlPage(
  TITLE,
  `<nav>首页 | 时政 | 评论 | 理论 | 专题</nav>` +
    sectionedEssay(filler(GOVERNANCE_PROSE), {
      opening: (s, i) =>
        s === 0 && i === 0 ? `${NEW_QUOTE}。` : s === 2 && i === 1 ? `${QUOTE}。` : '',
      leadFill: 8,
    }) +
    `<footer>版权所有 · 网站地图 · 联系我们</footer>`,
);

const e2e = useExtension({ name: 'library-reader', pages: { 'essay.html': ESSAY } });
let library: Page;
let articleId: string;
let highlightId: string;

interface StoredHighlight {
  id: string;
  color: string;
  note: string;
  selectors: { kind: string; exact?: string }[];
}
interface Stored {
  article: { id: string; url: string; text?: { blocks: { kind: string; text: string }[] } };
  highlights: StoredHighlight[];
}

/** A background request from an extension page, as the library itself sends them. */
async function request<T>(p: Page, message: unknown): Promise<T> {
  const reply = (await p.evaluate((m) => chrome.runtime.sendMessage(m), message)) as {
    ok: boolean;
    value: T;
    error?: string;
  };
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply.value;
}

const stored = (p: Page) => request<Stored>(p, { type: 'get-article', articleId });

/** Waits until every colour in `want` is painted with exactly those words. */
async function waitForPainted(frame: Frame, want: Record<string, string[]>) {
  const deadline = Date.now() + 10_000;
  let last: Record<string, string[]> = {};
  while (Date.now() < deadline) {
    last = await paintedIn(frame);
    if (Object.entries(want).every(([k, v]) => JSON.stringify(last[k]) === JSON.stringify(v)))
      return last;
    await frame.waitForTimeout(100);
  }
  throw new Error(`not painted as ${JSON.stringify(want)}: ${JSON.stringify(last)}`);
}

/** Opens the article from the list and waits for its reader. */
async function openArticle(p: Page): Promise<Frame> {
  await p.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  await p.locator('.library-list .article a', { hasText: TITLE }).click();
  await p.locator('.article-view[data-reader="text"]').waitFor({ timeout: 10_000 });
  return readingFrame(p, '.article-view');
}

/** A highlight's entry in the outline beside the text (an open shadow root). */
const entryOf = (p: Page, id: string) =>
  p.locator(`.article-view .outline-host li.hl[data-highlight-id="${id}"]`);

test('a highlight made on the page, and the page saved through the popup, with its text', async () => {
  const { tabId, page } = await e2e.openTab('essay.html');
  await selectWords(page, QUOTE, { scroll: true });
  await closedUi(page, 'toolbar').locator('button.color[data-color="blue"]').click();
  await closedUi(page, 'toolbar')
    .locator('.toolbar[data-mode="existing"]')
    .waitFor({ timeout: 10_000 });

  const popup = await e2e.openExtensionPage(popupPath(tabId), e2e.pageErrors);
  await popup.locator('.tab-status .count[data-essay="true"]').waitFor({ timeout: 10_000 });
  await popup.locator('button.save').click();
  await popup.locator('.saved-badge').waitFor({ timeout: 10_000 });
  await popup.close();
  await page.close();

  library = await e2e.openExtensionPage('library.html', e2e.pageErrors);
  articleId = e2e.url('essay.html');
  const saved = await stored(library);
  assert.ok((saved.article.text?.blocks.length ?? 0) > 10, 'the text was saved');
  assert.equal(saved.highlights.length, 1);
  highlightId = saved.highlights[0]!.id;
  await request(library, { type: 'update-note', articleId, id: highlightId, note: NOTE });
});

test('the article view shows the saved text, the highlight painted in it and its note beside', async () => {
  const t0 = Date.now();
  const frame = await openArticle(library);
  const view = library.locator('.article-view');

  // The saved text, read from the frame: headline and sections as headings, no page chrome.
  assert.equal(await frame.locator('h1').textContent(), TITLE);
  assert.equal(await frame.locator('h3').count(), 3);
  assert.equal(await frame.locator('p strong', { hasText: '一是坚持党的全面领导' }).count(), 1);
  const text = (await frame.evaluate(() => document.body.textContent)) ?? '';
  assert.ok(text.includes(QUOTE) && text.includes(NEW_QUOTE));
  assert.ok(!text.includes('首页') && !text.includes('版权所有'), 'no page chrome');

  // Painted in the text; listed under its point (section 三's 二是) with its note and link.
  await waitForPainted(frame, { 'gangmu-blue': [QUOTE] });
  const entry = entryOf(library, highlightId);
  await entry.waitFor({ timeout: 10_000 });
  assert.equal(await entry.locator('.hl-text').textContent(), QUOTE);
  assert.equal(await entry.locator('.hl-note').textContent(), NOTE);
  assert.equal(
    await entry.locator('a.open-at').getAttribute('href'),
    `${articleId}#gangmu-hl=${encodeURIComponent(highlightId)}`,
  );
  const points = library.locator('.article-view .outline-host li.node[data-level="1"]');
  assert.equal(await points.count(), 3);
  assert.equal(
    await points
      .nth(2)
      .locator(`li.node[data-marker="二是"] li.hl[data-highlight-id="${highlightId}"]`)
      .count(),
    1,
  );
  console.log(`# library reader: text and highlight shown in ${Date.now() - t0} ms`);

  // The view's own actions are still there.
  assert.equal(await view.locator('a.open-original').getAttribute('href'), articleId);
  // (Locators pierce the outline's open shadow root, which has its own .meta and delete buttons.)
  assert.equal(await view.locator('.view-actions button.back').count(), 1);
  assert.equal(await view.locator('.view-actions button.delete').count(), 1);
  assert.match(
    (await view.locator(':scope > .meta').textContent()) ?? '',
    /(^|· )1 (处划线|highlights)/,
  );
  assert.equal(await view.locator('.no-text').count(), 0);
});

test('words selected in the text and given a colour with the toolbar are stored', async () => {
  const frame = await readingFrame(library, '.article-view');
  await selectWords(frame, NEW_QUOTE, { scroll: true });
  const toolbar = closedUi(frame, 'toolbar');
  await toolbar.locator('.toolbar[data-mode="new"]').waitFor({ timeout: 5000 });
  await toolbar.locator('button.color[data-color="green"]').click();
  await toolbar.locator('.toolbar[data-mode="existing"]').waitFor({ timeout: 10_000 });
  await waitForPainted(frame, { 'gangmu-blue': [QUOTE], 'gangmu-green': [NEW_QUOTE] });

  const saved = await stored(library);
  assert.equal(saved.highlights.length, 2);
  const made = saved.highlights.find((h) => h.id !== highlightId)!;
  assert.equal(made.color, 'green');
  assert.equal(made.selectors.find((s) => s.kind === 'quote')?.exact, NEW_QUOTE);
  assert.ok(
    made.selectors.some((s) => s.kind === 'outline-node'),
    'it names its point',
  );
  // No position: offsets over the saved text are not the original page's.
  assert.ok(!made.selectors.some((s) => s.kind === 'position'), 'it has no position selector');
  // Listed under section 一's 一是, and counted.
  const points = library.locator('.article-view .outline-host li.node[data-level="1"]');
  await points
    .nth(0)
    .locator(`li.node[data-marker="一是"] li.hl[data-highlight-id="${made.id}"]`)
    .waitFor({ timeout: 10_000 });
  assert.match(
    (await library.locator('.article-view > .meta').textContent()) ?? '',
    /(^|· )2 (处划线|highlights)/,
  );

  // Still there after reloading the library: stored, not only painted.
  await library.reload();
  const again = await openArticle(library);
  await waitForPainted(again, { 'gangmu-blue': [QUOTE], 'gangmu-green': [NEW_QUOTE] });
  await entryOf(library, made.id).waitFor({ timeout: 10_000 });
});

test('a note written in the outline beside the text is stored', async () => {
  const id = (await stored(library)).highlights.find((h) => h.id !== highlightId)!.id;
  const entry = entryOf(library, id);
  await entry.locator('button.edit').click();
  const input = entry.locator('textarea.note-input');
  await input.waitFor({ timeout: 5000 });
  await input.fill(NEW_NOTE);
  await entry.locator('.editor-actions button.save').click();
  await entry.locator('.hl-note').waitFor({ timeout: 5000 });
  assert.equal(await entry.locator('.hl-note').textContent(), NEW_NOTE);
  const deadline = Date.now() + 10_000;
  let note = '';
  while (Date.now() < deadline) {
    note = (await stored(library)).highlights.find((h) => h.id === id)!.note;
    if (note === NEW_NOTE) break;
    await library.waitForTimeout(100);
  }
  assert.equal(note, NEW_NOTE);
});

test('a search hit on a note opens the article with the highlight in view in the text', async () => {
  await library.locator('.article-view .view-actions button.back').click();
  await library.locator('.library-list').waitFor({ timeout: 10_000 });
  await library.locator('input.search').fill('制度保障');
  const hit = library.locator('.results .hit[data-field="note"] button.snippet');
  await hit.first().waitFor({ timeout: 10_000 });
  await hit.first().click();
  await library.locator('.article-view[data-reader="text"]').waitFor({ timeout: 10_000 });
  const frame = await readingFrame(library, '.article-view');
  // Scrolled (smoothly or not) until the highlight, far down the essay, is in the frame's view.
  await frame.waitForFunction(
    () => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...(reg.get('gangmu-blue') ?? [])][0];
      if (!range || window.scrollY <= 0) return false;
      const box = range.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    },
    null,
    { timeout: 10_000 },
  );
  // The frame itself is on screen.
  const box = await library.locator('.article-view iframe.reader-frame').boundingBox();
  const viewport = library.viewportSize();
  assert.ok(box && viewport && box.y < viewport.height && box.y + box.height > 0);
});

test('a word only in the saved text is found, its hit said to be in the text (正文)', async () => {
  await library.locator('.article-view .view-actions button.back').click();
  // A sentence of the essay's filler: in its paragraphs, in no title, point or note.
  await library.locator('input.search').fill('居民议事会定期召开');
  const hit = library.locator('.results .result', { hasText: TITLE }).locator('.hit').first();
  await hit.waitFor({ timeout: 10_000 });
  assert.equal(await hit.getAttribute('data-field'), 'body');
  assert.match((await hit.locator('.field').textContent()) ?? '', /^(正文|Text)$/);
  assert.equal((await hit.locator('mark').allTextContents()).join(''), '居民议事会定期召开');
  await library.locator('.results .result', { hasText: TITLE }).locator('.result-title').click();
  await library.locator('.article-view[data-reader="text"]').waitFor({ timeout: 10_000 });
});

test('an article saved without its text keeps the outline view and says so', async () => {
  const id = 'https://old.example.cn/essay.html';
  const point = (text: string, i: number) => ({
    level: 1,
    kind: 'heading',
    marker: ['一', '二'][i],
    text,
    key: text,
    children: [],
    source: { block: i, start: 0, end: text.length },
  });
  await request(library, {
    type: 'save-article',
    article: {
      id,
      url: id,
      site: 'old.example.cn',
      title: '旧文章',
      tags: [],
      outline: {
        title: '旧文章',
        subtitle: null,
        author: null,
        affiliation: null,
        conclusion: null,
        formulations: [],
        digest: [],
        nodes: [point('坚持问题导向', 0), point('强化制度保障', 1)],
      },
    },
  });
  await library.locator('.article-view .view-actions button.back').click();
  await library.locator('input.search').fill('');
  await library.locator('.library-list .article a', { hasText: '旧文章' }).click();
  const view = library.locator('.article-view[data-reader="outline"]');
  await view.waitFor({ timeout: 10_000 });
  assert.match(
    (await view.locator('.no-text').textContent()) ?? '',
    /没有保存正文|saved without its text/,
  );
  assert.equal(await view.locator('ol.outline > li').count(), 2);
  assert.equal(await view.locator('iframe').count(), 0);
  assert.equal(await view.locator('a.open-original').getAttribute('href'), id);
});

test('no page errors', () => {
  assert.deepEqual(e2e.pageErrors, []);
});
