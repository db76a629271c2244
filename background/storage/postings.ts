/**
 * The search index (schema v4–v8): the ascending `doc` numbers of the
 * articles and of the highlight groups (one per article since v5,
 * terms.ts HighlightGroupRow) whose terms include a term. O(distinct terms)
 * lists, where the v2–v3 `*terms` indexes held one IndexedDB index entry per
 * term of every row (5.4 million for 10,000 articles and 100,000
 * highlights: a restore spent 200 s on them).
 *
 * Two stores hold the lists:
 * - `postingPages` (v7): the lists of a fresh fill (a restore that replaces
 *   the library, a schema upgrade that rebuilds them), written as pages of a
 *   run of terms each ({@link PostingPageRow}). IndexedDB costs about as much
 *   per row as per 10 KB of row, and a real library has hundreds of
 *   thousands of distinct terms (nine real reports of 135,000 characters
 *   already give 30,000): one row per term would make such a restore take
 *   minutes.
 * - `postingShards` (v11): every change since, as a row per term and shard of
 *   {@link SHARD_DOCS} docs ({@link PostingShardRow}): the docs added to the
 *   term's page copy and the docs taken out of it. A write reads and writes
 *   only the rows of its terms in its docs' shards, each a few hundred docs
 *   at most, never a whole list: v7–v10 kept a changed term's whole list as
 *   its row, so the first highlight on a new article in a library of 10,000
 *   read and wrote its ~400 terms' lists of up to 10,000 docs each, 4–7 s.
 *   A term's list is its page's copy with its shard rows applied
 *   ({@link readPostings}).
 *
 * Every article row has a `doc` (unique), numbered in write order: the next
 * after the table's highest, kept as the article changes. A highlight
 * group's doc is its article's (schema v8; a group whose article is not
 * stored has none and is in no list), so the two sides of a list speak of
 * the same articles. Every write goes through {@link putArticles} /
 * {@link putHighlights} / {@link deleteHighlights} / {@link deleteIndexed},
 * which keep the lists exact in the caller's transaction (over articles,
 * their texts, highlight groups, posting shards and posting pages), so a failed
 * write changes nothing. An article's body is part of its document, and
 * since schema v10 its texts are in `articleTexts` (texts.ts): these read the
 * stored texts they diff against, and write an article's texts with its row.
 */
import {
  decodeDocs,
  DocBytes,
  encodeDocs,
  PostingBuilder,
  updateSorted,
} from '../../lib/search/index.ts';
import { bySavedAt, type Article, type Highlight } from '../../lib/model.ts';
import type { GangmuDB } from '../db/schema.ts';
import type { EntityTable } from 'dexie';
import {
  ARTICLE_MAX_TERMS,
  articleTerms,
  articleText,
  groupTerms,
  groupText,
  stripTerms,
  type ArticleRow,
  type HighlightGroupRow,
  type IndexedArticle,
} from './terms.ts';
import { hasTexts, joinTexts, textsRow, withoutTexts, withTexts } from './texts.ts';
import { putAll } from './put-all.ts';
import { putMarks, putOwn, type SearchDocTables } from './search-docs.ts';

/**
 * A term's documents, ascending (`highlights`: the docs of highlight
 * groups). Stored as Uint32Array: IndexedDB clones a typed array as its
 * bytes, where a plain array of numbers is serialised number by number
 * (writing the lists took half of a restore that way).
 */
export interface PostingRow {
  term: string;
  articles: Uint32Array;
  highlights: Uint32Array;
}

/**
 * The lists of a run of terms (schema v7), as a fresh fill writes them. A
 * term's page is the one with the greatest `first` not after it. The lists
 * lie one after another: term i's article docs are
 * `articles[articleEnds[i - 1] ?? 0 … articleEnds[i]]`, and so for highlights.
 * Pages written since v11 hold them as bytes (lib/search doc-bytes: a byte a
 * doc for most of a common term's, where a Uint32Array takes four), their
 * ends counting bytes; pages written before, as numbers (read by v11's
 * upgrade, which writes them again).
 */
export interface PostingPageRow {
  /** The page's first term (its key). */
  first: string;
  /** Ascending in UTF-16 code units, the order IndexedDB keys strings in. */
  terms: string[];
  articles: Uint8Array | Uint32Array;
  articleEnds: Uint32Array;
  highlights: Uint8Array | Uint32Array;
  highlightEnds: Uint32Array;
}

/** Doc numbers (both sides) after which a fresh fill starts a new page. */
export const POSTING_PAGE_DOCS = 8192;

/**
 * Docs per shard of the rows written since the last fresh fill: a write
 * reads and puts, for each of its terms, the row of its doc's shard, at most
 * this many docs a side (2 KB), whatever the size of the library. A search
 * reads a term's rows of every shard in one range (20 for 10,000 articles).
 */
