/**
 * End-to-end tests in Chromium with the built extension (.output/chrome-mv3)
 * of pages that change under the content script, with essays written for
 * these tests and served on 127.0.0.1:
 *
 * - "always open on this site": ticked in the sidebar, the sidebar opens by
 *   itself after a reload (and no longer once unticked);
 * - a single-page app that swaps its article with history.pushState and DOM
 *   changes, no reload: after the content script's debounce the quick check
 *   (badge, tab status) and, with the sidebar open, the outline follow the new
 *   article; back and forward (popstate) too;
 * - an essay rendered 1.5 s after load gets its badge.
 *
 * One browser launch is shared by all tests in this file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForTabStatus } from '../../scripts/harness.mjs';
import { badgeText, filler, htmlPage as page, sendToTab, useExtension } from './support.ts';
import { closedUi, type ClosedLocator } from './closed-ui.ts';

/** The Chrome API this file calls, inside the service worker. */
declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

/** Distinct sentences, taken in turn, so no two paragraphs repeat (repetition reads as parallelism). */
const fill = filler([
  '乡村振兴的关键在人，人才回流是近年来最可喜的变化之一。',
  '一些村庄依托特色产业走出了新路，但同质化竞争的苗头也已显现。',
  '土地流转之后，农民如何分享增值收益，是绕不开的现实问题。',
  '村集体经济薄弱，公共服务投入长期依赖上级转移支付。',
  '年轻人愿意回来，前提是这里有事可做、有钱可赚、有盼头。',
  '农村电商打开了销路，冷链物流却仍是明显的短板。',
  '基层干部反映，项目资金使用限制过多，难以因地制宜。',
  '只有把产业、人才、文化、生态、组织统筹起来，振兴才有后劲。',
  '实践表明，群众参与程度越高，项目的可持续性就越强。',
  '一些地方重建设轻管护，设施建成之后无人维护的情况并不少见。',
  '传统村落的保护与开发，需要在留住乡愁和改善生活之间找到平衡。',
  '村规民约修订以后，红白喜事大操大办的风气明显收敛。',
]);

const ORD = ['一', '二', '三', '四'];

/** An essay's article HTML: `sections` headed 一、二、…, each with bold 一是/二是/… leads. */
function article(title: string, sections: ReadonlyArray<readonly [string, readonly string[]]>) {
  return (
    `<h1>${title}</h1><p>作者：苏明远</p><p>${fill(4)}</p>` +
    sections
      .map(
        ([head, leads], s) =>
          `<h3>${ORD[s]}、${head}</h3><p>${fill(2)}</p>` +
          leads.map((lead, i) => `<p><strong>${ORD[i]}是${lead}。</strong>${fill(8)}</p>`).join(''),
      )
      .join('') +
    `<p>${fill(3)}</p>`
  );
}

/** The three articles of the single-page app, by path: 12, 6 and 8 outline points. */
const SPA_ARTICLES = {
  '/spa.html': {
    title: '全面推进乡村振兴的几点思考',
    heads: ['乡村振兴要抓产业', '乡村振兴要聚人才', '乡村振兴要强组织'],
    html: article('全面推进乡村振兴的几点思考', [
      ['乡村振兴要抓产业', ['培育特色主导产业', '延长农业产业链条', '完善联农带农机制']],
      ['乡村振兴要聚人才', ['引导人才返乡创业', '培养本土实用人才', '用好驻村工作力量']],
      ['乡村振兴要强组织', ['建强村党组织', '壮大集体经济', '健全自治机制']],
    ]),
    points: 12,
  },
  '/spa-b.html': {
    title: '建设宜居宜业和美乡村',
    heads: ['补齐基础设施短板', '提升公共服务水平'],
    html: article('建设宜居宜业和美乡村', [
      ['补齐基础设施短板', ['推进农村道路提档升级', '改善农村供水条件']],
      ['提升公共服务水平', ['办好农村基础教育', '健全养老服务网络']],
    ]),
    points: 6,
  },
  '/spa-c.html': {
    title: '深化农村集体产权制度改革',
    heads: ['稳慎推进宅基地改革', '盘活农村闲置资产'],
    html: article('深化农村集体产权制度改革', [
      ['稳慎推进宅基地改革', ['摸清底数', '依法依规', '试点先行']],
      ['盘活农村闲置资产', ['探索多种经营', '保障农民权益', '防范经营风险']],
    ]),
    points: 8,
  },
} as const;
type SpaPath = keyof typeof SPA_ARTICLES;

/**
 * The app: renders the article of `location.pathname` into <main>, swaps
 * it on `spaGo(path)` (history.pushState, then a DOM change after a short
 * "fetch") and on popstate, as a router would. Every path serves this file.
 */
