/**
 * Library search over the `*terms` multi-entry indexes (schema v2).
 *
 * A query's terms (lib/search queryTerms: CJK bigrams, Latin words) must all
 * be in a document. The rarest term is looked up in the index — one index
 * range per table — and each candidate is then checked on its own text with
 * matchesAll, which also confirms that the bigrams stand together as the query
 * wrote them (时间序列, not 时间 … 序列 apart). A document is an article (title,
 * author, outline, formulations, digest) or one highlight (its words and
 * note); an article is found when it or one of its highlights matches.
 *
 * A query without terms (one CJK character, say 治) cannot use the index: it
 * is answered by a scan of at most {@link SEARCH_SCAN_CAP} rows per table,
 * the most recently updated first.
 */
import type { Article } from '../../lib/model.ts';
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

/** The rows of `table` holding every term: the rarest term through the index, the rest checked in memory. */
async function candidates<T extends ArticleRow | HighlightRow>(
  table: GangmuDB['articles'] | GangmuDB['highlights'],
  terms: readonly string[],
): Promise<T[]> {
  const counts = await Promise.all(terms.map((t) => table.where('terms').equals(t).count()));
  let rarest = 0;
  counts.forEach((c, i) => {
    if (c < counts[rarest]!) rarest = i;
  });
  if (counts[rarest] === 0) return [];
  const rows = (await table.where('terms').equals(terms[rarest]!).toArray()) as T[];
  return rows.filter((r) => terms.every((t) => r.terms.includes(t)));
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
): Promise<SearchResult[]> {
  const max = Math.min(Math.max(1, Math.floor(limit)), SEARCH_LIMIT.max);
  if (!normalizeForSearch(query).text.trim()) return [];
  const terms = queryTerms(query);
  return db.transaction('r', db.articles, db.highlights, async () => {
    let articles: ArticleRow[];
    let highlights: HighlightRow[];
    if (terms.length > 0) {
      articles = await candidates<ArticleRow>(db.articles, terms);
      highlights = await candidates<HighlightRow>(db.highlights, terms);
    } else {
      articles = await db.articles.orderBy('updatedAt').reverse().limit(SEARCH_SCAN_CAP).toArray();
      highlights = await db.highlights
        .orderBy('updatedAt')
        .reverse()
        .limit(SEARCH_SCAN_CAP)
        .toArray();
    }
    const byArticle = new Map<string, SearchHit[]>();
    const add = (id: string, hits: SearchHit[]) =>
      byArticle.set(id, [...(byArticle.get(id) ?? []), ...hits]);
    for (const a of articles) {
      const fields = articleFields(a);
      if (matchesAll(query, joinFields(fields))) add(a.id, fieldHits(query, fields));
    }
    const hlHits = new Map<string, SearchHit[]>();
    for (const h of highlights) {
      const fields = highlightFields(h);
      if (!matchesAll(query, joinFields(fields))) continue;
      hlHits.set(h.articleId, [
        ...(hlHits.get(h.articleId) ?? []),
        ...fieldHits(query, fields, h.id),
      ]);
    }
    // Highlight hits come after the article's own, in the order the highlights were read.
    for (const [id, hits] of hlHits) add(id, hits);
    const missing = [...byArticle.keys()].filter((id) => !articles.some((a) => a.id === id));
    const found = new Map<string, Article>(articles.map((a) => [a.id, a]));
    for (const a of await db.articles.bulkGet(missing)) if (a) found.set(a.id, a);
    const results: SearchResult[] = [];
    for (const [id, hits] of byArticle) {
      const a = found.get(id);
      if (!a || hits.length === 0) continue; // a highlight whose article is gone
      results.push({
        articleId: a.id,
        title: a.title,
        site: a.site,
        author: a.outline?.author ?? null,
        savedAt: a.savedAt,
        hits,
      });
    }
    return results.sort(rank).slice(0, max);
  });
}
