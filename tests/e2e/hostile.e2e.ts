/**
 * End-to-end tests of hostile pages (issue 18) in Chromium with the built
 * extension: what a reader must still get when a page hides text, is not
 * HTML, fights Gangmu's elements, or is enormous.
 *
 * 1. Text the reader never sees (templates, frames, <xmp>, <noscript>, the
 *    hidden attribute, aria-hidden, display:none, visibility:hidden, scripts,
 *    styles, and anti-copy spans hidden inside visible headings) is never in
 *    the sidebar nor in the article that would be saved.
 * 2. An SVG document and an XML feed (in Chromium's XML viewer, and styled by
 *    its own CSS): no error, the toggle answers, the tab stays usable.
 * 3. A page that pre-defines Gangmu's old custom element names and refuses
 *    new definitions (and shadow roots) before the content script runs.
 * 4. A page that removes every element added to <html> as soon as it appears:
 *    once its script stops, the next toggle (and the next selection) shows
 *    Gangmu's UI again.
 * 5. 50,000 short paragraphs: the outline is capped at 500 points; the
 *    longest task of the open is printed for the record.
 *
 * The sidebar is opened through the service worker, as the shortcut does, and
 * read as DevTools reads its closed root (closed-ui.ts).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForTabStatus } from '../../scripts/harness.mjs';
import { closedUi } from './closed-ui.ts';
import {
  filler,
  GOVERNANCE_PROSE,
  ORD,
  SECTIONS,
  sectionedEssay,
  htmlPage,
  selectWords,
  sendToTab as send,
  useExtension,
} from './support.ts';

const fill = filler(GOVERNANCE_PROSE);

/** The essay (three sections of bold leads); `extra(s)` goes after section s's heading. */
const essayBody = (extra: (s: number) => string = () => '') => sectionedEssay(fill, { extra });

// ---------------------------------------------------------------------------
// 1. Text the reader never sees

/** Every hiding place, with the words hidden there (each holds 藏在, found nowhere visible). */
const PLACES = {
  template: '模板',
  iframe: '框架',
  iframeFallback: '框架备用内容',
  xmp: '原样文本',
  noscript: '无脚本',
  hiddenAttr: '隐藏属性',
  ariaHidden: '无障碍隐藏',
  displayNone: '不显示样式',
  visibilityHidden: '不可见样式',
  classHidden: '隐藏类名',
  script: '脚本',
  style: '样式',
  inlineHeading: '标题行内',
  inlineLead: '要点行内',
  inlineBody: '正文行内',
} as const;
type Place = keyof typeof PLACES;
const secret = (p: Place) => `藏在${PLACES[p]}里的`;
/** A hidden block that reads like a section of the essay, had it been read. */
const hiddenSection = (p: Place) =>
  `<h3>四、${secret(p)}标题</h3><p><strong>一是${secret(p)}要点。</strong>${secret(p)}正文。</p><p><strong>二是${secret(p)}第二要点。</strong>${secret(p)}正文。</p>`;

const HIDING = htmlPage(
  '以高效能治理推进基层治理现代化',
  `<script>window.__note = '${hiddenSection('script')}';</script>
<style>.gone { display: none } /* ${hiddenSection('style')} */ .never::after { content: '' }</style>` +
    essayBody(
      (s) =>
        [
          `<template>${hiddenSection('template')}</template>` +
            `<iframe title="ad" width="0" height="0" style="border:0" srcdoc="${hiddenSection('iframe').replace(/"/g, '&quot;')}">${hiddenSection('iframeFallback')}</iframe>` +
            `<xmp>${hiddenSection('xmp')}</xmp>` +
            `<noscript>${hiddenSection('noscript')}</noscript>`,
          `<div hidden>${hiddenSection('hiddenAttr')}</div>` +
            `<div aria-hidden="true">${hiddenSection('ariaHidden')}</div>` +
            `<div style="display:none">${hiddenSection('displayNone')}</div>`,
          `<div style="visibility:hidden;height:0;overflow:hidden">${hiddenSection('visibilityHidden')}</div>` +
            `<div class="gone">${hiddenSection('classHidden')}</div>` +
            `<script>document.currentScript.dataset.note = '${secret('script')}正文';</script>`,
        ][s] ?? '',
    )
      // Anti-copy noise inside the visible words: a heading, a lead, a body sentence.
      .replace(
        '一、坚持党建引领',
        `一、坚持党建<span style="display:none">${secret('inlineHeading')}字</span>引领`,
      )
      .replace(
        '一是坚持党的全面领导。',
        `一是坚持党的<span hidden>${secret('inlineLead')}字</span>全面领导。`,
      )
      .replace(
        '群众满意不满意',
        `群众满意<span style="visibility:hidden;font-size:0">${secret('inlineBody')}字</span>不满意`,
      ),
);

