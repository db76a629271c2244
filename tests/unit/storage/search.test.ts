import { afterEach, describe, expect, it } from 'vitest';
import type { GangmuDB } from '@/background/db/schema';
import { deleteArticle, restoreRows, saveArticle } from '@/background/storage/articles';
import { deleteHighlight, putHighlight, updateNote } from '@/background/storage/highlights';
import { SEARCH_SCAN_CAP, nextStep, search } from '@/background/storage/search';
import { ARTICLE_ID, draft, freshDb, highlight, outline, tickingClock } from './fixtures';

let db: GangmuDB;
afterEach(async () => {
  await db?.delete();
});

const OTHER = 'https://e.com/ts';

/** The text a hit shows, with its spans marked [like this]. */
const marked = (hit: { text: string; spans: Array<[number, number]> }) => {
  let out = '';
  let at = 0;
  for (const [a, b] of hit.spans) {
    out += `${hit.text.slice(at, a)}[${hit.text.slice(a, b)}]`;
    at = b;
  }
  return out + hit.text.slice(at);
};

describe('search', () => {
  it('finds 时间序列 in a title, and 默想 does not find 默认', async () => {
    db = freshDb();
    const clock = tickingClock();
    await saveArticle(db, draft(), clock);
    await saveArticle(
      db,
      draft({ id: OTHER, url: OTHER, title: '基于时间序列的财政收入预测', site: 'e.com' }),
      clock,
    );
    await putHighlight(db, { ...highlight('h1'), note: '默认设置要改' }, draft(), clock);
    const found = await search(db, '时间序列');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ articleId: OTHER, site: 'e.com' });
    expect(found[0]!.hits[0]).toMatchObject({ field: 'title' });
    expect(marked(found[0]!.hits[0]!)).toBe('基于[时间序列]的财政收入预测');
    expect(await search(db, '默想')).toEqual([]);
    const note = await search(db, '默认');
    expect(note).toMatchObject([
      { articleId: ARTICLE_ID, hits: [{ field: 'note', highlightId: 'h1' }] },
    ]);
    expect(marked(note[0]!.hits[0]!)).toBe('[默认]设置要改');
  });

  it('does not find bigrams scattered apart (时间 … 序列)', async () => {
    db = freshDb();
    await saveArticle(db, draft({ title: '时间与空间：序列' }));
    expect(await search(db, '时间序列')).toEqual([]);
    expect(await search(db, '时间')).toHaveLength(1);
  });

  it('shows where it matched: outline, author, formulation and highlight hits', async () => {
    db = freshDb();
    const o = outline();
    o.nodes[0]!.text = '坚持以人民为中心推进基层治理现代化';
    o.formulations = [{ text: '基层减负', occurrences: [] }];
    await saveArticle(db, draft({ title: '一篇文章', outline: o }));
    await putHighlight(db, highlight('h1'), draft());
    const [result] = await search(db, '基层');
    expect(result!.hits.map((h) => h.field)).toEqual(['outline', 'formulation']);
    expect(marked(result!.hits[0]!)).toBe('坚持以人民为中心推进[基层]治理现代化');
    expect((await search(db, '张三'))[0]!.hits).toMatchObject([{ field: 'author', text: '张三' }]);
    expect((await search(db, '绣花功夫'))[0]!.hits).toMatchObject([
      { field: 'highlight', highlightId: 'h1', spans: [[0, 4]] },
    ]);
  });

  it('searches the saved text: a word only in the body is found, its hit a snippet of the body', async () => {
    db = freshDb();
    const long = '基层治理要下足绣花功夫。'.repeat(40);
    const text = {
      blocks: [
        { kind: 'paragraph' as const, text: long },
        { kind: 'paragraph' as const, text: `${long}推行河湖长制，守护一江清水。${long}` },
      ],
    };
    await saveArticle(db, draft({ text }));
    await saveArticle(db, draft({ id: OTHER, url: OTHER, title: '河湖长制的由来' }));
    const found = await search(db, '河湖长制');
    expect(found.map((r) => r.articleId).sort()).toEqual([ARTICLE_ID, OTHER].sort());
    const hit = found.find((r) => r.articleId === ARTICLE_ID)!.hits;
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ field: 'body', cutBefore: true, cutAfter: true });
    expect(marked(hit[0]!)).toContain('推行[河湖长制]，守护一江清水');
    expect(hit[0]!.text.length).toBeLessThan(200);
    // Words from title and body together find the article: the title's hit first, then the body's.
    const both = await search(db, '基层治理 一江清水');
    expect(both.map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    expect(both[0]!.hits[0]!.field).toBe('title');
    expect(both[0]!.hits.some((h) => h.field === 'body')).toBe(true);
    // A word the title already shows: the body is not read for it.
    expect((await search(db, '基层治理'))[0]!.hits.map((h) => h.field)).toEqual(['title']);
    // A re-save without text keeps the body searchable; a delete takes it out.
    await saveArticle(db, draft());
    expect((await search(db, '一江清水')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    await deleteArticle(db, ARTICLE_ID);
    expect(await search(db, '一江清水')).toEqual([]);
  });

  it('shows a text the digest repeats from the outline once', async () => {
    db = freshDb();
    const o = outline();
    o.nodes[0]!.text = '坚持党建引领';
    o.digest = ['坚持党建引领', '党建引领是根本'];
    await saveArticle(db, draft({ title: '一篇文章', outline: o }));
    const [result] = await search(db, '党建引领');
    expect(result!.hits.map((h) => h.text)).toEqual(['坚持党建引领', '党建引领是根本']);
  });

  it('a note edit updates search; a deleted highlight is no longer found', async () => {
    db = freshDb();
    const clock = tickingClock();
    await putHighlight(db, { ...highlight('h1'), note: '调查研究' }, draft(), clock);
    expect(await search(db, '调查研究')).toHaveLength(1);
    await updateNote(db, ARTICLE_ID, 'h1', '乡村振兴', undefined, clock);
    expect(await search(db, '调查研究')).toEqual([]);
    expect(await search(db, '乡村振兴')).toMatchObject([{ hits: [{ field: 'note' }] }]);
    // A re-sent highlight (put-highlight as an edit) re-indexes too.
    await putHighlight(db, { ...highlight('h1'), note: '共同富裕' }, draft(), clock);
    expect(await search(db, '乡村振兴')).toEqual([]);
    expect(await search(db, '共同富裕')).toHaveLength(1);
    await deleteHighlight(db, ARTICLE_ID, 'h1');
    expect(await search(db, '共同富裕')).toEqual([]);
    expect(await search(db, '绣花')).toEqual([]);
  });

  it('a re-saved article is re-indexed; a deleted one is gone and comes back on undo', async () => {
    db = freshDb();
    await saveArticle(db, draft({ title: '数字政府建设' }));
    await saveArticle(db, draft({ title: '营商环境优化' }));
    expect(await search(db, '数字政府')).toEqual([]);
    expect(await search(db, '营商环境')).toHaveLength(1);
    await putHighlight(db, highlight('h1'), draft());
    const deleted = await deleteArticle(db, ARTICLE_ID);
    expect(await search(db, '营商环境')).toEqual([]);
    expect(await search(db, '绣花')).toEqual([]);
    await restoreRows(db, deleted!);
    expect(await search(db, '营商环境')).toHaveLength(1);
    expect(await search(db, '绣花')).toHaveLength(1);
  });

  it('ANDs the query words, Latin case- and width-blind', async () => {
    db = freshDb();
    await saveArticle(db, draft({ title: '５Ｇ 网络与基层治理' }));
    expect(await search(db, '5g 治理')).toHaveLength(1);
    expect(await search(db, '5G 教育')).toEqual([]);
    expect(await search(db, '')).toEqual([]);
    expect(await search(db, '，。')).toEqual([]);
  });

  it('finds the query words in different fields of one article: title, outline, highlights, notes', async () => {
    db = freshDb();
    const clock = tickingClock();
    const o = outline();
    o.nodes[0]!.text = '优化营商环境';
    await saveArticle(db, draft({ title: '数字政府建设', outline: o }), clock);
    await putHighlight(db, { ...highlight('h1'), note: '调查研究' }, draft(), clock);
    await saveArticle(db, draft({ id: OTHER, url: OTHER, title: '调查研究的方法' }), clock);
    for (const fullRankMax of [100, 0]) {
      const found = await search(db, '营商环境 调查研究 数字政府', 10, { fullRankMax });
      expect(found.map((r) => r.articleId)).toEqual([ARTICLE_ID]);
      expect(found[0]!.hits.map((h) => [h.field, h.highlightId])).toEqual([
        ['title', undefined],
        ['outline', undefined],
        ['note', 'h1'],
      ]);
      // A word of the query found nowhere in the article: not found.
      expect(await search(db, '营商环境 乡村振兴', 10, { fullRankMax })).toEqual([]);
    }
    // One word split between two fields is not found: 时间 in a title, 序列 in a note.
    await saveArticle(db, draft({ id: 'https://t/', url: 'https://t/', title: '时间管理' }), clock);
    await putHighlight(
      db,
      { ...highlight('h2', 'https://t/'), note: '序列分析' },
      draft({ id: 'https://t/', url: 'https://t/', title: '时间管理' }),
      clock,
    );
    expect(await search(db, '时间 序列')).toMatchObject([{ articleId: 'https://t/' }]);
    expect(await search(db, '时间序列')).toEqual([]);
  });

  it('answers a lone character by a bounded scan', async () => {
    db = freshDb();
    await saveArticle(db, draft());
    const [r] = await search(db, '治');
    expect(r!.hits[0]).toMatchObject({ field: 'title', spans: [[3, 4]] });
    expect(await search(db, '默')).toEqual([]);
    expect(SEARCH_SCAN_CAP).toBeGreaterThan(0);
  });

  it('a lone character scans the most recently saved first (an edit keeps its place)', async () => {
    db = freshDb();
    const clock = tickingClock();
    const ids = ['a', 'b', 'c'].map((k) => `https://e.com/${k}`);
    for (const id of ids) await saveArticle(db, draft({ id, url: id }), clock);
    expect((await search(db, '治', 1)).map((r) => r.articleId)).toEqual([ids[2]]);
    await saveArticle(db, draft({ id: ids[0], url: ids[0], title: '再论基层治理' }), clock);
    expect((await search(db, '治', 1)).map((r) => r.articleId)).toEqual([ids[2]]);
    expect((await search(db, '治', 3)).map((r) => r.articleId).sort()).toEqual(ids);
  });

  it('a lone character scans past the gaps deleted articles leave in the docs', async () => {
    db = freshDb();
    const clock = tickingClock();
    const ids = Array.from({ length: 40 }, (_, k) => `https://e.com/${String(k).padStart(2, '0')}`);
    for (const id of ids) await saveArticle(db, draft({ id, url: id }), clock);
    // Keep docs 1, 2 and 40: a limit of 1 reads a range of one doc, then twice as many each time.
    for (const id of ids.slice(2, 39)) await deleteArticle(db, id);
    expect((await search(db, '治', 3)).map((r) => r.articleId)).toEqual([ids[39], ids[1], ids[0]]);
    expect((await search(db, '治', 1)).map((r) => r.articleId)).toEqual([ids[39]]);
    expect((await search(db, '治', 2)).map((r) => r.articleId)).toEqual([ids[39], ids[1]]);
  });

  it('a lone character answers with exactly the newest matches, older title hits not ranked in', async () => {
    db = freshDb();
    const clock = tickingClock();
    const plain = outline();
    plain.title = '其他';
    plain.author = null;
    const body = outline();
    body.title = '其他';
    body.author = null;
    body.nodes[0]!.text = '依法治国';
    const ids = Array.from({ length: 60 }, (_, k) => `https://e.com/${String(k).padStart(2, '0')}`);
    for (const [k, id] of ids.entries()) {
      // The ten oldest hold 治 in their titles, the fifty newest in their outlines, but one.
      const d =
        k < 10
          ? draft({ id, url: id })
          : draft({ id, url: id, title: '其他', outline: k === 55 ? plain : body });
      await saveArticle(db, d, clock);
    }
    const found = (await search(db, '治', 50)).map((r) => r.articleId);
    expect(found).toHaveLength(50);
    // The 49 newest that match, then the newest of the older ten: not all ten, ranked first by title.
    expect(new Set(found)).toEqual(new Set([...ids.slice(10, 55), ...ids.slice(56), ids[9]]));
  });

  it('a newest-first walk reads on as many rows as the rate found says are needed', () => {
    // 49 of 50 found: one more wanted, a few rows; none found yet: a full step.
    expect(nextStep(1, 49, 50)).toBe(8);
    expect(nextStep(10, 40, 50)).toBe(16);
    expect(nextStep(50, 0, 50)).toBe(64);
    expect(nextStep(40, 10, 50)).toBe(64);
  });

  it('takes titles, sites, authors and dates from the article rows, for highlight-only finds too', async () => {
    db = freshDb();
    const clock = tickingClock();
    await saveArticle(db, draft(), clock);
    await putHighlight(
      db,
      { ...highlight('h1', OTHER), note: '默认' },
      draft({ id: OTHER, url: OTHER, site: 'e.com', title: '另一篇' }),
      clock,
    );
    const other = (await db.articles.get(OTHER))!;
    for (const fullRankMax of [100, 0])
      expect(await search(db, '默认', 10, { fullRankMax })).toEqual([
        {
          articleId: OTHER,
          title: '另一篇',
          site: 'e.com',
          author: '张三',
          savedAt: other.savedAt,
          hits: [expect.objectContaining({ field: 'note', highlightId: 'h1' })],
        },
      ]);
    expect(await search(db, '基层治理')).toMatchObject([
      { articleId: ARTICLE_ID, title: '论基层治理', site: 'www.news.cn', author: '张三' },
    ]);
  });

  it('ranks title hits first and honours the limit', async () => {
    db = freshDb();
    const clock = tickingClock();
    const o = outline();
    o.nodes[0]!.text = '乡村振兴';
    await saveArticle(
      db,
      draft({ id: 'https://a/', url: 'https://a/', title: '其他', outline: o }),
      clock,
    );
    await saveArticle(
      db,
      draft({ id: 'https://b/', url: 'https://b/', title: '论乡村振兴' }),
      clock,
    );
    const found = await search(db, '乡村振兴');
    expect(found.map((r) => r.articleId)).toEqual(['https://b/', 'https://a/']);
    expect(await search(db, '乡村振兴', 1)).toHaveLength(1);
  });
});

