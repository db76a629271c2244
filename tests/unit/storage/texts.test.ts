/**
 * Articles' texts in their own store (schema v10, background/storage/texts.ts):
 * every write keeps the two stores consistent in its transaction, every read
 * that hands an article on gives it back exactly, and the reads that need no
 * text (the list, summaries, search candidates, an export of the outlines) do
 * not touch the store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreTable } from 'dexie';
import { parseBackup, serializeBackup } from '@/lib/backup';
import type { Article, ArticleText } from '@/lib/model';
import { isCompact } from '@/lib/text/stored-text';
import type { GangmuDB } from '@/background/db/schema';
import {
  deleteArticle,
  exportArticles,
  getArticle,
  listArticles,
  listFacets,
  restoreRows,
  saveArticle,
  setTags,
} from '@/background/storage/articles';
import { exportBackup, exportBackupRows, importBackup } from '@/background/storage/backup';
import { putHighlight, updateNote } from '@/background/storage/highlights';
import { restoreStreaming } from '@/background/storage/restore-stream';
import { search } from '@/background/storage/search';
import { allSummaries } from '@/background/storage/summaries';
import { makeLibrary } from '../backup/library-fixture';
import {
  ARTICLE_ID,
  draft,
  dumpLibrary,
  freshDb,
  highlight,
  tickingClock,
  useFreshLibraries,
} from './fixtures';
import { expectIndexed } from './index-check';

const openLibrary = useFreshLibraries();
let db: GangmuDB;
afterEach(async () => {
  await db?.delete();
});

const OTHER = 'https://e.com/other';

const TEXT: ArticleText = {
  blocks: [
    { kind: 'heading', text: '以绣花功夫推进乡村建设', level: 1 },
    { kind: 'paragraph', text: '一是守护一江清水。要久久为功。', bold: [[0, 9]] },
    { kind: 'paragraph', text: '空的粗体表', bold: [] },
    { kind: 'list-item', text: '落实河湖长制' },
  ],
  cut: 3000,
};

/** Reads of the `articleTexts` store at IndexedDB's level (Dexie's DBCore), whatever the call. */
function countTextReads(d: GangmuDB): { n: number } {
  const reads = { n: 0 };
  d.use({
    stack: 'dbcore',
    name: 'count-text-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        if (name !== 'articleTexts') return t;
        const counted =
          <A extends unknown[], R>(f: (...args: A) => R) =>
          (...args: A): R => {
            reads.n++;
            return f(...args);
          };
        return {
          ...t,
          get: counted(t.get.bind(t)),
          getMany: counted(t.getMany.bind(t)),
          query: counted(t.query.bind(t)),
          openCursor: counted(t.openCursor.bind(t)),
          count: counted(t.count.bind(t)),
        };
      },
    }),
  });
  return reads;
}