const SPA_HTML = page(
  SPA_ARTICLES['/spa.html'].title,
  `<nav><a href="/spa.html">首页</a></nav><main id="app"></main>
<script>
const ARTICLES = ${JSON.stringify(Object.fromEntries(Object.entries(SPA_ARTICLES).map(([p, a]) => [p, { title: a.title, html: a.html }])))};
function show() {
  const a = ARTICLES[location.pathname] || ARTICLES['/spa.html'];
  document.title = a.title;
  document.getElementById('app').innerHTML = '<article>' + a.html + '</article>';
  scrollTo(0, 0);
}
window.spaGo = (path) => {
  history.pushState({ path }, '', path);
  setTimeout(show, 50);
};
addEventListener('popstate', () => setTimeout(show, 50));
show();
</script>`,
);

/** A page that renders its essay 1.5 s after load (as a client-side app fetching its content would). */
const LATE_HTML = page(
  '推动城乡融合发展',
  `<header><p>正在加载……</p></header><div id="root"></div>
<template id="essay"><article>${article('推动城乡融合发展', [
    ['破除城乡要素流动障碍', ['健全人口有序流动机制', '深化土地要素配置改革', '引导资本下乡']],
    ['推进城乡基本公共服务均等化', ['统筹教育资源', '完善医疗卫生体系', '织密社会保障网']],
  ])}</article></template>
<script>
addEventListener('load', () => setTimeout(() => {
  document.getElementById('root').append(document.getElementById('essay').content.cloneNode(true));
  document.querySelector('header').remove();
}, 1500));
</script>`,
);

/** A static essay for "always open". */
const ESSAY_HTML = page(
  '以新质生产力赋能县域经济',
  `<article>${article('以新质生产力赋能县域经济', [
    ['找准县域产业定位', ['立足资源禀赋', '错位发展']],
    ['强化科技创新支撑', ['建设创新平台', '引育科技人才']],
  ])}</article>`,
);

const e2e = useExtension({
  name: 'spa',
  pages: {
    ...Object.fromEntries(Object.keys(SPA_ARTICLES).map((path) => [path, SPA_HTML])),
    'late.html': LATE_HTML,
    'essay.html': ESSAY_HTML,
  },
});

const openPage = (name: string) => e2e.openTab(name);
const badgeOf = (tabId: number) => badgeText(e2e.launched, tabId);

interface Status {
  articleId: string | null;
  count: number;
  title: string | null;
  url: string | null;
  essay: boolean;
}
/** The background's record of the tab (background/tab-status.ts, key `tab:ID` in storage.session). */
const statusOf = (tabId: number) =>
  e2e.launched.serviceWorker.evaluate(async (id) => {
    const key = `tab:${id}`;
    return ((await chrome.storage.session.get(key))[key] ?? null) as Status | null;
  }, tabId);

/**
 * The stored "always open" preference of a site, read in the service worker's
 * own IndexedDB: in the live database, whose name the pointer database keeps
 * (background/db/library-db.ts; `gangmu` until a restore replaces the library).
 */
function alwaysOpenStored(site: string): Promise<boolean | null> {
  return e2e.launched.serviceWorker.evaluate(async (key) => {
    // Two reads, the pointer's then the preference's (no named helper: the page
    // function is serialised without tsx's __name).
    let name = 'gangmu';
    let row: { alwaysOpen?: boolean } | null = null;
    for (const step of ['pointer', 'prefs'] as const) {
      const [db, store, k] =
        step === 'pointer' ? ['gangmu-live', 'live', 'library'] : [name, 'sitePrefs', key];
      const value = await new Promise<unknown>((resolve) => {
        const open = indexedDB.open(db);
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const conn = open.result;
          try {
            const get = conn.transaction(store, 'readonly').objectStore(store).get(k);
            get.onsuccess = () => {
              conn.close();
              resolve(get.result ?? null);
            };
            get.onerror = () => {
              conn.close();
              resolve(null);
            };
          } catch {
            // The store does not exist yet: nothing stored.
            conn.close();
            resolve(null);
          }
        };
      });
      if (step === 'pointer') name = (value as { name?: string } | null)?.name ?? 'gangmu';
      else row = value as { alwaysOpen?: boolean } | null;
    }
    return row ? row.alwaysOpen === true : null;
  }, site);
}

