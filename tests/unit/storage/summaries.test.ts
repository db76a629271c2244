/**
 * The list's summaries (schema v3, in pages since v7) stay equal to what the
 * rows say after every write: highlight put/edit/delete, note edits, tags,
 * delete and undo, backup import (merge and replace), and a failed write
 * changes neither. Their pages stay well formed across page boundaries, and
 * the list's first screen, read from the newest pages, is exactly the head of
 * the whole sorted list.
 */
import { describe, expect, it } from 'vitest';
import { serializeBackup } from '@/lib/backup';
import { HIGHLIGHT_COLORS, type Article, type Highlight } from '@/lib/model';
import type { GangmuDB, SummaryPageRow } from '@/background/db/schema';
import type { ArticleSummary, ListQuery } from '@/protocol/messages';
import {
  deleteArticle,
  listArticles,
  listFacets,
  restoreRows,
  saveArticle,
  setTags,
} from '@/background/storage/articles';
import { exportBackup, importBackup } from '@/background/storage/backup';
import { deleteHighlight, putHighlight, updateNote } from '@/background/storage/highlights';
import {
  allSummaries,
  freshSummaryPages,
  SUMMARY_PAGE_ROWS,
  summariesOf,
  type SummaryRow,
} from '@/background/storage/summaries';
import { stripTerms } from '@/background/storage/terms';
import { makeArticle, makeHighlight, rng } from '../backup/library-fixture';
import {
  allHighlights,
  ARTICLE_ID,
  draft,
  highlight,
  summariesById,
  tickingClock,
  useFreshDbs,
  useFreshLibraries,
} from './fixtures';
import { expectSummaryPages } from './index-check';

const open = useFreshDbs();
const openLibrary = useFreshLibraries();

const OTHER = 'https://e.com/2';

/** The stored summaries equal the ones computed from every stored row. */
async function expectFresh(db: GangmuDB) {
  const expected = summariesOf(await db.articles.toArray(), await allHighlights(db));
  expect(await summariesById(db)).toEqual(expected);
  await expectSummaryPages(db);
}

const summary = async (db: GangmuDB, id = ARTICLE_ID) =>
  (await allSummaries(db)).find((s) => s.id === id);