// ---------------------------------------------------------------------------
// 2. Documents that are not HTML

const SVG = `<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">
  <title>基层治理示意图</title>
  <rect x="10" y="10" width="580" height="280" fill="#eef"/>
  <text x="30" y="60">一、坚持党建引领</text>
  <text x="30" y="110">一是坚持党的全面领导，切实把党的领导贯穿基层治理全过程。</text>
  <text x="30" y="160">二是健全议事协商机制，凡涉及群众切身利益的事项都要商量着办。</text>
  <text x="30" y="210">二、推进共建共治</text>
</svg>`;

/** An RSS feed of the essay's points; `styled`: with a CSS stylesheet, shown as the feed itself. */
const feed = (styled: boolean) => `<?xml version="1.0" encoding="utf-8"?>
${styled ? '<?xml-stylesheet type="text/css" href="feed.css"?>\n' : ''}<rss version="2.0"><channel><title>基层治理</title>
${SECTIONS.map(
  ([head, leads], s) =>
    `<item><title>${ORD[s]}、${head}</title><description>${leads.map((l, i) => `${ORD[i]}是${l}。${fill(3)}`).join('')}</description></item>`,
).join('\n')}
</channel></rss>`;
const FEED_CSS = 'rss, channel, item, title, description { display: block; margin: 0.5em 1em; }';

// ---------------------------------------------------------------------------
// 3. Custom element names taken, definitions refused

/** Runs in <head>, before the content script (document idle). */
const TAKEN_NAMES = `<script>
window.__constructed = [];
window.__refused = [];
for (const name of ['gangmu-sidebar', 'gangmu-toolbar', 'gangmu-root', 'gangmu-host', 'gangmu-highlight'])
  customElements.define(name, class extends HTMLElement {
    constructor() { super(); window.__constructed.push(name); }
    connectedCallback() { this.remove(); }
  });
customElements.define = function (name) { window.__refused.push(name); throw new Error('this page defines no more elements: ' + name); };
Element.prototype.attachShadow = function () {
  window.__refused.push('attachShadow');
  throw new Error('this page allows no shadow roots');
};
</script>`;

const TAKEN = htmlPage('以高效能治理推进基层治理现代化', essayBody()).replace(
  '</title>',
  `</title>${TAKEN_NAMES}`,
);

// ---------------------------------------------------------------------------
// 4. Every foreign child of <html> removed as soon as it appears

const REMOVER = `<script>
window.__removed = [];
let removing = true;
window.__removing = (on) => { removing = on; };
new MutationObserver(() => {
  if (!removing) return;
  for (const el of [...document.documentElement.children])
    if (el !== document.head && el !== document.body) {
      el.remove();
      window.__removed.push(el.tagName);
    }
}).observe(document.documentElement, { childList: true });
</script>`;

const REMOVED = htmlPage('以高效能治理推进基层治理现代化', essayBody()).replace(
  '</title>',
  `</title>${REMOVER}`,
);

// ---------------------------------------------------------------------------
// 5. 50,000 short paragraphs