async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeout = 8000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what}: never held (last: ${JSON.stringify(last)})`);
}

const items = (p: Page): ClosedLocator => closedUi(p, 'sidebar').locator('li[data-level]');
/** The level-1 item titles of the open sidebar. */
const headings = (p: Page) =>
  closedUi(p, 'sidebar')
    .locator('li[data-level="1"] > .row > button.item')
    .attributesAll(['title'])
    .then((bs) => bs.map((b) => b.title ?? ''));

/** The reader's toggle (the shortcut's path: the background asks the tab). */
const toggle = (tabId: number) => sendToTab(e2e.launched, tabId, { type: 'toggle-sidebar' });

/** Waits until the sidebar lists `points` items and its level-1 items are `heads`. */
async function waitForOutline(p: Page, points: number, heads: readonly string[]): Promise<void> {
  await until(
    `outline of ${heads[0]}…`,
    async () => ({ n: await items(p).count(), heads: await headings(p) }),
    (v) =>
      v.n === points &&
      v.heads.length === heads.length &&
      heads.every((h, i) => v.heads[i]!.includes(h)),
  );
}

test('"always open on this site": ticked in the sidebar, the sidebar opens by itself after a reload', async () => {
  const { page: p, tabId } = await openPage('essay.html');
  await toggle(tabId);
  await items(p).first().waitFor({ timeout: 10_000 });
  const box = closedUi(p, 'sidebar').locator('label.always input[type="checkbox"]');
  assert.equal(await box.isChecked(), false);
  await box.check();
  assert.equal(await box.isChecked(), true);
  // The preference is stored through the background: wait until it is in its IndexedDB.
  await until(
    '"always open" stored',
    () => alwaysOpenStored('127.0.0.1'),
    (v) => v === true,
  );

  await p.reload();
  await items(p).first().waitFor({ timeout: 10_000 });
  assert.equal(await items(p).count(), 6);
  const again = closedUi(p, 'sidebar').locator('label.always input[type="checkbox"]');
  assert.equal(await again.isChecked(), true);

  // Unticked, a reload leaves the sidebar closed.
  await again.uncheck();
  await until(
    '"always open" cleared',
    () => alwaysOpenStored('127.0.0.1'),
    (v) => v !== true,
  );
  await p.reload();
  await waitForTabStatus(e2e.launched.serviceWorker, e2e.url('essay.html'));
  await p.waitForTimeout(1000);
  assert.equal(await closedUi(p, 'sidebar').count(), 0);
  await p.close();
});

test('a single-page app: badge, quick check and open outline follow pushState and popstate', async () => {
  const { page: p, tabId } = await openPage('spa.html');
  const A = SPA_ARTICLES['/spa.html'];
  const B = SPA_ARTICLES['/spa-b.html'];
  const C = SPA_ARTICLES['/spa-c.html'];
  const go = (path: SpaPath) =>
    p.evaluate((to) => (window as unknown as { spaGo(p: string): void }).spaGo(to), path);
  const status = (path: SpaPath) =>
    until(
      `tab status for ${path}`,
      () => statusOf(tabId),
      // The article key the content script reports (normalised location.href); the record's
      // `url` is the sender's URL as Chromium gives it, which stays at the page loaded.
      (s) => s?.articleId === e2e.served.url + path,
    );

  const first = await statusOf(tabId);
  assert.equal(first?.essay, true);
  assert.equal(first?.title, A.title);
  assert.notEqual(await badgeOf(tabId), '');

  // Sidebar closed: the quick check follows the new address and article.
  await go('/spa-b.html');
  const b = await status('/spa-b.html');
  assert.equal(b?.essay, true);
  assert.equal(b?.title, B.title);
  assert.notEqual(await badgeOf(tabId), '');

  // Open on B: B's outline; the badge has the exact count.
  await toggle(tabId);
  await waitForOutline(p, B.points, B.heads);
  await until(
    'badge of B',
    () => badgeOf(tabId),
    (t) => t === String(B.points),
  );

  // Sidebar open: pushState to C.
  await go('/spa-c.html');
  await waitForOutline(p, C.points, C.heads);
  assert.equal((await status('/spa-c.html'))?.title, C.title);
  await until(
    'badge of C',
    () => badgeOf(tabId),
    (t) => t === String(C.points),
  );

  // Back (popstate) to B, back again to A, forward to B.
  await p.goBack();
  await waitForOutline(p, B.points, B.heads);
  await status('/spa-b.html');
  await p.goBack();
  await waitForOutline(p, A.points, A.heads);
  assert.equal((await status('/spa.html'))?.title, A.title);
  await until(
    'badge of A',
    () => badgeOf(tabId),
    (t) => t === String(A.points),
  );
  await p.goForward();
  await waitForOutline(p, B.points, B.heads);
  await until(
    'badge of B again',
    () => badgeOf(tabId),
    (t) => t === String(B.points),
  );
  await p.close();
});

test('an essay rendered 1.5 s after load gets its badge', async () => {
  const { page: p, tabId } = await openPage('late.html');
  const early = await statusOf(tabId);
  assert.equal(early?.essay, false, 'nothing to find before the essay arrives');
  assert.equal(await badgeOf(tabId), '');
  // 1.5 s until the essay is inserted, then the content script's 1 s debounce.
  const late = await until(
    'late essay found',
    () => statusOf(tabId),
    (s) => !!s?.essay,
    10_000,
  );
  assert.ok((late?.count ?? 0) > 0, JSON.stringify(late));
  assert.notEqual(await badgeOf(tabId), '');
  // The sidebar, opened now, outlines it.
  await toggle(tabId);
  await waitForOutline(p, 8, ['破除城乡要素流动障碍', '推进城乡基本公共服务均等化']);
  await p.close();
});

test('no page errors', () => {
  assert.deepEqual(e2e.pageErrors, []);
});
