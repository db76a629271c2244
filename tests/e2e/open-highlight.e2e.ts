/**
 * End-to-end test of "open the original page at a highlight" in Chromium with
 * the built extension: a highlight made through the selection toolbar on a
 * long served essay; the library's "open at highlight" link opens a new tab
 * at `#gangmu-hl=<id>`, where the content script scrolls the highlight into
 * view (sidebar closed) and removes the fragment. When the page has changed
 * so that the highlight is an orphan, the sidebar opens with it listed and
 * marked; an id the library does not hold gets a notice and nothing is
 * painted for it. The same URL serves each version (the file is rewritten).
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { filler, htmlPage, selectWords, useExtension } from './support.ts';
import { closedUi } from './closed-ui.ts';

const TITLE = '以制度建设巩固基层减负成果';
/** The highlighted words, far down the page (a reader has to scroll to them). */
const QUOTE = '把基层干部从填表报数中解脱出来';
const POINT = `<p><strong>二是规范督查检查考核，${QUOTE}。</strong>凡是能通过信息共享获取的数据，一律不再要求基层重复填报，切实做到一数一源、一源多用。</p>`;

const fill = filler([
  '基层减负是一项系统工程，既要做减法，也要做加法。',
  '一些地方把减负简单理解为少开会、少发文，忽视了机制建设。',
  '形式主义的表现形式多种多样，有的隐蔽性很强，需要持续发力。',
  '群众满意不满意，是衡量基层工作成效的根本标准。',
  '各级机关要带头转变作风，把精力集中到抓落实上来。',
  '考核名目繁多，留给走访群众的时间越来越少，这是基层干部反映最集中的问题之一。',
  '制度的生命力在于执行，必须强化监督检查，防止反弹回潮。',
]);
const para = (n: number) => `<p>${fill(n)}</p>`;

function essay(points: string[]): string {
  return htmlPage(
    TITLE,
    `<article>
<h1>${TITLE}</h1>
<p>作者：周明远</p>
${para(6)}${para(6)}
<h3>一、提高政治站位，深化思想认识</h3>${para(5)}${para(5)}${para(5)}${para(5)}
<h3>二、完善制度机制，巩固减负成果</h3>${para(4)}
<p><strong>一是精简文件会议，严控发文数量和会议规模。</strong>${fill(4)}</p>
${points.join('\n')}
<p><strong>三是强化数据共享，打通部门之间的信息壁垒。</strong>${fill(4)}</p>
${para(5)}${para(5)}${para(5)}
<p>总之，基层减负只有进行时，没有完成时，必须久久为功。</p>
</article>`,
  );
}

const V1 = essay([POINT]);
/** The highlighted point deleted: the highlight becomes an orphan. */
const DELETED = essay([]);

const e2e = useExtension({ name: 'open-hl', pages: { 'essay.html': V1 } });
let highlightId: string;
let library: Page;

/** Per Gangmu colour, the text of each painted range. */
function painted(p: Page) {
  return p.evaluate(() => {
    const out: Record<string, string[]> = {};
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, hl] of reg) {
      if (name.startsWith('gangmu-')) out[name] = [...hl].map((r) => r.toString());
    }
    return out;
  });
}

/** Clicks the library's "open at highlight" link and returns the tab it opens. */
async function openAtHighlight(): Promise<Page> {
  const link = library.locator(`.article-view li.hl[data-highlight-id="${highlightId}"] a.open-at`);
  const [tab] = await Promise.all([
    e2e.launched.context.waitForEvent('page', { timeout: 15_000 }),
    link.click(),
  ]);
  tab.on('pageerror', (err) => e2e.pageErrors.push(`opened tab: ${err.message}`));
  await tab.waitForLoadState('domcontentloaded');
  return tab;
}

/** Waits until the opened tab's address has lost its fragment (the content script took it). */
const fragmentGone = (tab: Page) =>
  tab.waitForFunction(() => location.hash === '' && location.pathname === '/essay.html', null, {
    timeout: 15_000,
  });

