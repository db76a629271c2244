/**
 * The search index (schema v4): one `postings` row per term, holding the
 * ascending `doc` numbers of the articles and of the highlights whose terms
 * (terms.ts) include it. O(distinct terms) rows, where the v2–v3 `*terms`
 * indexes held one IndexedDB index entry per term of every row (5.4 million
 * for 10,000 articles and 100,000 highlights: a restore spent 200 s on them).
 *
 * Every row of articles and highlights has a `doc` (unique per table),
 * numbered in write order: the next after the table's highest. Every write of
 * a row goes through {@link putArticles} / {@link putHighlights} /
 * {@link deleteIndexed}, which keep the lists exact in the caller's
 * transaction (over articles, highlights and postings), so a failed write
 * changes nothing.
 */
import { updateSorted } from '../../lib/search/index.ts';
import type { Article, Highlight } from '../../lib/model.ts';
import type { GangmuDB } from '../db/schema.ts';
import {
  articleTerms,
  highlightTerms,
  stripTerms,
  type ArticleRow,
  type HighlightRow,
} from './terms.ts';

/**
 * A term's documents, ascending. Stored as Uint32Array: IndexedDB clones a
 * typed array as its bytes, where a plain array of numbers is serialised
 * number by number (writing the lists took half of a restore that way).
 */
export interface PostingRow {
  term: string;
  articles: Uint32Array;
  highlights: Uint32Array;
}

/** A stored list as numbers (rows written before may hold plain arrays). */
export const docList = (list: ArrayLike<number> | undefined): number[] =>
  list ? Array.from(list) : [];

/** The tables the index spans (a GangmuDB, or an upgrade transaction's tables). */
export type IndexTables = Pick<GangmuDB, 'articles' | 'highlights' | 'postings'>;

type Side = 'articles' | 'highlights';

/** One document's terms before and after a write ([] for none: added or deleted). */
interface TermChange {
  side: Side;
  doc: number;
  before: readonly string[];
  after: readonly string[];
}

interface TermOps {
  add: Record<Side, number[]>;
  remove: Record<Side, number[]>;
}

/**
 * Applies term changes to the posting lists: reads only the touched terms'
 * rows (none when `fresh`: the table was just emptied), puts the changed
 * ones, deletes the emptied ones.
 */
async function updatePostings(
  postings: IndexTables['postings'],
  changes: readonly TermChange[],
  fresh = false,
): Promise<void> {
  const ops = new Map<string, TermOps>();
  const at = (term: string): TermOps => {
    let o = ops.get(term);
    if (!o) {
      o = { add: { articles: [], highlights: [] }, remove: { articles: [], highlights: [] } };
      ops.set(term, o);
    }
    return o;
  };
  for (const c of changes) {
    const before = new Set(c.before);
    const after = new Set(c.after);
    for (const t of after) if (!before.has(t)) at(t).add[c.side].push(c.doc);
    for (const t of before) if (!after.has(t)) at(t).remove[c.side].push(c.doc);
  }
  if (ops.size === 0) return;
  const terms = [...ops.keys()];
  const stored = fresh ? [] : await postings.bulkGet(terms);
  const put: PostingRow[] = [];
  const gone: string[] = [];
  terms.forEach((term, i) => {
    const o = ops.get(term)!;
    const row = stored[i];
    const next: PostingRow = {
      term,
      articles: Uint32Array.from(
        updateSorted(docList(row?.articles), o.add.articles, o.remove.articles),
      ),
      highlights: Uint32Array.from(
        updateSorted(docList(row?.highlights), o.add.highlights, o.remove.highlights),
      ),
    };
    if (next.articles.length + next.highlights.length > 0) put.push(next);
    else if (row) gone.push(term);
  });
  await postings.bulkPut(put);
  if (gone.length > 0) await postings.bulkDelete(gone);
}

/** The number after the table's highest `doc` (1 for an empty table). */
async function nextDoc(
  table: IndexTables['articles'] | IndexTables['highlights'],
): Promise<number> {
  const last = await table.orderBy('doc').lastKey();
  return typeof last === 'number' ? last + 1 : 1;
}

