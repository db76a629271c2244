/**
 * Library search over the posting lists (schema v4, postings.ts).
 *
 * A query's terms (lib/search queryTerms: CJK bigrams, Latin words) must all
 * be in a document. The terms' posting rows are read by key and their doc
 * lists intersected, rarest first; each candidate is then checked on its own
 * text with matchesAll, which also confirms that the bigrams stand together as
 * the query wrote them (时间序列, not 时间 … 序列 apart). A document is an
 * article (title, author, outline, formulations, digest) or an article's
 * highlight group (schema v5: the terms of all its highlights' words and
 * notes), whose highlights are then checked one by one; an article is found
 * when it or one of its highlights matches.
 *
 * Up to {@link FULL_RANK_MAX} candidates, every one is read and ranked. A
 * common word (发展 in thousands of rows) is answered from the newest
 * candidates (the highest doc numbers, newestCandidates): O(limit) rows read,
 * not O(matches), so the reply time does not grow with the library.
 *
 * A query without terms (one CJK character, say 治) cannot use the index: it
 * is answered by a scan of at most {@link SEARCH_SCAN_CAP} articles with
 * their highlights, the highest doc first (the most recently saved or
 * written: see {@link newestScan}), stopping once `limit` articles match.
 * Titles, sites, authors and dates of results come from the article rows.
 */
import {
  hasSorted,
  intersectAll,
  normalizeForSearch,
  queryMatcher,
  queryTerms,
  snippet,
  type DocList,
  type QueryMatcher,
} from '../../lib/search/index.ts';
import type { GangmuDB } from '../db/schema.ts';
import type { SearchField, SearchHit, SearchResult } from '../messages.ts';
import { groupsOf } from './by-article.ts';
import { readPostings } from './postings.ts';
import { authorOf } from './summaries.ts';
import {
  articleFields,
  highlightFields,
  joinFields,
  type ArticleRow,
  type FieldText,
  type HighlightGroupRow,
} from './terms.ts';

/** Rows read per table when a query has no index terms (a lone character). */
export const SEARCH_SCAN_CAP = 1000;
/**
 * Candidates (article rows and highlight groups together) up to which every
 * one is read, checked and ranked; above it, the newest matching articles
 * are. A group holds all of an article's highlights (ten or so), so 100
 * candidates may mean a thousand texts to confirm: about the cost of the
 * newest-first answer.
 */
export const FULL_RANK_MAX = 100;
/** Results when the request names no limit, and the most it may name. */
export const SEARCH_LIMIT = { default: 50, max: 500 } as const;
/** Hits shown per field kind of one article (an outline may match in dozens of nodes). */
const HITS_PER_FIELD = 3;
/** Characters of context each side of a hit's first match. */
const SNIPPET_RADIUS = 30;

/** The hits of one document's fields, at most {@link HITS_PER_FIELD} per field kind. */
function fieldHits(
  m: QueryMatcher,
  fields: readonly FieldText[],
  highlightId?: string,
): SearchHit[] {
  const out: SearchHit[] = [];
  const per = new Map<SearchField, number>();
  const shown = new Set<string>();
  for (const { field, text } of fields) {
    if ((per.get(field) ?? 0) >= HITS_PER_FIELD) continue;
    const spans = m.spans(text);
    if (spans.length === 0) continue;
    // The digest repeats level-1 keys: show each text once. (Keyed only once it is a hit:
    // the key is a copy of the text.)
    const key = `${field}\n${text}`;
    if (shown.has(key)) continue;
    shown.add(key);
    per.set(field, (per.get(field) ?? 0) + 1);
    const s = snippet(text, spans, SNIPPET_RADIUS);
    out.push({
      field,
      text: s.text,
      spans: s.spans.map(([a, b]) => [a, b]),
      cutBefore: s.cutBefore,
      cutAfter: s.cutAfter,
      ...(highlightId ? { highlightId } : {}),
    });
  }
  return out;
}

/** The docs of the articles and of the highlight groups holding every term. */
interface Candidates {
  /** Ascending; maybe a stored list itself (read only). */
  articles: DocList;
  highlights: DocList;
}

