/**
 * End-to-end tests of highlights and notes in Chromium with the built
 * extension (.output/chrome-mv3): select text in an essay written for this
 * test, highlight it from the toolbar with the keyboard, add a note, find it
 * painted (CSS Custom Highlight API) and listed under its outline node; it
 * comes back after a reload and after a relaunch with the same profile; it
 * follows text inserted before it; it becomes an orphan — never painted on
 * the look-alike sibling point — when its paragraph is deleted. The same URL
 * serves each version of the essay (the file is rewritten between steps), as
 * a site that edits an article would.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForTabStatus } from '../../scripts/harness.mjs';
import {
  htmlPage,
  noteEditorFrame,
  popupPath,
  selectWords,
  sendToTab as send,
  useExtension,
} from './support.ts';
import { closedUi } from './closed-ui.ts';

const INTRO =
  '基层是国家治理的基石，基层治理水平直接关系群众的获得感。近年来各地在网格化管理上投入甚多，但办事绕路的问题仍时有出现。';
/** The highlighted words: the body of the first 一是 point. */
const QUOTE = '切实把党的领导贯穿基层治理全过程各方面';
const NOTE = '党建引领是总抓手；对照本地“一网统管”';
const P1 = `<p><strong>一是坚持党的全面领导，${QUOTE}。</strong>社区党组织要把居民议事会、物业服务企业和驻区单位团结起来，形成共建共治的格局，让群众的小事有人管、难事有人帮。</p>`;
/** The look-alike sibling: same opening, same ending, two words changed. */
const P2 = `<p><strong>二是坚持党的全面领导，确保把党的领导贯穿基层治理全过程各环节。</strong>街道要统筹条块力量，推动资源服务管理向基层下沉，把问题解决在萌芽状态，让群众办事少跑腿。</p>`;
const P3 = `<p><strong>三是健全议事协商机制，凡涉及群众切身利益的事项都要商量着办。</strong>居民议事会定期召开，大事小情由大家商量，协商结果向全体居民公开，接受群众监督。</p>`;
const SECTION2 = `<h3>二、坚持系统观念，织密基层治理网络</h3><p>数字平台建起来了，数据却分散在不同部门，难以形成合力。只有把资源、服务、管理放到基层，才能把问题解决在萌芽状态。</p>
<p><strong>一是理顺条块关系，明确街道和部门的权责清单。</strong>一些地方习惯于以会议落实会议，以文件落实文件，实效打了折扣，需要从制度上加以纠正。</p>
<p><strong>二是强化数据共享，打通部门之间的信息壁垒。</strong>基层干部普遍反映，同一项数据要向多个平台重复填报，留给走访群众的时间越来越少。</p>`;

function essay(intro: string, points: string[]): string {
  return htmlPage(
    '以党建引领推进基层治理现代化',
    `<article>
<h1>以党建引领推进基层治理现代化</h1>
<p>作者：林知远</p>
<p>${intro}</p>
<p>${BACKGROUND}</p>
<h3>一、坚持党建引领，筑牢基层治理根基</h3><p>实践证明，哪里的群众工作扎实，哪里的矛盾纠纷就少，这既需要顶层设计的引领，也离不开基层的首创精神。</p>
${points.join('\n')}
${SECTION2}
<p>总之，推进基层治理现代化是一项长期任务，必须久久为功。</p>
</article>`,
  );
}

/** More prose, so the page is as long as a real essay (the quick check wants 600 CJK characters). */
const BACKGROUND =
  '社区是城市治理的末梢，也是群众感受治理温度的第一现场。问题的症结在于，治理重心虽已下移，治理能力却未能同步下沉。群众满意不满意，是衡量基层工作成效的根本标准。在一些老旧小区，加装电梯、停车难等诉求长期得不到回应，群众意见较大。居民议事会定期召开，大事小情由大家商量着办，这样的做法值得总结推广。考核名目繁多，留给走访群众的时间越来越少，这也是基层干部反映最集中的问题之一。';

const V1 = essay(INTRO, [P1, P2, P3]);
/** Text inserted before the highlight: a new intro paragraph and a sentence in the section. */
const INSERTED = essay(
  `${INTRO}</p><p>新修订的条例明确了街道、社区的职责边界，也为基层减负提供了依据，各地正在抓紧制定配套措施。`,
  ['<p>在具体工作中，要把握好以下几点，不能搞一刀切。</p>', P1, P2, P3],
);
/** The highlighted paragraph deleted; its look-alike sibling stays. */
const DELETED = essay(INTRO, [P2, P3]);

