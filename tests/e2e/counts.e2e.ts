/**
 * End-to-end, in Chromium with the built extension: the badge, the popup and the
 * sidebar give one number of points for a page. Before the engine has counted, the
 * badge shows no number (an ellipsis on an essay page); once the sidebar has
 * outlined the page, the badge, the popup and the sidebar (its items, with the
 * points beyond the cap it counts) agree. On five real pages of ../shared/real/pages
 * (when the folder is there) and on a deep essay of our own, where every point of
 * five levels is reached from the keyboard.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitForTabStatus } from '../../scripts/harness.mjs';
import { closedUi } from './closed-ui.ts';
import {
  badgeText,
  htmlPage,
  popupPath,
  realPages,
  REAL_PAGES_DIR as REAL,
  sendToTab,
  useExtension,
} from './support.ts';

const REAL_PAGES = [
  '01-people-zhongbu-jueqi.html',
  '06-xinhuanet-liqiang-xinjiang-diaoyan.html',
  '07-gmw-dizhi-baohuzhuyi-pinglun.html',
  '13-sxyz-juzhang-jiaoyu-gongzuo-huiyi-jianghua.html',
  '19-rmrb-renminshiping-wuzhen-crawler.html',
];

/** Five levels: 一、 → （一） → 1. → （1） → ①, two points at each. */
const PARA = '基层治理要坚持问题导向，把群众的急难愁盼作为工作的出发点和落脚点，久久为功。';
const deep = (level: number, path: string): string => {
  const MARKS = [
    (i: number) => `<h2>${'一二'[i]}、第${path}${i + 1}部分</h2>`,
    (i: number) => `<h3>（${'一二'[i]}）第${path}${i + 1}方面</h3>`,
    (i: number) => `<p><strong>${i + 1}. 第${path}${i + 1}项任务。</strong>${PARA}</p>`,
    (i: number) => `<p>（${i + 1}）第${path}${i + 1}个环节。${PARA}</p>`,
    (i: number) => `<p>${'①②'[i]}第${path}${i + 1}个步骤。${PARA}</p>`,
  ];
  if (level > 5) return '';
  return [0, 1].map((i) => MARKS[level - 1]!(i) + deep(level + 1, `${path}${i + 1}`)).join('');
};
const DEEP = htmlPage(
  '层层推进的工作方案',
  `<article><h1>层层推进的工作方案</h1><p>${PARA}</p>${deep(1, '')}</article>`,
);

const real = realPages(REAL_PAGES);
const realPresent = Object.keys(real).length > 0;
const pages: Record<string, string> = { 'deep.html': DEEP, ...real };
const e2e = useExtension({ name: 'counts', pages });

/** Opens `name`, then the sidebar; returns what the badge, the popup and the sidebar say. */
async function countsOf(name: string) {
  const { page, tabId } = await e2e.openTab(name);
  assert.deepEqual(await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' }), {
    ok: true,
    value: { open: true },
  });
  const sidebar = closedUi(page, 'sidebar');
  await sidebar.locator('.sidebar').waitFor({ timeout: 15_000 });
  const { status } = await waitForTabStatus(e2e.launched.serviceWorker, e2e.url(name), {
    exact: true,
  });
  // Every level shown: the deepest level button.
  const levels = await sidebar.locator('button[data-level-button]').count();
  if (levels) await sidebar.locator(`button[data-level-button="${levels}"]`).click();
  const items = await sidebar.locator('li.node').count();
  const more = (await sidebar.locator('li.more-points').count())
    ? Number(await sidebar.locator('li.more-points').first().getAttribute('data-more'))
    : 0;
  const badge = await badgeText(e2e.launched, tabId);
  const popup = await e2e.openExtensionPage(popupPath(tabId), e2e.pageErrors);
  const line = popup.locator('.tab-status .count');
  await line.waitFor({ timeout: 10_000 });
  const popupCount = await line.getAttribute('data-count');
  await popup.close();
  return { page, tabId, status, items, more, badge, popupCount, levels };
}

test('on five real pages, the badge, the popup and the sidebar give one count', async (t) => {
  if (!realPresent) {
    t.diagnostic(`../shared/real/pages is absent (${REAL}): only the deep essay is checked`);
    return;
  }
  for (const name of REAL_PAGES) {
    const c = await countsOf(name);
    assert.equal(c.status.exact, true);
    assert.equal(c.items + c.more, c.status.count, `${name}: sidebar ${c.items}+${c.more}`);
    assert.equal(c.popupCount, String(c.status.count), `${name}: popup`);
    assert.equal(c.badge, c.status.count > 0 ? String(c.status.count) : '', `${name}: badge`);
    t.diagnostic(`${name}: ${c.status.count} points on the badge, in the popup and the sidebar`);
    await c.page.close();
  }
});

test('a deep essay: five levels, every point reached with ↓ from the first', async () => {
  const c = await countsOf('deep.html');
  assert.equal(c.levels, 5);
  // 2 + 4 + 8 + 16 + 32 points.
  assert.equal(c.items, 62);
  assert.equal(c.status.count, 62);
  assert.equal(c.badge, '62');
  const sidebar = closedUi(c.page, 'sidebar');
  await sidebar.locator('button.item').first().focus();
  const seen = new Set<string>();
  for (let i = 0; i < 62; i++) {
    seen.add(await sidebar.focusedText());
    await c.page.keyboard.press('ArrowDown');
  }
  assert.equal(seen.size, 62);
  await c.page.close();
});

test("no page errors on our own page (the saved real pages miss their sites' scripts offline)", () => {
  assert.deepEqual(
    e2e.pageErrors.filter((e) => e.startsWith('deep.html')),
    [],
  );
});