/** The {@link Candidates} of a query's terms. */
async function candidates(db: GangmuDB, terms: readonly string[]): Promise<Candidates> {
  const stored = await readPostings(db, [...new Set(terms)]);
  const none: DocList = [];
  return {
    articles: intersectAll(stored.map((s) => s.lists?.articles ?? none)),
    highlights: intersectAll(stored.map((s) => s.lists?.highlights ?? none)),
  };
}

/** `docs[start … end)`, highest first. */
function descending(docs: DocList, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = end - 1; i >= start; i--) out.push(docs[i]!);
  return out;
}

/** A table read by doc number (articles or highlight groups). */
interface DocTable<T> {
  get(criteria: { doc: number }): PromiseLike<T | undefined>;
  where(index: 'doc'): {
    between(
      lower: number,
      upper: number,
      includeLower: boolean,
      includeUpper: boolean,
    ): {
      toArray(): PromiseLike<T[]>;
    };
  };
}

/**
 * The rows of `docs`, in that order. Docs close together (most rows in their
 * range are wanted: the newest candidates of a common word) are read as one
 * range of the doc index, the rest by one index read each, issued together.
 */
async function byDocs<T extends { doc?: number }>(
  table: DocTable<T>,
  docs: readonly number[],
): Promise<T[]> {
  if (docs.length === 0) return [];
  let lo = docs[0]!;
  let hi = lo;
  for (const d of docs) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (docs.length > 1 && hi - lo + 1 <= 2 * docs.length) {
    const byDoc = new Map(
      (await table.where('doc').between(lo, hi, true, true).toArray()).map((r) => [r.doc, r]),
    );
    return docs.map((d) => byDoc.get(d)).filter((r): r is T => r !== undefined);
  }
  const rows: (T | undefined)[] = await Promise.all(docs.map((doc) => table.get({ doc })));
  return rows.filter((r): r is T => r !== undefined);
}

/** Rank: a title hit first, then more hits, then newer. */
function rank(a: SearchResult, b: SearchResult): number {
  const ta = a.hits[0]?.field === 'title' ? 0 : 1;
  const tb = b.hits[0]?.field === 'title' ? 0 : 1;
  return (
    ta - tb ||
    b.hits.length - a.hits.length ||
    (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0)
  );
}

/**
 * Searches the library. Returns at most `limit` articles, each with where it
 * matched (title, author, outline, formulation hits first, then highlight and
 * note hits with the highlight's id), best first. An empty query finds nothing.
 */
export async function search(
  db: GangmuDB,
  query: string,
  limit: number = SEARCH_LIMIT.default,
  { fullRankMax = FULL_RANK_MAX }: SearchOptions = {},
): Promise<SearchResult[]> {
  const max = Math.min(Math.max(1, Math.floor(limit)), SEARCH_LIMIT.max);
  if (!normalizeForSearch(query).text.trim()) return [];
  const terms = queryTerms(query);
  const tables = [db.articles, db.highlightGroups, db.postings, db.postingPages];
  return db.transaction('r', tables, async () => {
    const found = new Found(query);
    if (terms.length > 0) {
      const c = await candidates(db, terms);
      if (c.articles.length + c.highlights.length <= fullRankMax) {
        // Few candidates: read (both tables at once) and check them all, rank them all.
        const [articles, groups] = await Promise.all([
          byDocs<ArticleRow>(db.articles, Array.from(c.articles)),
          byDocs<HighlightGroupRow>(db.highlightGroups, Array.from(c.highlights)),
        ]);
        for (const row of articles) found.article(row);
        for (const row of groups) found.group(row);
      } else await newestCandidates(db, found, max, c);
    } else await newestScan(db, found, max);
    return (await found.results(db)).sort(rank).slice(0, max);
  });
}

/** Thresholds of {@link search} (smaller ones in tests). */
export interface SearchOptions {
  fullRankMax?: number;
}

/** What a result shows of its article. */
type ResultHead = Pick<SearchResult, 'title' | 'site' | 'author' | 'savedAt'>;

