/** Every write keeps the posting lists exactly what the rows say, in its transaction. */
import { afterEach, describe, expect, it } from 'vitest';
import { rng as random } from '../backup/library-fixture.ts';
import type { GangmuDB } from '@/background/db/schema';
import { deleteArticle, restoreRows, saveArticle, setTags } from '@/background/storage/articles';
import { exportBackup, importBackup } from '@/background/storage/backup';
import {
  allPostings,
  postingPages,
  readPostings,
  SHARD_DOCS,
  type PostingRow,
  type PostingShardRow,
  type ShardList,
} from '@/background/storage/postings';
import { encodeDocs } from '@/lib/search';
import { deleteHighlight, putHighlight, updateNote } from '@/background/storage/highlights';
import { search } from '@/background/storage/search';
import {
  ARTICLE_ID,
  draft,
  dropLibrary,
  freshDb,
  highlight,
  libraryOver,
  liveDb,
  tickingClock,
} from './fixtures';
import { expectIndexed } from './index-check';

let db: GangmuDB;
/** The first database's name: a replace moves the library to another. */
let base = '';
afterEach(async () => {
  db?.close();
  if (db) await dropLibrary(base);
});

const OTHER = 'https://e.com/2';

describe('posting lists', () => {
  it('follow saves, re-saves, highlights, notes, deletes, undo and imports', async () => {
    db = freshDb();
    base = db.name;
    const clock = tickingClock();
    await saveArticle(db, draft({ title: '论基层治理' }), clock);
    await saveArticle(db, draft({ id: OTHER, url: OTHER, title: '推动高质量发展' }), clock);
    await expectIndexed(db);
    expect((await db.articles.get(OTHER))?.doc).toBe(2);
    await putHighlight(db, { ...highlight('h1'), note: '默认设置' }, draft(), clock);
    await putHighlight(
      db,
      { ...highlight('h2', OTHER), note: '发展' },
      draft({ id: OTHER }),
      clock,
    );
    await expectIndexed(db);
    // A re-save with another title: the old title's terms leave, the doc stays.
    await saveArticle(db, draft({ title: '乡村振兴' }), clock);
    expect((await db.articles.get(ARTICLE_ID))?.doc).toBe(1);
    expect((await readPostings(db, ['基层']))[0]).toBeUndefined();
    await setTags(db, ARTICLE_ID, ['治理'], clock);
    await updateNote(db, ARTICLE_ID, 'h1', '默想', undefined, clock);
    await expectIndexed(db);
    expect(await search(db, '默认')).toEqual([]);
    await deleteHighlight(db, ARTICLE_ID, 'h2');
    await expectIndexed(db);
    const rows = await deleteArticle(db, OTHER);
    await expectIndexed(db);
    expect(await search(db, '发展')).toEqual([]);
    await restoreRows(db, rows!);
    await expectIndexed(db);
    expect((await search(db, '发展')).map((r) => r.articleId)).toEqual([OTHER]);
    // A merge import over the stored library, then a replace.
    const text = await exportBackup(db);
    await saveArticle(db, draft({ title: '时间序列' }), clock);
    const library = libraryOver(db);
    await importBackup(library, text, 'merge');
    await expectIndexed(db);
    await importBackup(library, text, 'replace');
    db = await liveDb(library);
    await expectIndexed(db);
    expect((await search(db, '乡村振兴')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    // The replace wrote its lists as pages: edits after it go to shard rows, the pages
    // stay as they were.
    const pages = await db.postingPages.toArray();
    expect(pages.length).toBeGreaterThan(0);
    expect(await db.postingShards.count()).toBe(0);
    await updateNote(db, ARTICLE_ID, 'h1', '时间序列', undefined, clock);
    await saveArticle(db, draft({ title: '共同富裕' }), clock);
    await expectIndexed(db);
    expect(await db.postingPages.toArray()).toEqual(pages);
    // Shard rows hold their lists as bytes (schema v12).
    for (const row of await db.postingShards.toArray())
      for (const l of [row.articles, row.highlights, row.goneArticles, row.goneHighlights])
        expect(l).toBeInstanceOf(Uint8Array);
    expect(await search(db, '乡村振兴')).toEqual([]);
    expect((await search(db, '时间序列')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    await deleteArticle(db, OTHER);
    await expectIndexed(db);
    expect(await search(db, '发展')).toEqual([]);
  });

  it('a failed write leaves them as they were', async () => {
    db = freshDb();
    base = db.name;
    await putHighlight(db, { ...highlight('h1'), note: '默认' }, draft());
    const before = await allPostings(db);
    db.summaryPages.bulkPut = (() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError'))) as never;
    await expect(updateNote(db, ARTICLE_ID, 'h1', '默想')).rejects.toThrow();
    await expect(saveArticle(db, draft({ title: '新标题' }))).rejects.toThrow();
    expect(await allPostings(db)).toEqual(before);
  });
});

describe('posting pages', () => {
  const CHARS = '发展治理基层时间序列a1乡村振兴';
  const termOf = (r: () => number) =>
    Array.from(
      { length: 1 + Math.floor(r() * 3) },
      () => CHARS[Math.floor(r() * CHARS.length)],
    ).join('');
  const docs = (r: () => number) =>
    Uint32Array.from(
      [
        ...new Set(Array.from({ length: Math.floor(r() * 6) }, () => 1 + Math.floor(r() * 50))),
      ].sort((a, b) => a - b),
    );

  it('cut lists into bounded pages of ascending terms that give back every list', () => {
    const r = random(7);
    const lists = [...new Map(Array.from({ length: 300 }, () => termOf(r)).map((t) => [t, t]))].map(
      ([term]) => ({ term, articles: docs(r), highlights: docs(r) }),
    );
    const pages = postingPages(lists, 20);
    expect(pages.length).toBeGreaterThan(5);
    const seen: string[] = [];
    for (const p of pages) {
      expect(p.first).toBe(p.terms[0]);
      // A page is closed once it holds 20 docs: at most the last list takes it past.
      const n = p.articles.length + p.highlights.length;
      const last = lists.find((l) => l.term === p.terms.at(-1))!;
      expect(n - last.articles.length - last.highlights.length).toBeLessThan(20);
      seen.push(...p.terms);
    }
    expect(seen).toEqual(lists.map((l) => l.term).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('are read with their shard rows applied, by a few terms or many', async () => {
    db = freshDb();
    base = db.name;
    const r = random(11);
    const unique = new Set<string>();
    while (unique.size < 400) unique.add(termOf(r));
    const terms = [...unique];
    // Docs over three shards.
    const spread = () =>
      Uint32Array.from(
        [...new Set(Array.from({ length: Math.floor(r() * 8) }, () => Math.floor(r() * 1500)))]
          .filter((d) => d > 0)
          .sort((a, b) => a - b),
      );
    const paged = terms.slice(0, 300).map((term) => ({
      term,
      articles: spread(),
      highlights: spread(),
    }));
    // Shard rows of some paged terms and of terms in no page: docs added (some already in
    // the copy) and taken out (some not in it), never both.
    // As numbers (rows of v11) or as bytes (since v12), at random.
    const rows: PostingShardRow[] = [];
    const stored: PostingShardRow[] = [];
    const form = (l: Uint32Array) => (r() < 0.5 ? encodeDocs(l) : l);
    for (const term of terms.slice(250, 350))
      for (let shard = 0; shard < 3; shard++) {
        if (r() < 0.4) continue;
        const inShard = (l: Uint32Array) =>
          Uint32Array.from([...l].filter((d) => Math.floor(d / SHARD_DOCS) === shard));
        const [a, b, c, d] = [spread(), spread(), spread(), spread()].map(inShard);
        const row = {
          term,
          shard,
          articles: a!,
          highlights: b!,
          goneArticles: c!.filter((x) => !a!.includes(x)),
          goneHighlights: d!.filter((x) => !b!.includes(x)),
        };
        rows.push(row);
        stored.push({
          term,
          shard,
          articles: form(row.articles),
          highlights: form(row.highlights),
          goneArticles: form(row.goneArticles),
          goneHighlights: form(row.goneHighlights),
        });
      }
    expect(stored.length).toBeGreaterThan(100);
    expect(stored.some((row) => row.articles.BYTES_PER_ELEMENT === 1)).toBe(true);
    expect(stored.some((row) => row.articles.BYTES_PER_ELEMENT === 4)).toBe(true);
    await db.postingPages.bulkPut(postingPages(paged, 16));
    await db.postingShards.bulkPut(stored);
    const want = new Map<string, [number[], number[]]>();
    for (const p of paged) want.set(p.term, [[...p.articles], [...p.highlights]]);
    for (const row of rows) {
      const [a, h] = want.get(row.term) ?? [[], []];
      const apply = (l: number[], add: ShardList, gone: ShardList) =>
        [...new Set([...l.filter((x) => !gone.includes(x)), ...add])].sort((x, y) => x - y);
      want.set(row.term, [
        apply(a, row.articles, row.goneArticles),
        apply(h, row.highlights, row.goneHighlights),
      ]);
    }
    const expected = (t: string) => {
      const p = want.get(t);
      return p && p[0].length + p[1].length > 0 ? p : undefined;
    };
    const got = (s: PostingRow | undefined) =>
      s ? [[...s.articles], [...s.highlights]] : undefined;
    // Terms before the first page, between and after, paged, with rows and unknown.
    const asked = [...terms, '', '\u0000', '\uffff', '甲乙', 'zz'];
    for (const size of [1, 3, 8, 9, asked.length]) {
      for (let i = 0; i < asked.length; i += size) {
        const part = asked.slice(i, i + size);
        const stored = await readPostings(db, part);
        expect(stored.map(got)).toEqual(part.map(expected));
      }
    }
    expect(
      (await allPostings(db)).map((p) => [p.term, [...p.articles], [...p.highlights]]),
    ).toEqual(
      [...want.keys()]
        .filter((t) => expected(t))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((t) => [t, ...expected(t)!]),
    );
  });
});
