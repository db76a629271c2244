/**
 * Saved texts and highlights for the full-text export tests: highlights are
 * described on the page's raw text as a content script sees it (the blocks
 * with the line breaks and indentation of the page's source between them),
 * then placed in the saved blocks.
 */
import { describe } from '../../../lib/anchoring/describe.ts';
import type {
  ArticleText,
  Highlight,
  HighlightColor,
  Selector,
  TextBlock,
} from '../../../lib/model.ts';

const pages = new WeakMap<readonly TextBlock[], string>();

/** The page's raw text around saved blocks: what a text map of the article would read. */
export function rawPage(blocks: readonly TextBlock[]): string {
  let raw = pages.get(blocks);
  if (raw === undefined) pages.set(blocks, (raw = blocks.map((b) => b.text).join('\n      ')));
  return raw;
}

let serial = 0;

/** A highlight of `text`, built from selectors. */
export function highlight(
  selectors: Selector[],
  note = '',
  color: HighlightColor = 'yellow',
): Highlight {
  serial++;
  return {
    id: `h${serial}`,
    articleId: 'https://example.org/a',
    color,
    note,
    selectors,
    createdAt: '2024-05-10T08:00:00Z',
    updatedAt: '2024-05-10T08:00:00Z',
  };
}

/**
 * A highlight made on the raw page of `text` over `needle` (its
 * `occurrence`-th occurrence), or from `needle` to `until` inclusive.
 */
export function highlightOf(
  text: ArticleText,
  needle: string,
  { note = '', until, occurrence = 0 }: { note?: string; until?: string; occurrence?: number } = {},
): Highlight {
  const raw = rawPage(text.blocks);
  let start = -1;
  for (let n = 0; n <= occurrence; n++) start = raw.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`not on the page: ${needle}`);
  const end = until ? raw.indexOf(until, start) + until.length : start + needle.length;
  return highlight(describe(raw, start, end), note);
}

/** A highlight of words that are not in the text. */
export const nowhere = (exact: string, note = '') =>
  highlight([{ kind: 'quote', exact, prefix: '前文说到', suffix: '后文说到' }], note);
