/**
 * Gangmu's engine: the public entry points. Pure TypeScript; the environment
 * (a Document, a window for computed styles) is passed in.
 */
import type { BlockDoc, Outline } from './types.ts';
import { recognize, recognizeSteps } from './outline/recognize.ts';
import type { Settings } from './outline/settings.ts';
import { blocksFromText } from './blocks/from-text.ts';
import { blocksFromMarkdown } from './blocks/from-markdown.ts';
import { blocksFromDocument, blocksFromDocumentSteps, type DomOptions } from './blocks/from-dom.ts';
import { runSteps, type Steps } from './steps.ts';

export type * from './types.ts';
export { recognize, recognizeSteps } from './outline/recognize.ts';
export { runSteps, type Steps } from './steps.ts';
export { DEFAULT_SETTINGS, type Settings } from './outline/settings.ts';
export { blocksFromText, blocksFromMarkdown, blocksFromDocument, blocksFromDocumentSteps };
export type { DomOptions };

/** An essay's blocks together with the outline recognised in them. */
export interface Analysis {
  blocks: BlockDoc;
  outline: Outline;
}

/** Outline plain text (PDF or e-paper extraction, pasted text). */
export function analyzeText(raw: string, settings: Partial<Settings> = {}): Analysis {
  const blocks = blocksFromText(raw);
  return { blocks, outline: recognize(blocks, settings) };
}

/** Outline a Markdown clipping. */
export function analyzeMarkdown(md: string, settings: Partial<Settings> = {}): Analysis {
  const blocks = blocksFromMarkdown(md);
  return { blocks, outline: recognize(blocks, settings) };
}

/** Outline a DOM document (a live page, or HTML parsed in Node). The document is not modified. */
export function analyzeDocument(
  doc: Document,
  options: DomOptions = {},
  settings: Partial<Settings> = {},
): Analysis {
  return runSteps(analyzeDocumentSteps(doc, options, settings));
}

/**
 * {@link analyzeDocument} in steps (lib/steps.ts): a web page runs it a slice at a
 * time, so a huge page never holds the reader's tab for long.
 */
export function* analyzeDocumentSteps(
  doc: Document,
  options: DomOptions = {},
  settings: Partial<Settings> = {},
): Steps<Analysis> {
  const blocks = yield* blocksFromDocumentSteps(doc, options);
  return { blocks, outline: yield* recognizeSteps(blocks, settings) };
}