export const SHARD_DOCS = 512;

/**
 * What the writes since the last fresh fill changed in a term's list, for
 * the docs of one shard (`doc / SHARD_DOCS`, rounded down; schema v11,
 * `postingShards`, keyed by `[term+shard]`): docs added to the term's page
 * copy and docs taken out of it, each ascending, a doc in at most one of
 * the two of its side. Added docs may be in the page copy already (a doc
 * taken out and put back), taken-out ones may not be there (a removed term
 * of a doc the copy never held): the list is the copy without the one and
 * with the other, which both cases leave right.
 */
export interface PostingShardRow {
  term: string;
  shard: number;
  articles: ShardList;
  highlights: ShardList;
  goneArticles: ShardList;
  goneHighlights: ShardList;
}

/**
 * A shard row's list: bytes (lib/search doc-bytes) since schema v12, a
 * quarter of the numbers' size for a shard's close docs (a search reads every
 * shard row of its terms: twenty a term in a library of 10,000 built by
 * saving); numbers in rows written before.
 */
export type ShardList = Uint8Array | Uint32Array;

/** A shard row's list as numbers, whichever way it is stored. */
export const shardDocs = (list: ShardList | undefined): Uint32Array =>
  !list
    ? new Uint32Array(0)
    : list.BYTES_PER_ELEMENT === 1
      ? decodeDocs(list as Uint8Array)
      : (list as Uint32Array);

/** A stored list as numbers (rows written before may hold plain arrays). */
export const docList = (list: ArrayLike<number> | undefined): number[] =>
  list ? Array.from(list) : [];

/**
 * The tables the index spans (a GangmuDB, or an upgrade transaction's
 * tables). Without `articleTexts` (upgrades before v10) an article's texts
 * stay in its row.
 */
export type IndexTables = Pick<
  GangmuDB,
  'articles' | 'highlightGroups' | 'postingShards' | 'postingPages' | 'searchOwn' | 'searchMarks'
> &
  Partial<Pick<GangmuDB, 'articleTexts'>>;

/** The tables a term's list is read from. */
export type PostingTables = Pick<IndexTables, 'postingShards' | 'postingPages'>;

/**
 * The store of schema v4–v10 that held a changed term's whole list as its
 * row (a term's row won over its page's copy; an empty row hid a copy no
 * longer anywhere). Only the upgrades that ran before v11 (and v11's own,
 * which folds its rows into pages) see it.
 */
export type LegacyPostings = EntityTable<PostingRow, 'term'>;

/** The tables of an upgrade before v11: `postings` as it was, pages from v7 on. */
export interface LegacyIndexTables
  extends
    Pick<GangmuDB, 'articles' | 'highlightGroups'>,
    Partial<Pick<GangmuDB, 'postingPages' | 'articleTexts'>> {
  postings: LegacyPostings;
}

/** The tables of an upgrade from v7 to v10 (the posting pages exist, `postings` is as it was). */
export type PagedLegacyTables = LegacyIndexTables &
  Required<Pick<LegacyIndexTables, 'postingPages'>>;

/** The tables a fresh fill writes to: pages (v7 on), else (the v5 upgrade) a row per term. */
export type FillTables = Pick<IndexTables, 'articles' | 'highlightGroups'> &
  Partial<Pick<IndexTables, 'postingPages' | 'articleTexts'>> &
  SearchDocTables & {
    postings?: LegacyPostings;
  };

/** Strings by UTF-16 code units, the order IndexedDB keys them in. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Index of the last of ascending `keys` not after `key`, or -1 (all after it). */
function lastNotAfter(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= key) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/** The page's lists of its i-th term. */
function pageLists(page: PostingPageRow, i: number): PostingRow {
  const cut = (docs: Uint8Array | Uint32Array, ends: Uint32Array) => {
    const start = i > 0 ? ends[i - 1]! : 0;
    return docs.BYTES_PER_ELEMENT === 1
      ? decodeDocs(docs as Uint8Array, start, ends[i]!)
      : (docs as Uint32Array).subarray(start, ends[i]!);
  };
  return {
    term: page.terms[i]!,
    articles: cut(page.articles, page.articleEnds),
    highlights: cut(page.highlights, page.highlightEnds),
  };
}

/** Above this many terms, the pages' keys are read once instead of one index step per term. */
const PAGE_LOOKUPS = 8;

/** The pages that may hold `terms` (each term's page by key), by key. */
async function pagesOf(
  pages: NonNullable<PostingTables['postingPages']>,
  terms: readonly string[],
): Promise<Map<string, PostingPageRow>> {
  let found: (PostingPageRow | undefined)[];
  if (terms.length <= PAGE_LOOKUPS) {
    found = await Promise.all(terms.map((t) => pages.where('first').belowOrEqual(t).last()));
  } else {
    const keys = (await pages.toCollection().primaryKeys()) as string[];
    const want = new Set<string>();
    for (const t of terms) {
      const at = lastNotAfter(keys, t);
      if (at >= 0) want.add(keys[at]!);
    }
    found = await pages.bulkGet([...want]);
  }
  return new Map(found.filter((p) => p !== undefined).map((p) => [p.first, p]));
}

