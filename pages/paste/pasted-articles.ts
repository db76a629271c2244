/**
 * Pasted text to the articles it holds: split where headlines and bylines
 * open a new one (lib/split), each repaired by the plain-text front end
 * (line breaks and PDF spacing undone, punctuation made full-width).
 */
import { blocksFromText } from '../../lib/blocks/from-text.ts';
import { splitArticles } from '../../lib/split/split-articles.ts';
import type { Article } from '../../lib/model.ts';
import type { Block } from '../../lib/types.ts';

/** One article found in a paste, ready to be listed, kept and read. */
export interface PastedArticle {
  /** Position in the paste (0-based, reading order). */
  index: number;
  /** The headline the splitter found, or the first line of the repaired text. */
  title: string;
  /** The byline's names, or null. */
  author: string | null;
  /** The article's paragraphs (plain-text front end; offsets into `raw`). */
  blocks: Block[];
  /** The repaired text: the paragraphs joined with blank lines (what the id hashes). */
  text: string;
  /** Characters of repaired text, as listed to the reader. */
  length: number;
  /** The article's raw slice of the paste. */
  raw: string;
}

/** Longest first-line fallback title, in characters. */
const MAX_FALLBACK_TITLE = 40;

/** The repaired text of some blocks: one paragraph per block, separated by a blank line. */
export function repairedText(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/** A title for an article without a headline: its first paragraph, shortened. */
export function fallbackTitle(blocks: readonly Block[]): string {
  const first = blocks[0]?.text ?? '';
  const sentence = /^[^。！？!?]*/.exec(first)?.[0] || first;
  return sentence.length > MAX_FALLBACK_TITLE
    ? `${sentence.slice(0, MAX_FALLBACK_TITLE)}…`
    : sentence;
}

/** The article of one split slice. */
export function pastedArticle(
  raw: string,
  split: { start: number; end: number; title: string | null; author: string | null },
  index: number,
): PastedArticle {
  const slice = raw.slice(split.start, split.end);
  const blocks = blocksFromText(slice).blocks;
  const text = repairedText(blocks);
  return {
    index,
    title: split.title ?? fallbackTitle(blocks),
    author: split.author,
    blocks,
    text,
    length: text.replace(/\s/g, '').length,
    raw: slice,
  };
}

/**
 * Every article of a paste, in reading order (empty when it holds no words).
 * `onProgress(done, total)` is called after each article, and the work yields
 * to the event loop between articles (`yieldNow`), so a whole e-paper issue
 * never freezes the page.
 */
export async function pastedArticles(
  raw: string,
  options: {
    onProgress?: (done: number, total: number) => void;
    yieldNow?: () => Promise<void>;
  } = {},
): Promise<PastedArticle[]> {
  const splits = splitArticles(raw);
  const out: PastedArticle[] = [];
  for (const [i, split] of splits.entries()) {
    out.push(pastedArticle(raw, split, i));
    options.onProgress?.(i + 1, splits.length);
    await options.yieldNow?.();
  }
  return out.filter((a) => a.blocks.length > 0).map((a, i) => ({ ...a, index: i }));
}

/**
 * A saved pasted article rebuilt from the text stored with it: the same
 * repair of the same slice gives the same paragraphs, so its highlights land
 * where they were made. Null when the article has no stored text (saved
 * before the text was kept): it has to be pasted again.
 */
export function pastedArticleFromStored(
  article: Pick<Article, 'title' | 'outline' | 'sourceText'>,
): PastedArticle | null {
  const raw = article.sourceText;
  if (!raw?.trim()) return null;
  const split = { start: 0, end: raw.length, title: article.title || null };
  return pastedArticle(raw, { ...split, author: article.outline.author ?? null }, 0);
}
