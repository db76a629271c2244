/**
 * The library's articles: save (upsert), read with highlights, list.
 * Each function takes the database, so it runs against fake-indexeddb in tests.
 */
import type { Article, Highlight } from '../../lib/model.ts';
import { countPoints } from '../count-points.ts';
import type { GangmuDB } from '../db/schema.ts';
import type { ArticleDraft, ArticleSummary } from '../messages.ts';

/** The current time as stored (ISO 8601); a parameter so tests can fix it. */
export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();

/**
 * The article to store for a draft: a new one gets `savedAt = updatedAt = now`;
 * an existing one keeps its `savedAt` and its tags (the reader's, which a page
 * draft does not know) merged with the draft's.
 */
export function mergeArticle(
  existing: Article | undefined,
  draft: ArticleDraft,
  now: string,
): Article {
  if (!existing) return { ...draft, tags: [...new Set(draft.tags)], savedAt: now, updatedAt: now };
  return {
    ...draft,
    tags: [...new Set([...existing.tags, ...draft.tags])],
    savedAt: existing.savedAt,
    updatedAt: now,
  };
}

/** Saves (upserts) an article and returns it as stored. */
export async function saveArticle(
  db: GangmuDB,
  draft: ArticleDraft,
  clock: Clock = systemClock,
): Promise<Article> {
  return db.transaction('rw', db.articles, async () => {
    const article = mergeArticle(await db.articles.get(draft.id), draft, clock());
    await db.articles.put(article);
    return article;
  });
}

/** An article with its highlights in the order they were made; `article: null` when not saved. */
export async function getArticle(
  db: GangmuDB,
  articleId: string,
): Promise<{ article: Article | null; highlights: Highlight[] }> {
  return db.transaction('r', db.articles, db.highlights, async () => {
    const article = (await db.articles.get(articleId)) ?? null;
    const highlights = await db.highlights.where('articleId').equals(articleId).toArray();
    highlights.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    return { article, highlights };
  });
}

/** Whether an article is in the library. */
export async function isSaved(db: GangmuDB, articleId: string): Promise<boolean> {
  return (await db.articles.where('id').equals(articleId).count()) > 0;
}

/** The library list, newest first, with point and highlight counts. */
export async function listArticles(db: GangmuDB): Promise<ArticleSummary[]> {
  return db.transaction('r', db.articles, db.highlights, async () => {
    const counts = new Map<string, number>();
    // Index keys only: no highlight row is read.
    for (const key of await db.highlights.orderBy('articleId').keys()) {
      const id = String(key);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const articles = await db.articles.orderBy('savedAt').reverse().toArray();
    return articles.map((a) => ({
      id: a.id,
      url: a.url,
      site: a.site,
      title: a.title,
      author: a.outline?.author ?? null,
      savedAt: a.savedAt,
      points: countPoints(a.outline?.nodes ?? []),
      highlights: counts.get(a.id) ?? 0,
    }));
  });
}