/** Each term's copy in the pages (undefined: in none), in the order of `terms`. */
async function pageCopies(
  pages: IndexTables['postingPages'] | undefined,
  terms: readonly string[],
): Promise<(PostingRow | undefined)[]> {
  const found = pages ? await pagesOf(pages, terms) : new Map<string, PostingPageRow>();
  const byFirst = [...found.values()].sort((a, b) => byCodeUnits(a.first, b.first));
  const firsts = byFirst.map((p) => p.first);
  return terms.map((term) => {
    // The term's page: the last whose first is not after it; then the term in it.
    const page = byFirst[lastNotAfter(firsts, term)];
    const i = page ? lastNotAfter(page.terms, term) : -1;
    return page && i >= 0 && page.terms[i] === term ? pageLists(page, i) : undefined;
  });
}

/** Lists end to end (each ascending, each after the one before: shards in key order). */
function concatDocs(lists: readonly Uint32Array[]): number[] {
  const out: number[] = [];
  for (const l of lists) for (const d of l) out.push(d);
  return out;
}

/**
 * A term's lists: its page copy with its shard rows (in key order) applied;
 * undefined when both are empty.
 */
function applyShards(
  term: string,
  copy: PostingRow | undefined,
  rows: readonly PostingShardRow[],
): PostingRow | undefined {
  let lists = copy;
  if (rows.length > 0) {
    const side = (base: Uint32Array | undefined, added: ShardList[], gone: ShardList[]) =>
      Uint32Array.from(
        updateSorted(
          docList(base),
          concatDocs(added.map(shardDocs)),
          concatDocs(gone.map(shardDocs)),
        ),
      );
    lists = {
      term,
      articles: side(
        copy?.articles,
        rows.map((r) => r.articles),
        rows.map((r) => r.goneArticles),
      ),
      highlights: side(
        copy?.highlights,
        rows.map((r) => r.highlights),
        rows.map((r) => r.goneHighlights),
      ),
    };
  }
  return lists && lists.articles.length + lists.highlights.length > 0 ? lists : undefined;
}

/** A term's shard rows, in key order (one range of the `[term+shard]` key). */
const shardsOf = (shards: IndexTables['postingShards'], term: string) =>
  shards.where('[term+shard]').between([term, -Infinity], [term, Infinity], true, true).toArray();

/**
 * The lists of `terms`, in that order (undefined: in no document): each its
 * page's copy with its shard rows applied. Reads each term's page (by key)
 * and its shard rows (one range each).
 */
export async function readPostings(
  tables: PostingTables,
  terms: readonly string[],
): Promise<(PostingRow | undefined)[]> {
  const [copies, shards] = await Promise.all([
    pageCopies(tables.postingPages, terms),
    Promise.all(terms.map((t) => shardsOf(tables.postingShards, t))),
  ]);
  return terms.map((term, k) => applyShards(term, copies[k], shards[k]!));
}

/** Every term's lists, as search sees them (empty ones left out), by term. */
export async function allPostings(tables: PostingTables): Promise<PostingRow[]> {
  const copies = new Map<string, PostingRow>();
  for (const page of await tables.postingPages.toArray())
    page.terms.forEach((t, i) => copies.set(t, pageLists(page, i)));
  const shards = new Map<string, PostingShardRow[]>();
  // In key order: by term, then shard.
  for (const row of await tables.postingShards.toArray()) {
    const list = shards.get(row.term);
    if (list) list.push(row);
    else shards.set(row.term, [row]);
  }
  const out: PostingRow[] = [];
  for (const term of new Set([...copies.keys(), ...shards.keys()])) {
    const lists = applyShards(term, copies.get(term), shards.get(term) ?? []);
    if (lists) out.push(lists);
  }
  return out.sort((a, b) => byCodeUnits(a.term, b.term));
}

/**
 * Every term's lists in a database before v11: a term's `postings` row (its
 * whole list) over its page's copy, empty ones left out, by term. The v8
 * upgrade renumbers them; v11's folds them into pages.
 */
export async function legacyPostings(tables: LegacyIndexTables): Promise<PostingRow[]> {
  const by = new Map<string, PostingRow>();
  for (const page of tables.postingPages ? await tables.postingPages.toArray() : [])
    page.terms.forEach((t, i) => by.set(t, pageLists(page, i)));
  for (const row of await tables.postings.toArray()) by.set(row.term, row);
  return [...by.values()]
    .filter((p) => p.articles.length + p.highlights.length > 0)
    .sort((a, b) => byCodeUnits(a.term, b.term));
}

