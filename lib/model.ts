/**
 * The reader's data: saved articles and their highlights. Plain, serialisable
 * types shared by the engine (Markdown export, anchoring), the extension's
 * storage and the message protocol. No browser API here.
 */
import type { BlockKind, Outline, OutlineNode } from './types.ts';

/** The five highlight colours, in toolbar order. */
/**
 * Longest id accepted (article ids are addresses, highlight ids UUIDs, site
 * preferences' keys host names), in UTF-16 units. Servers refuse request
 * lines beyond 8 KB (nginx, Apache), yet a page can push a longer address
 * (history.pushState) and file: or data: addresses have no such bound: a longer
 * address is shortened by {@link boundedId}; a restore refuses longer ids.
 */
export const MAX_ID_LENGTH = 8192;

/** A 64-bit FNV-1a hash of a string's UTF-16 units, as 16 hex digits. */
function fnv64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + i), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * `id` itself when it is at most {@link MAX_ID_LENGTH} long; else its head and a hash of
 * the whole, within the bound: the same long address always gives the same id.
 */
export function boundedId(id: string): string {
  if (id.length <= MAX_ID_LENGTH) return id;
  const hash = fnv64(id);
  return `${id.slice(0, MAX_ID_LENGTH - hash.length - 1)}#${hash}`;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Where a highlight lies in the article's text (offsets into the page's text map). */
export interface TextPositionSelector {
  kind: 'position';
  start: number;
  end: number;
}

/** The highlighted words with the words around them (at least 32 characters each side where the page has them). */
export interface TextQuoteSelector {
  kind: 'quote';
  exact: string;
  prefix: string;
  suffix: string;
}

/** The outline node the highlight lies in: its path of sibling indices and its key and text. */
export interface OutlineNodeSelector {
  kind: 'outline-node';
  /** Indices from the root: [1, 0] is the first child of the second level-1 node. */
  path: number[];
  key: string;
  text: string;
}

export type Selector = TextPositionSelector | TextQuoteSelector | OutlineNodeSelector;

/** A highlight with its note. `selectors` always hold one quote selector. */
export interface Highlight {
  /** Random id (crypto.randomUUID). */
  id: string;
  /** The article's key ({@link Article.id}). */
  articleId: string;
  color: HighlightColor;
  /** The reader's note, plain text; '' for none. */
  note: string;
  selectors: Selector[];
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/**
 * One block of an article's saved text, as the engine's front end read it
 * (lib/types Block): its text, what it was (heading, paragraph, list item) and
 * its bold runs. Data only: never the page's HTML, and shown only as text.
 */
export interface TextBlock {
  kind: BlockKind;
  /** The block's normalised text; never empty. */
  text: string;
  /** 1–6 for a heading (`<h1>`–`<h6>`, Markdown `#`); absent otherwise. */
  level?: number;
  /** Bold runs `[start, end)` in `text`, sorted and apart; absent when none. */
  bold?: [number, number][];
}

/**
 * An article's readable text when it was saved (lib/text/article-text.ts).
 * `blocks[i]` is the engine's block `i`: the stored outline's anchors
 * (`node.source.block`, `start`, `end`) point into it.
 */
export interface ArticleText {
  blocks: TextBlock[];
  /** Characters of the page's text beyond the bound that were not kept (absent: none). */
  cut?: number;
}

/** An outline as stored: the recognised outline of the page when it was saved. */
export type StoredOutline = Outline;

/** A saved article. */
export interface Article {
  /** The normalised URL (fragment and tracking parameters removed, canonical link respected). */
  id: string;
  /** The address the reader opened. */
  url: string;
  /** The host name, for grouping by site. */
  site: string;
  title: string;
  outline: StoredOutline;
  tags: string[];
  /**
   * A pasted article's text as it was pasted (its slice of the paste), from
   * which the paste page rebuilds it when it is opened from the library.
   * Absent for web pages, which are read where they are.
   */
  sourceText?: string;
  /**
   * The article's readable text as it was saved, for the library's reader,
   * body search and full-text export. Absent in articles saved before it was
   * kept (and when a page had no text).
   */
  text?: ArticleText;
  /** ISO 8601: first saved, last changed. */
  savedAt: string;
  updatedAt: string;
}

/**
 * Articles by when they were saved, then by id: the order of a library's
 * search docs (a higher doc is a newer article) and of a backup file's
 * articles, so a restore can number them as they arrive.
 */
export function bySavedAt(
  a: Pick<Article, 'savedAt' | 'id'>,
  b: Pick<Article, 'savedAt' | 'id'>,
): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The outline node a highlight belongs to, found by its path (null when the path no longer exists). */
export function nodeAtPath(nodes: OutlineNode[], path: number[]): OutlineNode | null {
  let list = nodes;
  let node: OutlineNode | null = null;
  for (const i of path) {
    node = list[i] ?? null;
    if (!node) return null;
    list = node.children;
  }
  return node;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks a value that crossed a trust boundary (a message, imported JSON, an old row). */
export function isSelector(v: unknown): v is Selector {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  switch (s.kind) {
    case 'position':
      return isInt(s.start) && isInt(s.end) && s.start >= 0 && s.end >= s.start;
    case 'quote':
      return isString(s.exact) && s.exact.length > 0 && isString(s.prefix) && isString(s.suffix);
    case 'outline-node':
      return Array.isArray(s.path) && s.path.every(isInt) && isString(s.key) && isString(s.text);
    default:
      return false;
  }
}

/** Checks a highlight that crossed a trust boundary. */
export function isHighlight(v: unknown): v is Highlight {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  return (
    isString(h.id) &&
    h.id.length > 0 &&
    isString(h.articleId) &&
    (HIGHLIGHT_COLORS as readonly unknown[]).includes(h.color) &&
    isString(h.note) &&
    Array.isArray(h.selectors) &&
    h.selectors.every(isSelector) &&
    h.selectors.some((s) => (s as Selector).kind === 'quote') &&
    isString(h.createdAt) &&
    isString(h.updatedAt)
  );
}
