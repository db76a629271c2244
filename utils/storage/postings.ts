/**
 * The search index (schema v4, v5): one `postings` row per term, holding the
 * ascending `doc` numbers of the articles and of the highlight groups (one
 * per article since v5, terms.ts HighlightGroupRow) whose terms include it.
 * O(distinct terms) rows, where the v2–v3 `*terms` indexes held one IndexedDB
 * index entry per term of every row (5.4 million for 10,000 articles and
 * 100,000 highlights: a restore spent 200 s on them).
 *
 * Every article and group row has a `doc` (unique per table), numbered in
 * write order: the next after the table's highest; a group keeps its doc as
 * highlights come and go. Every write goes through {@link putArticles} /
 * {@link putHighlights} / {@link deleteHighlights} / {@link deleteIndexed},
 * which keep the lists exact in the caller's transaction (over articles,
 * highlight groups and postings), so a failed write changes nothing.
 */
import { PostingBuilder, updateSorted } from '../../lib/search/index.ts';
import { bySavedAt, type Article, type Highlight } from '../../lib/model.ts';
import type { GangmuDB } from '../db/schema.ts';
import {
  articleTerms,
  articleText,
  groupTerms,
  groupText,
  stripTerms,
  type ArticleRow,
  type HighlightGroupRow,
} from './terms.ts';

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

/** A stored list as numbers (rows written before may hold plain arrays). */
export const docList = (list: ArrayLike<number> | undefined): number[] =>
  list ? Array.from(list) : [];

/** The tables the index spans (a GangmuDB, or an upgrade transaction's tables). */
export type IndexTables = Pick<GangmuDB, 'articles' | 'highlightGroups' | 'postings'>;

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
 * rows, puts the changed ones, deletes the emptied ones.
 */
