/**
 * End-to-end test of the library page in the built Chrome extension: two
 * essays saved through the popup; a Chinese search finds the right one with
 * the match marked in its snippet, and an input method's unfinished letters
 * are not searched for; a tag added in the article view filters
 * the list; the keyboard opens and leaves an article; "export all" downloads
 * a zip whose files (index.md + one Markdown per article) are checked by
 * unzipping it here; a backup survives deleting everything and restores the
 * same list, while a foreign file is refused and changes nothing; delete is
 * undone from the toast; a long restore and backup say how far they have
 * come.
 *
 * Run: npm run test:e2e (builds .output/chrome-mv3 first when missing).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { SAMPLE_DIR } from '../../scripts/harness.mjs';
import { READ_FALLBACK } from '../../pages/library/library-actions.ts';
import { serializeBackup } from '../../lib/backup/index.ts';
import { syntheticLibrary } from '../../bench/library/synthetic-library.ts';
import { htmlPage, popupPath, useExtension } from './support.ts';

const SECOND_TITLE = '以党建引领推进基层治理现代化';
const SECOND = htmlPage(
  SECOND_TITLE,
  `<article>
<h1>${SECOND_TITLE}</h1>
<p>作者：林知远</p>
<p>基层是国家治理的基石，基层治理水平直接关系群众的获得感。近年来各地在网格化管理上投入甚多，但办事绕路的问题仍时有出现。社区是城市治理的末梢，也是群众感受治理温度的第一现场。问题的症结在于，治理重心虽已下移，治理能力却未能同步下沉。群众满意不满意，是衡量基层工作成效的根本标准。</p>
<h3>一、坚持党建引领，筑牢基层治理根基</h3><p>实践证明，哪里的群众工作扎实，哪里的矛盾纠纷就少，这既需要顶层设计的引领，也离不开基层的首创精神。</p>
<p><strong>一是坚持党的全面领导，切实把党的领导贯穿基层治理全过程各方面。</strong>社区党组织要把居民议事会、物业服务企业和驻区单位团结起来，形成共建共治的格局，让群众的小事有人管、难事有人帮。</p>
<p><strong>二是健全议事协商机制，凡涉及群众切身利益的事项都要商量着办。</strong>居民议事会定期召开，大事小情由大家商量，协商结果向全体居民公开，接受群众监督。</p>
<h3>二、坚持系统观念，织密基层治理网络</h3><p>数字平台建起来了，数据却分散在不同部门，难以形成合力。只有把资源、服务、管理放到基层，才能把问题解决在萌芽状态。</p>
<p><strong>一是理顺条块关系，明确街道和部门的权责清单。</strong>一些地方习惯于以会议落实会议，以文件落实文件，实效打了折扣，需要从制度上加以纠正。</p>
<p><strong>二是强化数据共享，打通部门之间的信息壁垒。</strong>基层干部普遍反映，同一项数据要向多个平台重复填报，留给走访群众的时间越来越少。</p>
<p>在一些老旧小区，加装电梯、停车难等诉求长期得不到回应，群众意见较大。居民议事会定期召开，大事小情由大家商量着办，这样的做法值得总结推广。考核名目繁多，留给走访群众的时间越来越少，这也是基层干部反映最集中的问题之一。新修订的条例明确了街道、社区的职责边界，也为基层减负提供了依据，各地正在抓紧制定配套措施。</p>
<h3>三、坚持改革创新，激发基层治理活力</h3><p>创新不是另起炉灶，而是在总结经验的基础上把行之有效的做法固定下来，形成制度。要鼓励基层大胆探索，允许试错，宽容失误，让干部敢于担当、善于作为。</p>
<p><strong>一是完善激励机制，让担当者有舞台。</strong>对在基层一线表现突出的干部要优先使用，树立重实干、重实绩的鲜明导向。</p>
<p><strong>二是推动减负增效，让基层有更多时间抓落实。</strong>精简会议文件，规范督查检查考核，把基层干部从繁琐事务中解脱出来。</p>
<p>总之，推进基层治理现代化是一项长期任务，必须久久为功。</p>
</article>`,
);

const e2e = useExtension({
  name: 'library',
  pages: {
    'essay.html': await readFile(join(SAMPLE_DIR, 'essay.html'), 'utf8'),
    'second.html': SECOND,
  },
});
let library: Page;
/** Bulk reads that could not open the database in the page (pages/library/library-actions.ts). */
const fallbacks: string[] = [];

