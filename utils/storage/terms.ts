/**
 * What the library's search indexes: the searchable fields of an article and
 * of a highlight, and the terms (lib/search indexTerms) stored in each row's
 * multi-entry `*terms` index. Terms are derived data: they are computed on
 * every write, stripped from every row that leaves the storage layer (replies,
 * backups), and recomputed on import, so they never travel.
 */
import type { Article, Highlight } from '../../lib/model.ts';
import { indexTerms } from '../../lib/search/index.ts';
import type { OutlineNode } from '../../lib/types.ts';
import type { SearchField } from '../messages.ts';

/** A stored article: the article and its search terms. */
export type ArticleRow = Article & { terms: string[] };
/** A stored highlight: the highlight and its search terms. */
export type HighlightRow = Highlight & { terms: string[] };

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
 * The searchable texts of an article, title first (indexTerms keeps terms in
 * order of first occurrence and cuts the end, so the title is never cut):
 * title, author, outline node texts and keys, formulations, digest. Old rows
 * may lack the newer outline fields; they count as empty.
 */
export function articleFields(a: Article): FieldText[] {
  const out: FieldText[] = [{ field: 'title', text: a.title }];
  const o = a.outline as Partial<Article['outline']> | undefined;
  if (o?.author) out.push({ field: 'author', text: o.author });
  nodeTexts(o?.nodes, out);
  for (const f of o?.formulations ?? [])
    if (f.text) out.push({ field: 'formulation', text: f.text });
  for (const d of o?.digest ?? []) if (d) out.push({ field: 'outline', text: d });
  return out.filter((f) => f.text.length > 0);
}

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

export const articleTerms = (a: Article): string[] =>
  indexTerms(joinFields(articleFields(a)), STORED_TERMS);
export const highlightTerms = (h: Highlight): string[] =>
  indexTerms(joinFields(highlightFields(h)), STORED_TERMS);

/** An article as stored, with its terms (any `terms` it carried is recomputed). */
export function articleRow(a: Article): ArticleRow {
  const { terms: _old, ...article } = a as Article & { terms?: unknown };
  return { ...article, terms: articleTerms(article) };
}

/** A highlight as stored, with its terms (any `terms` it carried is recomputed). */
export function highlightRow(h: Highlight): HighlightRow {
  const { terms: _old, ...highlight } = h as Highlight & { terms?: unknown };
  return { ...highlight, terms: highlightTerms(highlight) };
}

/** A stored row without its terms: what leaves the storage layer. */
export function stripTerms<T extends object>(row: T): Omit<T, 'terms'> {
  const { terms: _terms, ...rest } = row as T & { terms?: unknown };
  return rest;
}
