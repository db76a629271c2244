/**
 * An article's readable text as the library keeps it (lib/model.ts
 * ArticleText): the engine's blocks, reduced to data — text, kind, heading
 * level, bold runs. Block `i` of the saved text is the engine's block `i`, so
 * a stored outline's anchors point into it.
 *
 * Bounded: a page of millions of characters or tens of thousands of blocks is
 * kept from its start up to {@link MAX_TEXT_CHARS} and {@link MAX_TEXT_BLOCKS}
 * (a prefix of whole blocks), and the rest counted in `cut` (the reader is told).
 */
import type { ArticleText, TextBlock } from '../model.ts';
import type { Block } from '../types.ts';

/** Characters of text kept at most (about 150 essays; a saved row stays under a few MB). */
export const MAX_TEXT_CHARS = 1_000_000;
/** Blocks kept at most. */
export const MAX_TEXT_BLOCKS = 20_000;

/** The saved text of the engine's blocks, within the bounds. */
export function articleTextOf(blocks: readonly Block[]): ArticleText {
  const out: TextBlock[] = [];
  let chars = 0;
  let cut = 0;
  for (const b of blocks) {
    // Past the bound the rest is cut, not just this block: saved block i stays the
    // engine's block i, which the stored outline's anchors name.
    if (cut > 0 || out.length >= MAX_TEXT_BLOCKS || chars + b.text.length > MAX_TEXT_CHARS) {
      cut += b.text.length;
      continue;
    }
    chars += b.text.length;
    const block: TextBlock = { kind: b.kind, text: b.text };
    if (b.kind === 'heading' && b.headingLevel !== undefined) block.level = b.headingLevel;
    if (b.bold.length > 0) block.bold = b.bold.map(([s, e]): [number, number] => [s, e]);
    out.push(block);
  }
  return cut > 0 ? { blocks: out, cut } : { blocks: out };
}
