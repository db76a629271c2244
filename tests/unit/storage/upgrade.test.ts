/**
 * Schema upgrade paths. Each case seeds a database of an OLD shape with raw
 * IndexedDB (as a released version of the extension left it), then opens it
 * with the current GangmuDB and checks the rows. When version n+1 is added to
 * background/db/schema.ts, add a case `from: n` here; never edit an old case.
 */
import { describe, expect, it } from 'vitest';
import { DB_VERSION, GangmuDB, SCHEMA } from '@/background/db/schema';
import {
  deleteArticle,
  getArticle,
  listArticles,
  listFacets,
  saveArticle,
} from '@/background/storage/articles';
import { deleteHighlight, putHighlight, updateNote } from '@/background/storage/highlights';
import { bySavedAt, type Article, type ArticleText, type Highlight } from '@/lib/model';
import { isCompact } from '@/lib/text/stored-text';
import { search } from '@/background/storage/search';
import {
  allSummaries,
  freshSummaryPages,
  SUMMARY_PAGE_ROWS,
  summariesOf,
  summaryOf,
  type SummaryRow,
} from '@/background/storage/summaries';
import { getSitePrefs } from '@/background/storage/site-prefs';
import {
  allPostings,
  postingPages,
  SHARD_DOCS,
  type PostingPageRow,
  type PostingRow,
} from '@/background/storage/postings';
import { decodeDocs } from '@/lib/search';
import { searchMarksRow, searchOwnRow } from '@/background/storage/search-docs';
import {
  articleTerms,
  groupTerms,
  type ArticleRow,
  type HighlightGroupRow,
} from '@/background/storage/terms';
import { textsRow, withoutTexts } from '@/background/storage/texts';
import { ARTICLE_ID, draft, highlight, summariesById } from './fixtures';
import { expectIndexed, expectSummaryPages } from './index-check';

/** Stores in Dexie's syntax; null: a store that version deleted. */
type StoreSpec = Record<string, string | null>;

/** A v3 database holds the summaries of its rows (earlier versions none). */
function withSummaries(
  from: number,
  rows: { articles: Article[]; highlights: Highlight[]; sitePrefs: unknown[] },
): Record<string, unknown[]> {
  return from === 3 ? { ...rows, summaries: summariesOf(rows.articles, rows.highlights) } : rows;
}

/**
 * Creates `name` at Dexie's IndexedDB version for schema version `version`
 * (Dexie stores version × 10) with the stores and indexes of `spec`, in
 * Dexie's stores() syntax, and fills it with `rows`.
 */