async function saveThroughPopup(name: string): Promise<void> {
  const { tabId, page } = await e2e.openTab(name);
  const popup = await e2e.openExtensionPage(popupPath(tabId), e2e.pageErrors);
  await popup
    .locator('.tab-status .count[data-essay="true"]')
    .waitFor({ timeout: 10_000 })
    .catch(async (err: unknown) => {
      throw new Error(`${name}: ${await popup.locator('main').textContent()}`, { cause: err });
    });
  await popup.locator('button.save').click();
  await popup.locator('.saved-badge').waitFor({ timeout: 10_000 });
  await popup.close();
  await page.close();
}

async function openLibrary(): Promise<Page> {
  const page = await e2e.openExtensionPage('library.html', e2e.pageErrors);
  await page.locator('.library[data-state="ready"]').waitFor({ timeout: 10_000 });
  return page;
}

/** The titles listed, once the list shows `count` rows. */
async function titles(count: number): Promise<string[]> {
  const rows = library.locator('.library-list .article');
  await library.waitForFunction(
    (n) => document.querySelectorAll('.library-list .article').length === n,
    count,
    { timeout: 10_000 },
  );
  return rows.locator('a').allTextContents();
}

async function openArticle(title: RegExp): Promise<void> {
  await library.locator('.article a', { hasText: title }).click();
  await library.locator('.article-view h2').waitFor({ timeout: 10_000 });
}

async function downloadOf(click: () => Promise<void>) {
  const [download] = await Promise.all([
    library.waitForEvent('download', { timeout: 15_000 }),
    click(),
  ]);
  return { name: download.suggestedFilename(), path: await download.path() };
}

test('two essays saved through the popup are listed', { timeout: 60_000 }, async () => {
  await saveThroughPopup('essay.html');
  await saveThroughPopup('second.html');
  library = await openLibrary();
  library.on('console', (m) => {
    if (m.text().startsWith(READ_FALLBACK)) fallbacks.push(m.text());
  });
  const listed = await titles(2);
  assert.ok(listed.some((t) => /绣花功夫/.test(t)));
  assert.ok(listed.includes(SECOND_TITLE));
  assert.equal(await library.locator('.article .meta').count(), 2);
});

test('a Chinese search finds the right essay and marks the match', async () => {
  await library.locator('input.search').fill('信息壁垒');
  const result = library.locator('.results .result');
  await result.first().waitFor({ timeout: 10_000 });
  assert.equal(await result.count(), 1);
  assert.equal(await result.locator('.result-title').textContent(), SECOND_TITLE);
  const marks = await result.locator('.hit mark').allTextContents();
  assert.ok(marks.includes('信息壁垒'), `marks: ${marks.join('|')}`);
  assert.match(
    (await result.locator('.hit').first().textContent()) ?? '',
    /打通部门之间的信息壁垒/,
  );
  // Esc clears the search and brings the list back.
  await library.keyboard.press('Escape');
  await titles(2);
});

