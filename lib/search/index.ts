/**
 * Library search: index terms for a multi-entry index, query terms, and the
 * spans and snippet of a hit. See index-terms.ts for why bigrams.
 */
export {
  indexTerms,
  queryTerms,
  defaultSegmenter,
  MAX_TERMS,
  type WordSegmenter,
  type IntlLike,
  type IndexOptions,
} from './index-terms.ts';
export { matches, matchesAll, snippet, type Snippet } from './matches.ts';
export { normalizeForSearch, type SearchText } from './normalize.ts';
