/** Highlights: store (creating the article when needed), edit the note, delete. */
import type { Highlight, HighlightColor } from '../../lib/model.ts';
import type { GangmuDB } from '../db/schema.ts';
import type { ArticleDraft } from '../../protocol/messages.ts';
import { mergeArticle, systemClock, writeTables, type Clock } from './articles.ts';
import { StorageError } from './errors.ts';
import { deleteHighlights, putArticles, putHighlights } from './postings.ts';
import { refreshSummaries } from './summaries.ts';
import { stripTerms } from './terms.ts';

/** A stored highlight of an article, or undefined (call inside a transaction over the groups). */
async function storedHighlight(
  db: GangmuDB,
  articleId: string,
  id: string,
): Promise<Highlight | undefined> {
  return (await db.highlightGroups.get(articleId))?.highlights.find((h) => h.id === id);
}

/**
 * Stores a highlight and indexes it. Its article is created from
 * `draft` when it is not in the library yet (a highlight is never lost because
 * the article was not saved), and its `updatedAt` is bumped. One read-write
 * transaction over every table it touches, so two tabs highlighting the same
 * unsaved article at once both keep their highlight and get one article; a
 * failure (a full disk) writes neither.
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
  return db.transaction('rw', writeTables(db), async () => {
    const now = clock();
    const existing = await db.articles.get(draft.id);
    if (!existing) await putArticles(db, [mergeArticle(undefined, draft, now)]);
    else await db.articles.put({ ...existing, updatedAt: now });
    const previous = await storedHighlight(db, draft.id, highlight.id);
    // The first createdAt wins: a re-sent highlight is an edit, not a new one.
    const stored: Highlight = {
      ...stripTerms(highlight as Highlight & { terms?: string[] }),
      createdAt: previous?.createdAt ?? highlight.createdAt,
    };
    await putHighlights(db, [stored]);
    await refreshSummaries(db, [draft.id]);
    return stored;
  });
}

/**
 * Changes a highlight's note (and colour, when given), re-indexes it and bumps
 * its and its article's `updatedAt`. Fails with `not-found` when it is gone.
 */
export async function updateNote(
  db: GangmuDB,
  articleId: string,
  id: string,
  note: string,
  color?: HighlightColor,
  clock: Clock = systemClock,
): Promise<Highlight> {
  return db.transaction('rw', writeTables(db), async () => {
    const row = await storedHighlight(db, articleId, id);
    if (!row) throw new StorageError('not-found', `Highlight ${id} is not in the library.`);
    const now = clock();
    const updated: Highlight = { ...row, note, color: color ?? row.color, updatedAt: now };
    await putHighlights(db, [updated]);
    const article = await db.articles.get(articleId);
    if (article) await db.articles.put({ ...article, updatedAt: now });
    await refreshSummaries(db, [articleId]);
    return updated;
  });
}

/** Deletes a highlight of an article (and takes it out of the postings); deleting one that is not there is not an error. */
export async function deleteHighlight(db: GangmuDB, articleId: string, id: string): Promise<null> {
  await db.transaction('rw', writeTables(db), async () => {
    if (!(await storedHighlight(db, articleId, id))) return;
    await deleteHighlights(db, articleId, [id]);
    await refreshSummaries(db, [articleId]);
  });
  return null;
}
