/**
 * Library search over the posting lists (schema v4, postings.ts).
 *
 * Every word of a query (its terms, lib/search queryTermGroups: CJK bigrams,
 * Latin words) must be in an article: in its own text (title, author,
 * outline, formulations, digest) or in its highlight group (schema v5: the
 * terms of all its highlights' words and notes), which shares its doc number
 * (schema v8). The terms' posting rows are read by key; per word, the
 * articles holding all its terms and the groups holding all its terms are
 * joined, and these intersected, rarest first. Each candidate is
 * then checked on its whole text, its own and its highlights', by the query's
 * matcher: each query word in one field, as written (时间序列, not 时间 …
 * 序列 apart), the words in any of them (营商环境 in the title, 调查研究 in a
 * note). Its hits are the fields holding a query word.
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
 * A candidate is read as its search rows (schema v12, search-docs.ts, keyed by
 * its doc): its own fields with its title, site, author and date, and its
 * highlights' fields; not its article row and highlight group, which hold
 * eight times the bytes.
 *
 * An article's body (its saved or pasted text) is in its document, but since
 * schema v10 not in its row (texts.ts): a candidate's text is read only when
 * its body has to be looked at (see {@link Found.checkAll}).
 */
import {
  hasSorted,
  intersectAll,
  normalizeForSearch,
  queryMatcher,
  queryTermGroups,
  snippet,
  type DocList,
  type QueryMatcher,
  unionSorted,
} from '../../lib/search/index.ts';
import type { GangmuDB } from '../db/schema.ts';
import type { SearchField, SearchHit, SearchResult } from '../../protocol/messages.ts';
import { readPostings } from './postings.ts';
import {
  unpackFields,
  unpackMarks,
  type SearchMarksRow,
  type SearchOwnRow,
} from './search-docs.ts';
import { bodyFields, joinFields, type FieldText } from './terms.ts';
import { withTexts, type TextsTable } from './texts.ts';

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

/**
 * The hits of one document's fields, at most {@link HITS_PER_FIELD} per field
 * kind. The body (an article's text, its last fields) is read for a one-word
 * query only when no other field holds the word: a title or outline hit says
 * where it matched, and reading fifty essays' texts for 发展 cost more than the
 * rest of the search. A query of several words reads it, as a word may be there alone.
 * `before`: hits of the same document's fields already found (its own fields,
 * when these are its body: the two never share a field kind).
 */
