/**
 * Schema upgrade paths. Each case seeds a database of an OLD shape with raw
 * IndexedDB (as a released version of the extension left it), then opens it
 * with the current GangmuDB and checks the rows. When version n+1 is added to
 * utils/db/schema.ts, add a case `from: n` here; never edit an old case.
 */
import { describe, expect, it } from 'vitest';
import { DB_VERSION, GangmuDB, SCHEMA } from '@/utils/db/schema';
import { getArticle, listArticles } from '@/utils/storage/articles';
import { search } from '@/utils/storage/search';
import { getSitePrefs } from '@/utils/storage/site-prefs';
import { articleTerms, highlightTerms } from '@/utils/storage/terms';
import { ARTICLE_ID, draft, highlight } from './fixtures';

type StoreSpec = Record<string, string>;

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
        const [primary = '', ...indexes] = schema.split(',').map((s) => s.trim());
        const store = open.result.createObjectStore(storeName, {
          keyPath: primary.replace(/^(\+\+|&)/, ''),
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
      expect(await db.articles.where('tags').equals('治理').count()).toBe(1);
      expect(await getSitePrefs(db, 'news.cn')).toEqual({
        alwaysOpen: true,
        width: 400,
        collapsed: false,
      });
      // v2: every old row got its search terms, and search finds it.
      const row = await db.articles.get(ARTICLE_ID);
      expect(row?.terms).toEqual(articleTerms(article!));
      expect(row?.terms).toContain('基层');
      for (const h of await db.highlights.toArray()) expect(h.terms).toEqual(highlightTerms(h));
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
      expect(await db.summaries.count()).toBe(2);
      expect(await db.summaries.get(ARTICLE_ID)).toEqual({
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
      } finally {
        await db.delete();
      }
    },
  );
});
