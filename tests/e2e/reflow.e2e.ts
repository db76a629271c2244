/**
 * End-to-end, in Chromium with the built extension: the open sidebar never runs
 * over the text it outlines. On the sample essay and on real saved pages of news
 * and government sites (../shared/real/pages), every line of text of the
 * article (the element whose own text holds the most characters, and its parent) is
 * measured from its line boxes (Range.getClientRects)
 * once the sidebar is open: none may reach under the sidebar. Closing it gives the
 * page its own layout back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_DIR } from '../../scripts/harness.mjs';
import { closedUi } from './closed-ui.ts';
import { realPages, REAL_PAGES_DIR as REAL, sendToTab, useExtension } from './support.ts';

/**
 * Real pages of several sites and layouts (portals, a county government, a school's
 * speeches, a commentary copied by a crawler, a page saved from NetEase), none of them
 * with a script that sends the browser elsewhere (the saved thepaper.cn page goes to its
 * mobile site).
 */
const REAL_PAGES = [
  '01-people-zhongbu-jueqi.html',
  '05-youth-yanglao-zhuanye-biye.html',
  '06-xinhuanet-liqiang-xinjiang-diaoyan.html',
  '07-gmw-dizhi-baohuzhuyi-pinglun.html',
  '08-qq-jingjiribao-pinglunyuan-channeng.html',
  '10-banyuetan-yiyang-shuzi-zhili.html',
  '12-163-zhengjianhui-liuqi-anjian-gbk.html',
  '13-sxyz-juzhang-jiaoyu-gongzuo-huiyi-jianghua.html',
  '19-rmrb-renminshiping-wuzhen-crawler.html',
  '27-zjdpc-deqing-guding-zichan-touzi.html',
];
const pages: Record<string, string> = {
  'essay.html': readFileSync(join(SAMPLE_DIR, 'essay.html'), 'utf8'),
  ...realPages(REAL_PAGES),
};
const realPresent = REAL_PAGES.every((f) => f in pages);

const e2e = useExtension({ name: 'reflow', pages });

/** Lines of text (paragraphs, headings, list items) whose boxes reach past `left`, with the page's widest line. */
function covered(p: Page, at: number | null = null) {
  return p.evaluate((at) => {
    const host = [...document.documentElement.children].find(
      (e) => e !== document.head && e !== document.body,
    ) as HTMLElement | undefined;
    // The span the sidebar takes: [left, right) in the viewport (or from `at` to the right edge).
    const box = host?.getBoundingClientRect();
    const left = at ?? box?.left ?? innerWidth;
    const right = at === null && box ? box.right : innerWidth;
    // The article: the element whose own text holds the most characters, with its parent
    // (for the headline and subheadings beside it); a page's footer is not its article.
    // (No named functions in here: the test runner's transform would wrap them.)
    const all: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Rendered text only: not scripts, styles or hidden parts.
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript, template, textarea')) continue;
      if (el.getClientRects().length === 0) continue;
      all.push(n as Text);
    }
    const byParent = new Map<Element, number>();
    for (const t of all) {
      const parent = t.parentElement?.closest('p, div, section, article, td, li');
      if (parent) byParent.set(parent, (byParent.get(parent) ?? 0) + t.data.trim().length);
    }
    let article: Element = document.body;
    let most = 0;
    for (const [el, n] of byParent) if (n > most) [article, most] = [el, n];
    const scope = article.parentElement ?? article;
    const out: string[] = [];
    let lines = 0;
    for (const t of all) {
      if (!scope.contains(t)) continue;
      const text = t.data.trim();
      if (text.length < 8) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.height === 0 || r.bottom < 0) continue;
        lines++;
        if (r.right > left + 1 && r.left < right - 1)
          out.push(`${text.slice(0, 16)}… right ${Math.round(r.right)} > ${Math.round(left)}`);
      }
    }
    return { left, lines, covered: [...new Set(out)].slice(0, 5), count: out.length };
  }, at);
}

async function check(name: string) {
  const { page, tabId } = await e2e.openTab(name);
  await page.setViewportSize({ width: 1280, height: 800 });
  const before = await page.evaluate(() => document.documentElement.getAttribute('style'));
  // What a sidebar laid over the page would have covered (its default width, 360 px).
  const overlaid = (await covered(page, 1280 - 360)).count;
  assert.deepEqual(await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' }), {
    ok: true,
    value: { open: true },
  });
  await closedUi(page, 'sidebar').locator('.sidebar').waitFor({ timeout: 15_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const seen = await covered(page);
  assert.ok(seen.lines > 0, `${name}: no lines measured`);
  assert.equal(seen.count, 0, `${name}: lines under the sidebar: ${seen.covered.join('; ')}`);
  // Closing gives the page its own layout back.
  await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' });
  await closedUi(page, 'sidebar').waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('style')), before);
  await page.close();
  return { lines: seen.lines, overlaid };
}

test('the sample essay reflows beside the sidebar', async () => {
  const { overlaid } = await check('essay.html');
  // The measure sees the difference: laid over the page, the sidebar covered its lines.
  assert.ok(overlaid > 0, 'the sample essay runs the full width');
});

test('moved to the left, the sidebar still leaves every line uncovered', async () => {
  const { page, tabId } = await e2e.openTab('essay.html');
  await page.setViewportSize({ width: 1280, height: 800 });
  await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' });
  const sidebar = closedUi(page, 'sidebar');
  await sidebar.locator('button.side').click();
  await sidebar.locator('.sidebar[data-side="left"]').waitFor({ timeout: 5000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const seen = await covered(page);
  assert.equal(seen.left, 0);
  assert.ok(seen.lines > 0);
  assert.equal(seen.count, 0, seen.covered.join('; '));
  // The side is kept for the site: the next open is on the left again.
  await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' });
  await sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' });
  await sidebar.locator('.sidebar[data-side="left"]').waitFor({ timeout: 5000 });
  await sidebar.locator('button.side').click();
  await sidebar.locator('.sidebar[data-side="right"]').waitFor({ timeout: 5000 });
  await page.close();
});

test('real pages reflow beside the sidebar: no line of text under it', async (t) => {
  if (!realPresent) {
    t.diagnostic(`../shared/real/pages is absent (${REAL}): only the sample essay was measured`);
    return;
  }
  for (const name of REAL_PAGES) {
    const { lines, overlaid } = await check(name);
    t.diagnostic(
      `${name}: ${lines} lines, none under the sidebar (${overlaid} under one laid over the page)`,
    );
  }
});
