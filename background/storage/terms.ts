/**
 * What the library's search indexes: the searchable fields of an article and
 * of a highlight, and their terms (lib/search indexTerms). Since schema v4 the
 * terms live in the posting lists (postings.ts), keyed by each row's `doc`
 * number; rows of v2–v3 carried them in a multi-entry `*terms` index. Docs and
 * terms are derived data: computed on every write, stripped from every row
 * that leaves the storage layer (replies, backups), recomputed on import, so
 * they never travel.
 */
import type { Article, Highlight } from '../../lib/model.ts';
import { indexTerms } from '../../lib/search/index.ts';
import type { OutlineNode } from '../../lib/types.ts';
import type { SearchField } from '../../protocol/messages.ts';

/** What schema v4 adds to a stored row: its document number in the posting lists. */
export interface DocFields {
  /** Unique per table, numbered in write order (postings.ts). */
  doc: number;
  /** Only in rows of schema v2–v3 (their `*terms` index); dropped by the v4 upgrade. */
  terms?: string[];
}
/**
 * A stored article: the article and its document number. Since schema v10
 * without its texts (`text`, `sourceText`), which `articleTexts` holds
 * (texts.ts); rows of v9 and before carried them.
 */
export type ArticleRow = Omit<Article, 'text' | 'sourceText'> & DocFields;
/**
 * An article with its document number and its texts, as the index works it
 * out (its body is part of its search document): an {@link ArticleRow} with
 * its texts joined back.
 */
export type IndexedArticle = Article & DocFields;
/** A highlight as schema v4 stored it, one row each, with its document number. */
export type HighlightRow = Highlight & DocFields;

/**
 * Schema v5 keeps an article's highlights in ONE row (a restore's time was
 * per row, not per byte: 100,000 highlight rows took 11 s to put, 10,000
 * groups about 2 s). The group is one search document: its `doc` stands in
 * the posting lists for the union of its highlights' terms, and a candidate
 * group is confirmed highlight by highlight (search.ts).
 */
export interface HighlightGroupRow {
  /** The article the highlights belong to (the key). */
  articleId: string;
  /**
   * Since schema v8 its article's doc, so that search knows which of the
   * articles it found have a candidate group without reading the groups. A
   * group whose article is not stored (left by versions before v5) has
   * none: it is in no posting list, and gets its article's doc when the
   * article is saved (postings.ts).
   */
  doc?: number;
  /** The highlights, in the order they were made (createdAt, then id); no docs, no terms. */
  highlights: Highlight[];
}

/** One searchable text of a row. */
export interface FieldText {
  field: SearchField;
  text: string;
}

function nodeTexts(nodes: readonly OutlineNode[] | undefined, out: FieldText[]): void {
  for (const n of nodes ?? []) {
    // The key is a phrase of the text; index it too in case an old row differs.
    if (n.text) out.push({ field: 'outline', text: n.text });
    if (n.key && !n.text.includes(n.key)) out.push({ field: 'outline', text: n.key });
    nodeTexts(n.children, out);
  }
}

/**
 * The searchable texts of an article but its body, title first: title,
 * author, outline node texts and keys, formulations, digest. What its row
 * holds (schema v10 keeps the texts apart). Old rows may lack the newer
 * fields; they count as empty.
 */
export function ownFields(a: Omit<Article, 'text' | 'sourceText'>): FieldText[] {
  const out: FieldText[] = [{ field: 'title', text: a.title }];
  const o = a.outline as Partial<Article['outline']> | undefined;
  if (o?.author) out.push({ field: 'author', text: o.author });
  nodeTexts(o?.nodes, out);
  for (const f of o?.formulations ?? [])
    if (f.text) out.push({ field: 'formulation', text: f.text });
  for (const d of o?.digest ?? []) if (d) out.push({ field: 'outline', text: d });
  return out.filter((f) => f.text.length > 0);
}

/**
 * The body of an article as searchable texts: its saved text, or a pasted
 * article's pasted text; none without either.
 */