const PARAGRAPHS = 50_000;
const SHORT = ['抓落实', '重实效', '强保障', '守底线', '促发展', '惠民生', '优服务', '聚合力'];
const LEADS = ['一是', '二是', '三是'];
const HUGE = htmlPage(
  '五万段',
  Array.from({ length: PARAGRAPHS }, (_, i) => {
    const k = i % 10;
    const words = `${SHORT[i % SHORT.length]}${SHORT[(i >> 3) % SHORT.length]}`;
    return k < LEADS.length ? `<p>${LEADS[k]}${words}。</p>` : `<p>第${i}段${words}。</p>`;
  }).join(''),
);

/**
 * Records, from the page's first script on (main world), what the page sees of
 * long work: 'longtask' entries, 'long-animation-frame' entries, and the
 * longest gap between two ticks of a 10 ms timer (the event loop held).
 */
const LONG_TASKS = `(() => {
  window.__longTasks = [];
  window.__loaf = [];
  window.__gaps = [];
  for (const [type, into] of [['longtask', window.__longTasks], ['long-animation-frame', window.__loaf]]) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) into.push({ start: e.startTime, duration: e.duration });
      }).observe({ type, buffered: true });
    } catch {
      // not supported: that list stays empty
    }
  }
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 50) window.__gaps.push({ start: last, duration: now - last });
    last = now;
  }, 10);
})();`;

// ---------------------------------------------------------------------------

/** Errors of the extension's service worker (its console). */
const workerErrors: string[] = [];

const e2e = useExtension({
  name: 'hostile',
  pages: {
    'hiding.html': HIDING,
    'drawing.svg': SVG,
    'taken.html': TAKEN,
    'removed.html': REMOVED,
    'huge.html': HUGE,
  },
  launched: async ({ launched }) => {
    launched.serviceWorker.on('console', (m) => {
      if (m.type() === 'error') workerErrors.push(m.text());
    });
  },
});

/** A second server for what the page server cannot type: XML as application/xml. */
let xmlServer: Server;
let xmlBase: string;
before(async () => {
  const files: Record<string, [string, string]> = {
    '/feed.xml': ['application/xml; charset=utf-8', feed(false)],
    '/styled.xml': ['application/xml; charset=utf-8', feed(true)],
    '/feed.css': ['text/css; charset=utf-8', FEED_CSS],
  };
  xmlServer = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((ok) => xmlServer.listen(0, '127.0.0.1', ok));
  const address = xmlServer.address();
  xmlBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(() => new Promise<void>((ok) => xmlServer.close(() => ok())));

/** Every error of a tab: uncaught (page or content script) and console errors. */
interface Opened {
  page: Page;
  errors: string[];
}

/** Opens `url` in a tab in front, recording its errors; `init` runs before the page's scripts. */
async function open(url: string, init?: string): Promise<Opened> {
  const page = await e2e.launched.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (m) => {
    // The test server has no favicon: the browser's own 404 for it is no one's error.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
      errors.push(`console: ${m.text()}`);
  });
  if (init) await page.addInitScript({ content: init });
  await page.goto(url);
  await page.bringToFront();
  return { page, errors };
}

/** Opens a served essay page and waits for the content script's report. */
async function openEssay(name: string, init?: string): Promise<Opened & { tabId: number }> {
  const opened = await open(e2e.url(name), init);
  const { tabId } = await waitForTabStatus(e2e.launched.serviceWorker, e2e.url(name));
  return { ...opened, tabId };
}

const sendToTab = (tabId: number, message: unknown) => send(e2e.launched, tabId, message);

/** The toggle's reply, or 'no reply' after `ms`. */
async function toggle(tabId: number, ms = 10_000): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((ok) => (timer = setTimeout(() => ok('no reply'), ms)));
  try {
    return await Promise.race([
      sendToTab(tabId, { type: 'toggle-sidebar' }).catch((err: unknown) => ({
        thrown: String(err),
      })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const OPENED = { ok: true, value: { open: true } };
const CLOSED = { ok: true, value: { open: false } };

/** The id of the tab in front (for documents whose URL the background may not have a status for). */
function frontTabId(): Promise<number> {
  return e2e.launched.serviceWorker.evaluate(async () => {
    const c = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } };
      }
    ).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab) throw new Error('no tab in front');
    return tab.id;
  });
}