/** The hits found so far, per article: its own first, then its highlights' in creation order. */
class Found {
  private own = new Map<string, SearchHit[]>();
  private fromHighlights = new Map<string, SearchHit[]>();
  private seenArticles = new Set<string>();
  private seenGroups = new Set<string>();
  /** Title, site, author and date of every article row read, for the results. */
  private heads = new Map<string, ResultHead>();
  /** The doc of every article row read (its group's since schema v8). */
  private docs = new Map<string, number>();
  /** The query worked out once (fifty articles and their groups hold thousands of texts to check). */
  private readonly m: QueryMatcher;
  constructor(query: string) {
    this.m = queryMatcher(query);
  }

  /** Articles with at least one hit. */
  get size(): number {
    return this.ids().length;
  }
  ids(): string[] {
    return [...new Set([...this.own.keys(), ...this.fromHighlights.keys()])];
  }
  /** Whether the article's own row was checked. */
  read(id: string): boolean {
    return this.seenArticles.has(id);
  }
  /** Keeps what a result shows of an article row read (checked or not). */
  head(a: ArticleRow): void {
    this.docs.set(a.id, a.doc);
    if (!this.heads.has(a.id))
      this.heads.set(a.id, {
        title: a.title,
        site: a.site,
        author: authorOf(a),
        savedAt: a.savedAt,
      });
  }
  article(a: ArticleRow): void {
    if (this.seenArticles.has(a.id)) return;
    this.seenArticles.add(a.id);
    this.head(a);
    const fields = articleFields(a);
    if (this.m.all(joinFields(fields))) this.own.set(a.id, fieldHits(this.m, fields));
  }
  /** The doc of an article whose row was read. */
  docOf(id: string): number | undefined {
    return this.docs.get(id);
  }
  /** Whether the article's highlight group was checked. */
  readGroup(id: string): boolean {
    return this.seenGroups.has(id);
  }
  /** Checks each highlight of a group (a candidate group holds the terms, maybe in different highlights). */
  group(g: HighlightGroupRow): void {
    if (this.seenGroups.has(g.articleId)) return;
    this.seenGroups.add(g.articleId);
    const hits: SearchHit[] = [];
    for (const h of g.highlights) {
      const fields = highlightFields(h);
      if (this.m.all(joinFields(fields))) hits.push(...fieldHits(this.m, fields, h.id));
    }
    if (hits.length > 0) this.fromHighlights.set(g.articleId, hits);
  }
  /**
   * The results, with each article's title, site, author and date from its
   * row: those read already, the others (found only through highlights) read now.
   */
  async results(db: GangmuDB): Promise<SearchResult[]> {
    const ids = this.ids();
    const unread = ids.filter((id) => !this.heads.has(id));
    if (unread.length > 0) for (const a of await db.articles.bulkGet(unread)) if (a) this.head(a);
    const out: SearchResult[] = [];
    for (const id of ids) {
      const a = this.heads.get(id);
      const fromHighlights = this.fromHighlights.get(id) ?? [];
      const hits = [...(this.own.get(id) ?? []), ...fromHighlights];
      if (!a || hits.length === 0) continue; // a highlight whose article is gone
      out.push({ articleId: id, ...a, hits });
    }
    return out;
  }
}

/** Most rows read per step of the newest-first walks after the first (which reads `limit`). */
const STEP = 64;
/** Fewest rows read per step after the first. */
const MIN_STEP = 8;

/**
 * Rows to read next in a newest-first walk: enough for the `wanted` articles
 * still to find at the rate found so far (a quarter more), from
 * {@link MIN_STEP} to {@link STEP}. A common word or character matches
 * nearly every row: one article short of the page after the first step
 * should cost a few rows, not another {@link STEP} articles and their groups.
 */
export function nextStep(wanted: number, found: number, read: number): number {
  if (found <= 0) return STEP;
  return Math.min(STEP, Math.max(MIN_STEP, Math.ceil((1.25 * wanted * read) / found)));
}

/**
 * Many candidates (a common word), answered from the newest: candidate
 * articles from the highest doc down (docs are numbered in write order; an
 * import numbers by date), checked until `max` articles match by their own
 * text; then candidate highlights from the highest doc down fill the room
 * left. Each article found then gets all its hits: its own text (when it is a
 * candidate) and its candidate highlights. Reads O(max) rows, not
 * O(matches): the reply time does not grow with the library.
 */
