/**
 * The engine's data model. Everything here is plain data: serialisable (apart
 * from the DOM `node` reference of a block source), with no browser API.
 *
 * Pipeline: a front end (plain text, Markdown, DOM) turns its input into a
 * {@link BlockDoc}; the recognisers turn a BlockDoc into an {@link Outline}.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into a block's `text`. */
export type Span = readonly [start: number, end: number];

/** What a block was in its source. */
export type BlockKind = 'paragraph' | 'heading' | 'list-item';

/** Where a block came from: offsets into the raw text, or a DOM element. */
export type BlockSource = TextSource | DomSource;

/**
 * A block cut from plain text or Markdown. `offsets[i]` is the offset in the
 * raw input of `text[i]`; `offsets[text.length]` is one past the raw offset of
 * the last character, so a span `[a, b)` of the text maps to raw
 * `[offsets[a], offsets[b])`.
 */
export interface TextSource {
  kind: 'text';
  offsets: Int32Array;
}

/** A block read from a DOM: the element it was read from. */
export interface DomSource {
  kind: 'dom';
  node: Element;
}

/** One block of an essay: a paragraph, heading or list item. */
export interface Block {
  kind: BlockKind;
  /**
   * Normalised text: line breaks and whitespace between CJK characters
   * removed, full-width punctuation, fake-bold doubling undone. Never empty.
   */
  text: string;
  /** 1–6 for `<h1>`–`<h6>` and Markdown `#` headings; absent otherwise. */
  headingLevel?: number;
  /** Bold runs in `text`, sorted and non-overlapping (tags, CSS weight ≥ 600, `**…**`). */
  bold: Span[];
  /** The block was set centred (`align=center`, `text-align:center`): a title-like line. */
  centered?: boolean;
  /** Lower-case tag name for DOM blocks (`p`, `h3`, `li`, `div`, `section`…). */
  tag?: string;
  source: BlockSource;
}

/** Hints a front end found outside the body text. All optional. */
export interface DocHints {
  /** The document's `<title>` or Markdown front-matter title. */
  docTitle?: string;
  /** The article's headline as the container gives it (Readability, `<h1>`, front matter). */
  title?: string;
  /** A byline as the container gives it (Readability, front matter, `> 作者：…`). */
  byline?: string;
  siteName?: string;
  /** The page's URL, where known. */
  url?: string;
}

/** An essay as a sequence of blocks, ready for recognition. */
export interface BlockDoc {
  format: 'text' | 'markdown' | 'html';
  blocks: Block[];
  hints: DocHints;
}

/** The kinds of outline node, as defined in the corpus guideline. */
export type NodeKind = 'heading' | 'lead' | 'inline';

/** Where an outline node lies: a block index and a span of that block's text. */
export interface NodeSource {
  block: number;
  start: number;
  end: number;
}

/** One structural unit of an essay. */
export interface OutlineNode {
  /** 1 for the top structural layer the essay uses. */
  level: number;
  kind: NodeKind;
  /** The ordinal marker as written, without following punctuation (一是, （一）, 1, 首先, 会议强调), or null. */
  marker: string | null;
  /** The unit's own words, marker removed, up to the first 。！？； or the end of the bold run / heading. */
  text: string;
  /** The shortest phrase of `text` that tells this node apart from its siblings. */
  key: string;
  children: OutlineNode[];
  source: NodeSource;
  /** Points beyond the outline's cap in `children` (lib/outline/cap.ts), descendants included. */
  more?: number;
}

/** A key formulation (提法): a quoted slogan or number formula, with where it occurs. */
export interface Formulation {
  text: string;
  /** Every occurrence, in reading order. */
  occurrences: NodeSource[];
}

/** The whole result of recognition. */
export interface Outline {
  title: string | null;
  subtitle: string | null;
  author: string | null;
  affiliation: string | null;
  /** The first words of a marked closing paragraph (综上所述, 总之, 结语…), or null. */
  conclusion: string | null;
  formulations: Formulation[];
  /** A short extractive digest: thesis sentence, level-1 keys, conclusion. */
  digest: string[];
  nodes: OutlineNode[];
  /** Points beyond the outline's cap in `nodes` (lib/outline/cap.ts), descendants included. */
  more?: number;
}