test('a highlight made with the toolbar is listed in the library with an "open at" link', async () => {
  const { page } = await e2e.openTab('essay.html');
  await selectWords(page, QUOTE, { scroll: true });
  await closedUi(page, 'toolbar').locator('button.color[data-color="blue"]').click();
  // The toolbar switches to the stored highlight once the background has it.
  await closedUi(page, 'toolbar')
    .locator('.toolbar[data-mode="existing"]')
    .waitFor({ timeout: 10_000 });
  assert.deepEqual(await painted(page), { 'gangmu-blue': [QUOTE] });
  await page.close();

  library = await e2e.openExtensionPage('library.html', e2e.pageErrors);
  await library.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  await library.locator('.library-list .article a', { hasText: TITLE }).click();
  const item = library.locator('.article-view li.hl');
  await item.waitFor({ timeout: 10_000 });
  assert.equal(await item.count(), 1);
  highlightId = (await item.getAttribute('data-highlight-id'))!;
  const href = await item.locator('a.open-at').getAttribute('href');
  assert.equal(href, `${e2e.url('essay.html')}#gangmu-hl=${encodeURIComponent(highlightId)}`);
});

test('"open at highlight": the new tab shows it in the viewport, the fragment gone, the sidebar closed', async () => {
  const tab = await openAtHighlight();
  await fragmentGone(tab);
  // In the viewport once the (smooth) scroll has ended: wait for it, however long the machine takes.
  await tab.waitForFunction(
    () => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...(reg.get('gangmu-blue') ?? [])][0];
      if (!range) return false;
      const r = range.getBoundingClientRect();
      return window.scrollY > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    },
    null,
    { timeout: 15_000, polling: 100 },
  );
  assert.deepEqual(await painted(tab), { 'gangmu-blue': [QUOTE] });
  assert.equal(await closedUi(tab, 'sidebar').count(), 0);
  // The address is the article's again: a reload has no fragment to jump from.
  assert.equal(tab.url(), e2e.url('essay.html'));
  await tab.close();
});

test('the page changed, the highlight an orphan: the sidebar opens with it listed and marked, nothing painted', async () => {
  await writeFile(join(e2e.dir, 'essay.html'), DELETED);
  const tab = await openAtHighlight();
  const marked = closedUi(tab, 'sidebar').locator(`section.orphans li.hl[data-target="true"]`);
  await marked.waitFor({ timeout: 15_000 });
  assert.equal(await marked.getAttribute('data-highlight-id'), highlightId);
  assert.equal(await marked.locator('.hl-text').textContent(), QUOTE);
  assert.equal(
    await closedUi(tab, 'sidebar').locator('.hl-link-notice').getAttribute('data-notice'),
    'orphan',
  );
  // Focused in the sidebar, so the keyboard is at it.
  const deadline = Date.now() + 10_000;
  while ((await closedUi(tab, 'sidebar').focusedAttribute('data-highlight-id')) !== highlightId) {
    if (Date.now() > deadline) throw new Error('the orphan never got the focus');
    await tab.waitForTimeout(100);
  }
  await fragmentGone(tab);
  assert.deepEqual(await painted(tab), {});
  assert.equal(await tab.evaluate(() => window.scrollY), 0);
  await tab.close();
});

test('an id the library does not hold: a notice, nothing painted for it, no jump', async () => {
  await writeFile(join(e2e.dir, 'essay.html'), V1);
  const tab = await e2e.launched.context.newPage();
  tab.on('pageerror', (err) => e2e.pageErrors.push(`unknown id: ${err.message}`));
  await tab.goto(`${e2e.url('essay.html')}?from=mail#gangmu-hl=no-such-highlight`);
  const notice = closedUi(tab, 'sidebar').locator('.hl-link-notice[data-notice="unknown"]');
  await notice.waitFor({ timeout: 15_000 });
  assert.match((await notice.textContent()) ?? '', /没有找到这条划线|not found/);
  assert.equal(await closedUi(tab, 'sidebar').locator('li.hl[data-target]').count(), 0);
  await tab.waitForFunction(() => location.hash === '' && location.search === '?from=mail', null, {
    timeout: 15_000,
  });
  // The stored highlight is painted on its own words, as on any visit; nothing else is.
  assert.deepEqual(await painted(tab), { 'gangmu-blue': [QUOTE] });
  assert.equal(await tab.evaluate(() => window.scrollY), 0);
  assert.deepEqual(e2e.pageErrors, []);
  await tab.close();
});
