/**
 * The library's articles: save (upsert), read with highlights, list, tag,
 * delete and undo. Each function takes the database, so it runs against
 * fake-indexeddb in tests. Rows leave this module without their doc numbers;
 * every write keeps the posting lists exact (postings.ts) in its transaction.
 * An article's texts are stored apart (schema v10, texts.ts) and read only by
 * those that hand them on: the reader's article, a save's merge, a delete's
 * undo, an export with them.
 */
import type { Article, Highlight } from '../../lib/model.ts';
import type { GangmuDB } from '../db/schema.ts';
import type {
  ArticleDraft,
  ArticleRows,
  ArticleSummary,
  LibraryFacets,
  ListQuery,
} from '../../protocol/messages.ts';
import { groupsOf } from './by-article.ts';
import { StorageError } from './errors.ts';
import { deleteIndexed, putArticles, putHighlights } from './postings.ts';
import { allSummaries, refreshSummaries } from './summaries.ts';
import { stripTerms } from './terms.ts';
import { joinTexts } from './texts.ts';

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
  // A draft without the pasted text (an older page) never drops the stored one,
  // nor one without the saved text (a page whose engine found no blocks this time).
  const sourceText = draft.sourceText ?? existing.sourceText;
  const text = draft.text && draft.text.blocks.length > 0 ? draft.text : existing.text;
  return {
    ...draft,
    ...(sourceText !== undefined ? { sourceText } : {}),
    ...(text !== undefined ? { text } : {}),
    tags: [...new Set([...existing.tags, ...draft.tags])],
    savedAt: existing.savedAt,
    updatedAt: now,
  };
}

/** The tables of every write of articles or highlights. */
export const writeTables = (db: GangmuDB) => [
  db.articles,
  db.articleTexts,
  db.highlightGroups,
  db.summaryPages,
  db.postingShards,
  db.postingPages,
  db.searchOwn,
  db.searchMarks,
];

/** Saves (upserts) an article, re-indexing it, and returns it as stored. */
export async function saveArticle(
  db: GangmuDB,
  draft: ArticleDraft,
  clock: Clock = systemClock,
): Promise<Article> {
  return db.transaction('rw', writeTables(db), async () => {
    const old = await db.articles.get(draft.id);
    // With its texts: a draft without them keeps the stored ones.
    const [stored] = old ? await joinTexts(db.articleTexts, [stripTerms(old)]) : [];
    const article = mergeArticle(stored, draft, clock());
    await putArticles(db, [article]);
    await refreshSummaries(db, [article.id]);
    return article;
  });
}

/** An article's highlights in the order they were made (call inside a transaction over the groups). */
async function highlightsOf(db: GangmuDB, articleId: string): Promise<Highlight[]> {
  return (await db.highlightGroups.get(articleId))?.highlights ?? [];
}

/**
 * An article with its highlights in the order they were made; `article: null`
 * when not saved. `texts: false` leaves out its saved and pasted texts (not
 * read at all: a page's content script wants only the highlights).
 */
export async function getArticle(
  db: GangmuDB,
  articleId: string,
  { texts = true }: { texts?: boolean } = {},
): Promise<{ article: Article | null; highlights: Highlight[] }> {
  return db.transaction('r', db.articles, db.articleTexts, db.highlightGroups, async () => {
    const row = await db.articles.get(articleId);
    const article = row ? stripTerms(row) : null;
    return {
      article: article && texts ? (await joinTexts(db.articleTexts, [article]))[0]! : article,
      highlights: await highlightsOf(db, articleId),
    };
  });
}

/** Whether an article is in the library. */
export async function isSaved(db: GangmuDB, articleId: string): Promise<boolean> {
  return (await db.articles.where('id').equals(articleId).count()) > 0;
}

/** Whether `iso` lies in the inclusive range of ISO prefixes `from`–`to`. */
function inRange(iso: string, from?: string, to?: string): boolean {
  if (from && iso.slice(0, from.length) < from) return false;
  if (to && iso.slice(0, to.length) > to) return false;
  return true;
}