test('with an input method, the letters being composed are not searched; the committed word is', async () => {
  const box = library.locator('input.search');
  await box.focus();
  const ime = await library.context().newCDPSession(library);
  try {
    // 拼音 for 信息: the box shows the letters while the reader picks a candidate,
    // longer than the search box's quiet time (250 ms).
    await ime.send('Input.imeSetComposition', {
      text: "xin'xi",
      selectionStart: 6,
      selectionEnd: 6,
    });
    await library.waitForTimeout(600);
    assert.equal(await box.inputValue(), "xin'xi");
    assert.equal(await library.locator('.searching, .search-none, .results').count(), 0);
    assert.equal(await library.locator('.library-list .article').count(), 2);
    // Committed: searched for, and found.
    await ime.send('Input.insertText', { text: '信息壁垒' });
    const result = library.locator('.results .result');
    await result.first().waitFor({ timeout: 10_000 });
    assert.equal(await result.count(), 1);
    assert.equal(await result.locator('.result-title').textContent(), SECOND_TITLE);
  } finally {
    await ime.detach();
  }
  await library.keyboard.press('Escape');
  await titles(2);
});

test('a tag added in the article view filters the list', async () => {
  await openArticle(/绣花功夫/);
  const tags = library.locator('.tags-input');
  await tags.fill('精读，社区');
  await tags.press('Enter');
  await library.locator('.tags-status[role="status"]').waitFor({ timeout: 10_000 });
  await library.keyboard.press('Escape'); // leaves the tags field's focus: Esc goes back
  await library.locator('.library[data-view="list"]').waitFor({ timeout: 10_000 });
  await library.locator('.article .tag', { hasText: '精读' }).waitFor({ timeout: 10_000 });

  await library.locator('.filters .filter-tag select').selectOption('精读');
  const [only] = await titles(1);
  assert.match(only ?? '', /绣花功夫/);
  await library.locator('.filters .clear').click();
  await titles(2);
});

test('the keyboard: / focuses the search, ↓ and Enter open, Esc goes back', async () => {
  await library.locator('h1').click();
  await library.keyboard.press('/');
  assert.equal(await library.evaluate(() => document.activeElement?.className), 'search');
  await library.locator('h1').click();
  const ids = await library
    .locator('.article')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  const focused = () => library.evaluate(() => document.activeElement?.getAttribute('data-id'));
  await library.keyboard.press('ArrowDown');
  const at = ids.indexOf((await focused()) ?? '');
  assert.ok(at >= 0, 'a row has the focus');
  await library.keyboard.press(at === 0 ? 'ArrowDown' : 'ArrowUp');
  const first = ids[at === 0 ? 1 : at - 1]!;
  assert.equal(await focused(), first);
  await library.keyboard.press('Enter');
  await library.locator(`.article-view[data-id="${first}"]`).waitFor({ timeout: 10_000 });
  await library.keyboard.press('Escape');
  await titles(2);
});

test('export all downloads a zip of index.md and one Markdown file per article', async () => {
  const { name, path } = await downloadOf(() => library.locator('button.export-all').click());
  assert.match(name, /^gangmu-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(path)));
  const names = Object.keys(files);
  assert.equal(names.length, 3, names.join(', '));
  assert.equal(names[0], 'index.md');
  assert.ok(names.includes(`${SECOND_TITLE}.md`), names.join(', '));
  const index = strFromU8(files['index.md']!);
  assert.match(index, /绣花功夫/);
  assert.match(index, new RegExp(SECOND_TITLE));
  const second = strFromU8(files[`${SECOND_TITLE}.md`]!);
  assert.match(second, /^---\ntitle: "以党建引领推进基层治理现代化"/);
  assert.match(second, /- 一是 坚持党的全面领导/);
  const essay = strFromU8(files[names.find((n) => /绣花功夫/.test(n))!]!);
  assert.match(essay, /tags: \["精读", "社区"\]/);
  await library.locator('.notice[data-tone="info"]').waitFor({ timeout: 10_000 });
});

test('export selected zips only the ticked articles', async () => {
  const tick = library.locator('.article', { hasText: SECOND_TITLE }).locator('input.select');
  await tick.check();
  const { path } = await downloadOf(() => library.locator('button.export-selected').click());
  const names = Object.keys(unzipSync(new Uint8Array(await readFile(path))));
  assert.deepEqual(names, ['index.md', `${SECOND_TITLE}.md`]);
  await tick.uncheck();
});

