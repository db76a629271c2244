/**
 * Library search over the `*terms` multi-entry indexes (schema v2).
 *
 * A query's terms (lib/search queryTerms: CJK bigrams, Latin words) must all
 * be in a document. Each term's primary keys are read from the index (no
 * rows), rarest first, and intersected; each candidate is then checked on its
 * own text with matchesAll, which also confirms that the bigrams stand together as the query
 * wrote them (时间序列, not 时间 … 序列 apart). A document is an article (title,
 * author, outline, formulations, digest) or one highlight (its words and
 * note); an article is found when it or one of its highlights matches.
 *
 * Up to {@link FULL_RANK_MAX} candidates, every one is read and ranked. A
 * common word (发展 in thousands of rows) is answered from the newest
 * matching articles instead (newestMatches): O(limit) rows read, not
 * O(matches), so the reply time does not grow with the library.
 *
 * A query without terms (one CJK character, say 治) cannot use the index: it
 * is answered by a scan of at most {@link SEARCH_SCAN_CAP} rows per table,
 * the most recently updated first, stopping once `limit` articles match.
 * Titles, sites and dates of results come from the summaries (schema v3).
 */
import {
  matches,
  matchesAll,
  normalizeForSearch,
  queryTerms,
  snippet,
} from '../../lib/search/index.ts';
import type { Span } from '../../lib/types.ts';
import type { GangmuDB } from '../db/schema.ts';
import type { SearchField, SearchHit, SearchResult } from '../messages.ts';
import { highlightsByArticle } from './by-article.ts';
import {
  articleFields,
  highlightFields,
  joinFields,
  type ArticleRow,
  type FieldText,
  type HighlightRow,
} from './terms.ts';

/** Rows read per table when a query has no index terms (a lone character). */
export const SEARCH_SCAN_CAP = 1000;
/**
 * Candidates (article and highlight rows together) up to which every one is
 * read, checked and ranked; above it, the newest matching articles are.
 */
export const FULL_RANK_MAX = 200;
/**
 * Rows holding a query's rarest term above which its keys are not read (a
 * common word: 发展 in tens of thousands of highlights); rows are then
 * walked newest first and checked on their own terms.
 */
export const KEYS_MAX = 1000;
/** The first probe's limit (every term of a query is probed this far). */
const KEYS_FIRST = 300;
/** Results when the request names no limit, and the most it may name. */
export const SEARCH_LIMIT = { default: 50, max: 500 } as const;
/** Hits shown per field kind of one article (an outline may match in dozens of nodes). */
const HITS_PER_FIELD = 3;
/** Characters of context each side of a hit's first match. */
const SNIPPET_RADIUS = 30;

/** Spans of the query in `text`; for a query with no pieces (one character), its substring occurrences. */
function spansOf(query: string, text: string): Span[] {
  const found = matches(query, text);
  if (found.length > 0) return found;
  const q = normalizeForSearch(query).text.trim();
  if (!q) return [];
  const norm = normalizeForSearch(text);
  const out: Span[] = [];
  for (let i = norm.text.indexOf(q); i >= 0; i = norm.text.indexOf(q, i + q.length))
    out.push([norm.offsets[i]!, norm.offsets[i + q.length]!]);
  return out;
}