async function seedRaw(
  name: string,
  version: number,
  spec: StoreSpec,
  rows: Record<string, unknown[]>,
): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, version * 10);
    open.onupgradeneeded = () => {
      for (const [storeName, schema] of Object.entries(spec)) {
        if (schema === null) continue;
        const [primary = '', ...indexes] = schema.split(',').map((s) => s.trim());
        // A compound key, `[a+b]`, is the key path ['a', 'b'].
        const store = open.result.createObjectStore(storeName, {
          keyPath: primary.startsWith('[')
            ? primary.slice(1, -1).split('+')
            : primary.replace(/^(\+\+|&)/, ''),
        });
        for (const index of indexes) {
          const multiEntry = index.startsWith('*');
          const unique = index.startsWith('&');
          const keyPath = index.replace(/^[*&]/, '');
          store.createIndex(keyPath, keyPath, { multiEntry, unique });
        }
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const names = Object.keys(rows);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(names, 'readwrite');
    for (const storeName of names)
      for (const row of rows[storeName] ?? []) tx.objectStore(storeName).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** A v5 database of one article (doc 7) and its highlights (group doc 3), exactly indexed. */
function v5Rows(article: Article, highlights: Highlight[]): Record<string, unknown[]> {
  const terms = new Map<string, { articles: number[]; highlights: number[] }>();
  const add = (side: 'articles' | 'highlights', doc: number, list: string[]) => {
    for (const t of list) {
      const p = terms.get(t) ?? { articles: [], highlights: [] };
      p[side].push(doc);
      terms.set(t, p);
    }
  };
  add('articles', 7, articleTerms(article));
  add('highlights', 3, groupTerms(highlights));
  return {
    articles: [{ ...article, doc: 7 }],
    highlightGroups: [{ articleId: article.id, doc: 3, highlights }],
    sitePrefs: [],
    summaries: summariesOf([article], highlights),
    postings: [...terms].map(([term, p]) => ({
      term,
      articles: Uint32Array.from(p.articles),
      highlights: Uint32Array.from(p.highlights),
    })),
  };
}

/**
 * A v6 database of `articles` (docs 1, 2, … in the order given), their
 * highlights' groups (docs in order of first appearance) and one summary row
 * per article, exactly indexed.
 */
function v6Rows(
  articles: Article[],
  highlights: Highlight[],
  /** Each group numbered with its article's doc (schema v8), not in order of appearance. */
  byArticle = false,
): Record<string, unknown[]> {
  const terms = new Map<string, { articles: number[]; highlights: number[] }>();
  const add = (side: 'articles' | 'highlights', doc: number, list: string[]) => {
    for (const t of new Set(list)) {
      const p = terms.get(t) ?? { articles: [], highlights: [] };
      p[side].push(doc);
      terms.set(t, p);
    }
  };
  const groups = new Map<string, Highlight[]>();
  for (const h of highlights) groups.set(h.articleId, [...(groups.get(h.articleId) ?? []), h]);
  articles.forEach((a, i) => add('articles', i + 1, articleTerms(a)));
  const groupRows = [...groups].map(([articleId, hs], i) => {
    const doc = byArticle ? articles.findIndex((a) => a.id === articleId) + 1 : i + 1;
    add('highlights', doc, groupTerms(hs));
    return { articleId, doc, highlights: hs };
  });
  return {
    articles: articles.map((a, i) => ({ ...a, doc: i + 1 })),
    highlightGroups: groupRows,
    sitePrefs: [],
    summaries: summariesOf(articles, highlights),
    postings: [...terms].map(([term, p]) => ({
      term,
      articles: Uint32Array.from(p.articles),
      highlights: Uint32Array.from(p.highlights),
    })),
  };
}

/** An article no row holds (its highlights' group has no doc). */
const GONE = 'https://e.com/gone';

/** 600 articles on two sites, saved on 40 instants (many ties), every 25th tagged, some highlighted. */
function v6Library(): { articles: Article[]; highlights: Highlight[] } {
  const articles = Array.from({ length: 600 }, (_, i): Article => {
    const id = `https://e.com/${String(i).padStart(3, '0')}`;
    return {
      ...draft({
        id,
        url: id,
        site: i % 2 ? 'e.com' : 'www.news.cn',
        title: i === 123 ? '时间序列分析' : `第${i}篇`,
        tags: i % 25 === 0 ? ['治理'] : [],
      }),
      savedAt: `2025-01-01T00:${String((i * 7) % 40).padStart(2, '0')}:00.000Z`,
      updatedAt: '2025-02-01T00:00:00.000Z',
    };
  });
  const highlights = [5, 123, 400].map((i) => ({
    ...highlight(`h${i}`, articles[i]!.id),
    color: 'green' as const,
  }));
  return { articles, highlights };
}

/**
 * Posting pages as schema v7–v10 wrote them: the lists end to end as numbers
 * (Uint32Array), their ends counting numbers (v11 writes bytes).
 */
function numberPages(lists: readonly PostingRow[], pageDocs: number): PostingPageRow[] {
  return postingPages(lists, pageDocs).map((page) => {
    const side = (docs: Uint8Array | Uint32Array, ends: Uint32Array) => {
      const all: number[] = [];
      const counts = new Uint32Array(ends.length);
      ends.forEach((end, i) => {
        all.push(...decodeDocs(docs as Uint8Array, i > 0 ? ends[i - 1]! : 0, end));
        counts[i] = all.length;
      });
      return [Uint32Array.from(all), counts] as const;
    };
    const [articles, articleEnds] = side(page.articles, page.articleEnds);
    const [highlights, highlightEnds] = side(page.highlights, page.highlightEnds);
    return { ...page, articles, articleEnds, highlights, highlightEnds };
  });
}

/** A highlight whose article is not stored (a v4 database could leave one). */
const STRAY = 'https://e.com/stray';

/**
 * A v7 database of {@link v6Library}: group docs in order of first
 * appearance (not their articles'), a stray group (doc 4) whose article is
 * not stored, the posting lists in pages of a few docs, and one term row
 * written since (a note on the group of e.com/400) overriding its page's copy.
 */
function v7Rows(): Record<string, unknown[]> {
  const { articles, highlights } = v6Library();
  const noted = highlights.map((h) => (h.id === 'h400' ? { ...h, note: '复盘' } : h));
  const stray = { ...highlight('stray', STRAY), note: '孤本' };
  const { summaries, ...rows } = v6Rows(articles, [...noted, stray]);
  const lists = rows.postings as PostingRow[];
  // Group docs: 1, 2, 3 for e.com/005, 123, 400, and 4 for the stray one.
  const before = lists.map((p) => (p.term === '复盘' ? { ...p, highlights: Uint32Array.of() } : p));
  const grouped = rows.highlightGroups as { articleId: string; doc: number }[];
  expect(grouped.map((g) => [g.articleId, g.doc])).toEqual([
    ['https://e.com/005', 1],
    ['https://e.com/123', 2],
    ['https://e.com/400', 3],
    [STRAY, 4],
  ]);
  return {
    ...rows,
    summaryPages: freshSummaryPages((summaries as SummaryRow[]).filter((r) => r.id !== STRAY)),
    postingPages: numberPages(before, 64),
    postings: lists.filter((p) => p.term === '复盘'),
  };
}

/** A saved text with every field a block may have, and a cut tail. */
const SAVED_TEXT: ArticleText = {
  blocks: [
    { kind: 'heading', text: '时间序列分析', level: 1 },
    { kind: 'paragraph', text: '一是守护一江清水。要久久为功。', bold: [[0, 9]] },
    { kind: 'list-item', text: '落实河湖长制' },
  ],
  cut: 120,
};
const PASTED = 'https://e.com/2';

/**
 * Articles as v9 keeps them, texts in their rows: one with its saved text and a
 * pasted text, one pasted (its pasted text only), one with neither.
 */
function textLibrary(): Article[] {
  const at = (day: number) => ({
    savedAt: `2025-01-0${day}T00:00:00.000Z`,
    updatedAt: `2025-01-0${day}T00:00:00.000Z`,
  });
  return [
    {
      ...draft({ title: '时间序列分析', text: SAVED_TEXT, sourceText: '时间序列分析\n一是守护' }),
      ...at(1),
    },
    {
      ...draft({
        id: PASTED,
        url: PASTED,
        title: '粘贴的文章',
        sourceText: '第二篇\n以数字赋能基层减负。',
      }),
      ...at(2),
    },
    { ...draft({ id: 'https://e.com/3', url: 'https://e.com/3', title: '无正文' }), ...at(3) },
  ];
}

/** {@link textLibrary} and a highlight, in the shape schema version `from` stored them. */
function textRows(from: number): Record<string, unknown[]> {
  const articles = textLibrary();
  const highlights = [highlight('h1')];
  if (from <= 3) return withSummaries(from, { articles, highlights, sitePrefs: [] });
  if (from === 4)
    // Posting lists left empty: v5's upgrade builds them again from every row.
    return {
      articles: articles.map((a, i) => ({ ...a, doc: i + 1 })),
      highlights: highlights.map((h, i) => ({ ...h, doc: i + 1 })),
      sitePrefs: [],
      summaries: summariesOf(articles, highlights),
      postings: [],
    };
  const { summaries, ...rows } = v6Rows(articles, highlights, from >= 8);
  if (from <= 6) return { ...rows, summaries: summaries! };
  return { ...rows, summaryPages: freshSummaryPages(summaries as SummaryRow[]) };
}

/**
 * What v10 leaves of {@link textLibrary}: each article's texts in
 * `articleTexts` (the saved one compact), none in its row, every article read
 * back as it was, the bodies searched; later writes keep both stores exact.
 */
async function checkTextsMoved(db: GangmuDB): Promise<void> {
  await expectIndexed(db);
  const texts = await db.articleTexts.toArray();
  expect(texts.map((t) => t.id)).toEqual([PASTED, ARTICLE_ID].sort());
  expect(isCompact((await db.articleTexts.get(ARTICLE_ID))!.text!)).toBe(true);
  for (const row of await db.articles.toArray()) {
    expect(row).not.toHaveProperty('text');
    expect(row).not.toHaveProperty('sourceText');
  }
  for (const a of textLibrary()) expect((await getArticle(db, a.id)).article).toEqual(a);
  expect(await search(db, '一江清水')).toMatchObject([
    { articleId: ARTICLE_ID, hits: [{ field: 'body' }] },
  ]);
  expect(await search(db, '数字赋能')).toMatchObject([
    { articleId: PASTED, hits: [{ field: 'body' }] },
  ]);
  // A new text replaces the stored one; a delete takes the texts with the article.
  await saveArticle(db, draft({ text: { blocks: [{ kind: 'paragraph', text: '乡村振兴。' }] } }));
  expect(await search(db, '一江清水')).toEqual([]);
  expect((await getArticle(db, ARTICLE_ID)).article).toMatchObject({
    sourceText: '时间序列分析\n一是守护',
    text: { blocks: [{ kind: 'paragraph', text: '乡村振兴。' }] },
  });
  await deleteArticle(db, PASTED);
  expect(await db.articleTexts.get(PASTED)).toBeUndefined();
  expect(await search(db, '数字赋能')).toEqual([]);
  await expectIndexed(db);
}

/** Summaries newest saved first, ties by id (the list's default order). */
const newestFirst = <R extends { id: string; savedAt: string }>(rows: R[]): R[] =>
  [...rows].sort((a, b) =>
    a.savedAt !== b.savedAt ? (a.savedAt < b.savedAt ? 1 : -1) : a.id < b.id ? -1 : 1,
  );

interface UpgradeCase {
  from: number;
  rows: Record<string, unknown[]>;
  check: (db: GangmuDB) => Promise<void>;
}

const CASES: UpgradeCase[] = [
  {
    from: 1,
    rows: {
      articles: [
        {
          ...draft({ tags: ['治理'] }),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-02T00:00:00.000Z',
        },
      ],
      highlights: [highlight('h1'), highlight('h2')],
      sitePrefs: [{ site: 'news.cn', alwaysOpen: true, width: 400, collapsed: false }],
    },
    async check(db) {
      const { article, highlights } = await getArticle(db, ARTICLE_ID);
      expect(article?.savedAt).toBe('2025-01-01T00:00:00.000Z');
      expect(highlights.map((h) => h.id)).toEqual(['h1', 'h2']);
      expect(await listArticles(db)).toMatchObject([{ id: ARTICLE_ID, highlights: 2, points: 3 }]);
      expect(await listArticles(db, { tag: '治理' })).toMatchObject([{ id: ARTICLE_ID }]);
      // A row from before the side existed reads with the default side.
      expect(await getSitePrefs(db, 'news.cn')).toEqual({
        alwaysOpen: true,
        width: 400,
        collapsed: false,
        side: 'right',
      });
      // v2 (since v4 as posting lists): every old row is indexed, and search finds it.
      await expectIndexed(db);
      expect(articleTerms(article!)).toContain('基层');
      expect((await search(db, '基层治理')).map((r) => r.articleId)).toEqual([ARTICLE_ID]);
      expect(await search(db, '绣花')).toMatchObject([
        {
          articleId: ARTICLE_ID,
          hits: [{ field: 'highlight', highlightId: 'h1' }, { highlightId: 'h2' }],
        },
      ]);
    },
  },
  {
    from: 2,
    rows: {
      articles: [
        {
          ...draft({ title: '时间序列分析' }),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-02T00:00:00.000Z',
          terms: ['时间', '间序', '序列', '列分', '分析'],
        },
      ],
      highlights: [{ ...highlight('h1'), note: '默认', terms: ['绣花', '花功', '功夫', '默认'] }],
      sitePrefs: [],
    },
    async check(db) {
      expect((await search(db, '时间序列')).map((r) => r.title)).toEqual(['时间序列分析']);
      expect(await search(db, '默认')).toMatchObject([{ hits: [{ field: 'note' }] }]);
    },
  },
  // v3 (summaries): from every earlier version, the list's summaries are computed.
  {
    from: 1,
    rows: {
      articles: [
        {
          ...draft({ tags: ['治理', '精读'] }),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-02T00:00:00.000Z',
        },
        {
          ...draft({ id: 'https://e.com/2', url: 'https://e.com/2', title: '二', site: 'e.com' }),
          savedAt: '2025-02-01T00:00:00.000Z',
          updatedAt: '2025-02-01T00:00:00.000Z',
        },
      ],
      highlights: [
        { ...highlight('h1'), note: '要点', color: 'green' },
        highlight('h2'),
        highlight('stray', 'https://gone/'),
      ],
      sitePrefs: [],
    },
    async check(db) {
      const summaries = await allSummaries(db);
      expect(summaries).toHaveLength(2);
      expect(summaries.find((x) => x.id === ARTICLE_ID)).toEqual({
        id: ARTICLE_ID,
        url: `${ARTICLE_ID}?utm_source=wx`,
        site: 'www.news.cn',
        title: '论基层治理',
        author: '张三',
        savedAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-02T00:00:00.000Z',
        tags: ['治理', '精读'],
        points: 3,
        highlights: 2,
        notes: 1,
        colors: ['yellow', 'green'],
      });
      expect((await listArticles(db)).map((a) => a.id)).toEqual(['https://e.com/2', ARTICLE_ID]);
      expect(await listArticles(db, { color: 'green' })).toMatchObject([{ id: ARTICLE_ID }]);
      expect(await listArticles(db, { tag: '精读' })).toHaveLength(1);
    },
  },
  {
    from: 2,
    rows: {
      articles: [
        {
          ...draft({ title: '时间序列分析', tags: ['经济'] }),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-02T00:00:00.000Z',
          terms: ['时间', '间序', '序列', '列分', '分析'],
        },
      ],
      highlights: [
        {
          ...highlight('h1'),
          note: '默认',
          color: 'blue',
          terms: ['绣花', '花功', '功夫', '默认'],
        },
      ],
      sitePrefs: [],
    },
    async check(db) {
      expect(await listArticles(db)).toEqual([
        expect.objectContaining({
          id: ARTICLE_ID,
          title: '时间序列分析',
          tags: ['经济'],
          highlights: 1,
          notes: 1,
          colors: ['blue'],
        }),
      ]);
      expect(await listArticles(db, { color: 'blue', limit: 1 })).toHaveLength(1);
    },
  },
  {
    from: 3,
    rows: {
      articles: [
        {
          ...draft(),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-02T00:00:00.000Z',
          terms: ['基层', '层治', '治理'],
        },
      ],
      highlights: [],
      sitePrefs: [],
      summaries: [
        {
          id: ARTICLE_ID,
          url: ARTICLE_ID,
          site: 'www.news.cn',
          title: '论基层治理',
          author: '张三',
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-02T00:00:00.000Z',
          tags: [],
          points: 3,
          highlights: 0,
          notes: 0,
          colors: [],
        },
      ],
    },
    async check(db) {
      expect(await listArticles(db)).toMatchObject([{ id: ARTICLE_ID, points: 3 }]);
      expect(await listArticles(db, { limit: 1 })).toHaveLength(1);
    },
  },
  // v4 (posting lists): from every earlier version, docs and postings are computed, terms dropped.
  ...([1, 2, 3] as const).map((from): UpgradeCase => ({
    from,
    rows: withSummaries(from, {
      articles: [
        {
          ...draft({ title: '时间序列分析', tags: ['经济'] }),
          savedAt: '2025-03-01T00:00:00.000Z',
          updatedAt: '2025-03-01T00:00:00.000Z',
          ...(from > 1 ? { terms: ['时间', '间序', '序列', '列分', '分析'] } : {}),
        },
        {
          ...draft({ id: 'https://e.com/2', url: 'https://e.com/2', title: '推动发展' }),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
          ...(from > 1 ? { terms: ['推动', '动发', '发展'] } : {}),
        },
      ],
      highlights: [
        { ...highlight('h1'), note: '默认', ...(from > 1 ? { terms: ['默认'] } : {}) },
        {
          ...highlight('h2', 'https://e.com/2'),
          note: '高质量发展',
          ...(from > 1 ? { terms: ['高质', '质量', '量发', '发展'] } : {}),
        },
      ],
      sitePrefs: [],
    }),
    async check(db) {
      await expectIndexed(db);
      // Docs follow the dates: the older article first.
      expect((await db.articles.get('https://e.com/2'))?.doc).toBe(1);
      expect((await db.articles.get(ARTICLE_ID))?.doc).toBe(2);
      expect((await search(db, '时间序列')).map((r) => r.title)).toEqual(['时间序列分析']);
      expect(await search(db, '默想')).toEqual([]);
      expect(await search(db, '发展')).toMatchObject([
        { articleId: 'https://e.com/2', hits: [{ field: 'title' }, { field: 'note' }] },
      ]);
      // Writes after the upgrade keep the index exact.
      await updateNote(db, ARTICLE_ID, 'h1', '默想');
      await deleteHighlight(db, ARTICLE_ID, 'h2');
      await saveArticle(db, draft({ title: '新标题' }));
      await expectIndexed(db);
      expect(await search(db, '默想')).toMatchObject([{ hits: [{ field: 'note' }] }]);
      expect(await search(db, '时间序列')).toEqual([]);
      expect(await db.articles.get(ARTICLE_ID)).toMatchObject({ doc: 2 });
    },
  })),
  // v5 (highlights grouped per article): from v4, the rows are moved into one group per
  // article and the docs and posting lists rebuilt; the old highlights store is gone.
  {
    from: 4,
    rows: {
      articles: [
        {
          ...draft({ title: '时间序列分析' }),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
          doc: 7,
        },
      ],
      highlights: [
        { ...highlight('h2', ARTICLE_ID, '2025-01-03T00:00:00.000Z'), note: '默认', doc: 3 },
        { ...highlight('h1', ARTICLE_ID, '2025-01-02T00:00:00.000Z'), doc: 4 },
        { ...highlight('stray', 'https://gone/'), doc: 5 },
      ],
      sitePrefs: [],
      summaries: [
        summaryOf(
          {
            ...draft({ title: '时间序列分析' }),
            savedAt: '2025-01-01T00:00:00.000Z',
            updatedAt: '2025-01-01T00:00:00.000Z',
          },
          [],
        ),
      ],
      postings: [
        ...['时间', '间序', '序列', '列分', '分析'].map((term) => ({
          term,
          articles: [7],
          highlights: [],
        })),
        ...['绣花', '花功', '功夫', '默认'].map((term) => ({
          term,
          articles: [],
          highlights: [3],
        })),
      ],
    },
    async check(db) {
      expect(db.backendDB().objectStoreNames.contains('highlights')).toBe(false);
      await expectIndexed(db);
      const { highlights } = await getArticle(db, ARTICLE_ID);
      // In the order they were made, without their old docs.
      expect(highlights.map((h) => h.id)).toEqual(['h1', 'h2']);
      expect(highlights[1]).not.toHaveProperty('doc');
      expect((await db.highlightGroups.get('https://gone/'))?.highlights).toHaveLength(1);
      expect(await search(db, '默认')).toMatchObject([
        { articleId: ARTICLE_ID, hits: [{ field: 'note', highlightId: 'h2' }] },
      ]);
      // Writes after the upgrade keep the index exact.
      await updateNote(db, ARTICLE_ID, 'h1', '默想');
      await deleteHighlight(db, ARTICLE_ID, 'h2');
      await saveArticle(db, draft({ id: 'https://e.com/2', url: 'https://e.com/2' }));
      await expectIndexed(db);
      expect(await search(db, '默认')).toEqual([]);
      expect(await search(db, '默想')).toMatchObject([{ hits: [{ highlightId: 'h1' }] }]);
    },
  },
  // v6 drops indexes only: a v5 database's rows are kept as they are.
  {
    from: 5,
    rows: v5Rows(
      {
        ...draft({ title: '时间序列分析' }),
        savedAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
      [{ ...highlight('h1'), note: '默认' }],
    ),
    async check(db) {
      const indexes = (store: string) => [
        ...db.backendDB().transaction(store).objectStore(store).indexNames,
      ];
      expect(indexes('articles')).toEqual(['doc']);
      // v7 then moved the summaries into pages: their store is gone.
      expect(db.backendDB().objectStoreNames.contains('summaries')).toBe(false);
      expect(indexes('summaryPages').sort()).toEqual(['ids', 'newest']);
      expect(await db.articles.get(ARTICLE_ID)).toMatchObject({ doc: 7 });
      expect(await search(db, '默认')).toMatchObject([{ hits: [{ highlightId: 'h1' }] }]);
      await putHighlight(db, highlight('h2', 'https://e.com/2'), draft({ id: 'https://e.com/2' }));
      expect(await db.articles.get('https://e.com/2')).toMatchObject({ doc: 8 });
      // Since v8 a group's doc is its article's (it was 4, the groups' next).
      expect(await db.highlightGroups.get('https://e.com/2')).toMatchObject({ doc: 8 });
      await expectIndexed(db);
    },
  },
  // A v6 database opens as it is.
  {
    from: 6,
    rows: v5Rows(
      {
        ...draft({ title: '时间序列分析', tags: ['治理'] }),
        savedAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
      [{ ...highlight('h1'), note: '默认', color: 'green' }],
    ),
    async check(db) {
      expect(await search(db, '时间序列')).toMatchObject([{ articleId: ARTICLE_ID }]);
      expect(await listArticles(db, { color: 'green' })).toMatchObject([{ id: ARTICLE_ID }]);
      expect(await listArticles(db, { color: 'pink' })).toEqual([]);
      await saveArticle(db, draft({ id: 'https://e.com/2', url: 'https://e.com/2' }));
      expect(await db.articles.get('https://e.com/2')).toMatchObject({ doc: 8 });
      await expectIndexed(db);
    },
  },
  {
    // Posting lists in pages of two docs, some terms overridden by their own rows:
    // a changed list, and an empty row hiding a page's stale copy.
    from: 7,
    rows: (() => {
      const { summaries, ...rows } = v5Rows(
        {
          ...draft({ title: '时间序列分析', tags: ['治理'] }),
          savedAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
        },
        [{ ...highlight('h1'), note: '默认', color: 'green' }],
      );
      const lists = rows.postings as PostingRow[];
      const stale = { term: '幽灵', articles: Uint32Array.of(7), highlights: Uint32Array.of() };
      const changed = lists.find((p) => p.term === '序列')!;
      return {
        ...rows,
        summaryPages: freshSummaryPages(summaries as SummaryRow[]),
        postingPages: numberPages(
          [
            ...lists.filter((p) => p !== changed),
            { ...changed, articles: Uint32Array.of(1, 7) },
            stale,
          ],
          2,
        ),
        postings: [changed, { ...stale, articles: Uint32Array.of() }],
      };
    })(),
    async check(db) {
      // v8 renumbered the groups and wrote the lists again as fresh pages, the term rows
      // folded in (it was more than three pages of two docs, beside two term rows).
      expect(db.backendDB().objectStoreNames.contains('postings')).toBe(false);
      await expectIndexed(db);
      expect(await search(db, '时间序列')).toMatchObject([{ articleId: ARTICLE_ID }]);
      expect(await search(db, '幽灵')).toEqual([]);
      await updateNote(db, ARTICLE_ID, 'h1', '默想');
      await expectIndexed(db);
      expect(await search(db, '默想')).toMatchObject([{ articleId: ARTICLE_ID }]);
      await deleteHighlight(db, ARTICLE_ID, 'h1');
      await saveArticle(db, draft({ title: '乡村振兴' }));
      await expectIndexed(db);
      expect(await search(db, '时间序列')).toEqual([]);
    },
  },
  // v7 moves the summaries into pages: a v6 database's summary rows, as they are, in
  // pages of at most SUMMARY_PAGE_ROWS, oldest saved first; the summaries store is gone.
  {
    from: 6,
    rows: v6Rows(v6Library().articles, v6Library().highlights),
    async check(db) {
      const { articles, highlights } = v6Library();
      const summaries = summariesOf(articles, highlights);
      expect(db.backendDB().objectStoreNames.contains('summaries')).toBe(false);
      const pages = await db.summaryPages.toArray();
      expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
      expect(pages.map((p) => p.rows.length)).toEqual([SUMMARY_PAGE_ROWS, SUMMARY_PAGE_ROWS, 88]);
      expect(pages.flatMap((p) => p.rows)).toEqual([...summaries].sort(bySavedAt));
      await expectSummaryPages(db);
      expect(await summariesById(db)).toEqual(summaries);
      // The list, its first screen, its filters and facets.
      const all = newestFirst(summaries);
      expect(await listArticles(db)).toEqual(all);
      expect(await listArticles(db, { limit: 60 })).toEqual(all.slice(0, 60));
      expect((await listArticles(db, { color: 'green', limit: 2 })).map((a) => a.id)).toEqual(
        all
          .filter((a) => a.colors.includes('green'))
          .map((a) => a.id)
          .slice(0, 2),
      );
      expect(await listArticles(db, { tag: '治理' })).toHaveLength(24);
      expect(await listFacets(db)).toEqual({ sites: ['e.com', 'www.news.cn'], tags: ['治理'] });
      // Search, its results' titles from the article rows.
      expect(await search(db, '时间序列')).toMatchObject([
        { articleId: 'https://e.com/123', title: '时间序列分析', site: 'e.com', author: '张三' },
      ]);
      expect((await search(db, '绣花')).map((r) => r.articleId).sort()).toEqual(
        highlights.map((h) => h.articleId).sort(),
      );
      // A new save lands on the last page and heads the list.
      await saveArticle(
        db,
        draft({ id: 'https://e.com/new', url: 'https://e.com/new', title: '新文章' }),
        () => '2025-03-01T00:00:00.000Z',
      );
      expect((await db.summaryPages.get(3))?.ids.at(-1)).toBe('https://e.com/new');
      expect(await listArticles(db, { limit: 1 })).toMatchObject([{ id: 'https://e.com/new' }]);
      await expectSummaryPages(db);
      await expectIndexed(db);
    },
  },
  // v8: each highlight group takes its article's doc (a group of an article not stored,
  // none), the group docs in the posting lists renumbered to match; pages and term rows
  // are read as search reads them, and written back as pages.
  {
    from: 7,
    rows: v7Rows(),
    async check(db) {
      const { articles, highlights } = v6Library();
      await expectIndexed(db);
      expect(db.backendDB().objectStoreNames.contains('postings')).toBe(false);
      const docOf = new Map(articles.map((a, i) => [a.id, i + 1]));
      for (const g of await db.highlightGroups.toArray())
        expect(g.doc).toBe(docOf.get(g.articleId));
      expect(await db.highlightGroups.get(STRAY)).not.toHaveProperty('doc');
      // Article rows are as they were.
      expect((await db.articles.get('https://e.com/123'))?.doc).toBe(124);
      // A highlight's words, and a note written after the lists were paged (a term row).
      expect((await search(db, '绣花')).map((r) => r.articleId).sort()).toEqual(
        highlights.map((h) => h.articleId).sort(),
      );
      expect(await search(db, '复盘')).toMatchObject([
        { articleId: 'https://e.com/400', hits: [{ field: 'note', highlightId: 'h400' }] },
      ]);
      // The stray group is in no list until its article is saved: then it is found.
      expect(await search(db, '孤本')).toEqual([]);
      await saveArticle(db, draft({ id: STRAY, url: STRAY, title: '新文章' }));
      expect(await db.highlightGroups.get(STRAY)).toMatchObject({ doc: 601 });
      expect(await search(db, '孤本')).toMatchObject([
        { articleId: STRAY, hits: [{ field: 'note', highlightId: 'stray' }] },
      ]);
      await expectIndexed(db);
      // Many candidates: the groups walked newest first by their (their articles') docs.
      const all = await search(db, '绣花', 2, { fullRankMax: 1 });
      expect(all).toHaveLength(2);
      expect(all.every((r) => r.hits.some((h) => h.field === 'highlight'))).toBe(true);
    },
  },
  // v9: an article's search document holds its body. A pasted article's pasted text (rows
  // from before carry it) is found by its words, its doc kept; an article saved since with
  // its text is found by a word of the text.
  {
    from: 8,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const { summaries, ...rows } = v6Rows(articles.slice(0, 300), highlights.slice(0, 2), true);
      const pasted = (rows.articles as Article[]).map((a) =>
        a.id === 'https://e.com/007'
          ? { ...a, sourceText: '第七篇\n推行河湖长制，守护一江清水。' }
          : a,
      );
      return {
        ...rows,
        articles: pasted,
        summaryPages: freshSummaryPages(summaries as SummaryRow[]),
      };
    })(),
    async check(db) {
      const found = await search(db, '河湖长制');
      expect(found).toMatchObject([{ articleId: 'https://e.com/007', hits: [{ field: 'body' }] }]);
      const [hit] = found[0]!.hits;
      expect(hit!.text.slice(...hit!.spans[0]!)).toBe('河湖长制');
      expect((await db.articles.get('https://e.com/007'))?.doc).toBe(8);
      expect(await search(db, '时间序列')).toMatchObject([{ articleId: 'https://e.com/123' }]);
      await expectIndexed(db);
      await saveArticle(
        db,
        draft({
          id: 'https://e.com/new',
          url: 'https://e.com/new',
          title: '新文章',
          text: { blocks: [{ kind: 'paragraph', text: '以数字赋能基层减负。' }] },
        }),
      );
      expect(await search(db, '数字赋能')).toMatchObject([
        { articleId: 'https://e.com/new', hits: [{ field: 'body' }] },
      ]);
      await expectIndexed(db);
    },
  },
  // A v9 database opens as it is: an article's text kept through an edit, its body searched.
  {
    from: 9,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const some = articles
        .slice(0, 20)
        .map((a) =>
          a.id === 'https://e.com/003'
            ? { ...a, text: { blocks: [{ kind: 'paragraph' as const, text: '推行河湖长制。' }] } }
            : a,
        );
      const { summaries, ...rows } = v6Rows(some, highlights.slice(0, 1), true);
      return { ...rows, summaryPages: freshSummaryPages(summaries as SummaryRow[]) };
    })(),
    async check(db) {
      await expectIndexed(db);
      expect(await search(db, '河湖长制')).toMatchObject([{ articleId: 'https://e.com/003' }]);
      // A save without text (a page whose engine found none this time) keeps the stored text.
      await saveArticle(db, draft({ id: 'https://e.com/003', url: 'https://e.com/003' }));
      expect((await getArticle(db, 'https://e.com/003')).article?.text?.blocks).toHaveLength(1);
      expect(await search(db, '河湖长制')).toHaveLength(1);
      await expectIndexed(db);
    },
  },
  // v10: each article's texts move out of its row into `articleTexts`, from every
  // earlier version.
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((from): UpgradeCase => ({
    from,
    rows: textRows(from),
    check: checkTextsMoved,
  })),
  // v10 from v9 over many steps of rows: docs and posting lists as they were.
  {
    from: 9,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const texts = articles.map((a, i) => ({
        ...a,
        ...(i % 3 === 0
          ? { text: { blocks: [{ kind: 'paragraph', text: `第${i}段：守护一江清水。` }] } }
          : {}),
        ...(i % 5 === 0 ? { sourceText: `粘贴${i}\n原文` } : {}),
      }));
      const { summaries, ...rows } = v6Rows(texts as Article[], highlights, true);
      return { ...rows, summaryPages: freshSummaryPages(summaries as SummaryRow[]) };
    })(),
    async check(db) {
      const { articles, highlights } = v6Library();
      const seeded = v6Rows(
        articles.map((a, i) => ({
          ...a,
          ...(i % 3 === 0
            ? { text: { blocks: [{ kind: 'paragraph', text: `第${i}段：守护一江清水。` }] } }
            : {}),
          ...(i % 5 === 0 ? { sourceText: `粘贴${i}\n原文` } : {}),
        })) as Article[],
        highlights,
        true,
      );
      // The lists untouched: exactly the v9 rows' (no rebuild).
      const lists = (seeded.postings as PostingRow[]).map((p) => ({
        term: p.term,
        articles: [...p.articles],
        highlights: [...p.highlights],
      }));
      expect(
        (await allPostings(db)).map((p) => ({
          term: p.term,
          articles: [...p.articles],
          highlights: [...p.highlights],
        })),
      ).toEqual(lists.sort((a, b) => (a.term < b.term ? -1 : 1)));
      // Rows as they were but their texts (docs kept); texts apart, exactly.
      const want = (seeded.articles as (Article & { doc: number })[]).map(withoutTexts);
      expect(await db.articles.toArray()).toEqual(
        want.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      );
      const texts = (seeded.articles as Article[]).map(textsRow).filter((t) => t !== null);
      expect(await db.articleTexts.toArray()).toEqual(
        texts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      );
      expect(await db.articleTexts.count()).toBe(200 + 120 - 40);
      const found = await search(db, '一江清水', 500);
      expect(found).toHaveLength(200);
      expect(found.every((r) => r.hits.every((h) => h.field === 'body'))).toBe(true);
      await expectIndexed(db);
    },
  },
  // A v10 database opens as it is.
  {
    from: 10,
    rows: (() => {
      const { summaries, ...rows } = v6Rows(textLibrary(), [highlight('h1')], true);
      const articles = rows.articles as (Article & { doc: number })[];
      return {
        ...rows,
        articles: articles.map(withoutTexts),
        articleTexts: articles.map(textsRow).filter((t) => t !== null),
        summaryPages: freshSummaryPages(summaries as SummaryRow[]),
      };
    })(),
    check: checkTextsMoved,
  },
  // v11: a v10 database's term rows (a changed term's whole list, an empty row hiding a
  // page's stale copy) folded into fresh pages; `postings` is gone, no shard rows yet.
  {
    from: 10,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const { summaries, ...rows } = v6Rows(articles.slice(0, 40), highlights.slice(0, 1), true);
      const lists = rows.postings as PostingRow[];
      const changed = lists.find((p) => p.articles.length > 3)!;
      const stale = { term: '幽灵', articles: Uint32Array.of(7), highlights: Uint32Array.of() };
      return {
        ...rows,
        summaryPages: freshSummaryPages(summaries as SummaryRow[]),
        postingPages: numberPages(
          [
            ...lists.filter((p) => p !== changed),
            {
              ...changed,
              articles: Uint32Array.from(new Set([...changed.articles.slice(1), 39])).sort(),
            },
            stale,
          ],
          16,
        ),
        postings: [changed, { ...stale, articles: Uint32Array.of() }],
      };
    })(),
    async check(db) {
      expect(db.backendDB().objectStoreNames.contains('postings')).toBe(false);
      expect(await db.postingShards.count()).toBe(0);
      // The pages written again, their lists as bytes.
      for (const page of await db.postingPages.toArray()) {
        expect(page.articles).toBeInstanceOf(Uint8Array);
        expect(page.highlights).toBeInstanceOf(Uint8Array);
      }
      await expectIndexed(db);
      expect(await search(db, '幽灵')).toEqual([]);
      // A write after it goes to the shard rows: the pages stay as folded.
      const pages = await db.postingPages.toArray();
      const NEW = 'https://e.com/new';
      await saveArticle(db, draft({ id: NEW, url: NEW, title: '幽灵船' }));
      expect(await db.postingPages.toArray()).toEqual(pages);
      expect(await db.postingShards.count()).toBeGreaterThan(0);
      expect(await search(db, '幽灵')).toMatchObject([{ articleId: NEW }]);
      await expectIndexed(db);
    },
  },
  // v12 from v11: its lists are the pages' copies with the shard rows applied (a doc
  // added in shard 0, a stale doc taken out in shard 1), the rows then as bytes.
  {
    from: 11,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const { summaries, postings, ...rows } = v6Rows(articles, highlights, true);
      const lists = postings as PostingRow[];
      const term = lists.find((p) => p.articles.length > 3)!;
      const added = term.articles[0]!;
      const copy = {
        ...term,
        articles: Uint32Array.from([...term.articles.slice(1), 999].sort((a, b) => a - b)),
      };
      const row = (shard: number, over: object) => ({
        term: term.term,
        shard,
        articles: Uint32Array.of(),
        highlights: Uint32Array.of(),
        goneArticles: Uint32Array.of(),
        goneHighlights: Uint32Array.of(),
        ...over,
      });
      return {
        ...rows,
        // A group whose article is not stored has no doc: no search row.
        highlightGroups: [
          ...(rows.highlightGroups as HighlightGroupRow[]),
          { articleId: GONE, highlights: [highlight('hx', GONE)] },
        ],
        summaryPages: freshSummaryPages(summaries as SummaryRow[]),
        postingPages: postingPages([...lists.filter((p) => p !== term), copy], 64),
        postingShards: [
          row(Math.floor(added / SHARD_DOCS), { articles: Uint32Array.of(added) }),
          row(Math.floor(999 / SHARD_DOCS), { goneArticles: Uint32Array.of(999) }),
        ],
      };
    })(),
    async check(db) {
      await expectIndexed(db);
      expect(await db.searchOwn.count()).toBe(600);
      expect(await db.searchMarks.count()).toBe(3);
      // v12 wrote the shard rows' lists again as bytes.
      const shards = await db.postingShards.toArray();
      expect(shards).toHaveLength(2);
      for (const row of shards)
        for (const l of [row.articles, row.highlights, row.goneArticles, row.goneHighlights])
          expect(l.BYTES_PER_ELEMENT).toBe(1);
      // A new article (doc 601, shard 1) and a deleted one.
      const NEW = 'https://e.com/new';
      await saveArticle(db, draft({ id: NEW, url: NEW, title: '时间序列' }));
      await deleteArticle(db, 'https://e.com/123');
      expect((await search(db, '时间序列')).map((r) => r.articleId)).toEqual([NEW]);
      await expectIndexed(db);
    },
  },
  // A v12 database opens as it is: search reads its search rows (one with another title
  // shows that they, not the article rows, are read).
  {
    from: 12,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const { summaries, postings, ...rows } = v6Rows(articles, highlights, true);
      const stored = rows.articles as ArticleRow[];
      const groups = rows.highlightGroups as (HighlightGroupRow & { doc: number })[];
      return {
        ...rows,
        summaryPages: freshSummaryPages(summaries as SummaryRow[]),
        postingPages: postingPages(postings as PostingRow[], 64),
        searchOwn: stored.map((a) => ({
          ...searchOwnRow(a),
          ...(a.id === 'https://e.com/123' ? { title: '旧标题' } : {}),
        })),
        searchMarks: groups.map(searchMarksRow),
      };
    })(),
    async check(db) {
      // Found by its row's fields, shown with its row's title.
      expect(await search(db, '时间序列')).toMatchObject([
        { articleId: 'https://e.com/123', title: '旧标题', hits: [{ field: 'title' }] },
      ]);
      expect(await search(db, '绣花')).toHaveLength(3);
      // Written again with its article: the rows then agree.
      await saveArticle(
        db,
        draft({ id: 'https://e.com/123', url: 'https://e.com/123', title: '新标题' }),
      );
      expect(await search(db, '时间序列')).toEqual([]);
      expect((await search(db, '新标题')).map((r) => r.title)).toEqual(['新标题']);
      await expectIndexed(db);
    },
  },
  // A v8 database opens as it is.
  {
    from: 8,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const { summaries, ...rows } = v6Rows(articles.slice(0, 300), highlights.slice(0, 2), true);
      return { ...rows, summaryPages: freshSummaryPages(summaries as SummaryRow[]) };
    })(),
    async check(db) {
      await expectIndexed(db);
      expect(await search(db, '绣花')).toHaveLength(2);
      await putHighlight(
        db,
        highlight('h2', 'https://e.com/007'),
        draft({ id: 'https://e.com/007' }),
      );
      expect(await db.highlightGroups.get('https://e.com/007')).toMatchObject({ doc: 8 });
      expect(await search(db, '绣花')).toHaveLength(3);
      await expectIndexed(db);
    },
  },
  // A v7 database opens as it is.
  {
    from: 7,
    rows: (() => {
      const { articles, highlights } = v6Library();
      const { summaries, ...rows } = v6Rows(articles.slice(0, 300), highlights.slice(0, 2));
      return { ...rows, summaryPages: freshSummaryPages(summaries as SummaryRow[]) };
    })(),
    async check(db) {
      expect((await db.summaryPages.toArray()).map((p) => p.rows.length)).toEqual([256, 44]);
      // Saved at 00:35 and 00:21.
      expect(await listArticles(db, { color: 'green' })).toMatchObject([
        { id: 'https://e.com/005' },
        { id: 'https://e.com/123' },
      ]);
      await putHighlight(
        db,
        highlight('h2', 'https://e.com/007'),
        draft({ id: 'https://e.com/007' }),
      );
      expect(await listArticles(db, { color: 'yellow' })).toMatchObject([
        { id: 'https://e.com/007', highlights: 1 },
      ]);
      await expectIndexed(db);
    },
  },
];

describe('schema upgrades', () => {
  it('has a case for every released version', () => {
    expect([...new Set(CASES.map((c) => c.from))]).toEqual(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    );
  });

  it.each(CASES)(
    'opens a v$from database with the current schema',
    async ({ from, rows, check }) => {
      const name = `gangmu-upgrade-${from}-${Math.random().toString(36).slice(2)}`;
      await seedRaw(name, from, SCHEMA[from as keyof typeof SCHEMA], rows);
      const db = new GangmuDB(name);
      try {
        await db.open();
        expect(db.verno).toBe(DB_VERSION);
        await check(db);
        // Whatever the case checked, the list holds every stored article, newest saved first.
        await expectSummaryPages(db);
        const articles = newestFirst(await db.articles.toArray());
        expect((await listArticles(db)).map((a) => a.id)).toEqual(articles.map((a) => a.id));
        expect((await listArticles(db, { limit: 1 })).map((a) => a.id)).toEqual(
          articles.slice(0, 1).map((a) => a.id),
        );
      } finally {
        await db.delete();
      }
    },
  );
});