describe('search over many candidates', () => {
  async function library(n: number) {
    db = freshDb();
    for (let i = 0; i < n; i++) {
      const id = `https://e.com/${String(i).padStart(2, '0')}`;
      const at = () => new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
      const title = i % 3 ? `文章${i}` : `推动发展${i}`;
      await saveArticle(db, draft({ id, url: id, title }), at);
      if (i % 4 === 1)
        await putHighlight(
          db,
          { ...highlight(`h${i}`, id), note: '高质量发展' },
          draft({ id }),
          at,
        );
    }
  }

  it('the newest-first path finds what the full path finds when the limit covers all', async () => {
    await library(24);
    for (const q of ['发展', '推动发展', '文章', '治', '绣花']) {
      const full = await search(db, q, 500);
      // Every candidate walked newest first.
      expect(await search(db, q, 500, { fullRankMax: 0 })).toEqual(full);
    }
  });

  it('with a small limit: exactly the newest matching articles, by their own text or their highlights, with all their hits', async () => {
    await library(24);
    for (const [q, limit] of [
      ['发展', 5],
      ['高质量发展', 3],
      ['推动发展 高质量', 2],
    ] as const) {
      const found = await search(db, q, limit, { fullRankMax: 0 });
      const all = await search(db, q, 500);
      const newest = [...all].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1)).slice(0, limit);
      expect(found.map((r) => r.articleId).sort()).toEqual(newest.map((r) => r.articleId).sort());
      for (const r of found)
        expect(r.hits).toEqual(all.find((x) => x.articleId === r.articleId)!.hits);
    }
    // The newest three with 高质量发展 hold it only in a note.
    const viaNotes = await search(db, '高质量发展', 3, { fullRankMax: 0 });
    expect(viaNotes.map((r) => r.hits.map((h) => h.field))).toEqual([['note'], ['note'], ['note']]);
  });
});
