/**
 * End-to-end test of two tabs saving highlights at the same moment, in
 * Chromium with the built extension: each tab selects words and both press a
 * colour in the selection toolbar together (two mouse clicks in one Promise.all),
 * several rounds in a row — first with the same article in both tabs, then
 * with two different articles (one not in the library yet, so its article is
 * created by the race). Afterwards the background's rows (asked for from the
 * library page) hold every highlight once, none overwritten; the article rows
 * keep their title, outline and tags; the library lists the counts; and after
 * a reload each tab paints all of its article's highlights.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { htmlPage, popupPath, selectWords, useExtension } from './support.ts';
import { closedUi } from './closed-ui.ts';

/** The service worker's and extension pages' Chrome API, as used here. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const ROUNDS = 4;

/**
 * An essay whose every lead point ends in a sentence of its own (`said(k)`),
 * so each round highlights words found once on the page.
 */
function essay(title: string, topic: string, said: (k: number) => string): string {
  const point = (k: number, lead: string) =>
    `<p><strong>${lead}${topic}的第${k + 1}项举措要抓实。</strong>${said(k)}各地要结合实际细化落实，防止层层加码、推诿扯皮，确保政策红利真正惠及群众。</p>`;
  const leads = ['一是', '二是', '三是', '四是', '五是'];
  const section = (n: string, from: number) =>
    `<h3>${n}、${topic}的第${n}方面任务</h3><p>实践证明，${topic}既需要顶层设计的引领，也离不开基层的首创精神。只有把资源、服务、管理放到基层，才能把问题解决在萌芽状态。</p>
${leads.map((lead, i) => point(from + i, lead)).join('\n')}`;
  return htmlPage(
    title,
    `<article>
<h1>${title}</h1>
<p>作者：宋启明</p>
<p>${topic}是国家治理的重要环节，直接关系群众的获得感、幸福感、安全感。近年来各地在这方面投入甚多，但一些问题仍时有出现，需要认真研究解决。群众满意不满意，是衡量工作成效的根本标准。</p>
${section('一', 0)}
${section('二', 5)}
${section('三', 10)}
<p>总之，做好${topic}是一项长期任务，必须久久为功。</p>
</article>`,
  );
}

/** The k-th sentence of essay A / B (each unique on its page). */
const saidA = (k: number) => `甲文第${k + 1}句：把第${k + 1}项责任清单落到每一个网格。`;
const saidB = (k: number) => `乙文第${k + 1}句：让第${k + 1}类办事事项实现一次办好。`;
const TITLE_A = '以网格化管理提升社区治理效能';
const TITLE_B = '深化政务服务改革优化营商环境';
const TAG = '精读';

const e2e = useExtension({
  name: 'concurrent',
  pages: {
    'a.html': essay(TITLE_A, '社区治理', saidA),
    'b.html': essay(TITLE_B, '政务服务', saidB),
  },
});

let library: Page;
/** The article row of A as it was before the race (title, outline, tags). */
let rowBefore: { title: string; outline: unknown; tags: string[]; savedAt: string };

type Row = {
  id: string;
  articleId: string;
  color: string;
  selectors: { kind: string; exact?: string }[];
};
type ArticleReply = {
  ok: boolean;
  value: {
    article: {
      title: string;
      outline: unknown;
      tags: string[];
      url: string;
      savedAt: string;
    } | null;
    highlights: Row[];
  };
};

/** A library request, sent from the library page as the library itself does. */
const ask = <T>(message: unknown): Promise<T> =>
  library.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;

/** The article id of a page: the library's row for its title. */
async function articleIdOf(title: string): Promise<string> {
  const reply = await ask<{ ok: boolean; value: { id: string; title: string }[] }>({
    type: 'list-articles',
  });
  const row = reply.value.find((a) => a.title === title);
  assert.ok(row, `${title} not listed: ${JSON.stringify(reply)}`);
  return row.id;
}

const quoteOf = (h: Row) => h.selectors.find((s) => s.kind === 'quote')?.exact ?? '';

