/**
 * An article's text as DOM elements for the reading frame: one element per
 * block — `<p>` for a paragraph, `<h1>`–`<h6>` for a heading (by its level),
 * `<li>` for a list item (consecutive ones in one `<ul>`) — with its bold runs
 * as `<strong>`. Text only: every character goes in through text nodes, never
 * through markup, so neither pasted text nor a saved page's text can ever
 * become HTML.
 */
import type { TextBlock } from '../../lib/model.ts';
import type { Block, Span } from '../../lib/types.ts';

/**
 * What a block needs to be shown: the engine's blocks (lib/types Block, as the
 * paste page has them) or a saved article's (lib/model TextBlock).
 */
export type RenderableBlock = Block | TextBlock;

/** A block's heading level: `headingLevel` on the engine's blocks, `level` on saved ones. */
const levelOf = (block: RenderableBlock): number | undefined =>
  'source' in block ? block.headingLevel : block.level;

/** The heading tag of a level: `h1`–`h6`, `h2` when the level is missing or out of range. */
export function headingTag(level: number | undefined): string {
  return level !== undefined && Number.isInteger(level) && level >= 1 && level <= 6
    ? `h${level}`
    : 'h2';
}

/** Fills `el` with `text`, its bold runs (clamped to the text, overlaps skipped) as `<strong>`. */
function fillText(el: Element, text: string, bold: readonly Span[]): void {
  const doc = el.ownerDocument;
  let at = 0;
  for (const [s, e] of bold) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    if (start > at) el.append(doc.createTextNode(text.slice(at, start)));
    const strong = doc.createElement('strong');
    strong.textContent = text.slice(start, end);
    el.append(strong);
    at = end;
  }
  if (at < text.length) el.append(doc.createTextNode(text.slice(at)));
}

/**
 * Appends one element per block to `parent` (in `parent`'s document) and
 * returns them, `result[i]` for `blocks[i]`.
 */
export function renderBlocks(parent: Element, blocks: readonly RenderableBlock[]): HTMLElement[] {
  const doc = parent.ownerDocument;
  let list: HTMLUListElement | null = null;
  return blocks.map((block) => {
    let el: HTMLElement;
    if (block.kind === 'list-item') {
      if (!list) {
        list = doc.createElement('ul');
        parent.append(list);
      }
      el = doc.createElement('li');
      list.append(el);
    } else {
      list = null;
      el = doc.createElement(block.kind === 'heading' ? headingTag(levelOf(block)) : 'p');
      parent.append(el);
    }
    fillText(el, block.text, block.bold ?? []);
    return el;
  });
}
