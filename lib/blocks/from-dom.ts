/**
 * The DOM front end: a Document (a live page, or HTML parsed with linkedom in
 * Node) to a {@link BlockDoc}. The document is never modified: Readability
 * runs on a clone, and every block points at a live element of `doc`.
 */
import type { Block, BlockDoc } from '../types.ts';
import { normalizeText } from '../text/normalize.ts';
import { boldSpans } from './bold-runs.ts';
import { findArticleSteps } from './find-article.ts';
import { pageHints } from './page-hints.ts';
import { createStyleReader, type StyleWindow } from './style-reader.ts';
import { walkBlocksSteps } from './walk-blocks.ts';
import { runSteps, stepCounter, type Steps } from '../steps.ts';
import { htmlRootOf } from './walk-tree.ts';

/** Environment for {@link blocksFromDocument}. */
export interface DomOptions {
  /** The page's window, for computed styles (bold, centred, hidden); without it inline styles are read. */
  window?: StyleWindow;
  /** The page's URL, copied to `hints.url`. */
  url?: string;
}

/**
 * Read the article of `doc` into blocks: paragraphs, headings and list items
 * with normalised text, bold runs and centring, plus page hints (headline,
 * `<title>`, byline, site). Navigation, sidebars, related lists and footers
 * give no blocks. A page without an article gives zero blocks or its densest
 * text container; a document that is no HTML page (no root element, an SVG or
 * other XML document) gives zero blocks. This never throws on odd markup.
 */
export function blocksFromDocument(doc: Document, options: DomOptions = {}): BlockDoc {
  return runSteps(blocksFromDocumentSteps(doc, options));
}

/** {@link blocksFromDocument} in steps (lib/steps.ts): a page may pause it between tasks. */
export function* blocksFromDocumentSteps(doc: Document, options: DomOptions = {}): Steps<BlockDoc> {
  if (!htmlRootOf(doc)) {
    // No page: an empty or binary file, or an SVG/XML document.
    return { format: 'html', blocks: [], hints: options.url ? { url: options.url } : {} };
  }
  const styleOf = createStyleReader(options.window);
  const article = yield* findArticleSteps(doc, styleOf);
  const blocks: Block[] = [];
  const tick = stepCounter();
  for (const raw of yield* walkBlocksSteps(article, styleOf)) {
    if (tick()) yield;
    const { text, offsets } = normalizeText(raw.raw);
    if (text.length === 0) continue;
    const block: Block = {
      kind: raw.kind,
      text,
      bold: boldSpans(raw.bold, text, offsets),
      tag: raw.tag,
      source: { kind: 'dom', node: raw.node },
    };
    if (raw.headingLevel !== undefined) block.headingLevel = raw.headingLevel;
    if (raw.centered) block.centered = true;
    blocks.push(block);
  }
  yield;
  return { format: 'html', blocks, hints: yield* pageHints(doc, article, options.url) };
}
