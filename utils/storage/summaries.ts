/**
 * The library list's per-article summaries (schema v3 `summaries`): what a
 * row of the list shows — title, site, author, dates, tags, point count,
 * highlight and note counts, colours — so the list reads 10,000 small rows
 * instead of every full article (outline included) and every highlight.
 *
 * Summaries are derived data, like search terms: every transaction that puts
 * or deletes an article or a highlight (save, tags, highlight put/edit/delete,
 * delete and undo, backup import) refreshes the summaries of the articles it
 * touched in the same transaction, so the list never disagrees with the rows.
 * They never leave the storage layer except as list rows, and never enter a
 * backup: an import recomputes them.
 */
import { HIGHLIGHT_COLORS, type Article, type Highlight } from '../../lib/model.ts';
import { countPoints } from '../count-points.ts';
import type { GangmuDB } from '../db/schema.ts';
import { highlightsByArticle } from './by-article.ts';
import type { ArticleSummary } from '../messages.ts';

/** A stored summary: exactly the list row. */
export type SummaryRow = ArticleSummary;

/** The summary of an article with (some of) its highlights; highlights of other articles are ignored. */
export function summaryOf(a: Article, highlights: readonly Highlight[]): SummaryRow {
  let n = 0;
  let notes = 0;
  const colors = new Set<string>();
  for (const h of highlights) {
    if (h.articleId !== a.id) continue;
    n++;
    if (h.note.trim()) notes++;
    colors.add(h.color);
  }
  // Old rows may lack outline fields; they count as empty.
  const outline = a.outline as Partial<Article['outline']> | undefined;
  return {
    id: a.id,
    url: a.url,
    site: a.site,
    title: a.title,
    author: outline?.author ?? null,
    savedAt: a.savedAt,
    updatedAt: a.updatedAt,
    tags: [...a.tags],
    points: countPoints(outline?.nodes ?? []),
    highlights: n,
    notes,
    colors: HIGHLIGHT_COLORS.filter((c) => colors.has(c)),
  };
}

/** The summaries of `articles`, their highlights found among `highlights` (grouped once). */
export function summariesOf(
  articles: readonly Article[],
  highlights: readonly Highlight[],
): SummaryRow[] {
  const by = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const list = by.get(h.articleId);
    if (list) list.push(h);
    else by.set(h.articleId, [h]);
  }
  return articles.map((a) => summaryOf(a, by.get(a.id) ?? []));
}

/**
 * Recomputes the summaries of `articleIds` from the stored rows: put for an
 * article in the library, deleted for one that is not. Call it inside a
 * read-write transaction over articles, highlight groups and summaries, after the
 * rows changed, so the summary lands (or fails) with them.
 */
export async function refreshSummaries(db: GangmuDB, articleIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return;
  const articles = await db.articles.bulkGet(ids);
  const highlights = await highlightsByArticle(db, ids);
  await db.summaries.bulkPut(
    summariesOf(
      articles.filter((a) => a !== undefined),
      highlights,
    ),
  );
  const gone = ids.filter((_, i) => articles[i] === undefined);
  if (gone.length > 0) await db.summaries.bulkDelete(gone);
}