const e2e = useExtension({ name: 'hl', pages: { 'essay.html': V1 } });
let page: Page;
let tabId: number;

const pageUrl = () => e2e.url('essay.html');
const sendToTab = (message: unknown) => send(e2e.launched, tabId, message);

async function openEssay(): Promise<void> {
  ({ page, tabId } = await e2e.openTab('essay.html'));
}

/** What the page's highlight registry holds: per Gangmu colour, the text of each range and its paragraph. */
function painted(p: Page) {
  return p.evaluate(() => {
    const out: Record<string, { text: string; paragraph: string }[]> = {};
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, hl] of reg) {
      if (!name.startsWith('gangmu-')) continue;
      out[name] = [...hl].map((r) => ({
        text: r.toString(),
        paragraph: (r.startContainer.parentElement?.closest('p')?.textContent ?? '').slice(0, 13),
      }));
    }
    return out;
  });
}

async function waitForPainted(p: Page, name: string, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last: Awaited<ReturnType<typeof painted>> = {};
  while (Date.now() < deadline) {
    last = await painted(p);
    if (last[name]?.length) return last;
    await p.waitForTimeout(100);
  }
  throw new Error(`${name} was never painted: ${JSON.stringify(last)}`);
}

/** The highlights listed under the first 一是 point (section 一's), in the sidebar. */
const underFirstPoint = (p: Page) =>
  closedUi(p, 'sidebar')
    .locator('li.node[data-marker="一是"]')
    .first()
    .locator(':scope > ul.hl-list > li.hl');

type PageArticle = { ok: true; value: { highlights: number } };

async function pageHighlightCount(): Promise<number> {
  const reply = (await sendToTab({ type: 'get-page-article' })) as PageArticle;
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply.value.highlights;
}

async function markdown(obsidian = false): Promise<string> {
  const reply = (await sendToTab({ type: 'get-markdown', obsidian })) as {
    ok: boolean;
    value: string;
  };
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply.value;
}

test('select → toolbar → colour and note with the keyboard → painted and listed under its node', async () => {
  await openEssay();
  // Select the words programmatically, then end the "drag" with a mouseup.
  await selectWords(page, QUOTE);
  const toolbar = closedUi(page, 'toolbar').locator('.toolbar');
  await toolbar.waitFor({ timeout: 5000 });
  assert.equal(await toolbar.getAttribute('data-mode'), 'new');
  assert.equal(await closedUi(page, 'toolbar').locator('button.color').count(), 5);

  // Keyboard only: focus starts on the first colour; Tab to green, Enter.
  await closedUi(page, 'toolbar').locator('button.color[data-color="yellow"]').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await closedUi(page, 'toolbar')
    .locator('.toolbar[data-mode="existing"]')
    .waitFor({ timeout: 5000 });
  const first = await waitForPainted(page, 'gangmu-green');
  assert.deepEqual(first['gangmu-green'], [
    { text: QUOTE, paragraph: '一是坚持党的全面领导，切实' },
  ]);

  // Tab past the five colours to the note button, write, Enter saves.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // The note is typed in the extension's own frame, which has the focus.
  const editor = await noteEditorFrame(page);
  await editor.waitForFunction(() => document.activeElement?.matches('textarea.note-input'));
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Enter');
  await closedUi(page, 'toolbar').waitFor({ state: 'detached', timeout: 5000 });

  // The page itself got no element: the only page change is an adopted stylesheet.
  const pageChange = await page.evaluate(() => ({
    marks: document.querySelectorAll('mark').length,
    styles: document.querySelectorAll('style').length,
    adopted: document.adoptedStyleSheets.some((s) =>
      [...s.cssRules].some((r) => r.cssText.includes('gangmu-green')),
    ),
  }));
  assert.deepEqual(pageChange, { marks: 0, styles: 1, adopted: true });

  // The sidebar lists it under 一是 of section 一, with the note; the header counts it.
  assert.deepEqual(await sendToTab({ type: 'open-sidebar' }), { ok: true, value: null });
  const entry = underFirstPoint(page);
  await entry.waitFor({ timeout: 10_000 });
  assert.equal(await entry.getAttribute('data-color'), 'green');
  assert.equal(await entry.locator('.hl-text').textContent(), QUOTE);
  assert.equal(await entry.locator('.hl-note').textContent(), NOTE);
  assert.equal(
    await closedUi(page, 'sidebar').locator('.hl-count').getAttribute('data-count'),
    '1',
  );
  assert.equal(await pageHighlightCount(), 1);
});