describe('article texts in their own store', () => {
  it('a save splits the article: its row without the texts, the saved text compact; it reads back exactly', async () => {
    db = freshDb();
    const saved = await saveArticle(db, draft({ text: TEXT, sourceText: '原文\n第二行' }));
    expect(saved.text).toEqual(TEXT);
    const row = await db.articles.get(ARTICLE_ID);
    expect(row).not.toHaveProperty('text');
    expect(row).not.toHaveProperty('sourceText');
    const texts = await db.articleTexts.get(ARTICLE_ID);
    expect(isCompact(texts!.text!)).toBe(true);
    expect(texts!.sourceText).toBe('原文\n第二行');
    expect((await getArticle(db, ARTICLE_ID)).article).toStrictEqual(saved);
    // Without texts: none read, none given.
    const { text: _text, sourceText: _source, ...bare } = saved;
    expect((await getArticle(db, ARTICLE_ID, { texts: false })).article).toStrictEqual(bare);
    await expectIndexed(db);
  });

  it('an article without texts has no texts row; a save without them keeps the stored ones', async () => {
    db = freshDb();
    await saveArticle(db, draft());
    expect(await db.articleTexts.count()).toBe(0);
    await saveArticle(db, draft({ text: TEXT, sourceText: '原文' }));
    await saveArticle(db, draft({ title: '新标题' }));
    expect((await getArticle(db, ARTICLE_ID)).article).toMatchObject({
      title: '新标题',
      text: TEXT,
      sourceText: '原文',
    });
    // A highlight's first save of the article, a note and a tag edit keep them too.
    await putHighlight(db, highlight('h1'), draft());
    await updateNote(db, ARTICLE_ID, 'h1', '笔记');
    const tagged = await setTags(db, ARTICLE_ID, ['治理']);
    expect(tagged).toMatchObject({ tags: ['治理'], text: TEXT, sourceText: '原文' });
    expect((await getArticle(db, ARTICLE_ID)).article).toStrictEqual(tagged);
    await expectIndexed(db);
  });

  it('a first highlight saves its article with its texts, in the same transaction', async () => {
    db = freshDb();
    await putHighlight(db, highlight('h1'), draft({ text: TEXT }));
    expect((await getArticle(db, ARTICLE_ID)).article?.text).toEqual(TEXT);
    expect((await search(db, '一江清水')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    await expectIndexed(db);
  });

  it('delete takes the texts with the article; undo puts them back exactly; undo of an article without them leaves none', async () => {
    db = freshDb();
    await saveArticle(db, draft({ text: TEXT, sourceText: '原文' }));
    await putHighlight(db, highlight('h1'), draft());
    const before = await dumpLibrary(db);
    const deleted = await deleteArticle(db, ARTICLE_ID);
    expect(deleted?.article).toMatchObject({ text: TEXT, sourceText: '原文' });
    expect(await db.articleTexts.count()).toBe(0);
    expect(await search(db, '一江清水')).toEqual([]);
    await expectIndexed(db);
    await restoreRows(db, deleted!);
    expect(await dumpLibrary(db)).toEqual(before);
    expect((await search(db, '一江清水')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    // Put back as given: without texts, the stored ones go (a put replaces the article).
    const { text: _t, sourceText: _s, ...bare } = deleted!.article;
    await restoreRows(db, { article: bare, highlights: [] });
    expect(await db.articleTexts.count()).toBe(0);
    expect(await search(db, '一江清水')).toEqual([]);
    await expectIndexed(db);
  });

  it('a full disk while the texts are written loses nothing: the article row is not written either', async () => {
    db = freshDb();
    await saveArticle(db, draft({ text: TEXT }));
    const before = await dumpLibrary(db);
    db.articleTexts.put = (() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError'))) as never;
    await expect(
      saveArticle(
        db,
        draft({ title: '新', text: { blocks: [{ kind: 'paragraph', text: '新' }] } }),
      ),
    ).rejects.toThrow();
    expect(await dumpLibrary(db)).toEqual(before);
  });

  it('the list, facets, summaries, search candidates and an export of the outlines read no text', async () => {
    db = freshDb();
    const reads = countTextReads(db);
    const clock = tickingClock();
    await saveArticle(db, draft({ title: '基层治理', text: TEXT, sourceText: '原文' }), clock);
    await saveArticle(db, draft({ id: OTHER, url: OTHER, title: '其他', text: TEXT }), clock);
    reads.n = 0;
    await listArticles(db);
    await listArticles(db, { limit: 1 });
    await listFacets(db);
    await allSummaries(db);
    const outlines = await exportArticles(db, undefined, { texts: false });
    expect(outlines.map((r) => r.article)).not.toContainEqual(
      expect.objectContaining({ text: expect.anything() }),
    );
    await getArticle(db, ARTICLE_ID, { texts: false });
    // A one-word query a title already shows: the body is not looked at.
    expect((await search(db, '基层治理')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    expect(reads.n).toBe(0);
    // A word only in the bodies: their texts are read (one read for the candidates).
    const found = await search(db, '一江清水');
    expect(found.map((r) => r.articleId).sort()).toEqual([ARTICLE_ID, OTHER].sort());
    expect(found.every((r) => r.hits[0]!.field === 'body')).toBe(true);
    expect(reads.n).toBe(1);
    // A single character (the scan): bodies read only where no other field holds it.
    reads.n = 0;
    expect(await search(db, '湖')).toHaveLength(2);
    expect(reads.n).toBe(1);
    // Export with full text, the reader's article: they are.
    reads.n = 0;
    const full = await exportArticles(db);
    expect(full.find((r) => r.article.id === ARTICLE_ID)?.article).toMatchObject({
      text: TEXT,
      sourceText: '原文',
    });
    expect(reads.n).toBeGreaterThan(0);
  });

  it('several words: the body is read and shown beside the title hit', async () => {
    db = freshDb();
    await saveArticle(db, draft({ title: '基层治理', text: TEXT }));
    const [r] = await search(db, '基层治理 河湖长制');
    expect(r!.hits.map((h) => h.field)).toEqual(['title', 'body']);
    expect(await search(db, '基层治理 量子纠缠')).toEqual([]);
  });
});

describe('article texts through backups', () => {
  it('a backup holds each text in its JSON shape; restore (whole text and streamed) and merge give the same library', async () => {
    const lib = openLibrary();
    const live = await lib.live();
    const { articles, highlights } = makeLibrary(300, 500);
    const withTexts = articles.filter((a) => a.text || a.sourceText);
    expect(withTexts.length).toBeGreaterThan(50);
    await importBackup(lib.library, serializeBackup({ articles, highlights }), 'replace');
    const db1 = await lib.live();
    expect(db1.name).not.toBe(live.name);
    expect(await db1.articleTexts.count()).toBe(withTexts.length);
    await expectIndexed(db1);
    const rows = await dumpLibrary(db1);
    // The file: texts as the articles carry them (backup format v2), never the stored shape.
    const text = await exportBackup(db1, '2025-02-01T00:00:00.000Z');
    expect(text).not.toContain('"ends"');
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.value.articles).toEqual(
      [...articles].sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0)),
    );
    // The background's pages of rows: the same articles.
    const paged: unknown[] = [];
    for (let after: string | undefined; ;) {
      const page = (await exportBackupRows(db1, 'articles', after, 64)) as Article[];
      paged.push(...page);
      if (page.length < 64) break;
      after = page.at(-1)!.id;
    }
    expect(paged).toEqual(
      parsed.ok ? [...parsed.value.articles].sort((a, b) => (a.id < b.id ? -1 : 1)) : [],
    );
    // Whole-text restore, streamed restore, merge into an empty library: the same rows.
    const whole = openLibrary();
    await importBackup(whole.library, text, 'replace');
    expect(await dumpLibrary(await whole.live())).toEqual(rows);
    const streamed = openLibrary();
    let given = false;
    await restoreStreaming(streamed.library, () => async () => {
      if (given) return undefined;
      given = true;
      return text;
    });
    expect(await dumpLibrary(await streamed.live())).toEqual(rows);
    const merged = openLibrary();
    await importBackup(merged.library, text, 'merge');
    const m = await merged.live();
    expect(await exportBackup(m, '2025-02-01T00:00:00.000Z')).toBe(text);
    await expectIndexed(m);
  });

  it('a merge whose newer row has no texts keeps the stored ones; a newer text replaces them', async () => {
    const lib = openLibrary();
    let live = await lib.live();
    const clock = tickingClock();
    await saveArticle(live, draft({ text: TEXT, sourceText: '原文' }), clock);
    const newer = (over: Partial<Article>): Article => ({
      ...draft({ title: '更新的标题' }),
      savedAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
      ...over,
    });
    await importBackup(
      lib.library,
      serializeBackup({ articles: [newer({})], highlights: [] }),
      'merge',
    );
    live = await lib.live();
    expect((await getArticle(live, ARTICLE_ID)).article).toMatchObject({
      title: '更新的标题',
      text: TEXT,
      sourceText: '原文',
    });
    const other: ArticleText = { blocks: [{ kind: 'paragraph', text: '乡村振兴。' }] };
    await importBackup(
      lib.library,
      serializeBackup({
        articles: [newer({ updatedAt: '2031-01-01T00:00:00.000Z', text: other })],
        highlights: [],
      }),
      'merge',
    );
    expect((await getArticle(live, ARTICLE_ID)).article).toMatchObject({
      text: other,
      sourceText: '原文',
    });
    expect(await search(live, '一江清水')).toEqual([]);
    expect((await search(live, '乡村振兴')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
    await expectIndexed(live);
  });
});
