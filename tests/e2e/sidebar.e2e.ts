/**
 * End-to-end tests of the reading sidebar in Chromium with the built
 * extension (.output/chrome-mv3): essays written for these tests in the styles
 * real sites use (bold ordinal leads in <p><strong>, <h3> subheadings,
 * WeChat-like <section><span style="font-weight:bold">), served on 127.0.0.1.
 *
 * One browser launch is shared by all tests in this file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForTabStatus } from '../../scripts/harness.mjs';
import { badgeText, filler, htmlPage, sendToTab as send, useExtension } from './support.ts';
import { closedUi, type ClosedLocator } from './closed-ui.ts';

/** Distinct sentences, taken in turn, so no two paragraphs repeat (repetition reads as parallelism). */
const fill = filler([
  '社区是城市治理的末梢，也是群众感受治理温度的第一现场。',
  '近年来各地在网格化管理上投入甚多，但办事绕路的问题仍时有出现。',
  '问题的症结在于，治理重心虽已下移，治理能力却未能同步下沉。',
  '群众满意不满意，是衡量基层工作成效的根本标准。',
  '一些地方习惯于以会议落实会议，以文件落实文件，实效打了折扣。',
  '基层干部普遍反映，考核名目繁多，留给走访群众的时间越来越少。',
  '数字平台建起来了，数据却分散在不同部门，难以形成合力。',
  '只有把资源、服务、管理放到基层，才能把问题解决在萌芽状态。',
  '实践证明，哪里的群众工作扎实，哪里的矛盾纠纷就少。',
  '这既需要顶层设计的引领，也离不开基层的首创精神。',
  '在一些老旧小区，加装电梯、停车难等诉求长期得不到回应。',
  '居民议事会定期召开，大事小情由大家商量着办。',
]);

/** Three sections (一、二、三、), each with 一是/二是/三是 bold leads. */
const SECTIONS = [
  ['坚持人民至上，筑牢基层治理根基', ['健全议事协商机制', '完善服务供给体系', '畅通诉求表达渠道']],
  ['坚持系统观念，织密基层治理网络', ['理顺条块关系', '压实属地责任', '强化数据共享']],
  ['坚持改革创新，激发基层治理活力', ['深化放权赋能', '培育社会力量', '建强干部队伍']],
] as const;
const ORD = ['一', '二', '三'];

const ESSAY_HTML = htmlPage(
  '推进基层治理现代化 — 测试文章',
  `<article>
<h1>以高效能治理推进基层治理现代化</h1>
<p>作者：陈思远</p><p>作者单位：西岭市委党校政治学教研室</p>
<p>${fill(4)}</p>
${SECTIONS.map(
  ([head, leads], s) =>
    `<h3>${ORD[s]}、${head}</h3><p>${fill(2)}</p>` +
    leads.map((lead, i) => `<p><strong>${ORD[i]}是${lead}。</strong>${fill(12)}</p>`).join('\n'),
).join('\n')}
<p>${fill(3)}</p>
</article>`,
);

const WECHAT_HTML = htmlPage(
  '微信公众号测试文章',
  `<div id="js_content">
<section><span>${fill(3)}</span></section>
${['（一）', '（二）', '（三）']
  .map(
    (m, i) =>
      `<section><span style="font-weight: bold;">${m}${['把牢政治方向', '夯实工作基础', '提升履职能力'][i]}。</span><span>${fill(4)}</span></section>`,
  )
  .join('\n')}
</div>`,
);

const PLAIN_HTML = htmlPage(
  '本地新闻',
  `
${[1, 2, 3, 4, 5].map(() => `<p>${fill(3)}</p>`).join('\n')}
`,
);

const e2e = useExtension({
  name: 'sidebar',
  pages: { 'essay.html': ESSAY_HTML, 'wechat.html': WECHAT_HTML, 'plain.html': PLAIN_HTML },
  launched: ({ launched, served }) =>
    launched.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: served.url,
    }),
});
let essay: Page;
let essayTab: number;

const openPage = (name: string) => e2e.openTab(name);
const sendToTab = (tabId: number, message: unknown) => send(e2e.launched, tabId, message);

/** Item `<li>`s of the sidebar (in its closed shadow root: tests/e2e/closed-ui.ts). */
const items = (page: Page): ClosedLocator => closedUi(page, 'sidebar').locator('li[data-level]');
const itemButton = (page: Page, marker: string, level: number): ClosedLocator =>
  closedUi(page, 'sidebar')
    .locator(`li[data-level="${level}"][data-marker="${marker}"] > .row > button.item`)
    .first();

/** The text of the item marked aria-current. */
const currentText = (page: Page) =>
  closedUi(page, 'sidebar').locator('button.item[aria-current="true"]').textContent();