/** Lists cut into pages, terms ascending: a page ends once it holds `pageDocs` docs. */
export function postingPages(
  lists: readonly PostingRow[],
  pageDocs = POSTING_PAGE_DOCS,
): PostingPageRow[] {
  const sorted = [...lists].sort((a, b) => byCodeUnits(a.term, b.term));
  const out: PostingPageRow[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    let docs = 0;
    while (end < sorted.length && (end === start || docs < pageDocs)) {
      docs += sorted[end]!.articles.length + sorted[end]!.highlights.length;
      end++;
    }
    const part = sorted.slice(start, end);
    const join = (side: 'articles' | 'highlights') => {
      const ends = new Uint32Array(part.length);
      const bytes = new DocBytes();
      part.forEach((p, i) => {
        bytes.push(p[side]);
        ends[i] = bytes.length;
      });
      return [bytes.bytes(), ends] as const;
    };
    const [articles, articleEnds] = join('articles');
    const [highlights, highlightEnds] = join('highlights');
    out.push({
      first: part[0]!.term,
      terms: part.map((p) => p.term),
      articles,
      articleEnds,
      highlights,
      highlightEnds,
    });
    start = end;
  }
  return out;
}

type Side = 'articles' | 'highlights';

/** One document's terms before and after a write ([] for none: added or deleted). */
interface TermChange {
  side: Side;
  doc: number;
  before: readonly string[];
  after: readonly string[];
}

/** What a write changes in one term's row of one shard. */
interface TermOps {
  term: string;
  shard: number;
  add: Record<Side, number[]>;
  remove: Record<Side, number[]>;
}

/**
 * Applies term changes to the posting lists: for each touched term and
 * shard, reads its row (no page, no whole list), moves the docs added and
 * taken out, and puts it; a row left empty is deleted.
 */
async function updatePostings(
  tables: Pick<IndexTables, 'postingShards'>,
  changes: readonly TermChange[],
): Promise<void> {
  const ops = new Map<string, TermOps>();
  const at = (term: string, doc: number): TermOps => {
    const shard = Math.floor(doc / SHARD_DOCS);
    const key = `${shard}\u0000${term}`;
    let o = ops.get(key);
    if (!o) {
      o = {
        term,
        shard,
        add: { articles: [], highlights: [] },
        remove: { articles: [], highlights: [] },
      };
      ops.set(key, o);
    }
    return o;
  };
  for (const c of changes) {
    const before = new Set(c.before);
    const after = new Set(c.after);
    for (const t of after) if (!before.has(t)) at(t, c.doc).add[c.side].push(c.doc);
    for (const t of before) if (!after.has(t)) at(t, c.doc).remove[c.side].push(c.doc);
  }
  if (ops.size === 0) return;
  const list = [...ops.values()];
  const stored = await tables.postingShards.bulkGet(list.map((o) => [o.term, o.shard]));
  const put: PostingShardRow[] = [];
  const gone: [string, number][] = [];
  list.forEach((o, i) => {
    const row = stored[i];
    // Added: no longer taken out; taken out: no longer added.
    const moved = (side: Side, added: ShardList | undefined, out: ShardList | undefined) =>
      [
        updateSorted(docList(shardDocs(added)), o.add[side], o.remove[side]),
        updateSorted(docList(shardDocs(out)), o.remove[side], o.add[side]),
      ] as const;
    const [articles, goneArticles] = moved('articles', row?.articles, row?.goneArticles);
    const [highlights, goneHighlights] = moved('highlights', row?.highlights, row?.goneHighlights);
    const size = articles.length + highlights.length + goneArticles.length + goneHighlights.length;
    if (size > 0)
      put.push({
        term: o.term,
        shard: o.shard,
        articles: encodeDocs(articles),
        highlights: encodeDocs(highlights),
        goneArticles: encodeDocs(goneArticles),
        goneHighlights: encodeDocs(goneHighlights),
      });
    else if (row) gone.push([o.term, o.shard]);
  });
  await Promise.all([
    put.length > 0 ? tables.postingShards.bulkPut(put) : null,
    gone.length > 0 ? tables.postingShards.bulkDelete(gone) : null,
  ]);
}

/** The number after the table's highest `doc` (1 for an empty table). */
async function nextDoc(table: IndexTables['articles']): Promise<number> {
  const last = await table.orderBy('doc').lastKey();
  return typeof last === 'number' ? last + 1 : 1;
}

/** The order of a group's highlights: made first first, ties by id. */
const byCreation = (a: Highlight, b: Highlight) =>
  a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/**
 * Rows written (with the stored rows they replace, `old[i]` for `rows[i]`,
 * none when fresh), and rows deleted. `written` is the write, issued but not
 * awaited: IndexedDB clones the rows when they are put and writes them while
 * the caller works out the lists (await it before the transaction's end).
 */