const items = (page: Page) => closedUi(page, 'sidebar').locator('li[data-level]');

type PageArticle = {
  ok: true;
  value: {
    draft: { title: string; outline: unknown; text?: { blocks: { text: string }[] } } | null;
    markdown: string | null;
  };
};

test('text the reader never sees is never read: not in the sidebar, not in the saved article', async () => {
  const { page, tabId, errors } = await openEssay('hiding.html');
  assert.deepEqual(await toggle(tabId), OPENED);
  const sidebar = closedUi(page, 'sidebar');
  await items(page).first().waitFor({ timeout: 10_000 });

  // What the reader sees is read: the three sections and their nine leads, words intact.
  const found = (await items(page).attributesAll(['data-level', 'data-marker'])).map(
    (a) => `${a['data-level']}:${a['data-marker']}`,
  );
  assert.deepEqual(found, [
    ...['一', '二', '三'].flatMap((m) => [`1:${m}`, '2:一是', '2:二是', '2:三是']),
  ]);
  const shown = (await sidebar.textContent()) ?? '';
  const labels = (
    await sidebar.locator('[title], [aria-label]').attributesAll(['title', 'aria-label'])
  )
    .flatMap((a) => [a.title, a['aria-label']])
    .join('\n');
  for (const words of ['坚持党建引领', '坚持党的全面领导', '建强干部队伍'])
    assert.ok(`${shown}\n${labels}`.includes(words), `the sidebar shows ${words}`);

  // Nothing hidden is read: not in the sidebar's text, tooltips or labels, not in the article
  // that would be saved (its title, outline, saved text and Markdown).
  const article = (await sendToTab(tabId, { type: 'get-page-article' })) as PageArticle;
  assert.equal(article.ok, true, JSON.stringify(article));
  const { draft, markdown } = article.value;
  assert.ok(draft && markdown, 'the page is an essay');
  assert.equal(draft.title, '以高效能治理推进基层治理现代化');
  assert.match(markdown, /坚持党建引领/);
  assert.match(markdown, /一是 坚持党的全面领导/);
  // The text the library would keep is the visible words, the hidden ones taken out of them.
  const saved = (draft.text?.blocks ?? []).map((b) => b.text).join('\n');
  for (const words of ['坚持党建引领', '坚持党的全面领导', '群众满意不满意'])
    assert.ok(saved.includes(words), `the saved text holds ${words}`);
  const draftJson = JSON.stringify(draft);
  for (const p of Object.keys(PLACES) as Place[]) {
    for (const [where, text] of [
      ['sidebar text', shown],
      ['sidebar labels', labels],
      ['draft', draftJson],
      ['markdown', markdown],
    ] as const)
      assert.ok(!text.includes(secret(p)), `${where} holds the words hidden in ${p}`);
  }
  assert.ok(!`${shown}${labels}${draftJson}${markdown}`.includes('藏在'));
  assert.deepEqual(errors, []);
  await page.close();
});

/** Documents that are not HTML: where they are, their content type and root element. */
const NOT_HTML = [
  {
    kind: 'an SVG document',
    url: () => e2e.url('drawing.svg'),
    type: /^image\/svg\+xml$/,
    root: 'svg',
  },
  // Chromium takes the feed for RSS (application/rss+xml) and, unstyled, shows it in its XML
  // viewer, which puts its own <html> root in place.
  { kind: 'an XML feed', url: () => `${xmlBase}/feed.xml`, type: /xml$/, root: null },
  {
    kind: 'an XML feed with a stylesheet',
    url: () => `${xmlBase}/styled.xml`,
    type: /xml$/,
    root: 'rss',
  },
] as const;