test(
  'backup, delete everything, restore: the same list; a foreign file changes nothing',
  {
    timeout: 60_000,
  },
  async () => {
    const before = await titles(2);
    const backup = await downloadOf(() => library.locator('button.backup').click());
    assert.match(backup.name, /^gangmu-backup-.*\.json$/);
    const text = await readFile(backup.path, 'utf8');
    assert.equal(JSON.parse(text).format, 'gangmu-backup');
    // The export and the backup read the database in the page, not through messages.
    assert.deepEqual(fallbacks, []);

    for (const title of before) {
      await openArticle(new RegExp(title.slice(0, 6)));
      await library.locator('.article-view .delete').click();
      await library.locator('.toast').waitFor({ timeout: 10_000 });
    }
    await library.locator('.library-list .empty').waitFor({ timeout: 10_000 });

    const fileInput = library.locator('.restore-file input[type="file"]');
    await fileInput.setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":"world"}'),
    });
    const refused = library.locator('.notice[role="alert"]');
    await refused.waitFor({ timeout: 10_000 });
    assert.match((await refused.textContent()) ?? '', /other\.json/);
    await library.locator('.library-list .empty').waitFor({ timeout: 10_000 });

    await library.locator('select.restore-mode').selectOption('merge');
    await fileInput.setInputFiles(backup.path);
    const done = library.locator('.notice[data-tone="info"]');
    await done.waitFor({ timeout: 10_000 });
    assert.match((await done.textContent()) ?? '', /2/);
    assert.deepEqual(await titles(2), before);
    await library.locator('.article .tag', { hasText: '精读' }).waitFor({ timeout: 10_000 });

    // A replace (written as the file is read): the library becomes exactly the file's,
    // first a file of one of the two articles, then the whole backup again.
    const file = JSON.parse(text) as {
      articles: { id: string; title: string }[];
      highlights: { articleId: string }[];
    };
    const kept = file.articles.filter((a) => a.title === before[1]);
    const one = {
      ...file,
      articles: kept,
      highlights: file.highlights.filter((h) => h.articleId === kept[0]!.id),
    };
    await library.locator('select.restore-mode').selectOption('replace');
    library.once('dialog', (d) => void d.accept());
    await fileInput.setInputFiles({
      name: 'one.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(one, null, 2)),
    });
    assert.deepEqual(await titles(1), [before[1]]);
    library.once('dialog', (d) => void d.accept());
    await fileInput.setInputFiles(backup.path);
    assert.deepEqual(await titles(2), before);
    await library.locator('.article .tag', { hasText: '精读' }).waitFor({ timeout: 10_000 });
  },
);

test('a delete is undone from the toast', async () => {
  const before = await titles(2);
  await openArticle(new RegExp(SECOND_TITLE));
  await library.locator('.article-view .delete').click();
  await titles(1);
  await library.locator('.toast button.undo').click();
  assert.deepEqual(await titles(2), before);
  await library.locator('.notice[data-tone="info"]').waitFor({ timeout: 10_000 });
  assert.deepEqual(e2e.pageErrors, []);
});