async function waitForCurrent(page: Page, pattern: RegExp, timeout = 5000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await currentText(page).catch(() => null);
    if (last && pattern.test(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`current item never matched ${pattern} (last: ${last})`);
}

test('the toggle message opens the sidebar with the essay outline', async () => {
  ({ page: essay, tabId: essayTab } = await openPage('essay.html'));
  const reply = await sendToTab(essayTab, { type: 'toggle-sidebar' });
  assert.deepEqual(reply, { ok: true, value: { open: true } });

  await items(essay).first().waitFor({ timeout: 10_000 });
  const found = (await items(essay).attributesAll(['data-level', 'data-kind', 'data-marker'])).map(
    (a) => ({ level: a['data-level'], kind: a['data-kind'], marker: a['data-marker'] }),
  );
  assert.equal(found.length, 12, JSON.stringify(found));
  const heads = found.filter((f) => f.level === '1');
  assert.deepEqual(
    heads.map((f) => [f.kind, f.marker]),
    ORD.map((m) => ['heading', m]),
  );
  const leads = found.filter((f) => f.level === '2');
  assert.equal(leads.length, 9);
  assert.ok(leads.every((f) => f.kind === 'lead' && /^[一二三]是$/.test(f.marker ?? '')));

  const sidebar = closedUi(essay, 'sidebar');
  assert.match((await sidebar.locator('.meta-title').textContent()) ?? '', /以高效能治理/);
  assert.match((await sidebar.locator('[data-field="author"]').textContent()) ?? '', /陈思远/);
  assert.match(
    (await sidebar.locator('[data-field="affiliation"]').textContent()) ?? '',
    /西岭市委党校/,
  );
  // The key, with the full text on hover.
  const first = itemButton(essay, '一是', 2);
  assert.match((await first.getAttribute('title')) ?? '', /健全议事协商机制/);

  // The closed root holds its own styles; the page gets none, and sees no root.
  assert.equal(await sidebar.locator('style').count(), 1);
  const seen = await essay.evaluate(() => ({
    inPage: document.querySelectorAll('style').length,
    roots: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length,
  }));
  assert.deepEqual(seen, { inPage: 1, roots: 0 }); // the essay's own style
});

test('the badge shows the exact count once the sidebar has outlined the page', async () => {
  const badge = await badgeText(e2e.launched, essayTab);
  assert.equal(badge, '12');
});

test('clicking a point scrolls it into view and marks it current', async () => {
  // The third section's 三是 lead (建强干部队伍), far below the fold.
  const target = essay.locator('strong', { hasText: '建强干部队伍' });
  const before = await target.boundingBox();
  assert.ok(before && before.y > 900, `starts below the fold (y ${before?.y})`);
  await closedUi(essay, 'sidebar')
    .locator('li[data-level="2"]')
    .filter({ hasText: '建强干部队伍' })
    .locator('> .row > button.item')
    .click();
  await essay.waitForFunction(
    () => {
      const el = [...document.querySelectorAll('strong')].find((s) =>
        s.textContent?.includes('建强干部队伍'),
      );
      const r = el?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= innerHeight;
    },
    null,
    { timeout: 5000 },
  );
  assert.match((await currentText(essay)) ?? '', /建强干部队伍/);
});

/** Scrolls the page (instantly) so that the element containing `text` sits 10% below the viewport top. */
async function readAt(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, t]) => {
      const el = [...document.querySelectorAll(sel!)].find((e) => e.textContent?.includes(t!));
      if (!el) throw new Error(`no ${sel} with ${t}`);
      window.scrollBy({
        top: el.getBoundingClientRect().top - innerHeight * 0.1,
        behavior: 'instant',
      });
    },
    [selector, text],
  );
}

test('the current item follows the reader scrolling', async () => {
  await essay.waitForTimeout(1300); // past the click's pin
  await readAt(essay, 'h3', '二、');
  // The section's first lead is close below its heading: either may be current.
  await waitForCurrent(essay, /织密基层治理网络|理顺条块关系/);
  await readAt(essay, 'strong', '完善服务供给体系');
  await waitForCurrent(essay, /完善服务供给体系/);
  await readAt(essay, 'strong', '强化数据共享');
  await waitForCurrent(essay, /强化数据共享/);
});

test('↑/↓ move between items, Enter goes to the point, Esc closes', async () => {
  const first = itemButton(essay, '一', 1);
  await first.focus();
  const active = () => closedUi(essay, 'sidebar').focusedText();
  assert.match(await active(), /人民至上|筑牢基层治理根基/);
  await essay.keyboard.press('ArrowDown');
  assert.match(await active(), /健全议事协商机制/);
  await essay.keyboard.press('ArrowDown');
  await essay.keyboard.press('ArrowDown');
  await essay.keyboard.press('ArrowUp');
  assert.match(await active(), /完善服务供给体系/);
  await essay.keyboard.press('Enter');
  await waitForCurrent(essay, /完善服务供给体系/);
  await essay.waitForFunction(() => {
    const el = [...document.querySelectorAll('strong')].find((s) =>
      s.textContent?.includes('完善服务供给体系'),
    );
    const r = el?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.bottom <= innerHeight;
  });
  await essay.keyboard.press('Escape');
  await closedUi(essay, 'sidebar').waitFor({ state: 'detached', timeout: 3000 });
});

