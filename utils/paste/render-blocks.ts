/**
 * The repaired text of a pasted article as DOM paragraphs: one `<p>` per
 * block of the plain-text front end, its bold runs (fake-bold PDF lines) as
 * `<strong>`. Text only: every character goes in through text nodes, never
 * through markup, so pasted text can never become HTML.
 */
import type { Block } from '../../lib/types.ts';

/** Appends one paragraph per block to `parent` (in `parent`'s document); returns them. */
export function renderBlocks(parent: Element, blocks: readonly Block[]): HTMLParagraphElement[] {
  const doc = parent.ownerDocument;
  return blocks.map((block) => {
    const p = doc.createElement('p');
    let at = 0;
    for (const [start, end] of block.bold) {
      if (start > at) p.append(doc.createTextNode(block.text.slice(at, start)));
      const strong = doc.createElement('strong');
      strong.textContent = block.text.slice(start, end);
      p.append(strong);
      at = end;
    }
    if (at < block.text.length) p.append(doc.createTextNode(block.text.slice(at)));
    parent.append(p);
    return p;
  });
}
