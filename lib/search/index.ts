/**
 * Library search: index terms, posting lists of document numbers, query
 * terms, and the spans and snippet of a hit. See index-terms.ts for why bigrams.
 */
export {
  indexTerms,
  queryTerms,
  queryTermGroups,
  defaultSegmenter,
  MAX_TERMS,
  type WordSegmenter,
  type IntlLike,
  type IndexOptions,
} from './index-terms.ts';
export {
  matches,
  matchesAll,
  queryMatcher,
  snippet,
  type QueryMatcher,
  type Snippet,
} from './matches.ts';
export {
  hasSorted,
  intersectAll,
  intersectSorted,
  unionSorted,
  updateSorted,
  type DocList,
} from './postings.ts';
export { PostingBuilder, type PostingList, type PostingSide } from './posting-builder.ts';
export { DocBytes, decodeDocs, encodeDocs } from './doc-bytes.ts';
export { normalizeForSearch, type SearchText } from './normalize.ts';