describe('summaries', () => {
  it('follow saves, highlight puts, edits, colour changes and deletes', async () => {
    const db = open();
    const clock = tickingClock();
    await saveArticle(db, draft(), clock);
    expect(await summary(db)).toMatchObject({ highlights: 0, notes: 0, colors: [], points: 3 });
    await putHighlight(db, highlight('h1'), draft(), clock);
    await putHighlight(db, { ...highlight('h2'), color: 'pink', note: '注' }, draft(), clock);
    expect(await summary(db)).toMatchObject({
      highlights: 2,
      notes: 1,
      colors: ['yellow', 'pink'],
    });
    await expectFresh(db);
    await updateNote(db, ARTICLE_ID, 'h1', '新笔记', 'green', clock);
    expect(await summary(db)).toMatchObject({ notes: 2, colors: ['green', 'pink'] });
    await updateNote(db, ARTICLE_ID, 'h2', '  ', undefined, clock);
    expect(await summary(db)).toMatchObject({ notes: 1 });
    // A re-sent highlight is an edit: still two.
    await putHighlight(db, { ...highlight('h2'), color: 'blue' }, draft(), clock);
    expect(await summary(db)).toMatchObject({ highlights: 2, colors: ['green', 'blue'] });
    await deleteHighlight(db, ARTICLE_ID, 'h1');
    expect(await summary(db)).toMatchObject({ highlights: 1, notes: 0, colors: ['blue'] });
    await deleteHighlight(db, ARTICLE_ID, 'missing');
    await expectFresh(db);
    // The article's updatedAt, bumped by each change, is the summary's too.
    expect((await summary(db))?.updatedAt).toBe((await db.articles.get(ARTICLE_ID))?.updatedAt);
  });

  it('a highlight on an unsaved article creates its summary', async () => {
    const db = open();
    await putHighlight(db, highlight('h1'), draft());
    expect(await listArticles(db)).toMatchObject([{ id: ARTICLE_ID, highlights: 1 }]);
    await expectFresh(db);
  });

  it('follow tags and a re-save, and give the facets', async () => {
    const db = open();
    const clock = tickingClock();
    await saveArticle(db, draft({ tags: ['治理'] }), clock);
    await saveArticle(db, draft({ id: OTHER, url: OTHER, site: 'e.com', tags: ['经济'] }), clock);
    await setTags(db, ARTICLE_ID, ['精读', ' 社区 ', '精读'], clock);
    expect((await summary(db))?.tags).toEqual(['精读', '社区']);
    await saveArticle(db, draft({ title: '新标题', tags: ['治理'] }), clock);
    expect(await summary(db)).toMatchObject({ title: '新标题', tags: ['精读', '社区', '治理'] });
    expect(await listFacets(db)).toEqual({
      sites: ['e.com', 'www.news.cn'],
      tags: ['经济', '精读', '社区', '治理'].sort((a, b) => a.localeCompare(b)),
    });
    await expectFresh(db);
  });

  it('a deleted article loses its summary and gets it back on undo', async () => {
    const db = open();
    await putHighlight(db, { ...highlight('h1'), note: '注' }, draft());
    const before = await summary(db);
    const deleted = await deleteArticle(db, ARTICLE_ID);
    expect(await summary(db)).toBeUndefined();
    expect(await listArticles(db)).toEqual([]);
    await restoreRows(db, deleted!);
    expect(await summary(db)).toEqual(before);
    await expectFresh(db);
  });

  it('an import (merge or replace) recomputes them; they never enter a backup', async () => {
    const db = open();
    const clock = tickingClock();
    await putHighlight(db, highlight('h1'), draft({ tags: ['治理'] }), clock);
    await putHighlight(db, highlight('h2', OTHER), draft({ id: OTHER, url: OTHER }), clock);
    const text = await exportBackup(db);
    expect(text).not.toMatch(/"(summaries|points|colors)"/);

    const otherLib = openLibrary();
    let other = await otherLib.live();
    await putHighlight(other, highlight('x1'), draft(), tickingClock(Date.UTC(2020, 0, 1)));
    await importBackup(otherLib.library, text, 'merge');
    // The stored article is older: the backup's wins; x1 and h1 both count.
    expect(await summary(other)).toMatchObject({ highlights: 2, tags: ['治理'] });
    expect(await summary(other, OTHER)).toMatchObject({ highlights: 1 });
    await expectFresh(other);

    await importBackup(otherLib.library, text, 'replace');
    other = await otherLib.live();
    expect(await summary(other)).toMatchObject({ highlights: 1 });
    expect(await summariesById(other)).toEqual(await summariesById(db));
    await expectFresh(other);
  });

  it('a failed write leaves the summaries as they were', async () => {
    const db = open();
    await putHighlight(db, highlight('h1'), draft());
    const before = await summariesById(db);
    db.highlightGroups.put = (() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError'))) as never;
    await expect(putHighlight(db, highlight('h2'), draft())).rejects.toThrow();
    expect(await summariesById(db)).toEqual(before);
  });
});

describe('listArticles with a limit', () => {
  it('gives the head of the full list, ties at the boundary included, with filters', async () => {
    const db = open();
    // Ten articles, saved on three instants (ties), some green.
    for (let i = 0; i < 10; i++) {
      const id = `https://e.com/${i}`;
      const at = `2025-01-0${1 + (i % 3)}T00:00:00.000Z`;
      await saveArticle(db, draft({ id, url: id, title: `文${i}` }), () => at);
      if (i % 2)
        await putHighlight(
          db,
          { ...highlight(`h${i}`, id), color: 'green' },
          draft({ id, url: id }),
          () => at,
        );
    }
    for (const query of [
      {},
      { order: 'asc' as const },
      { sort: 'updatedAt' as const },
      { color: 'green' as const },
      { from: '2025-01-02' },
      { sort: 'title' as const },
    ]) {
      const all = await listArticles(db, query);
      for (const limit of [1, 3, 4, 7, 20])
        expect(await listArticles(db, { ...query, limit })).toEqual(all.slice(0, limit));
    }
  });
});

/** The list's default order: newest saved first, ties by id. */
const newestFirst = <R extends { id: string; savedAt: string }>(rows: readonly R[]): R[] =>
  [...rows].sort((a, b) =>
    a.savedAt !== b.savedAt ? (a.savedAt < b.savedAt ? 1 : -1) : a.id < b.id ? -1 : 1,
  );

/** One of `n` instants (a library saved on few of them has many ties). */
const instant = (k: number) => new Date(Date.UTC(2024, 0, 1) + k * 3_600_000).toISOString();

/** `n` generated articles (ids from `from`) on three sites, one empty, saved on 12 instants, some highlighted. */
function tiedLibrary(n: number, seed: number, from = 0) {
  const r = rng(seed);
  const articles = Array.from({ length: n }, (_, k): Article => {
    const i = from + k;
    const a = makeArticle(i);
    return {
      ...a,
      site: ['a.cn', 'b.cn', ''][i % 3]!,
      savedAt: instant(Math.floor(r() * 12)),
      tags: i % 5 === 0 ? ['治理'] : i % 7 === 0 ? ['经济', ''] : [],
    };
  });
  const highlights = articles
    .filter(() => r() < 0.3)
    .map((a, k) => makeHighlight(from * 10 + k, a.id));
  return { articles, highlights };
}

/** A library holding `data` (a replace: its pages as a restore writes them). */
async function restored(
  openLibrary: ReturnType<typeof useFreshLibraries>,
  data: { articles: Article[]; highlights: Highlight[] },
) {
  const lib = openLibrary();
  await importBackup(lib.library, serializeBackup(data), 'replace');
  return { lib, db: await lib.live() };
}

const QUERIES: ListQuery[] = [
  {},
  { color: 'green' },
  { site: 'a.cn' },
  { tag: '治理' },
  { from: instant(3).slice(0, 13), to: instant(8).slice(0, 13) },
];

/**
 * The default view with `limit` (read from the newest pages) equals the whole
 * list sorted and cut, for every filter and the limits given; the whole list
 * equals every summary sorted newest first.
 */
async function expectHeads(db: GangmuDB, limits: number[]) {
  expect(await listArticles(db)).toEqual(newestFirst(await allSummaries(db)));
  for (const query of QUERIES) {
    const all = await listArticles(db, query);
    for (const limit of limits)
      expect(await listArticles(db, { ...query, limit })).toEqual(all.slice(0, limit));
  }
}

describe('summary pages', () => {
  it('a restored library is cut into full pages, oldest saved first, none empty', () => {
    expect(freshSummaryPages([])).toEqual([]);
    const { articles, highlights } = tiedLibrary(2 * SUMMARY_PAGE_ROWS + 3, 1);
    const rows = summariesOf(articles, highlights);
    const pages = freshSummaryPages(rows);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages.map((p) => p.rows.length)).toEqual([SUMMARY_PAGE_ROWS, SUMMARY_PAGE_ROWS, 3]);
    expect(pages.flatMap((p) => p.rows)).toEqual([...rows].sort(bySaved));
    for (const p of pages) {
      expect(p.ids).toEqual(p.rows.map((r) => r.id));
      expect(p.newest).toBe(p.rows.at(-1)!.savedAt);
    }
  });

  it('a refresh replaces, drops and appends across page boundaries', async () => {
    const { lib, db } = await restored(openLibrary, tiedLibrary(600, 2));
    const pages = async () => new Map((await db.summaryPages.toArray()).map((p) => [p.page, p]));
    const sizes = async () => [...(await pages()).values()].map((p) => [p.page, p.rows.length]);
    const before = await pages();
    expect(await sizes()).toEqual([
      [1, 256],
      [2, 256],
      [3, 88],
    ]);
    await expectFresh(db);

    // An update on page 1: its row replaced where it stands, the other pages untouched.
    const first = before.get(1)!;
    await setTags(db, first.ids[10]!, ['新标签'], () => '2030-01-01T00:00:00.000Z');
    let now = await pages();
    expect(now.get(1)!.ids).toEqual(first.ids);
    expect(now.get(1)!.rows[10]).toMatchObject({ tags: ['新标签'] });
    expect(now.get(2)).toEqual(before.get(2));
    expect(now.get(3)).toEqual(before.get(3));
    // A highlight on page 2's first article.
    const second = before.get(2)!;
    await putHighlight(
      db,
      { ...highlight('new-h', second.ids[0]!), color: 'purple' },
      draft({ id: second.ids[0]! }),
    );
    expect((await pages()).get(2)!.rows[0]).toMatchObject({
      colors: expect.arrayContaining(['purple']),
    });
    await expectFresh(db);

    // A delete on page 2 drops its row; the undo appends it to the last page.
    const deleted = await deleteArticle(db, second.ids[1]!);
    now = await pages();
    expect(now.get(2)!.ids).toEqual([second.ids[0], ...second.ids.slice(2)]);
    await expectFresh(db);
    await restoreRows(db, deleted!);
    expect((await pages()).get(3)!.ids.at(-1)).toBe(second.ids[1]);
    await expectFresh(db);

    // A merge of 170 new articles fills the last page and opens page 4.
    const more = tiedLibrary(170, 3, 600);
    await importBackup(lib.library, serializeBackup(more), 'merge');
    expect(await sizes()).toEqual([
      [1, 256],
      [2, 255],
      [3, 256],
      [4, 3],
    ]);
    await expectFresh(db);
    // A save goes to page 4.
    await saveArticle(db, draft({ id: 'https://e.com/x', url: 'https://e.com/x' }));
    const fourth = (await pages()).get(4)!;
    expect(fourth.ids).toHaveLength(4);
    expect(fourth.ids.at(-1)).toBe('https://e.com/x');
    await expectFresh(db);

    // Deleting every row of page 4 deletes it; the next save opens it again.
    for (const id of fourth.ids) await deleteArticle(db, id);
    expect(await db.summaryPages.get(4)).toBeUndefined();
    expect((await sizes()).map(([page]) => page)).toEqual([1, 2, 3]);
    await expectFresh(db);
    await saveArticle(db, draft({ id: 'https://e.com/y', url: 'https://e.com/y' }));
    expect((await pages()).get(4)!.ids).toEqual(['https://e.com/y']);
    await expectFresh(db);
  });

  it('a page emptied in the middle is deleted, the others kept as they are', async () => {
    const db = open();
    const clock = tickingClock();
    const ids = ['a', 'b', 'c', 'd', 'e'].map((k) => `https://e.com/${k}`);
    for (const id of ids) await saveArticle(db, draft({ id, url: id }), clock);
    // Laid out by hand: pages 1, 2 and 5.
    const rows = new Map((await allSummaries(db)).map((s) => [s.id, s]));
    const page = (n: number, of: string[]): SummaryPageRow => ({
      page: n,
      newest: newestFirst(of.map((id) => rows.get(id)!))[0]!.savedAt,
      ids: of,
      rows: of.map((id) => rows.get(id)!),
    });
    await db.summaryPages.clear();
    await db.summaryPages.bulkPut([
      page(1, ids.slice(0, 2)),
      page(2, [ids[2]!]),
      page(5, ids.slice(3)),
    ]);
    await expectFresh(db);
    await deleteArticle(db, ids[2]!);
    expect((await db.summaryPages.toArray()).map((p) => p.page)).toEqual([1, 5]);
    expect(await db.summaryPages.get(1)).toEqual(page(1, ids.slice(0, 2)));
    await saveArticle(db, draft({ id: 'https://e.com/f', url: 'https://e.com/f' }), clock);
    expect((await db.summaryPages.get(5))?.ids).toEqual([...ids.slice(3), 'https://e.com/f']);
    await expectFresh(db);
  });

  it('the first screen, read from the newest pages, is the head of the whole sorted list', async () => {
    for (const [n, seed] of [
      [0, 10],
      [1, 11],
      [300, 12],
      [700, 13],
    ] as const) {
      const { lib, db } = await restored(openLibrary, tiedLibrary(n, seed));
      const limits = [1, 60, n + 5];
      await expectHeads(db, limits);
      if (n < 300) continue;
      // Random edits: articles on earlier pages made newer (a merge of newer versions with a
      // new saved date: their rows change where they stand), new saves tied with the newest,
      // deletes and their undo (old rows appended to the last page).
      const r = rng(seed * 31);
      const stored = (await db.articles.toArray()).map(stripTerms);
      const pick = () => stored[Math.floor(r() * stored.length)]!;
      const changed = Array.from({ length: 20 }, pick).map((a) => ({
        ...a,
        savedAt: instant(6 + Math.floor(r() * 8)),
        updatedAt: '2031-01-01T00:00:00.000Z',
      }));
      await importBackup(
        lib.library,
        serializeBackup({
          articles: [...new Map(changed.map((a) => [a.id, a])).values()],
          highlights: [],
        }),
        'merge',
      );
      // Earlier pages now hold rows newer than some on the last page.
      const ps = await db.summaryPages.toArray();
      const oldestLast = ps
        .at(-1)!
        .rows.map((x) => x.savedAt)
        .sort()[0]!;
      expect(ps.slice(0, -1).some((p) => p.newest > oldestLast)).toBe(true);
      await expectHeads(db, limits);
      for (let k = 0; k < 10; k++) {
        const id = `https://e.com/new/${k}`;
        await saveArticle(db, draft({ id, url: id }), () => instant(11 + Math.floor(r() * 3)));
      }
      for (let k = 0; k < 10; k++) {
        const gone = await deleteArticle(db, pick().id);
        if (gone && r() < 0.5) await restoreRows(db, gone);
      }
      await expectFresh(db);
      await expectHeads(db, limits);
      expect(await listFacets(db)).toEqual(facetsOf(await db.articles.toArray()));
    }
  });

  it('the first screen is exact whatever rows the pages hold, in any order', async () => {
    const db = open();
    const r = rng(99);
    for (let trial = 0; trial < 15; trial++) {
      const n = Math.floor(r() * 120);
      const rows = Array.from({ length: n }, (_, i): SummaryRow => ({
        id: `https://e.com/${Math.floor(r() * 1e6)}-${i}`,
        url: 'https://e.com/',
        site: ['a.cn', 'b.cn'][i % 2]!,
        title: `文${i}`,
        author: null,
        savedAt: instant(Math.floor(r() * 6)),
        updatedAt: instant(0),
        tags: r() < 0.3 ? ['治理'] : [],
        points: 0,
        highlights: 0,
        notes: 0,
        colors: HIGHLIGHT_COLORS.filter(() => r() < 0.3),
      }));
      // Shuffled, cut into pages of 1–20 rows with gaps in their numbers.
      const shuffled = rows.map((s) => [r(), s] as const).sort((a, b) => a[0] - b[0]);
      const pages: SummaryPageRow[] = [];
      for (let i = 0, page = 1; i < n; page += 1 + Math.floor(r() * 3)) {
        const part = shuffled.slice(i, (i += 1 + Math.floor(r() * 20))).map(([, s]) => s);
        pages.push({
          page,
          newest: newestFirst(part)[0]!.savedAt,
          ids: part.map((s) => s.id),
          rows: part,
        });
      }
      await db.summaryPages.clear();
      await db.summaryPages.bulkPut(pages);
      const all = newestFirst(rows);
      for (const limit of [1, 2, 7, 60, n + 1])
        expect(await listArticles(db, { limit })).toEqual(all.slice(0, limit));
      for (const query of QUERIES) {
        const list = await listArticles(db, query);
        for (const limit of [1, 5, 60])
          expect(await listArticles(db, { ...query, limit })).toEqual(list.slice(0, limit));
      }
    }
  });

  it('facets: every site and tag of the library, sorted, the empty one left out', async () => {
    const { db } = await restored(openLibrary, tiedLibrary(400, 20));
    const facets = await listFacets(db);
    expect(facets).toEqual(facetsOf(await db.articles.toArray()));
    expect(facets).toEqual({
      sites: ['a.cn', 'b.cn'],
      tags: ['治理', '经济'].sort((a, b) => a.localeCompare(b)),
    });
  });
});

/** Oldest saved first, ties by id: a restore's page order. */
function bySaved(a: ArticleSummary, b: ArticleSummary): number {
  return a.savedAt !== b.savedAt ? (a.savedAt < b.savedAt ? -1 : 1) : a.id < b.id ? -1 : 1;
}

/** The facets the list offers for these articles. */
function facetsOf(articles: readonly Article[]) {
  const sorted = (keys: Iterable<string>) =>
    [...new Set(keys)].filter((k) => k !== '').sort((a, b) => a.localeCompare(b));
  return {
    sites: sorted(articles.map((a) => a.site)),
    tags: sorted(articles.flatMap((a) => a.tags)),
  };
}