interface Written<R> {
  rows: R[];
  old: (R | undefined)[];
  gone: R[];
  written: PromiseLike<unknown>;
}

const nothing = <R>(): Written<R> => ({ rows: [], old: [], gone: [], written: Promise.resolve() });

/**
 * A write issued now and awaited later. Marked handled: when it fails, the
 * transaction aborts and the caller's next await throws; the write's own
 * rejection must not be reported a second time as unhandled.
 */
export function issued<T extends PromiseLike<unknown>>(write: T): T {
  write.then(undefined, () => undefined);
  return write;
}

/**
 * Puts articles' rows and, where the tables have the store (schema v10),
 * their texts apart: a texts row for each article with a text, and the
 * stored texts of `stale` (articles now without) deleted. One row (every
 * edit): a plain put.
 */
function putRows(
  tables: Pick<IndexTables, 'articles' | 'articleTexts'> & SearchDocTables,
  rows: readonly IndexedArticle[],
  stale: readonly string[] = [],
): PromiseLike<unknown> {
  const texts = tables.articleTexts;
  if (!texts) return Promise.all([putAll(tables.articles, [...rows]), putOwn(tables, rows)]);
  const stripped = rows.map(withoutTexts);
  return Promise.all([
    putAll(tables.articles, stripped),
    putOwn(tables, stripped),
    putAll(
      texts,
      rows.map(textsRow).filter((t) => t !== null),
    ),
    stale.length > 0 ? texts.bulkDelete([...stale]) : null,
  ]);
}

/** Puts articles: each keeps its stored `doc` or gets the next (new ones in saved order, so a higher doc is a newer row). */
async function putArticleDocs(
  tables: IndexTables,
  articles: readonly Article[],
): Promise<Written<IndexedArticle>> {
  if (articles.length === 0) return nothing();
  const sorted = [...articles].sort(bySavedAt);
  const ids = sorted.map((r) => r.id);
  // The stored rows with their texts: the terms a write replaces include their bodies.
  const [stored, texts] = await Promise.all([
    tables.articles.bulkGet(ids),
    tables.articleTexts?.bulkGet(ids),
  ]);
  const old = stored.map((r, i) => r && withTexts(r, texts?.[i]));
  let next = await nextDoc(tables.articles);
  const rows = sorted.map((a, i): IndexedArticle => ({
    ...(stripTerms(a) as Article),
    doc: old[i]?.doc ?? next++,
  }));
  const stale = rows.filter((r, i) => texts?.[i] && !hasTexts(r)).map((r) => r.id);
  return { rows, old, gone: [], written: issued(putRows(tables, rows, stale)) };
}

/** What written articles change in the posting lists. */
const articleChanges = ({ rows, old }: Written<IndexedArticle>): TermChange[] =>
  rows.map((row, i): TermChange => {
    const o = old[i];
    return {
      side: 'articles',
      doc: row.doc,
      before: o ? articleTerms(o) : [],
      after: articleTerms(row),
    };
  });

/** Highlights by article, each article's in the order given. */
function byArticle(highlights: readonly Highlight[]): Map<string, Highlight[]> {
  const by = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const list = by.get(h.articleId);
    if (list) list.push(h);
    else by.set(h.articleId, [h]);
  }
  return by;
}

/** The docs of the stored articles among `ids`, by id. */
async function articleDocs(
  tables: IndexTables,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  for (const a of await tables.articles.bulkGet([...ids])) if (a) out.set(a.id, a.doc);
  return out;
}

/** A group row: its doc when its article has one (schema v8), none otherwise. */
const groupRow = (
  articleId: string,
  doc: number | undefined,
  highlights: Highlight[],
): HighlightGroupRow =>
  doc === undefined ? { articleId, highlights } : { articleId, doc, highlights };

/**
 * Writes highlight groups: for each article, `change` turns its stored
 * highlights (none for a new group) into the new ones; a group left empty is
 * deleted. A group's doc is its article's (schema v8): kept when stored,
 * else read from the article's row; a group of an article not stored has none.
 */