async function newestCandidates(
  db: GangmuDB,
  found: Found,
  max: number,
  c: Candidates,
): Promise<void> {
  /** Reads candidates from the highest doc down until `max` articles are found; true when every one was read. */
  const walk = async <T extends { doc?: number }>(
    table: DocTable<T>,
    docs: DocList,
    check: (row: T) => void,
  ) => {
    let end = docs.length;
    const before = found.size;
    // The first step as long as the page (a common word matches most), then as many as
    // the rate found so far says are still needed.
    for (let n = Math.max(max, 1); end > 0 && found.size < max;) {
      const start = Math.max(0, end - n);
      for (const row of await byDocs(table, descending(docs, start, end))) check(row);
      end = start;
      n = nextStep(max - found.size, found.size - before, docs.length - end);
    }
    return end === 0;
  };
  const allArticles = await walk<ArticleRow>(db.articles, c.articles, (a) => found.article(a));
  const allGroups = await walk<HighlightGroupRow>(db.highlightGroups, c.highlights, (g) =>
    found.group(g),
  );
  // Every hit of the articles found: their own rows and their candidate highlight groups
  // (none left to read of a list walked to its end). A group's doc is its article's
  // (schema v8): only the groups of found articles whose doc is a candidate are read.
  const ids = found.ids();
  const unread = allArticles ? [] : ids.filter((id) => !found.read(id));
  const candidateGroup = (id: string) => {
    const doc = found.docOf(id);
    return doc !== undefined && hasSorted(c.highlights, doc);
  };
  const ungrouped = allGroups ? [] : ids.filter((id) => !found.readGroup(id) && candidateGroup(id));
  const [articles, groups] = await Promise.all([
    unread.length > 0 ? db.articles.bulkGet(unread) : [],
    ungrouped.length > 0 ? groupsOf(db, ungrouped) : [],
  ]);
  for (const a of articles) {
    if (a && hasSorted(c.articles, a.doc)) found.article(a);
    else if (a) found.head(a);
  }
  for (const g of groups) if (g) found.group(g);
}

/**
 * A query without terms (a lone character): articles from the highest doc
 * down, at most {@link SEARCH_SCAN_CAP}, read as ranges of docs (`max`, then
 * {@link nextStep}; a range that comes back short doubles the next), each
 * with all its highlights, checked until `max` articles match. A new article gets
 * the next doc and a restore numbers them by saved date, while an edit keeps
 * its doc: so the most recently saved (or restored, or written back by an
 * undo) first, not the most recently edited.
 */
async function newestScan(db: GangmuDB, found: Found, max: number): Promise<void> {
  const top = await db.articles.orderBy('doc').lastKey();
  let hi = typeof top === 'number' ? top : 0;
  // One forward read of the doc index per range; deleted rows leave gaps.
  let n = Math.max(max, 1);
  for (let read = 0; hi >= 1 && read < SEARCH_SCAN_CAP && found.size < max;) {
    const want = Math.min(n, SEARCH_SCAN_CAP - read);
    const lo = Math.max(1, hi - want + 1);
    // A group's doc is its article's (schema v8): the same range holds their groups.
    const [articles, groups] = await Promise.all([
      db.articles.where('doc').between(lo, hi, true, true).toArray(),
      db.highlightGroups.where('doc').between(lo, hi, true, true).toArray(),
    ]);
    hi = lo - 1;
    read += articles.length;
    // Newest first, each article with its group, until the page is full: exactly the
    // `max` most recent matches, none older ranked in by a title hit.
    const groupOf = new Map(groups.map((g) => [g.doc, g]));
    for (let i = articles.length - 1; i >= 0 && found.size < max; i--) {
      const a = articles[i]!;
      found.article(a);
      const g = groupOf.get(a.doc);
      if (g) found.group(g);
    }
    // A range that came back short (deleted articles leave gaps) doubles the next.
    n = articles.length < want ? 2 * n : nextStep(max - found.size, found.size, read);
  }
}