const bySavedAt = (a: Article, b: Article) =>
  a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0;
const byCreatedAt = (a: Highlight, b: Highlight) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

/**
 * Puts rows of one table: each keeps its stored `doc` or gets the next (new
 * rows in date order, so a higher doc is a newer row); returns each row's
 * change of terms. `fresh`: the tables are empty (a replace or an upgrade),
 * nothing is read and docs start at 1.
 */
async function putDocs<T extends Article | Highlight>(
  tables: IndexTables,
  side: Side,
  rows: readonly T[],
  termsOf: (row: T) => string[],
  order: (a: T, b: T) => number,
  fresh: boolean,
): Promise<TermChange[]> {
  if (rows.length === 0) return [];
  const table = tables[side] as unknown as IndexTables['articles'];
  const sorted = [...rows].sort(order);
  const old = fresh
    ? []
    : ((await table.bulkGet(sorted.map((r) => r.id))) as unknown as (T & { doc: number })[]);
  let next = fresh ? 1 : await nextDoc(table);
  const put: (T & { doc: number })[] = [];
  const changes: TermChange[] = [];
  sorted.forEach((r, i) => {
    const o = old[i];
    const doc = o?.doc ?? next++;
    const row = { ...(stripTerms(r) as T), doc };
    put.push(row);
    changes.push({ side, doc, before: o ? termsOf(o) : [], after: termsOf(row) });
  });
  const rowsOut = put as unknown as ArticleRow[];
  // One row (every edit): a plain put.
  if (rowsOut.length === 1) await table.put(rowsOut[0]!);
  else await table.bulkPut(rowsOut);
  return changes;
}

/** Puts articles (new, or replacing stored ones) and their postings; call inside a transaction over the index tables. */
export async function putArticles(
  tables: IndexTables,
  articles: readonly Article[],
): Promise<void> {
  const changes = await putDocs(tables, 'articles', articles, articleTerms, bySavedAt, false);
  await updatePostings(tables.postings, changes);
}

/** Puts highlights (new, or replacing stored ones) and their postings; call inside a transaction over the index tables. */
export async function putHighlights(
  tables: IndexTables,
  highlights: readonly Highlight[],
): Promise<void> {
  const changes = await putDocs(
    tables,
    'highlights',
    highlights,
    highlightTerms,
    byCreatedAt,
    false,
  );
  await updatePostings(tables.postings, changes);
}

/**
 * Puts articles and highlights into EMPTY index tables (a restore that
 * replaces the library, or the v4 upgrade, which rewrites every row): docs
 * from 1 in date order, the posting lists built in memory and written once.
 * Rows already stored under the same ids are overwritten (their old terms
 * dropped).
 */
export async function putAllFresh(
  tables: IndexTables,
  articles: readonly Article[],
  highlights: readonly Highlight[],
): Promise<void> {
  const changes = [
    ...(await putDocs(tables, 'articles', articles, articleTerms, bySavedAt, true)),
    ...(await putDocs(tables, 'highlights', highlights, highlightTerms, byCreatedAt, true)),
  ];
  await updatePostings(tables.postings, changes, true);
}

/** Deletes stored rows and takes them out of the postings; call inside a transaction over the index tables. */
export async function deleteIndexed(
  tables: IndexTables,
  articles: readonly ArticleRow[],
  highlights: readonly HighlightRow[],
): Promise<void> {
  await tables.articles.bulkDelete(articles.map((a) => a.id));
  await tables.highlights.bulkDelete(highlights.map((h) => h.id));
  await updatePostings(tables.postings, [
    ...articles.map((a) => ({
      side: 'articles' as const,
      doc: a.doc,
      before: articleTerms(a),
      after: [],
    })),
    ...highlights.map((h) => ({
      side: 'highlights' as const,
      doc: h.doc,
      before: highlightTerms(h),
      after: [],
    })),
  ]);
}