async function writeGroups(
  tables: IndexTables,
  articleIds: readonly string[],
  change: (articleId: string, stored: readonly Highlight[]) => Highlight[],
): Promise<Written<HighlightGroupRow>> {
  if (articleIds.length === 0) return nothing();
  const stored = await tables.highlightGroups.bulkGet([...articleIds]);
  const found = await articleDocs(
    tables,
    articleIds.filter((_, i) => stored[i]?.doc === undefined),
  );
  const rows: HighlightGroupRow[] = [];
  const old: (HighlightGroupRow | undefined)[] = [];
  const gone: HighlightGroupRow[] = [];
  articleIds.forEach((id, i) => {
    const o = stored[i];
    const highlights = change(id, o?.highlights ?? []).sort(byCreation);
    if (highlights.length > 0) {
      rows.push(groupRow(id, o?.doc ?? found.get(id), highlights));
      old.push(o);
    } else if (o) gone.push(o);
  });
  const t = tables.highlightGroups;
  const written = issued(
    Promise.all([
      putAll(t, rows),
      gone.length > 0 ? t.bulkDelete(gone.map((g) => g.articleId)) : null,
      putMarks(tables, rows, [...old.map((o) => o?.doc), ...gone.map((g) => g.doc)]),
    ]),
  );
  return { rows, old, gone, written };
}

/**
 * What written and deleted groups change in the posting lists: a group's
 * terms under its doc before and after (a group without a doc is in no list).
 */
function groupChanges({ rows, old, gone }: Written<HighlightGroupRow>): TermChange[] {
  const out: TermChange[] = [];
  const change = (doc: number | undefined, before: string[], after: string[]) => {
    if (doc !== undefined) out.push({ side: 'highlights', doc, before, after });
  };
  rows.forEach((row, i) => {
    const o = old[i];
    const after = groupTerms(row.highlights);
    if (o && o.doc === row.doc) change(row.doc, groupTerms(o.highlights), after);
    else {
      if (o) change(o.doc, groupTerms(o.highlights), []);
      change(row.doc, [], after);
    }
  });
  for (const g of gone) change(g.doc, groupTerms(g.highlights), []);
  return out;
}

/**
 * The stored groups of articles that have just got a doc (new rows): a
 * group that has none (or another) takes its article's, with its terms.
 */
async function adoptGroups(
  tables: IndexTables,
  w: Written<IndexedArticle>,
): Promise<Written<HighlightGroupRow>> {
  const born = w.rows.filter((r, i) => w.old[i]?.doc !== r.doc);
  if (born.length === 0) return nothing();
  const groups = await tables.highlightGroups.bulkGet(born.map((r) => r.id));
  const rows: HighlightGroupRow[] = [];
  const old: HighlightGroupRow[] = [];
  born.forEach((r, i) => {
    const g = groups[i];
    if (g && g.doc !== r.doc) {
      rows.push(groupRow(g.articleId, r.doc, g.highlights));
      old.push(g);
    }
  });
  if (rows.length === 0) return nothing();
  const written = issued(
    Promise.all([
      tables.highlightGroups.bulkPut(rows),
      putMarks(
        tables,
        rows,
        old.map((o) => o.doc),
      ),
    ]),
  );
  return { rows, old, gone: [], written };
}

/** Highlights as a group stores them: no docs, no terms. */
const clean = (hs: readonly Highlight[]) => hs.map((h) => stripTerms(h) as Highlight);

/** Puts articles (new, or replacing stored ones) and their postings; call inside a transaction over the index tables. */
export async function putArticles(
  tables: IndexTables,
  articles: readonly Article[],
): Promise<void> {
  const w = await putArticleDocs(tables, articles);
  const g = await adoptGroups(tables, w);
  await updatePostings(tables, [...articleChanges(w), ...groupChanges(g)]);
  await Promise.all([w.written, g.written]);
}

/**
 * Puts highlights (new, or replacing stored ones with the same id in their
 * article's group) and their postings; call inside a transaction over the
 * index tables.
 */
export async function putHighlights(
  tables: IndexTables,
  highlights: readonly Highlight[],
): Promise<void> {
  const by = byArticle(clean(highlights));
  const w = await writeGroups(tables, [...by.keys()], (id, stored) => {
    const incoming = by.get(id)!;
    const ids = new Set(incoming.map((h) => h.id));
    return [...stored.filter((h) => !ids.has(h.id)), ...incoming];
  });
  await updatePostings(tables, groupChanges(w));
  await w.written;
}

/** Deletes highlights of one article by id (ids not there are ignored); call inside a transaction over the index tables. */
export async function deleteHighlights(
  tables: IndexTables,
  articleId: string,
  ids: readonly string[],
): Promise<void> {
  const drop = new Set(ids);
  const w = await writeGroups(tables, [articleId], (_, stored) =>
    stored.filter((h) => !drop.has(h.id)),
  );
  await updatePostings(tables, groupChanges(w));
  await w.written;
}

/**
 * Fills EMPTY index tables (a restore that replaces the library, or the v5
 * upgrade, which rewrites every row): docs from 1 in saved order, the posting
 * lists built in one pass (lib/search PostingBuilder) and written once.
 * Articles, then highlight groups, may come in parts, as a file is read:
 * each part is put at once, so IndexedDB writes them while the rest is read
 * and worked out; the lists are built at the end, from every row.
 */