test('opening puts the focus on the outline at once; Esc gives it back to the page', async () => {
  await essay.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(await sendToTab(essayTab, { type: 'toggle-sidebar' }), {
    ok: true,
    value: { open: true },
  });
  const active = () => closedUi(essay, 'sidebar').focusedText();
  const deadline = Date.now() + 5000;
  while (!(await active()) && Date.now() < deadline) await essay.waitForTimeout(50);
  // No click, no Tab: the first point (the reader is above it) has the focus.
  assert.match(await active(), /人民至上|筑牢基层治理根基/);
  await essay.keyboard.press('ArrowDown');
  assert.match(await active(), /健全议事协商机制/);
  await essay.keyboard.press('Escape');
  await closedUi(essay, 'sidebar').waitFor({ state: 'detached', timeout: 3000 });
  assert.equal(await essay.evaluate(() => document.activeElement?.tagName), 'BODY');
});

test('level buttons collapse the outline to level 1 and back', async () => {
  assert.deepEqual(await sendToTab(essayTab, { type: 'toggle-sidebar' }), {
    ok: true,
    value: { open: true },
  });
  await items(essay).first().waitFor();
  await closedUi(essay, 'sidebar').locator('button[data-level-button="1"]').click();
  assert.equal(await items(essay).count(), 3);
  await closedUi(essay, 'sidebar').locator('button[data-level-button="2"]').click();
  assert.equal(await items(essay).count(), 12);
});

test('"Copy as Markdown" copies the outline', async () => {
  const copy = closedUi(essay, 'sidebar').locator('button.copy');
  assert.match((await copy.textContent()) ?? '', /^(复制 Markdown|Copy as Markdown)$/);
  await copy.click();
  await closedUi(essay, 'sidebar')
    .locator('button.copy')
    .filter({ hasText: /已复制|Copied/ })
    .waitFor();
  const text = await essay.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^---\ntitle: "以高效能治理推进基层治理现代化"/);
  assert.match(text, /\n- 一 坚持人民至上/);
  assert.match(text, /\n {2}- 三是 建强干部队伍/);
  // The same text through the get-markdown request.
  const reply = (await sendToTab(essayTab, { type: 'get-markdown' })) as {
    ok: boolean;
    value: string;
  };
  assert.equal(reply.ok, true);
  assert.equal(reply.value, text);
});

test('get-page-article describes the article under its normalised URL', async () => {
  const reply = (await sendToTab(essayTab, { type: 'get-page-article' })) as {
    ok: true;
    value: { draft: { id: string; site: string; title: string; tags: string[] }; markdown: string };
  };
  assert.equal(reply.ok, true);
  const { draft, markdown } = reply.value;
  assert.equal(draft.id, e2e.url('essay.html'));
  assert.equal(draft.site, '127.0.0.1');
  assert.equal(draft.title, '以高效能治理推进基层治理现代化');
  assert.deepEqual(draft.tags, []);
  assert.match(markdown, /三是 建强干部队伍/);
});

test('a WeChat-like page outlines its bold section leads', async () => {
  const { page, tabId } = await openPage('wechat.html');
  await sendToTab(tabId, { type: 'toggle-sidebar' });
  await items(page).first().waitFor({ timeout: 10_000 });
  const markers = (await items(page).attributesAll(['data-level', 'data-marker'])).map(
    (a) => `${a['data-level']}:${a['data-marker']}`,
  );
  assert.deepEqual(markers, ['1:（一）', '1:（二）', '1:（三）']);
  const badge = await badgeText(e2e.launched, tabId);
  assert.equal(badge, '3');
  await page.close();
});

test('a page without an essay shows no badge, and the sidebar says so', async () => {
  const { page, tabId } = await openPage('plain.html');
  const status = await waitForTabStatus(e2e.launched.serviceWorker, e2e.url('plain.html'));
  assert.equal(status.status.count, 0);
  const badge = await badgeText(e2e.launched, tabId);
  assert.equal(badge, '');
  const reply = await sendToTab(tabId, { type: 'toggle-sidebar' });
  assert.deepEqual(reply, { ok: true, value: { open: true } });
  const note = closedUi(page, 'sidebar').locator('.no-essay');
  await note.waitFor({ timeout: 5000 });
  assert.match((await note.textContent()) ?? '', /^(未识别到文章结构|No essay structure found)$/);
  assert.equal(await items(page).count(), 0);
  await page.close();
});

test('no page errors', () => {
  assert.deepEqual(e2e.pageErrors, []);
});