for (const doc of NOT_HTML) {
  test(`${doc.kind}: no error, the toggle answers, the tab stays usable`, async () => {
    const url = doc.url();
    const { page, errors } = await open(url);
    const shape = () =>
      page.evaluate(() => ({
        type: document.contentType,
        root: document.documentElement.localName,
      }));
    const first = await shape();
    assert.match(first.type, doc.type);
    if (doc.root) assert.equal(first.root, doc.root);
    const before = workerErrors.length;
    await page.waitForTimeout(1500); // the content script's check and report
    const tabId = await frontTabId();
    // Each toggle answers. Where the root stays SVG or XML, it says the sidebar cannot be
    // shown there (it would not render) instead of claiming it opened; Chromium's XML
    // viewer makes an HTML page of a plain feed, where the sidebar opens.
    for (let i = 0; i < 3; i++) {
      const reply = (await toggle(tabId)) as { ok?: boolean; error?: string };
      assert.notEqual(reply, 'no reply', 'the toggle never answered');
      if (doc.root) {
        assert.equal(reply.ok, false, JSON.stringify(reply));
        assert.match(reply.error ?? '', /HTML/);
      } else assert.equal(reply.ok, true, JSON.stringify(reply));
    }
    // Still usable: scripts run, the document is as it was, a reload works.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    assert.deepEqual(await shape(), first);
    await page.reload();
    assert.deepEqual(await shape(), first);
    await page.waitForTimeout(1000);
    assert.deepEqual(errors, []);
    assert.deepEqual(workerErrors.slice(before), []);
    await page.close();
  });
}