function fieldHits(
  m: QueryMatcher,
  fields: readonly FieldText[],
  highlightId?: string,
  before = 0,
): SearchHit[] {
  const out: SearchHit[] = [];
  const per = new Map<SearchField, number>();
  const shown = new Set<string>();
  for (const { field, text } of fields) {
    if (field === 'body' && m.pieces <= 1 && before + out.length > 0) break;
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

/** The articles whose own text and highlights hold every word of the query between them. */
interface Candidates {
  /** Their docs, ascending (maybe a stored list itself: read only). */
  docs: DocList;
  /** Whether the article's own text may hold a word of the query (else its fields are not checked). */
  own(doc: number): boolean;
  /** Whether the article's highlight group may hold a word of the query (else it is not read). */
  grouped(doc: number): boolean;
}

/**
 * The {@link Candidates} of a query's words, each given as its terms
 * (lib/search queryTermGroups). A word stands in one field: in the article's
 * own text (all its terms in the article list) or in its highlights (all in
 * the highlight list). The words may be in either.
 */
async function candidates(db: GangmuDB, words: readonly string[][]): Promise<Candidates> {
  const terms = [...new Set(words.flat())];
  const stored = await readPostings(db, terms);
  const lists = new Map(terms.map((t, k) => [t, stored[k]]));
  const none: DocList = [];
  const side = (word: readonly string[], of: 'articles' | 'highlights') =>
    intersectAll(word.map((t) => lists.get(t)?.[of] ?? none));
  const inArticles = words.map((w) => side(w, 'articles'));
  const inGroups = words.map((w) => side(w, 'highlights'));
  return {
    docs: intersectAll(inArticles.map((a, i) => unionSorted(a, inGroups[i]!))),
    own: (doc) => inArticles.some((l) => hasSorted(l, doc)),
    grouped: (doc) => inGroups.some((l) => hasSorted(l, doc)),
  };
}

/** `docs[start … end)`, highest first. */
function descending(docs: DocList, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = end - 1; i >= start; i--) out.push(docs[i]!);
  return out;
}

/** A table keyed by doc number (schema v12's search rows). */
interface DocTable<T> {
  bulkGet(docs: number[]): PromiseLike<(T | undefined)[]>;
  where(key: ':id'): {
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
 * key range, the rest by key.
 */
async function byDocs<T extends { doc: number }>(
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
      (await table.where(':id').between(lo, hi, true, true).toArray()).map((r) => [r.doc, r]),
    );
    return docs.map((d) => byDoc.get(d)).filter((r): r is T => r !== undefined);
  }
  return (await table.bulkGet([...docs])).filter((r): r is T => r !== undefined);
}

/**
 * A candidate article to check: its own search row, its highlights' (none
 * when they hold no word of the query, or it has none), and whether its own
 * text may hold a word (the posting lists say so; else its fields are not
 * looked at).
 */
interface Candidate {
  a: SearchOwnRow;
  marks?: SearchMarksRow | undefined;
  own: boolean;
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
  const words = queryTermGroups(query);
  const tables = [db.searchOwn, db.searchMarks, db.articleTexts, db.postingShards, db.postingPages];
  return db.transaction('r', tables, async () => {
    const found = new Found(query);
    if (words.length > 0) {
      const c = await candidates(db, words);
      // Few candidates: read and check them all, rank them all.
      if (c.docs.length <= fullRankMax) await checkDocs(db, found, Array.from(c.docs), c);
      else await newestCandidates(db, found, max, c);
    } else await newestScan(db, found, max);
    return found.results().sort(rank).slice(0, max);
  });
}

/** Thresholds of {@link search} (smaller ones in tests). */
export interface SearchOptions {
  fullRankMax?: number;
}

/**
 * The articles found so far, each checked once with its highlights: found
 * when its whole text holds the query, shown with the hits of its own fields
 * first, then of its highlights in creation order.
 */
class Found {
  private found = new Map<string, SearchResult>();
  private seen = new Set<string>();
  /** The query worked out once (fifty articles and their groups hold thousands of texts to check). */
  private readonly m: QueryMatcher;
  constructor(query: string) {
    this.m = queryMatcher(query);
  }

  /** Articles found. */
  get size(): number {
    return this.found.size;
  }
  /**
   * Checks candidates in their order, each article once, until `max` are
   * found. An article's own fields come from its row; its body, stored apart
   * (schema v10), is read (all of them in one `bulkGet`) only where it is
   * looked at: its own text may hold a word, and the query has several words
   * or no other field of its own holds the one (see {@link fieldHits}).
   */
  async checkAll(texts: TextsTable, list: readonly Candidate[], max = Infinity): Promise<void> {
    const todo = list.filter((c) => !this.seen.has(c.a.id));
    const own = todo.map((c) => {
      const fields = c.own ? unpackFields(c.a) : [];
      return { fields, hits: fieldHits(this.m, fields) };
    });
    const wanted = todo.filter((c, i) => c.own && (this.m.pieces > 1 || own[i]!.hits.length === 0));
    const stored = wanted.length > 0 ? await texts.bulkGet(wanted.map((c) => c.a.id)) : [];
    const bodies = new Map(wanted.map((c, i) => [c.a.id, bodyFields(withTexts({}, stored[i]))]));
    todo.forEach((c, i) => {
      if (this.size < max) this.check(c, own[i]!, bodies.get(c.a.id) ?? []);
    });
  }

  /**
   * Checks an article with its highlight group: its own fields (and their
   * hits, worked out before) and its body's (none when not read).
   */
  private check(
    { a, marks }: Candidate,
    own: { fields: FieldText[]; hits: SearchHit[] },
    body: FieldText[],
  ): void {
    if (this.seen.has(a.id)) return;
    this.seen.add(a.id);
    const highlights = marks ? unpackMarks(marks) : [];
    // Each query word in one field (joinFields keeps fields apart), the words anywhere. One
    // word: the article holds it when a field does, which its hits say.
    if (this.m.pieces > 1) {
      const whole = [[...own.fields, ...body], ...highlights.map((h) => h.fields)]
        .map(joinFields)
        .join('\n');
      if (!this.m.all(whole)) return;
    }
    const hits = [...own.hits, ...fieldHits(this.m, body, undefined, own.hits.length)];
    for (const h of highlights) hits.push(...fieldHits(this.m, h.fields, h.id));
    if (hits.length === 0) return;
    this.found.set(a.id, {
      articleId: a.id,
      title: a.title,
      site: a.site,
      author: a.author,
      savedAt: a.savedAt,
      hits,
    });
  }
  results(): SearchResult[] {
    return [...this.found.values()];
  }
}

/**
 * Reads the candidates of `docs` and checks them in that order, until `max`
 * are found: every one's own search row (range reads where the docs lie
 * close), and the highlights' of those whose highlights may hold a word of
 * the query.
 */
async function checkDocs(
  db: GangmuDB,
  found: Found,
  docs: readonly number[],
  c: Candidates,
  max = Infinity,
): Promise<void> {
  const [own, marks] = await Promise.all([
    byDocs<SearchOwnRow>(db.searchOwn, docs),
    byDocs<SearchMarksRow>(db.searchMarks, docs.filter(c.grouped)),
  ]);
  const byDoc = new Map(own.map((a) => [a.doc, a]));
  const marksOf = new Map(marks.map((m) => [m.doc, m]));
  const list: Candidate[] = [];
  for (const doc of docs) {
    const a = byDoc.get(doc);
    if (a) list.push({ a, marks: marksOf.get(doc), own: c.own(doc) });
  }
  await found.checkAll(db.articleTexts, list, max);
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
 * import numbers by date), each checked with its highlights, until `max`
 * match: exactly the `max` newest matches. Reads O(max) rows, not
 * O(matches): the reply time does not grow with the library.
 */
async function newestCandidates(
  db: GangmuDB,
  found: Found,
  max: number,
  c: Candidates,
): Promise<void> {
  const { docs } = c;
  let end = docs.length;
  // The first step as long as the page (a common word matches most), then as many as
  // the rate found so far says are still needed.
  for (let n = Math.max(max, 1); end > 0 && found.size < max;) {
    const start = Math.max(0, end - n);
    await checkDocs(db, found, descending(docs, start, end), c, max);
    end = start;
    n = nextStep(max - found.size, found.size, docs.length - end);
  }
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
  const top = await db.searchOwn.orderBy(':id').lastKey();
  let hi = typeof top === 'number' ? top : 0;
  // One forward read of the doc index per range; deleted rows leave gaps.
  let n = Math.max(max, 1);
  for (let read = 0; hi >= 1 && read < SEARCH_SCAN_CAP && found.size < max;) {
    const want = Math.min(n, SEARCH_SCAN_CAP - read);
    const lo = Math.max(1, hi - want + 1);
    // A group's doc is its article's (schema v8): the same range holds their highlights.
    const [articles, marks] = await Promise.all([
      db.searchOwn.where(':id').between(lo, hi, true, true).toArray(),
      db.searchMarks.where(':id').between(lo, hi, true, true).toArray(),
    ]);
    hi = lo - 1;
    read += articles.length;
    // Newest first, each article with its group, until the page is full: exactly the
    // `max` most recent matches, none older ranked in by a title hit.
    const marksOf = new Map(marks.map((m) => [m.doc, m]));
    const list: Candidate[] = [];
    for (let i = articles.length - 1; i >= 0; i--) {
      const a = articles[i]!;
      list.push({ a, marks: marksOf.get(a.doc), own: true });
    }
    await found.checkAll(db.articleTexts, list, max);
    // A range that came back short (deleted articles leave gaps) doubles the next.
    n = articles.length < want ? 2 * n : nextStep(max - found.size, found.size, read);
  }
}
