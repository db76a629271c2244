/**
 * The list's summaries (schema v3) stay equal to what the rows say after every
 * write: highlight put/edit/delete, note edits, tags, delete and undo, backup
 * import (merge and replace), and a failed write changes neither.
 */
import { describe, expect, it } from 'vitest';
import type { GangmuDB } from '@/utils/db/schema';
import {
  deleteArticle,
  listArticles,
  listFacets,
  restoreRows,
  saveArticle,
  setTags,
} from '@/utils/storage/articles';
import { exportBackup, importBackup } from '@/utils/storage/backup';
import { deleteHighlight, putHighlight, updateNote } from '@/utils/storage/highlights';
import { allSummaries, summariesOf } from '@/utils/storage/summaries';
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

const open = useFreshDbs();
const openLibrary = useFreshLibraries();

const OTHER = 'https://e.com/2';

/** The stored summaries equal the ones computed from every stored row. */
async function expectFresh(db: GangmuDB) {
  const expected = summariesOf(await db.articles.toArray(), await allHighlights(db));
  expect(await summariesById(db)).toEqual(expected);
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
