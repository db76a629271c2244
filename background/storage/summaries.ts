/**
 * The library list's per-article summaries: what a row of the list shows —
 * title, site, author, dates, tags, point count, highlight and note counts,
 * colours — so the list reads small rows instead of every full article
 * (outline included) and every highlight.
 *
 * Stored in pages (schema v7 `summaryPages`, {@link SummaryPageRow}): up to
 * {@link SUMMARY_PAGE_ROWS} summaries per row. Chromium's IndexedDB charges
 * about 0.14 ms per put whatever the row's size (10,000 tiny rows took
 * 1.2–1.6 s, the same bytes in 20 rows 80 ms): a restore of 10,000 articles
 * spent 2.3–3 s writing one summary row each (v3–v6, four indexes), where
 * pages make it about 40 rows. A restore writes the pages in saved order
 * ({@link freshSummaryPages}); a later write replaces its articles' rows in
 * the pages holding them and appends new ones to the last page
 * ({@link refreshSummaries}). Each page's `newest` (its greatest `savedAt`)
 * lets the list's first screen read only the newest pages.
 *
 * Summaries are derived data, like search terms: every transaction that puts
 * or deletes an article or a highlight (save, tags, highlight put/edit/delete,
 * delete and undo, backup import) refreshes the summaries of the articles it
 * touched in the same transaction, so the list never disagrees with the rows.
 * They never leave the storage layer except as list rows, and never enter a
 * backup: an import recomputes them.
 */
import { bySavedAt, HIGHLIGHT_COLORS, type Article, type Highlight } from '../../lib/model.ts';
import { countOutline } from '../../protocol/count-points.ts';
import type { GangmuDB } from '../db/schema.ts';
import { highlightsByArticle } from './by-article.ts';
import type { ArticleSummary } from '../../protocol/messages.ts';

/** A summary: exactly the list row. */
export type SummaryRow = ArticleSummary;

/** Summaries per page, at most. */
export const SUMMARY_PAGE_ROWS = 256;

/**
 * A stored page of summaries (schema v7), keyed by its number. Never empty,
 * never more than {@link SUMMARY_PAGE_ROWS} rows; `ids[i] === rows[i].id`
 * (the multi-entry index `*ids` finds an article's page) and `newest` is the
 * greatest `savedAt` of its rows (the index the list's first screen walks).
 */
export interface SummaryPageRow {
  page: number;
  newest: string;
  ids: string[];
  rows: SummaryRow[];
}

/** An article's author as its outline gives it (old rows may lack outline fields: null). */
export const authorOf = (a: Article): string | null =>
  (a.outline as Partial<Article['outline']> | undefined)?.author ?? null;

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
    author: authorOf(a),
    savedAt: a.savedAt,
    updatedAt: a.updatedAt,
    tags: [...a.tags],
    points: countOutline({ nodes: outline?.nodes ?? [], more: outline?.more }),
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

/** A page of `rows` (not empty): its ids and newest savedAt worked out. */
function pageOf(page: number, rows: SummaryRow[]): SummaryPageRow {
  let newest = rows[0]!.savedAt;
  for (const r of rows) if (r.savedAt > newest) newest = r.savedAt;
  return { page, newest, ids: rows.map((r) => r.id), rows };
}

/**
 * The pages of a library written whole (a restore that replaces it, the v7
 * upgrade): the summaries oldest saved first (ties by id), cut into pages of
 * {@link SUMMARY_PAGE_ROWS} numbered 1, 2, …, so the newest are on the last.
 */
export function freshSummaryPages(rows: readonly SummaryRow[]): SummaryPageRow[] {
  const sorted = [...rows].sort(bySavedAt);
  const pages: SummaryPageRow[] = [];
  for (let i = 0; i < sorted.length; i += SUMMARY_PAGE_ROWS)
    pages.push(pageOf(pages.length + 1, sorted.slice(i, i + SUMMARY_PAGE_ROWS)));
  return pages;
}

/** Every stored summary, page by page (call inside a transaction over the pages). */
export async function allSummaries(db: GangmuDB): Promise<SummaryRow[]> {
  return (await db.summaryPages.toArray()).flatMap((p) => p.rows);
}

/**
 * Recomputes the summaries of `articleIds` from the stored rows: replaced in
 * the page holding it for an article in the library, dropped for one that is
 * not, appended to the last page (then to new pages after it) for an article
 * no page holds. Pages left empty are deleted. Call it inside a read-write
 * transaction over articles, highlight groups and summary pages, after the
 * rows changed, so the summaries land (or fail) with them.
 */
export async function refreshSummaries(db: GangmuDB, articleIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return;
  // The pages holding any of the ids: their numbers first (the index gives a page once
  // per id it holds, and a page's row is large), then each page once.
  const [articles, highlights, holding] = await Promise.all([
    db.articles.bulkGet(ids),
    highlightsByArticle(db, ids),
    db.summaryPages.where('ids').anyOf(ids).primaryKeys(),
  ]);
  const found = await db.summaryPages.bulkGet([...new Set(holding)]);
  const fresh = new Map(
    summariesOf(
      articles.filter((a) => a !== undefined),
      highlights,
    ).map((s) => [s.id, s]),
  );
  // Their rows replaced where they stand, or dropped.
  const touched = new Set(ids);
  const pages = new Map<number, SummaryRow[]>();
  const placed = new Set<string>();
  for (const p of found) {
    if (!p) continue;
    const rows: SummaryRow[] = [];
    for (const r of p.rows) {
      if (!touched.has(r.id)) rows.push(r);
      else if (fresh.has(r.id) && !placed.has(r.id)) {
        rows.push(fresh.get(r.id)!);
        placed.add(r.id);
      }
    }
    pages.set(p.page, rows);
  }
  // The others, oldest saved first (the order a restore writes), after the last page's rows.
  const newcomers = [...fresh.values()].filter((s) => !placed.has(s.id)).sort(bySavedAt);
  if (newcomers.length > 0) {
    const last = (await db.summaryPages.orderBy(':id').lastKey()) as number | undefined;
    let page = last ?? 1;
    if (last !== undefined && !pages.has(last))
      pages.set(last, (await db.summaryPages.get(last))?.rows ?? []);
    for (const s of newcomers) {
      while ((pages.get(page)?.length ?? 0) >= SUMMARY_PAGE_ROWS) page++;
      const rows = pages.get(page);
      if (rows) rows.push(s);
      else pages.set(page, [s]);
    }
  }
  const put: SummaryPageRow[] = [];
  const gone: number[] = [];
  for (const [page, rows] of pages) {
    if (rows.length > 0) put.push(pageOf(page, rows));
    else gone.push(page);
  }
  await Promise.all([
    put.length > 0 ? db.summaryPages.bulkPut(put) : null,
    gone.length > 0 ? db.summaryPages.bulkDelete(gone) : null,
  ]);
}
