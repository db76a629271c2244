/**
 * The highlights of many articles at once. One `getAll` per article, issued
 * together: IndexedDB answers each from the `articleId` index in one step,
 * where an `anyOf` range walks a cursor row by row (one round trip per row).
 * Call inside a transaction over highlights.
 */
import type { GangmuDB, HighlightRow } from '../db/schema.ts';

/** The stored highlights of `articleIds`, in the order of the ids (each article's by key). */
export async function highlightsByArticle(
  db: GangmuDB,
  articleIds: readonly string[],
): Promise<HighlightRow[]> {
  const lists = await Promise.all(
    articleIds.map((id) => db.highlights.where('articleId').equals(id).toArray()),
  );
  return lists.flat();
}