async function updatePostings(
  postings: IndexTables['postings'],
  changes: readonly TermChange[],
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
  const stored = await postings.bulkGet(terms);
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
  table: IndexTables['articles'] | IndexTables['highlightGroups'],
): Promise<number> {
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

/** Puts articles: each keeps its stored `doc` or gets the next (new ones in saved order, so a higher doc is a newer row). */
async function putArticleDocs(
  tables: IndexTables,
  articles: readonly Article[],
): Promise<Written<ArticleRow>> {
  if (articles.length === 0) return nothing();
  const sorted = [...articles].sort(bySavedAt);
  const old = await tables.articles.bulkGet(sorted.map((r) => r.id));
  let next = await nextDoc(tables.articles);
  const rows = sorted.map((a, i): ArticleRow => ({
    ...(stripTerms(a) as Article),
    doc: old[i]?.doc ?? next++,
  }));
  // One row (every edit): a plain put.
  const written = issued(
    rows.length === 1 ? tables.articles.put(rows[0]!) : tables.articles.bulkPut(rows),
  );
  return { rows, old, gone: [], written };
}

/** What written articles change in the posting lists. */
const articleChanges = ({ rows, old }: Written<ArticleRow>): TermChange[] =>
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

/**
 * Writes highlight groups: for each article, `change` turns its stored
 * highlights (none for a new group) into the new ones; a group left empty is
 * deleted. A group keeps its doc; new groups get the next ones, in order of
 * their newest highlight (so a higher doc is a newer group). `fresh`: the
 * tables are empty, nothing is read.
 */
async function writeGroups(
  tables: IndexTables,
  articleIds: readonly string[],
  change: (articleId: string, stored: readonly Highlight[]) => Highlight[],
  fresh: boolean,
): Promise<Written<HighlightGroupRow>> {
  if (articleIds.length === 0) return nothing();
  const stored = fresh ? [] : await tables.highlightGroups.bulkGet([...articleIds]);
  const next = articleIds.map((id, i) => {
    const highlights = change(id, stored[i]?.highlights ?? []).sort(byCreation);
    return { articleId: id, old: stored[i], highlights };
  });
  let doc = fresh ? 1 : await nextDoc(tables.highlightGroups);
  const newcomers = next
    .filter((g) => !g.old && g.highlights.length > 0)
    // By their newest highlight (the last: they are in creation order).
    .sort((a, b) => byCreation(a.highlights.at(-1)!, b.highlights.at(-1)!));
  const docs = new Map(newcomers.map((g) => [g.articleId, doc++]));
  const rows: HighlightGroupRow[] = [];
  const old: (HighlightGroupRow | undefined)[] = [];
  const gone: HighlightGroupRow[] = [];
  for (const g of next) {
    if (g.highlights.length > 0) {
      rows.push({
        articleId: g.articleId,
        doc: g.old?.doc ?? docs.get(g.articleId)!,
        highlights: g.highlights,
      });
      old.push(g.old);
    } else if (g.old) gone.push(g.old);
  }
  const t = tables.highlightGroups;
  const written = issued(
    Promise.all([
      rows.length === 1 ? t.put(rows[0]!) : rows.length > 1 ? t.bulkPut(rows) : null,
      gone.length > 0 ? t.bulkDelete(gone.map((g) => g.articleId)) : null,
    ]),
  );
  return { rows, old, gone, written };
}

/** What written and deleted groups change in the posting lists. */
const groupChanges = ({ rows, old, gone }: Written<HighlightGroupRow>): TermChange[] => [
  ...rows.map((row, i): TermChange => {
    const o = old[i];
    return {
      side: 'highlights',
      doc: row.doc,
      before: o ? groupTerms(o.highlights) : [],
      after: groupTerms(row.highlights),
    };
  }),
  ...gone.map((g): TermChange => ({
    side: 'highlights',
    doc: g.doc,
    before: groupTerms(g.highlights),
    after: [],
  })),
];

/** Highlights as a group stores them: no docs, no terms. */
const clean = (hs: readonly Highlight[]) => hs.map((h) => stripTerms(h) as Highlight);

/** Puts articles (new, or replacing stored ones) and their postings; call inside a transaction over the index tables. */
export async function putArticles(
  tables: IndexTables,
  articles: readonly Article[],
): Promise<void> {
  const w = await putArticleDocs(tables, articles);
  await updatePostings(tables.postings, articleChanges(w));
  await w.written;
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
  const w = await writeGroups(
    tables,
    [...by.keys()],
    (id, stored) => {
      const incoming = by.get(id)!;
      const ids = new Set(incoming.map((h) => h.id));
      return [...stored.filter((h) => !ids.has(h.id)), ...incoming];
    },
    false,
  );
  await updatePostings(tables.postings, groupChanges(w));
  await w.written;
}

/** Deletes highlights of one article by id (ids not there are ignored); call inside a transaction over the index tables. */
export async function deleteHighlights(
  tables: IndexTables,
  articleId: string,
  ids: readonly string[],
): Promise<void> {
  const drop = new Set(ids);
  const w = await writeGroups(
    tables,
    [articleId],
    (_, stored) => stored.filter((h) => !drop.has(h.id)),
    false,
  );
  await updatePostings(tables.postings, groupChanges(w));
  await w.written;
}

/**
 * Fills EMPTY index tables (a restore that replaces the library, or the v5
 * upgrade, which rewrites every row): docs from 1 in saved order, the posting
 * lists built in one pass (lib/search PostingBuilder) and written once.
 * Articles may come in parts, as a file is read: each part is put at once,
 * so IndexedDB writes them while the rest is read and worked out; the
 * highlights come last, all together (a group's doc depends on every group).
 */
export class FreshFill {
  /** The article rows put so far, with their docs, in doc order. */
  readonly rows: ArticleRow[] = [];
  private readonly writes: PromiseLike<unknown>[] = [];

  /**
   * Puts articles that all come after those given before, in {@link bySavedAt}
   * order (the caller's promise: docs follow it). Outside a transaction each
   * call is its own; a failed write fails {@link written}.
   */
  articles(table: IndexTables['articles'], articles: readonly Article[]): void {
    const rows = articles.map((a, i): ArticleRow => ({
      ...(stripTerms(a) as Article),
      doc: this.rows.length + i + 1,
    }));
    this.rows.push(...rows);
    if (rows.length > 0) this.writes.push(issued(table.bulkPut(rows)));
  }

  /**
   * Puts the highlights' groups, then every posting list. The articles' puts
   * may still be under way (other transactions): {@link written} waits for them.
   */
  async finish(tables: IndexTables, highlights: readonly Highlight[]): Promise<void> {
    const by = byArticle(clean(highlights));
    const g = await writeGroups(tables, [...by.keys()], (id) => by.get(id)!, true);
    // The articles' terms only now: while a file is read, its parse has the CPU.
    const builder = new PostingBuilder();
    for (const row of this.rows) builder.add(0, row.doc, articleText(row));
    for (const row of g.rows) builder.add(1, row.doc, groupText(row.highlights), Infinity);
    const put: PostingRow[] = [];
    for (const { term, docs } of builder.lists())
      put.push({ term, articles: docs[0], highlights: docs[1] });
    await tables.postings.bulkPut(put);
    await g.written;
  }

  /** Every article put done (rejects if one failed). */
  async written(): Promise<void> {
    await Promise.all(this.writes);
  }
}

/** {@link FreshFill} of whole lists, in one call. Rows already stored under the same ids are overwritten. */
export async function putAllFresh(
  tables: IndexTables,
  articles: readonly Article[],
  highlights: readonly Highlight[],
): Promise<void> {
  const fill = new FreshFill();
  fill.articles(tables.articles, [...articles].sort(bySavedAt));
  await fill.finish(tables, highlights);
  await fill.written();
}

/** Deletes stored articles and whole highlight groups and takes them out of the postings; call inside a transaction over the index tables. */
export async function deleteIndexed(
  tables: IndexTables,
  articles: readonly ArticleRow[],
  groups: readonly HighlightGroupRow[],
): Promise<void> {
  await tables.articles.bulkDelete(articles.map((a) => a.id));
  await tables.highlightGroups.bulkDelete(groups.map((g) => g.articleId));
  await updatePostings(tables.postings, [
    ...articles.map((a) => ({
      side: 'articles' as const,
      doc: a.doc,
      before: articleTerms(a),
      after: [],
    })),
    ...groups.map((g) => ({
      side: 'highlights' as const,
      doc: g.doc,
      before: groupTerms(g.highlights),
      after: [],
    })),
  ]);
}