test('a page that took the custom element names and refuses definitions: sidebar and toolbar work', async () => {
  const { page, tabId, errors } = await openEssay('taken.html');
  assert.deepEqual(await toggle(tabId), OPENED);
  await items(page).first().waitFor({ timeout: 10_000 });
  assert.equal(await items(page).count(), 12);

  await selectWords(page, '群众满意不满意', { scroll: true });
  await closedUi(page, 'toolbar').locator('.toolbar[data-mode="new"]').waitFor({ timeout: 10_000 });

  const seen = await page.evaluate(() => {
    const w = window as unknown as { __constructed: string[]; __refused: string[] };
    return { constructed: w.__constructed, refused: w.__refused };
  });
  assert.deepEqual(seen, { constructed: [], refused: [] }, 'nothing of ours reached the page');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page that removes our elements from <html>: the toggle brings the sidebar back', async () => {
  const { page, tabId, errors } = await openEssay('removed.html');
  const removed = () =>
    page.evaluate(() => (window as unknown as { __removed: string[] }).__removed.length);

  // The page takes the sidebar away the moment it appears.
  assert.deepEqual(await toggle(tabId), OPENED);
  await page.waitForFunction(() => (window as unknown as { __removed: string[] }).__removed.length);
  assert.equal(await closedUi(page, 'sidebar').count(), 0);
  // And the toolbar.
  await selectWords(page, '群众满意不满意', { scroll: true });
  await page.waitForFunction(
    () => (window as unknown as { __removed: string[] }).__removed.length >= 2,
  );
  assert.equal(await closedUi(page, 'toolbar').count(), 0);

  // Its script stops; the reader asks again and sees the sidebar.
  await page.evaluate(() =>
    (window as unknown as { __removing(on: boolean): void }).__removing(false),
  );
  assert.deepEqual(await toggle(tabId), OPENED, 'the next toggle reopens the sidebar');
  await items(page).first().waitFor({ timeout: 10_000 });
  assert.equal(await items(page).count(), 12);
  // A new selection brings the toolbar again.
  await selectWords(page, '居民议事会定期召开', { scroll: true });
  await closedUi(page, 'toolbar').locator('.toolbar[data-mode="new"]').waitFor({ timeout: 5000 });

  // The page removes again: the toggle still answers (closing, then opening what is removed).
  await page.evaluate(() =>
    (window as unknown as { __removing(on: boolean): void }).__removing(true),
  );
  const before = await removed();
  assert.deepEqual(await toggle(tabId), CLOSED);
  assert.deepEqual(await toggle(tabId), OPENED);
  await page.waitForFunction(
    (n) => (window as unknown as { __removed: string[] }).__removed.length > n,
    before,
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('50,000 short paragraphs: the page is outlined in slices, and the sidebar lists at most 500 points and says how many more', async () => {
  const { page, tabId, errors } = await openEssay('huge.html', LONG_TASKS);
  assert.equal(await page.locator('p').count(), PARAGRAPHS);
  await page.waitForTimeout(1000); // past the content script's start-up work
  const from = await page.evaluate(() => performance.now());
  const started = Date.now();
  // The toggle answers once the sidebar shows the outline (it says 正在分析 until then).
  assert.deepEqual(await toggle(tabId, 60_000), OPENED);
  const openMs = Date.now() - started;
  // The open is over: read the page's clock before the test's own reading of the sidebar
  // (CDP serialising 50,000 nodes holds the page for a second or two).
  const to = await page.evaluate(() => performance.now());
  const more = closedUi(page, 'sidebar').locator('li.more-points');
  await more.waitFor({ timeout: 60_000 });

  const points = await closedUi(page, 'sidebar').locator('li.node').count();
  assert.ok(points > 0 && points <= 500, `${points} points listed`);
  const moreCount = Number(await more.getAttribute('data-more'));
  assert.ok(moreCount > 0, `${moreCount} more`);
  assert.match((await more.textContent()) ?? '', new RegExp(String(moreCount)));

  await page.waitForTimeout(2000); // the entries reach the observers a little later
  const seen = await page.evaluate(() => {
    type Entry = { start: number; duration: number };
    const w = window as unknown as { __longTasks: Entry[]; __loaf: Entry[]; __gaps: Entry[] };
    const marks = Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('gangmu:'))
        .map((m) => [m.name, m.startTime]),
    );
    return {
      longTasks: w.__longTasks,
      loaf: w.__loaf,
      gaps: w.__gaps,
      open: marks['gangmu:open'] ?? NaN,
      outlined: marks['gangmu:outlined'] ?? NaN,
      rendered: marks['gangmu:rendered'] ?? NaN,
    };
  });
  type Span = { start: number; duration: number };
  const during = (list: Span[]) =>
    list.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration);
  const longest = (list: Span[]) => Math.round(Math.max(0, ...during(list)));
  // Total blocking time: what the long tasks held the page past 50 ms each.
  const blocking = Math.round(
    during(seen.longTasks).reduce((sum, d) => sum + Math.max(0, d - 50), 0),
  );
  const openedIn = Math.round(seen.outlined - seen.open);
  console.log(
    `[hostile] 50,000 paragraphs: ${points} points listed, ${moreCount} more; ` +
      `toggle sent → answered: ${openMs} ms; gangmu:open → outlined ${openedIn} ms, → rendered ${Math.round(seen.rendered - seen.open)} ms; ` +
      `long tasks during the open: ${during(seen.longTasks).length}, longest ${longest(seen.longTasks)} ms, blocking ${blocking} ms; ` +
      `long-animation-frame ${longest(seen.loaf)} ms, timer gap ${longest(seen.gaps)} ms`,
  );
  // Before the slicing, the open was one task of the whole outline (1.4–2.4 s here): all
  // of it blocking. Now the page gets its turn every slice; what long tasks remain (a
  // collection of garbage, the render of 500 points, on a loaded machine) hold it for a
  // small share of the open.
  assert.ok(openedIn > 0, 'the open was marked');
  assert.ok(
    blocking <= 0.1 * openedIn,
    `the long tasks held the page ${blocking} ms of a ${openedIn} ms open`,
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('no service worker errors', () => {
  assert.deepEqual(workerErrors, []);
});