export class FreshFill {
  /** The articles put so far, with their docs (and texts), in doc order. */
  readonly rows: IndexedArticle[] = [];
  /** Their docs, by id. */
  private readonly docs = new Map<string, number>();
  /** The group rows put so far, by article. */
  private readonly groups = new Map<string, HighlightGroupRow>();
  private readonly writes: PromiseLike<unknown>[] = [];

  /**
   * Puts articles that all come after those given before, in {@link bySavedAt}
   * order (the caller's promise: docs follow it), their texts apart when the
   * tables have the store (schema v10). Outside a transaction each table's
   * put is its own; a failed write fails {@link written}.
   */
  articles(
    tables: Pick<IndexTables, 'articles' | 'articleTexts'> & SearchDocTables,
    articles: readonly Article[],
  ): void {
    const rows = articles.map((a, i): IndexedArticle => ({
      ...(stripTerms(a) as Article),
      doc: this.rows.length + i + 1,
    }));
    for (const r of rows) {
      this.rows.push(r);
      this.docs.set(r.id, r.doc);
    }
    if (rows.length > 0) this.writes.push(issued(putRows(tables, rows)));
  }

  /** Group rows of `highlights` (each article's added to those put before), in creation order. */
  private groupRows(highlights: readonly Highlight[]): HighlightGroupRow[] {
    const rows: HighlightGroupRow[] = [];
    for (const [id, hs] of byArticle(clean(highlights))) {
      const before = this.groups.get(id)?.highlights ?? [];
      const row = groupRow(id, this.docs.get(id), [...before, ...hs].sort(byCreation));
      this.groups.set(id, row);
      rows.push(row);
    }
    return rows;
  }

  /**
   * Puts the groups of highlights whose articles have all been given: every
   * highlight of them (a later call, or {@link finish}, may add more, at the
   * cost of putting the group again). Like {@link articles}, its own
   * transaction outside one.
   */
  highlights(
    tables: Pick<IndexTables, 'highlightGroups'> & SearchDocTables,
    highlights: readonly Highlight[],
  ): void {
    const rows = this.groupRows(highlights);
    if (rows.length > 0)
      this.writes.push(
        issued(Promise.all([tables.highlightGroups.bulkPut(rows), putMarks(tables, rows)])),
      );
  }

  /**
   * Puts the groups of the highlights left (every article given), then every
   * posting list. The earlier puts may still be under way (other
   * transactions): {@link written} waits for them.
   */
  async finish(tables: FillTables, highlights: readonly Highlight[]): Promise<void> {
    const rows = this.groupRows(highlights);
    const t = tables.highlightGroups;
    const written = issued(Promise.all([putAll(t, rows), putMarks(tables, rows)]));
    // The terms only now: while a file is read, its parse has the CPU.
    const builder = new PostingBuilder();
    for (const row of this.rows) builder.add(0, row.doc, articleText(row), ARTICLE_MAX_TERMS);
    for (const row of this.groups.values())
      if (row.doc !== undefined) builder.add(1, row.doc, groupText(row.highlights), Infinity);
    const lists: PostingRow[] = [];
    for (const { term, docs } of builder.lists())
      lists.push({ term, articles: docs[0], highlights: docs[1] });
    if (tables.postingPages) await tables.postingPages.bulkPut(postingPages(lists));
    else if (tables.postings) await tables.postings.bulkPut(lists);
    else throw new Error('a fresh fill needs the posting pages (or, before v7, the postings)');
    await written;
  }

  /** Every put of {@link articles} and {@link highlights} done (rejects if one failed). */
  async written(): Promise<void> {
    await Promise.all(this.writes);
  }
}

/** {@link FreshFill} of whole lists, in one call. Rows already stored under the same ids are overwritten. */
export async function putAllFresh(
  tables: FillTables,
  articles: readonly Article[],
  highlights: readonly Highlight[],
): Promise<void> {
  const fill = new FreshFill();
  fill.articles(tables, [...articles].sort(bySavedAt));
  await fill.finish(tables, highlights);
  await fill.written();
}

/**
 * Gives every highlight group its article's doc, or none when its article is
 * not stored (schema v8's upgrade from independent group docs). Terms are
 * not worked out again: each list's group docs are renumbered, and the
 * lists written back as fresh pages (the term rows folded in).
 */
