/** Highlights: store (creating the article when needed) and delete. */
import type { Highlight } from '../../lib/model.ts';
import type { GangmuDB } from '../db/schema.ts';
import type { ArticleDraft } from '../messages.ts';
import { mergeArticle, systemClock, type Clock } from './articles.ts';

/**
 * Stores a highlight. Its article is created from `draft` when it is not in
 * the library yet (a highlight is never lost because the article was not
 * saved), and its `updatedAt` is bumped. One read-write transaction over both
 * tables, so two tabs highlighting the same unsaved article at once both keep
 * their highlight and get one article.
 */
export async function putHighlight(
  db: GangmuDB,
  highlight: Highlight,
  draft: ArticleDraft,
  clock: Clock = systemClock,
): Promise<Highlight> {
  if (highlight.articleId !== draft.id) {
    throw new Error(`highlight ${highlight.id} belongs to ${highlight.articleId}, not ${draft.id}`);
  }
  return db.transaction('rw', db.articles, db.highlights, async () => {
    const now = clock();
    const existing = await db.articles.get(draft.id);
    if (!existing) await db.articles.put(mergeArticle(undefined, draft, now));
    else await db.articles.put({ ...existing, updatedAt: now });
    const previous = await db.highlights.get(highlight.id);
    // The first createdAt wins: a re-sent highlight is an edit, not a new one.
    const stored: Highlight = {
      ...highlight,
      createdAt: previous?.createdAt ?? highlight.createdAt,
    };
    await db.highlights.put(stored);
    return stored;
  });
}

/** Deletes a highlight; deleting one that is not there is not an error. */
export async function deleteHighlight(db: GangmuDB, id: string): Promise<null> {
  await db.highlights.delete(id);
  return null;
}