test(
  'a long list shows its first rows at once and every row is reachable by keyboard',
  {
    timeout: 90_000,
  },
  async () => {
    // 150 more articles, restored (merge) from a backup file through the page.
    const articles = Array.from({ length: 150 }, (_, i) => {
      const id = `https://long.example/${String(i).padStart(3, '0')}`;
      const at = new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString();
      return {
        id,
        url: id,
        site: 'long.example',
        title: `长列表文章${i}`,
        outline: {
          title: null,
          subtitle: null,
          author: null,
          affiliation: null,
          conclusion: null,
          formulations: [],
          digest: [],
          nodes: [],
        },
        tags: [],
        savedAt: at,
        updatedAt: at,
      };
    });
    const text = JSON.stringify({
      format: 'gangmu-backup',
      version: 1,
      exportedAt: new Date().toISOString(),
      articles,
      highlights: [],
    });
    await library.locator('select.restore-mode').selectOption('merge');
    await library.locator('.restore-file input[type="file"]').setInputFiles({
      name: 'long.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await library.locator('.notice[data-tone="info"]').waitFor({ timeout: 20_000 });
    await library.waitForFunction(
      () => document.querySelector('.library-list .more') !== null,
      null,
      {
        timeout: 20_000,
      },
    );
    // Rendered in steps: not all 152 rows are in the DOM yet.
    const rendered = await library.locator('.library-list .article').count();
    assert.ok(rendered >= 60 && rendered < 152, `rendered ${rendered}`);

    // Newest first: the two essays, then 长列表文章149 … 0. ↓ from the top reaches the last one.
    await library.locator('h1').click();
    for (let i = 0; i < 152; i++) await library.keyboard.press('ArrowDown');
    await library.waitForFunction(
      () => document.activeElement?.getAttribute('data-id') === 'https://long.example/000',
      null,
      { timeout: 10_000 },
    );
    await library.keyboard.press('Enter');
    await library
      .locator('.article-view[data-id="https://long.example/000"]')
      .waitFor({ timeout: 10_000 });
    await library.keyboard.press('Escape');
    assert.deepEqual(e2e.pageErrors, []);
  },
);

test(
  'a long restore and backup say how far they have come, and end with their notice',
  {
    timeout: 120_000,
  },
  async () => {
    // A library of 1,000 essays with their texts (a file of about 25 MB): its restore
    // takes seconds, long enough for the page to ask how far it has come.
    const big = syntheticLibrary({ articles: 1000, highlights: 5000, texts: true });
    const text = serializeBackup({ articles: big.articles, highlights: big.highlights });
    await library.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __statuses: string[] }).__statuses = seen;
      new MutationObserver(() => {
        const status = document.querySelector('.actions-bar [role="status"]');
        const said = status ? `${status.getAttribute('data-kind')}: ${status.textContent}` : '';
        if (said && seen[seen.length - 1] !== said) seen.push(said);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const statuses = () =>
      library.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses.splice(0));

    await library.locator('select.restore-mode').selectOption('replace');
    library.once('dialog', (d) => void d.accept());
    await library.locator('.restore-file input[type="file"]').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const done = library.locator('.notice[data-tone="info"]', { hasText: '1000' });
    await done.waitFor({ timeout: 90_000 });
    const restoring = await statuses();
    // The file read in per cent, rising (from 0% as it starts); then, as the background
    // answers the page's asking, the writes and the search index. (How the per cent moves
    // with the bytes read is a unit test's: here a 25 MB file may be read between two asks.)
    const percents = restoring
      .filter((s) => s.startsWith('restore-read'))
      .map((s) => Number(/(\d+)%/.exec(s)?.[1] ?? NaN));
    assert.equal(percents[0], 0, restoring.join(' | '));
    assert.ok(
      percents.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= percents[i - 1]!)),
      restoring.join(' | '),
    );
    assert.ok(restoring.at(-1)?.startsWith('restore-write'), restoring.join(' | '));
    assert.equal(await library.locator('.actions-bar [role="status"]').count(), 0);
    await library.locator('.library-list .article').first().waitFor({ timeout: 10_000 });

    const backup = await downloadOf(() => library.locator('button.backup').click());
    const backingUp = await statuses();
    assert.ok(
      backingUp.some((s) => /^backup: .*\d+%/.test(s)),
      backingUp.join(' | '),
    );
    assert.equal(JSON.parse(await readFile(backup.path, 'utf8')).articles.length, 1000);
    assert.deepEqual(e2e.pageErrors, []);
  },
);
