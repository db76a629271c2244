import { afterEach, describe, expect, it } from 'vitest';
import type { GangmuDB } from '@/background/db/schema';
import { getArticle, isSaved, listArticles, saveArticle } from '@/background/storage/articles';
import { deleteHighlight, putHighlight } from '@/background/storage/highlights';
import { getSitePrefs, setSitePrefs } from '@/background/storage/site-prefs';
import {
  allHighlights,
  ARTICLE_ID,
  highlightById,
  draft,
  freshDb,
  highlight,
  tickingClock,
} from './fixtures';

let db: GangmuDB;
afterEach(async () => {
  await db?.delete();
});

describe('articles', () => {
  it('saves a new article with savedAt = updatedAt', async () => {
    db = freshDb();
    const saved = await saveArticle(db, draft(), tickingClock());
    expect(saved).toMatchObject({ id: ARTICLE_ID, title: '论基层治理' });
    expect(saved.savedAt).toBe(saved.updatedAt);
    expect(await db.articles.get(ARTICLE_ID)).toEqual({ ...saved, doc: 1 });
    expect(await isSaved(db, ARTICLE_ID)).toBe(true);
    expect(await isSaved(db, 'https://e.com/')).toBe(false);
  });

  it("updates in place, keeping savedAt and the reader's tags", async () => {
    db = freshDb();
    const clock = tickingClock();
    const first = await saveArticle(db, draft({ tags: ['治理'] }), clock);
    const second = await saveArticle(db, draft({ title: '新标题', tags: ['基层'] }), clock);
    expect(second.savedAt).toBe(first.savedAt);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(second.title).toBe('新标题');
    expect(second.tags).toEqual(['治理', '基层']);
    expect(await db.articles.count()).toBe(1);
  });

  it('reads an article with its highlights in creation order; null when not saved', async () => {
    db = freshDb();
    expect(await getArticle(db, ARTICLE_ID)).toEqual({ article: null, highlights: [] });
    await putHighlight(db, highlight('b', ARTICLE_ID, '2025-01-02T00:00:00.000Z'), draft());
    await putHighlight(db, highlight('a', ARTICLE_ID, '2025-01-01T00:00:00.000Z'), draft());
    await putHighlight(db, highlight('x', 'https://other/'), draft({ id: 'https://other/' }));
    const { article, highlights } = await getArticle(db, ARTICLE_ID);
    expect(article?.id).toBe(ARTICLE_ID);
    expect(highlights.map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('lists articles newest first with point, highlight and author counts', async () => {
    db = freshDb();
    const clock = tickingClock();
    await saveArticle(db, draft(), clock);
    await saveArticle(
      db,
      draft({ id: 'https://e.com/2', url: 'https://e.com/2', title: '二' }),
      clock,
    );
    await putHighlight(db, highlight('h1'), draft(), clock);
    await putHighlight(db, highlight('h2'), draft(), clock);
    const list = await listArticles(db);
    expect(list.map((a) => a.id)).toEqual(['https://e.com/2', ARTICLE_ID]);
    expect(list[1]).toMatchObject({
      points: 3,
      highlights: 2,
      author: '张三',
      site: 'www.news.cn',
    });
    expect(list[0]).toMatchObject({ highlights: 0 });
  });
});

describe('highlights', () => {
  it('creates the article when it is not saved yet', async () => {
    db = freshDb();
    await putHighlight(db, highlight('h1'), draft(), tickingClock());
    expect(await db.articles.get(ARTICLE_ID)).toMatchObject({ title: '论基层治理' });
    expect(await highlightById(db, 'h1')).toMatchObject({ articleId: ARTICLE_ID });
  });

  it("bumps the article's updatedAt but keeps its savedAt", async () => {
    db = freshDb();
    const clock = tickingClock();
    const saved = await saveArticle(db, draft(), clock);
    await putHighlight(db, highlight('h1'), draft({ title: 'ignored' }), clock);
    const after = await db.articles.get(ARTICLE_ID);
    expect(after?.savedAt).toBe(saved.savedAt);
    expect(after?.updatedAt).not.toBe(saved.updatedAt);
    expect(after?.title).toBe('论基层治理');
  });

  it('an edit keeps the first createdAt', async () => {
    db = freshDb();
    await putHighlight(db, highlight('h1', ARTICLE_ID, '2025-01-01T00:00:00.000Z'), draft());
    const edited = { ...highlight('h1', ARTICLE_ID, '2025-03-01T00:00:00.000Z'), note: '注' };
    const stored = await putHighlight(db, edited, draft());
    expect(stored.createdAt).toBe('2025-01-01T00:00:00.000Z');
    expect((await highlightById(db, 'h1'))?.note).toBe('注');
  });

  it('refuses a highlight of another article', async () => {
    db = freshDb();
    await expect(putHighlight(db, highlight('h1', 'https://other/'), draft())).rejects.toThrow();
    expect((await allHighlights(db)).length).toBe(0);
  });

  it('two tabs highlighting the same unsaved article at once lose nothing', async () => {
    db = freshDb();
    const clock = tickingClock();
    const ids = Array.from({ length: 20 }, (_, i) => `h${i}`);
    await Promise.all(
      ids.map((id, i) => putHighlight(db, highlight(id), draft({ title: `tab ${i % 2}` }), clock)),
    );
    expect(await db.articles.count()).toBe(1);
    expect((await allHighlights(db)).map((h) => h.id).sort()).toEqual([...ids].sort());
    // The first transaction created the article; the others only bumped updatedAt.
    expect((await db.articles.get(ARTICLE_ID))?.title).toBe('tab 0');
  });

  it('deletes a highlight; deleting a missing one is fine', async () => {
    db = freshDb();
    await putHighlight(db, highlight('h1'), draft());
    expect(await deleteHighlight(db, ARTICLE_ID, 'h1')).toBeNull();
    expect(await deleteHighlight(db, ARTICLE_ID, 'h1')).toBeNull();
    expect((await allHighlights(db)).length).toBe(0);
    expect(await db.articles.count()).toBe(1);
  });
});

describe('site prefs', () => {
  it('gives defaults for a site never set', async () => {
    db = freshDb();
    expect(await getSitePrefs(db, 'news.cn')).toEqual({
      alwaysOpen: false,
      width: 360,
      collapsed: false,
      side: 'right',
    });
  });

  it('merges partial updates', async () => {
    db = freshDb();
    expect(await setSitePrefs(db, 'news.cn', { width: 420 })).toEqual({
      alwaysOpen: false,
      width: 420,
      collapsed: false,
      side: 'right',
    });
    await setSitePrefs(db, 'news.cn', { alwaysOpen: true });
    expect(await getSitePrefs(db, 'news.cn')).toEqual({
      alwaysOpen: true,
      width: 420,
      collapsed: false,
      side: 'right',
    });
    expect(await getSitePrefs(db, 'people.com.cn')).toMatchObject({ alwaysOpen: false });
  });

  it('treats a malformed stored row as defaults', async () => {
    db = freshDb();
    await db.sitePrefs.put({ site: 'x.cn', width: 'wide' } as never);
    expect(await getSitePrefs(db, 'x.cn')).toEqual({
      alwaysOpen: false,
      width: 360,
      collapsed: false,
      side: 'right',
    });
  });

  it('keeps the side the reader moved the sidebar to', async () => {
    db = freshDb();
    expect(await setSitePrefs(db, 'news.cn', { side: 'left' })).toMatchObject({ side: 'left' });
    expect(await getSitePrefs(db, 'news.cn')).toMatchObject({ side: 'left', width: 360 });
  });
});