/** The hits of one document's fields, at most {@link HITS_PER_FIELD} per field kind. */
function fieldHits(query: string, fields: readonly FieldText[], highlightId?: string): SearchHit[] {
  const out: SearchHit[] = [];
  const per = new Map<SearchField, number>();
  const shown = new Set<string>();
  for (const { field, text } of fields) {
    // The digest repeats level-1 keys: show each text once.
    if ((per.get(field) ?? 0) >= HITS_PER_FIELD || shown.has(`${field}\n${text}`)) continue;
    const spans = spansOf(query, text);
    if (spans.length === 0) continue;
    per.set(field, (per.get(field) ?? 0) + 1);
    shown.add(`${field}\n${text}`);
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

/**
 * The primary keys of the rows of `table` holding every term, or null for a
 * common word. Each term's keys are read from the index (no rows) with a
 * limit of `keysMax + 1`: IndexedDB counts and lists a range entry by entry,
 * so a term in 40,000 highlights must never be read whole. A term over the
 * limit is common; the keys of the others, rarest first, are intersected.
 * All terms common: null (rows are then walked and checked on their terms).
 */
async function candidateKeys(
  table: GangmuDB['articles'] | GangmuDB['highlights'],
  terms: readonly string[],
  keysMax: number,
): Promise<string[] | null> {
  const probe = (t: string, n: number) =>
    table
      .where('terms')
      .equals(t)
      .limit(n + 1)
      .primaryKeys() as Promise<string[]>;
  // A short probe first; a query of one term gets a longer one too (a word in a few
  // hundred notes is then answered by key), a query of several common terms does not.
  const first = Math.min(keysMax, KEYS_FIRST);
  let limit = first;
  let probes = await Promise.all(terms.map((t) => probe(t, first)));
  if (keysMax > first && terms.length === 1 && probes[0]!.length > first) {
    limit = keysMax;
    probes = [await probe(terms[0]!, keysMax)];
  }
  // A probe that filled its limit was cut: that term is common.
  const rare = probes.filter((k) => k.length <= limit).sort((a, b) => a.length - b.length);
  if (rare.length === 0) return null;
  let keys = rare[0]!;
  for (const next of rare.slice(1)) {
    const set = new Set(next);
    keys = keys.filter((k) => set.has(k));
  }
  return keys;
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
  { fullRankMax = FULL_RANK_MAX, keysMax = KEYS_MAX }: SearchOptions = {},
): Promise<SearchResult[]> {
  const max = Math.min(Math.max(1, Math.floor(limit)), SEARCH_LIMIT.max);
  if (!normalizeForSearch(query).text.trim()) return [];
  const terms = queryTerms(query);
  return db.transaction('r', db.articles, db.highlights, db.summaries, async () => {
    const found = new Found(query, terms);
    if (terms.length > 0) {
      const a = await candidateKeys(db.articles, terms, keysMax);
      const h = await candidateKeys(db.highlights, terms, keysMax);
      if (a && h && a.length + h.length <= fullRankMax) {
        // Few candidates: read and check them all, rank them all.
        for (const row of await db.articles.bulkGet(a)) if (row) found.article(row);
        for (const row of await db.highlights.bulkGet(h)) if (row) found.highlight(row);
      } else {
        await newestMatches(db, found, max, {
          articleKeys: a && new Set(a),
          highlightKeys: h && new Set(h),
        });
      }
    } else {
      await newestMatches(db, found, max, { scan: true, articleKeys: null, highlightKeys: null });
    }
    return (await found.results(db)).sort(rank).slice(0, max);
  });
}

/** Thresholds of {@link search} (smaller ones in tests). */
export interface SearchOptions {
  fullRankMax?: number;
  keysMax?: number;
}

/** The hits found so far, per article: its own first, then its highlights' in the order read. */
class Found {
  private own = new Map<string, SearchHit[]>();
  private fromHighlights = new Map<string, SearchHit[]>();
  private seenHighlights = new Set<string>();
  constructor(
    private readonly query: string,
    private readonly terms: readonly string[],
  ) {}

  /** The row holds every query term (what the index would say), or the query has none. */
  private hasTerms(row: { terms: string[] }): boolean {
    return this.terms.every((t) => row.terms.includes(t));
  }

  /** Articles with at least one hit. */
  get size(): number {
    return new Set([...this.own.keys(), ...this.fromHighlights.keys()]).size;
  }
  has(id: string): boolean {
    return this.own.has(id) || this.fromHighlights.has(id);
  }
  article(a: ArticleRow): void {
    if (!this.hasTerms(a)) return;
    const fields = articleFields(a);
    if (matchesAll(this.query, joinFields(fields)))
      this.own.set(a.id, fieldHits(this.query, fields));
  }
  highlight(h: HighlightRow): void {
    if (this.seenHighlights.has(h.id) || !this.hasTerms(h)) return;
    this.seenHighlights.add(h.id);
    const fields = highlightFields(h);
    if (!matchesAll(this.query, joinFields(fields))) return;
    const list = this.fromHighlights.get(h.articleId) ?? [];
    list.push(...fieldHits(this.query, fields, h.id));
    this.fromHighlights.set(h.articleId, list);
  }
  /** The results, with each article's title, site, author and date from its summary. */
  async results(db: GangmuDB): Promise<SearchResult[]> {
    const ids = [...new Set([...this.own.keys(), ...this.fromHighlights.keys()])];
    const out: SearchResult[] = [];
    const summaries = await db.summaries.bulkGet(ids);
    ids.forEach((id, i) => {
      const a = summaries[i];
      const hits = [...(this.own.get(id) ?? []), ...(this.fromHighlights.get(id) ?? [])];
      if (!a || hits.length === 0) return; // a highlight whose article is gone
      out.push({
        articleId: a.id,
        title: a.title,
        site: a.site,
        author: a.author,
        savedAt: a.savedAt,
        hits,
      });
    });
    return out;
  }
}

/** Rows read per step of {@link newestMatches}. */
const STEP = 64;

/**
 * A query with many candidates (or with no terms: a scan), answered from the
 * newest articles: ids newest saved first (a scan: most recently updated
 * first, at most {@link SEARCH_SCAN_CAP}) are taken {@link STEP} at a time
 * and their rows checked until `max` articles match.
 *
 * - Both sides' candidate keys known: only candidate articles are read (in
 *   date order, from their summaries), with the highlights of those found;
 *   then candidate highlights fill the room left.
 * - A side common (keys null), or a scan: every article is walked in date
 *   order; its row is read when it may match, and all its highlights when
 *   highlights are the common side. Matches are dense, so a few steps fill
 *   the page.
 *
 * Reads O(max) rows, not O(matches): the reply time does not grow with the library.
 */
async function newestMatches(
  db: GangmuDB,
  found: Found,
  max: number,
  {
    scan = false,
    articleKeys,
    highlightKeys,
  }: { scan?: boolean; articleKeys: Set<string> | null; highlightKeys: Set<string> | null },
): Promise<void> {
  // Walk every article when either side is common (or for a scan); else only the candidates.
  const walkAll = scan || !articleKeys || !highlightKeys;
  const index = scan ? 'updatedAt' : 'savedAt';
  let sorted: string[] | null = null;
  /** The next `n` article ids in date order from position `from`. */
  const nextIds = async (from: number, n: number): Promise<string[]> => {
    if (!walkAll && articleKeys) {
      // At most keysMax candidates: their summaries give the date order.
      sorted ??= (await db.summaries.bulkGet([...articleKeys]))
        .filter((x) => x !== undefined)
        .sort((x, y) => (x[index] < y[index] ? 1 : x[index] > y[index] ? -1 : 0))
        .map((x) => x.id);
      return sorted.slice(from, from + n);
    }
    return (await db.summaries
      .orderBy(index)
      .reverse()
      .offset(from)
      .limit(n)
      .primaryKeys()) as string[];
  };
  const cap = scan ? SEARCH_SCAN_CAP : Infinity;
  // The first step reads as many articles as results are wanted (a common word
  // matches most of them), then STEP at a time.
  for (let i = 0, n = Math.max(max, 1); i < cap && found.size < max; i += n, n = STEP) {
    const ids = await nextIds(i, Math.min(n, cap - i));
    if (ids.length === 0) break;
    const own = articleKeys ? ids.filter((id) => articleKeys.has(id)) : ids;
    for (const a of await db.articles.bulkGet(own)) if (a) found.article(a);
    // Common in highlights (or a scan): every highlight of these articles; else those of the found.
    const withHighlights = highlightKeys ? ids.filter((id) => found.has(id)) : ids;
    for (const h of await highlightsByArticle(db, withHighlights))
      if (!highlightKeys || highlightKeys.has(h.id)) found.highlight(h);
    if (ids.length < n) break;
  }
  // More articles through their candidate highlights, while there is room.
  if (highlightKeys) {
    const keys = [...highlightKeys];
    for (let i = 0; i < keys.length && found.size < max; i += STEP)
      for (const h of await db.highlights.bulkGet(keys.slice(i, i + STEP)))
        if (h) found.highlight(h);
  }
}
