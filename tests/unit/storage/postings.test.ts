/** Every write keeps the posting lists exactly what the rows say, in its transaction. */
import { afterEach, describe, expect, it } from 'vitest';
import type { GangmuDB } from '@/utils/db/schema';
import { deleteArticle, restoreRows, saveArticle, setTags } from '@/utils/storage/articles';
import { exportBackup, importBackup } from '@/utils/storage/backup';
import { deleteHighlight, putHighlight, updateNote } from '@/utils/storage/highlights';
import { search } from '@/utils/storage/search';
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
    expect(await db.postings.get('基层')).toBeUndefined();
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
  });

  it('a failed write leaves them as they were', async () => {
    db = freshDb();
    base = db.name;
    await putHighlight(db, { ...highlight('h1'), note: '默认' }, draft());
    const before = await db.postings.toArray();
    db.summaryPages.bulkPut = (() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError'))) as never;
    await expect(updateNote(db, ARTICLE_ID, 'h1', '默想')).rejects.toThrow();
    await expect(saveArticle(db, draft({ title: '新标题' }))).rejects.toThrow();
    expect(await db.postings.toArray()).toEqual(before);
  });
});