/** Selects `words` in `tab` (scrolled to them, as a reader would) and waits for the toolbar to offer colours. */
async function select(tab: Page, words: string): Promise<void> {
  // The content script has checked the page (its restore mark follows the check): a
  // selection now gets the toolbar. (Waiting for the tab's status would not do: the other
  // tab has the same URL.)
  await tab.waitForFunction(
    () => performance.getEntriesByName('gangmu:restore-start').length > 0,
    null,
    { timeout: 15_000, polling: 100 },
  );
  // The keys that end the selection go to the tab in front, as a reader's do.
  await tab.bringToFront();
  await selectWords(tab, words, { scroll: true });
  await closedUi(tab, 'toolbar').locator('.toolbar[data-mode="new"]').waitFor({ timeout: 10_000 });
}

/** The centre of `color`'s button in the tab's toolbar (shown by {@link select}). */
async function colorButton(tab: Page, color: string): Promise<{ x: number; y: number }> {
  const button = closedUi(tab, 'toolbar').locator(`button.color[data-color="${color}"]`);
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  const box = await button.boundingBox();
  assert.ok(box, `no ${color} button`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Resolves once the tab's toolbar shows the highlight as stored by the background. */
const stored = (tab: Page) =>
  closedUi(tab, 'toolbar').locator('.toolbar[data-mode="existing"]').waitFor({ timeout: 15_000 });

/**
 * `rounds` times: both tabs select their words, then both click a colour
 * together. The clicks are real mouse input at the buttons' places, found
 * beforehand: Playwright's `locator.click()` waits for the element to be
 * stable over animation frames, which a tab not in front delays by about two
 * seconds, so two such clicks in Promise.all did not land together (measured
 * 2 s apart); these land within a few milliseconds (measured 0–9 ms).
 */
async function race(
  one: { tab: Page; words: (i: number) => string; color: string },
  two: { tab: Page; words: (i: number) => string; color: string },
  rounds: number,
): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await select(one.tab, one.words(i));
    await select(two.tab, two.words(i));
    const at1 = await colorButton(one.tab, one.color);
    const at2 = await colorButton(two.tab, two.color);
    await Promise.all([one.tab.mouse.click(at1.x, at1.y), two.tab.mouse.click(at2.x, at2.y)]);
    await Promise.all([stored(one.tab), stored(two.tab)]);
  }
}

/** The texts painted in a tab (every Gangmu colour), sorted. */
function paintedTexts(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const out: string[] = [];
    for (const [name, hl] of reg) {
      if (name.startsWith('gangmu-')) for (const r of hl) out.push(r.toString());
    }
    return out.sort();
  });
}

/** Waits until a tab paints `want` (sorted texts). */
async function paints(tab: Page, want: string[]): Promise<void> {
  await tab.waitForFunction(
    (n) => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      let count = 0;
      for (const [name, hl] of reg) if (name.startsWith('gangmu-')) count += hl.size;
      return count >= n;
    },
    want.length,
    { timeout: 15_000, polling: 100 },
  );
  assert.deepEqual(await paintedTexts(tab), want);
}

/** Reloads a tab and waits until it paints `want` (sorted texts). */
async function paintsAfterReload(tab: Page, want: string[]): Promise<void> {
  await tab.reload();
  await paints(tab, want);
}

/** Words highlighted in A by tab 1 / tab 2 in the first race, and in A / B in the second. */
const a1 = (i: number) => saidA(i).slice(4);
const a2 = (i: number) => saidA(i + ROUNDS).slice(4);
const a3 = (i: number) => saidA(i + 2 * ROUNDS).slice(4);
const b1 = (i: number) => saidB(i).slice(4);

const a1s = new Set([...Array(ROUNDS).keys()].map(a1));
const a2s = new Set([...Array(ROUNDS).keys()].map(a2));

let tab1: Page;
let tab2: Page;

test('A is saved with a tag; both tabs open it', { timeout: 90_000 }, async () => {
  assert.ok(3 * ROUNDS <= 15, 'essay A has fifteen unique sentences');
  const first = await e2e.openTab('a.html');
  tab1 = first.page;
  const popup = await e2e.openExtensionPage(popupPath(first.tabId), e2e.pageErrors);
  await popup.locator('.tab-status .count[data-essay="true"]').waitFor({ timeout: 10_000 });
  await popup.locator('button.save').click();
  await popup.locator('.saved-badge').waitFor({ timeout: 10_000 });
  await popup.close();

  library = await e2e.openExtensionPage('library.html', e2e.pageErrors);
  await library.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  await library.locator('.library-list .article a', { hasText: TITLE_A }).click();
  const tags = library.locator('.tags-input');
  await tags.fill(TAG);
  await tags.press('Enter');
  await library.locator('.tags-status[role="status"]').waitFor({ timeout: 10_000 });
  const before = await ask<ArticleReply>({
    type: 'get-article',
    articleId: await articleIdOf(TITLE_A),
  });
  assert.ok(before.value.article);
  assert.deepEqual(before.value.article.tags, [TAG]);
  rowBefore = before.value.article;

  tab2 = (await e2e.openTab('a.html')).page;
});