export function bodyFields(a: Pick<Article, 'text' | 'sourceText'>): FieldText[] {
  const out: FieldText[] = [];
  // The body a paragraph a field: a hit shows its paragraph, and a search stops reading a
  // long text once it has shown enough hits (search.ts HITS_PER_FIELD). Joined, the
  // paragraphs are the text's lines, so the terms are the same.
  if (a.text) for (const b of a.text.blocks) out.push({ field: 'body', text: b.text });
  else if (a.sourceText)
    for (const line of a.sourceText.split('\n')) out.push({ field: 'body', text: line });
  return out.filter((f) => f.text.length > 0);
}

/**
 * The searchable texts of an article, title first (indexTerms keeps terms in
 * order of first occurrence and cuts the end, so the title is never cut):
 * {@link ownFields}, then {@link bodyFields}. An article row of schema v10
 * has no body: join its texts first (texts.ts).
 */
export const articleFields = (a: Article): FieldText[] => [...ownFields(a), ...bodyFields(a)];

/** The highlighted words (the quote selector's `exact`). */
export function highlightText(h: Highlight): string {
  for (const s of h.selectors) if (s.kind === 'quote') return s.exact;
  return '';
}

/** The searchable texts of a highlight: its words, then its note. */
export function highlightFields(h: Highlight): FieldText[] {
  const out: FieldText[] = [{ field: 'highlight', text: highlightText(h) }];
  if (h.note) out.push({ field: 'note', text: h.note });
  return out.filter((f) => f.text.length > 0);
}

/** All fields as one text; fields are separated by a line break, which no term spans. */
export const joinFields = (fields: readonly FieldText[]): string =>
  fields.map((f) => f.text).join('\n');

/**
 * Stored terms are what a query can ask for (lib/search queryTerms): CJK
 * bigrams and Latin words. The segmenter's longer words are left out
 * (`segmenter: null`): no query ever looks them up, they are rare in
 * practice, and segmenting took about 70% of the time of indexing a library.
 */
const STORED_TERMS = { segmenter: null } as const;

/**
 * Most terms of an article's document. With its body indexed an essay has
 * 2,000–10,000 distinct bigrams (lib/search MAX_TERMS, 4,096, was sized for
 * title, outline and notes); a text near lib/text/article-text.ts's bound
 * (a book) still stops here, its end unindexed.
 */
export const ARTICLE_MAX_TERMS = 32_768;

/** An article's searchable text: its fields joined, title first. */
export const articleText = (a: Article): string => joinFields(articleFields(a));
/** A group's searchable text: its highlights' fields joined (no term spans the line breaks). */
export const groupText = (highlights: readonly Highlight[]): string =>
  highlights.map((h) => joinFields(highlightFields(h))).join('\n');

export const articleTerms = (a: Article): string[] =>
  indexTerms(articleText(a), { ...STORED_TERMS, maxTerms: ARTICLE_MAX_TERMS });
export const highlightTerms = (h: Highlight): string[] =>
  indexTerms(joinFields(highlightFields(h)), STORED_TERMS);
/**
 * The terms of a group of highlights: the union of theirs, worked out in one
 * pass over their texts (no term spans the line break between two), with no
 * cap on the group's total.
 */
export const groupTerms = (highlights: readonly Highlight[]): string[] =>
  indexTerms(groupText(highlights), { ...STORED_TERMS, maxTerms: Infinity });

/** An article as schema v2–v3 stored it, with its terms (the v2 upgrade; any `terms` it carried is recomputed). */
export function articleRow(a: Article): Article & { terms: string[] } {
  const { terms: _old, ...article } = a as Article & { terms?: unknown };
  return { ...article, terms: articleTerms(article) };
}

/** A highlight as schema v2–v3 stored it, with its terms (the v2 upgrade; any `terms` it carried is recomputed). */
export function highlightRow(h: Highlight): Highlight & { terms: string[] } {
  const { terms: _old, ...highlight } = h as Highlight & { terms?: unknown };
  return { ...highlight, terms: highlightTerms(highlight) };
}

/** A stored row without its derived fields (`doc`, an old row's `terms`): what leaves the storage layer (the row itself when it has none). */
export function stripTerms<T extends object>(row: T): Omit<T, 'terms' | 'doc'> {
  // Most rows (every one a backup file holds) have neither: no copy of 100,000 rows.
  if (!('terms' in row) && !('doc' in row)) return row;
  const { terms: _terms, doc: _doc, ...rest } = row as T & { terms?: unknown; doc?: unknown };
  return rest;
}