/** Made on the first sort by title or site: a Chinese collator loads its data (~9 ms) and the worker starts without it. */
let collator: Intl.Collator | undefined;

/** Compares summaries by one sort key, ascending. */
function compareBy(sort: NonNullable<ListQuery['sort']>) {
  return (a: ArticleSummary, b: ArticleSummary): number => {
    if (sort === 'title' || sort === 'site')
      return (collator ??= new Intl.Collator('zh')).compare(a[sort], b[sort]);
    return a[sort] < b[sort] ? -1 : a[sort] > b[sort] ? 1 : 0;
  };
}

/** Sorts summaries in place: by `sort`, in `order`, ties by id ascending (a stable order). */
function sortSummaries(
  list: ArticleSummary[],
  sort: NonNullable<ListQuery['sort']>,
  order: 'asc' | 'desc',
): ArticleSummary[] {
  const cmp = compareBy(sort);
  const sign = order === 'asc' ? 1 : -1;
  return list.sort((a, b) => sign * cmp(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Pages of summaries read per step of the list's first screen. */
const HEAD_PAGES = 2;

/**
 * The first `limit` summaries that pass `keep`, newest saved first (ties by
 * id): pages read by their `newest` index, newest first, until `limit` rows
 * are held and the next page's newest is older than the last of them. A
 * page's newest bounds its rows, and every later page's newest is no newer,
 * so no row left unread could come before one held (a tie could: a page
 * whose newest equals the last row's date is read).
 */
async function newestHead(
  db: GangmuDB,
  keep: (s: ArticleSummary) => boolean,
  limit: number,
): Promise<ArticleSummary[]> {
  let head: ArticleSummary[] = [];
  for (let offset = 0; ; offset += HEAD_PAGES) {
    const pages = await db.summaryPages
      .orderBy('newest')
      .reverse()
      .offset(offset)
      .limit(HEAD_PAGES)
      .toArray();
    for (const p of pages) {
      if (head.length >= limit && p.newest < head[limit - 1]!.savedAt) return head;
      head = sortSummaries([...head, ...p.rows.filter(keep)], 'savedAt', 'desc').slice(0, limit);
    }
    if (pages.length < HEAD_PAGES) return head;
  }
}

/**
 * The library list with point, highlight and note counts and the colours
 * present, filtered by site, tag, colour and `savedAt` range, sorted (by
 * default newest saved first; ties by id, so the order is stable). Read from
 * the summary pages (schema v7), never from the full articles and highlights.
 *
 * With `limit`, only the first `limit` rows of that same order. For the
 * default view (newest saved first) they are read from the newest pages
 * ({@link newestHead}), so the first screen of a large library reads a page
 * or two; any other order reads every page.
 */
export async function listArticles(db: GangmuDB, query: ListQuery = {}): Promise<ArticleSummary[]> {
  const sort = query.sort ?? 'savedAt';
  const order = query.order ?? (sort === 'title' || sort === 'site' ? 'asc' : 'desc');
  const keep = (s: ArticleSummary) =>
    (query.site === undefined || s.site === query.site) &&
    (query.tag === undefined || s.tags.includes(query.tag)) &&
    (!query.color || s.colors.includes(query.color)) &&
    inRange(s.savedAt, query.from, query.to);
  const limit = query.limit;
  return db.transaction('r', db.summaryPages, async () => {
    const newestFirst = sort === 'savedAt' && order === 'desc';
    if (newestFirst && limit !== undefined && Number.isInteger(limit) && limit > 0)
      return newestHead(db, keep, limit);
    const list = sortSummaries((await allSummaries(db)).filter(keep), sort, order);
    return limit === undefined ? list : list.slice(0, limit);
  });
}

/** The sites and tags of the whole library, sorted, for the filter choices (from the summaries). */
export async function listFacets(db: GangmuDB): Promise<LibraryFacets> {
  return db.transaction('r', db.summaryPages, async () => {
    const sites = new Set<string>();
    const tags = new Set<string>();
    for (const s of await allSummaries(db)) {
      sites.add(s.site);
      for (const t of s.tags) tags.add(t);
    }
    const sorted = (keys: Set<string>) =>
      [...keys].filter((k) => k !== '').sort((a, b) => a.localeCompare(b));
    return { sites: sorted(sites), tags: sorted(tags) };
  });
}

/** Tags as stored: trimmed, no empty ones, no duplicates, in the order given. */
export const cleanTags = (tags: readonly string[]): string[] => [
  ...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0)),
];

/** Replaces an article's tags and bumps its `updatedAt`; fails when the article is not saved. Returns it whole (texts too: the reader's view takes it). */
export async function setTags(
  db: GangmuDB,
  articleId: string,
  tags: readonly string[],
  clock: Clock = systemClock,
): Promise<Article> {
  return db.transaction('rw', writeTables(db), async () => {
    const row = await db.articles.get(articleId);
    if (!row) throw new StorageError('not-found', `Article ${articleId} is not in the library.`);
    const updated = { ...row, tags: cleanTags(tags), updatedAt: clock() };
    await db.articles.put(updated);
    await refreshSummaries(db, [articleId]);
    return (await joinTexts(db.articleTexts, [stripTerms(updated)]))[0]!;
  });
}

/**
 * Deletes an article and all its highlights in one transaction and returns
 * what was deleted (for undo with {@link restoreRows}); null when the article
 * was not saved (its stray highlights, if any, are deleted too).
 */
export async function deleteArticle(db: GangmuDB, articleId: string): Promise<ArticleRows | null> {
  return db.transaction('rw', writeTables(db), async () => {
    const row = await db.articles.get(articleId);
    const group = await db.highlightGroups.get(articleId);
    // As it was, texts and all: an undo puts it back.
    const [article] = await deleteIndexed(db, row ? [row] : [], group ? [group] : []);
    await refreshSummaries(db, [articleId]);
    return article ? { article: stripTerms(article), highlights: group?.highlights ?? [] } : null;
  });
}

/** Puts back an article and its highlights exactly as given (undo of a delete), re-indexed. */
export async function restoreRows(db: GangmuDB, rows: ArticleRows): Promise<null> {
  await db.transaction('rw', writeTables(db), async () => {
    await putArticles(db, [rows.article]);
    await putHighlights(db, rows.highlights);
    await refreshSummaries(db, [rows.article.id]);
  });
  return null;
}

/** Rows newest saved first, ties by id descending (the order of the old reversed savedAt index). */
function newestSavedFirst<R extends { id: string; savedAt: string }>(rows: R[]): R[] {
  const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return rows.sort((a, b) => desc(a.savedAt, b.savedAt) || desc(a.id, b.id));
}

/**
 * Articles with their highlights, for Markdown export: those of `ids` in that
 * order (ids not in the library left out), else all, newest saved first.
 * `texts: false` (an export of the outlines alone) leaves out their saved and
 * pasted texts, which are then not read at all.
 */
export async function exportArticles(
  db: GangmuDB,
  ids?: readonly string[],
  { texts = true }: { texts?: boolean } = {},
): Promise<ArticleRows[]> {
  return db.transaction('r', db.articles, db.articleTexts, db.highlightGroups, async () => {
    const stored = ids
      ? (await db.articles.bulkGet([...ids])).filter((r) => r !== undefined)
      : newestSavedFirst(await db.articles.toArray());
    const rows = stored.map(stripTerms);
    // Every highlight of these articles: one group row each, read together.
    const [groups, articles] = await Promise.all([
      groupsOf(
        db,
        rows.map((r) => r.id),
      ),
      texts ? joinTexts(db.articleTexts, rows) : rows,
    ]);
    return articles.map((article, i) => ({ article, highlights: groups[i]?.highlights ?? [] }));
  });
}