export async function renumberGroups(tables: PagedLegacyTables): Promise<void> {
  const byDoc = tables.articles.orderBy('doc');
  const [docs, ids] = await Promise.all([byDoc.keys(), byDoc.primaryKeys()]);
  const docOf = new Map(ids.map((id, i) => [id as string, docs[i] as number]));
  const renumbered = new Map<number, number>();
  const rows = (await tables.highlightGroups.toArray()).map((g) => {
    const doc = docOf.get(g.articleId);
    if (g.doc !== undefined && doc !== undefined) renumbered.set(g.doc, doc);
    return doc === undefined
      ? { articleId: g.articleId, highlights: g.highlights }
      : { articleId: g.articleId, doc, highlights: g.highlights };
  });
  const lists = (await legacyPostings(tables))
    .map((p) => {
      const highlights: number[] = [];
      for (const d of p.highlights) {
        const doc = renumbered.get(d);
        if (doc !== undefined) highlights.push(doc);
      }
      return {
        term: p.term,
        articles: Uint32Array.from(p.articles),
        highlights: Uint32Array.from(highlights).sort(),
      };
    })
    .filter((p) => p.articles.length + p.highlights.length > 0);
  // Cleared first: a group's new doc may be another's old one (the doc index is unique).
  await Promise.all([
    tables.highlightGroups.clear(),
    tables.postings.clear(),
    tables.postingPages.clear(),
  ]);
  await Promise.all([
    tables.highlightGroups.bulkPut(rows),
    tables.postingPages.bulkPut(postingPages(lists)),
  ]);
}

/**
 * Every posting list made again from the stored rows, their docs kept (schema
 * v9's upgrade, when what an article's document holds changed). Rows are read
 * in doc order, as the builder wants them, with their texts (in their rows
 * before schema v10).
 */
export async function rebuildPostings(tables: PagedLegacyTables): Promise<void> {
  const [rows, groups] = await Promise.all([
    tables.articles.orderBy('doc').toArray(),
    tables.highlightGroups.orderBy('doc').toArray(),
  ]);
  const articles: IndexedArticle[] = tables.articleTexts
    ? await joinTexts(tables.articleTexts, rows)
    : rows;
  const builder = new PostingBuilder();
  for (const a of articles) builder.add(0, a.doc, articleText(a), ARTICLE_MAX_TERMS);
  for (const g of groups)
    if (g.doc !== undefined) builder.add(1, g.doc, groupText(g.highlights), Infinity);
  const lists: PostingRow[] = [];
  for (const { term, docs } of builder.lists())
    lists.push({ term, articles: docs[0], highlights: docs[1] });
  await Promise.all([tables.postings.clear(), tables.postingPages.clear()]);
  await tables.postingPages.bulkPut(postingPages(lists));
}

/**
 * Schema v11's upgrade: every term's list as v4–v10 kept it (its `postings`
 * row over its page's copy) written as fresh pages, which then hold every
 * list exactly; `postingShards` starts empty. Docs and terms unchanged.
 */
export async function foldLegacyPostings(tables: PagedLegacyTables): Promise<void> {
  const lists = await legacyPostings(tables);
  await Promise.all([tables.postings.clear(), tables.postingPages.clear()]);
  await tables.postingPages.bulkPut(postingPages(lists));
}

/** Schema v12's upgrade of the shard rows: every list as bytes ({@link ShardList}). */
export async function shardRowsAsBytes(shards: IndexTables['postingShards']): Promise<void> {
  const bytes = (l: ShardList) => (l.BYTES_PER_ELEMENT === 1 ? l : encodeDocs(l));
  const rows = await shards.toArray();
  await shards.bulkPut(
    rows.map((r) => ({
      term: r.term,
      shard: r.shard,
      articles: bytes(r.articles),
      highlights: bytes(r.highlights),
      goneArticles: bytes(r.goneArticles),
      goneHighlights: bytes(r.goneHighlights),
    })),
  );
}

/**
 * Deletes stored articles with their texts, and whole highlight groups, and
 * takes them out of the postings; call inside a transaction over the index
 * tables. Returns the articles as they were, texts joined.
 */
export async function deleteIndexed(
  tables: IndexTables,
  rows: readonly ArticleRow[],
  groups: readonly HighlightGroupRow[],
): Promise<IndexedArticle[]> {
  const ids = rows.map((a) => a.id);
  // Their bodies' terms go too: read the texts before they are deleted.
  const articles: IndexedArticle[] = tables.articleTexts
    ? await joinTexts(tables.articleTexts, rows)
    : [...rows];
  await tables.articles.bulkDelete(ids);
  if (tables.articleTexts && ids.length > 0) await tables.articleTexts.bulkDelete(ids);
  await tables.highlightGroups.bulkDelete(groups.map((g) => g.articleId));
  await Promise.all([
    tables.searchOwn?.bulkDelete(rows.map((a) => a.doc)),
    tables.searchMarks?.bulkDelete(groups.flatMap((g) => (g.doc === undefined ? [] : [g.doc]))),
  ]);
  await updatePostings(tables, [
    ...articles.map((a) => ({
      side: 'articles' as const,
      doc: a.doc,
      before: articleTerms(a),
      after: [],
    })),
    ...groupChanges({ rows: [], old: [], gone: [...groups], written: Promise.resolve() }),
  ]);
  return articles;
}