test('the popup shows the highlight count', async () => {
  const popup = await e2e.openExtensionPage(popupPath(tabId));
  const line = popup.locator('.tab-status .highlights');
  await line.waitFor({ timeout: 10_000 });
  assert.equal(await line.getAttribute('data-highlights'), '1');
  await popup.close();
});

test('get-markdown has the quote under its node and the note; obsidian is honoured', async () => {
  const md = await markdown();
  const node = md.indexOf('坚持党的全面领导，切实');
  const quote = md.indexOf(`> ${QUOTE}`);
  assert.ok(node > 0 && quote > node, md);
  assert.ok(md.indexOf('坚持党的全面领导，确保') > quote, 'the quote sits under 一是, before 二是');
  assert.match(md, /笔记 Note:\*\* 党建引领是总抓手；对照本地“一网统管”/);
  assert.doesNotMatch(md, /未能定位/);
  const obsidian = await markdown(true);
  assert.match(obsidian, new RegExp(`==${QUOTE}== #highlight/green`));
});

test('a reload paints it again in place, without the sidebar', async () => {
  await page.reload();
  const again = await waitForPainted(page, 'gangmu-green');
  assert.deepEqual(again['gangmu-green'], [
    { text: QUOTE, paragraph: '一是坚持党的全面领导，切实' },
  ]);
  assert.equal(await closedUi(page, 'sidebar').count(), 0);
});

test('a relaunch with the same profile keeps it', async () => {
  await e2e.relaunch();
  await openEssay();
  const again = await waitForPainted(page, 'gangmu-green');
  assert.deepEqual(again['gangmu-green'], [
    { text: QUOTE, paragraph: '一是坚持党的全面领导，切实' },
  ]);
  assert.equal(await pageHighlightCount(), 1);
});

test('text inserted before it: re-anchored on the same words', async () => {
  await writeFile(join(e2e.dir, 'essay.html'), INSERTED);
  await page.reload();
  const moved = await waitForPainted(page, 'gangmu-green');
  assert.deepEqual(moved['gangmu-green'], [
    { text: QUOTE, paragraph: '一是坚持党的全面领导，切实' },
  ]);
  await sendToTab({ type: 'open-sidebar' });
  const entry = underFirstPoint(page);
  await entry.waitFor({ timeout: 10_000 });
  assert.equal(await closedUi(page, 'sidebar').locator('section.orphans').count(), 0);
});

test('its paragraph deleted: an orphan, listed and deletable, never painted on the look-alike sibling', async () => {
  await writeFile(join(e2e.dir, 'essay.html'), DELETED);
  await page.reload();
  ({ tabId } = await waitForTabStatus(e2e.launched.serviceWorker, pageUrl()));
  // get-page-article waits for the saved highlights to be loaded and anchored.
  assert.equal(await pageHighlightCount(), 1);
  assert.deepEqual(await painted(page), {});

  await sendToTab({ type: 'open-sidebar' });
  const orphan = closedUi(page, 'sidebar').locator('section.orphans li.hl');
  await orphan.waitFor({ timeout: 10_000 });
  assert.equal(await orphan.getAttribute('data-placed'), 'false');
  assert.equal(await orphan.locator('.hl-text').textContent(), QUOTE);
  assert.equal(await orphan.locator('.hl-note').textContent(), NOTE);
  assert.equal(await closedUi(page, 'sidebar').locator('li.node ul.hl-list li.hl').count(), 0);

  // The export lists it after the outline, under the orphans heading.
  const md = await markdown();
  const heading = md.indexOf('## 未能定位的划线 / Could not be placed');
  const outline = md.indexOf('## 纲目 Outline');
  assert.ok(heading > outline && outline > 0, md);
  assert.ok(md.indexOf(`> ${QUOTE}`) > heading, md);
  assert.ok(md.indexOf('党建引领是总抓手') > heading, md);

  // Deletable.
  await orphan.locator('button.delete').click();
  await closedUi(page, 'sidebar').locator('section.orphans').waitFor({ state: 'detached' });
  assert.equal(await pageHighlightCount(), 0);
  assert.deepEqual(e2e.pageErrors, []);
});