test(
  'the same article in two tabs: both highlight together, round after round',
  { timeout: 120_000 },
  async () => {
    await race(
      { tab: tab1, words: a1, color: 'yellow' },
      { tab: tab2, words: a2, color: 'green' },
      ROUNDS,
    );
  },
);

test(
  'two articles in two tabs (B not saved yet): both highlight together',
  { timeout: 120_000 },
  async () => {
    await tab2.goto(e2e.url('b.html'));
    await race(
      { tab: tab1, words: a3, color: 'blue' },
      { tab: tab2, words: b1, color: 'pink' },
      ROUNDS,
    );
  },
);

test('every highlight is stored once, none overwritten; the article rows are intact', async () => {
  const idA = await articleIdOf(TITLE_A);
  const idB = await articleIdOf(TITLE_B);
  const a = await ask<ArticleReply>({ type: 'get-article', articleId: idA });
  const b = await ask<ArticleReply>({ type: 'get-article', articleId: idB });

  const wantA = [...Array(ROUNDS).keys()].flatMap((i) => [a1(i), a2(i), a3(i)]).sort();
  const wantB = [...Array(ROUNDS).keys()].map(b1).sort();
  assert.deepEqual(a.value.highlights.map(quoteOf).sort(), wantA);
  assert.deepEqual(b.value.highlights.map(quoteOf).sort(), wantB);
  const ids = [...a.value.highlights, ...b.value.highlights].map((h) => h.id);
  assert.equal(new Set(ids).size, ids.length, 'every highlight has its own id');
  // Each kept the colour its tab gave it (no row was written over by the other tab's).
  for (const h of a.value.highlights) {
    const q = quoteOf(h);
    const want = a1s.has(q) ? 'yellow' : a2s.has(q) ? 'green' : 'blue';
    assert.equal(h.color, want, q);
    assert.equal(h.articleId, idA);
  }
  for (const h of b.value.highlights) assert.equal(h.color, 'pink');

  // A's row: title, outline and the reader's tag as before the race.
  assert.ok(a.value.article);
  assert.equal(a.value.article.title, rowBefore.title);
  assert.deepEqual(a.value.article.outline, rowBefore.outline);
  assert.deepEqual(a.value.article.tags, [TAG]);
  assert.equal(a.value.article.savedAt, rowBefore.savedAt);
  // B's row was created by its first highlight, from the page.
  assert.ok(b.value.article);
  assert.equal(b.value.article.title, TITLE_B);
  assert.equal(b.value.article.url, e2e.url('b.html'));
  assert.ok(
    JSON.stringify(b.value.article.outline).includes('政务服务的第1项举措要抓实'),
    'B has its outline',
  );

  // The library page lists both with their counts.
  await library.reload();
  await library.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  const list = await ask<{ value: { id: string; highlights: number; tags: string[] }[] }>({
    type: 'list-articles',
  });
  const count = (id: string) => list.value.find((r) => r.id === id);
  assert.equal(count(idA)?.highlights, 3 * ROUNDS);
  assert.deepEqual(count(idA)?.tags, [TAG]);
  assert.equal(count(idB)?.highlights, ROUNDS);
  await library.locator(`.library-list .article[data-id="${idA}"]`).waitFor({ timeout: 10_000 });
});

test("after a reload each tab shows all its article's highlights", async () => {
  const wantA = [...Array(ROUNDS).keys()].flatMap((i) => [a1(i), a2(i), a3(i)]).sort();
  const wantB = [...Array(ROUNDS).keys()].map(b1).sort();
  await paintsAfterReload(tab1, wantA);
  await paintsAfterReload(tab2, wantB);
  // And A in a tab of its own, as tab 2 had it during the first race.
  const again = await e2e.openTab('a.html');
  await paints(again.page, wantA);
  assert.deepEqual(e2e.pageErrors, []);
});
