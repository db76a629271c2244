/**
 * Finds an outline node's words inside the live element its block was read
 * from. Block text is normalised (whitespace next to CJK removed, ASCII
 * punctuation made full-width), so raw offsets do not carry over: the element's
 * text is squeezed the same way with a map back to (text node, offset), and
 * the node's text is searched in it.
 */

/** Characters the normaliser makes full-width, folded the same way on both sides. */
const FOLD: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};
const SPACE = /\s/;
/** Whether `c` is white space (the common cases without a regex test). */
const isSpace = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code <= 0x20;
  return SPACE.test(c);
};

/**
 * An element's text squeezed, with where each text node starts in it: a position is
 * mapped back to (text node, offset) only for the two ends of a range found.
 */
export interface Squeezed {
  text: string;
  nodes: Text[];
  /** `starts[k]`: index in `text` of the first kept character of `nodes[k]`. */
  starts: number[];
}

function squeezeElement(root: Element): Squeezed {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  const nodes: Text[] = [];
  const starts: number[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    nodes.push(t);
    starts.push(text.length);
    text += squeezeText(t.data);
  }
  return { text, nodes, starts };
}

/** The text node and offset in it of squeezed position `p` (`p` < text length). */
function pointAt(s: Squeezed, p: number): [Text, number] {
  // The last node starting at or before p: it holds p (an empty node starts where the next does).
  let lo = 0;
  let hi = s.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.starts[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  const node = s.nodes[lo]!;
  const data = node.data;
  let left = p - s.starts[lo]!;
  for (let i = 0; i < data.length; i++) {
    if (isSpace(data[i]!)) continue;
    if (left-- === 0) return [node, i];
  }
  return [node, data.length - 1];
}

/** The needle as the squeezed element text would spell it. */
export function squeezeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (!isSpace(c)) out += FOLD[c] ?? c;
  }
  return out;
}

/**
 * A Range over `text` inside `root`, or null when the words are not there
 * (then the caller uses the whole element). Tries the whole text, then its
 * first 12 characters (fake-bold undoing or inline furniture may differ later on).
 * `cache` keeps each element's squeezed text across the calls of one outline
 * (an element holds several points, each tried twice).
 */
export function locateText(
  root: Element,
  text: string,
  cache?: Map<Element, Squeezed>,
): Range | null {
  const needle = squeezeText(text);
  if (!needle) return null;
  let hay = cache?.get(root);
  if (!hay) {
    hay = squeezeElement(root);
    cache?.set(root, hay);
  }
  let at = hay.text.indexOf(needle);
  let len = needle.length;
  if (at < 0 && needle.length > 12) {
    len = 12;
    at = hay.text.indexOf(needle.slice(0, len));
  }
  if (at < 0) return null;
  const [startNode, startOffset] = pointAt(hay, at);
  const [endNode, endOffset] = pointAt(hay, at + len - 1);
  const range = root.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  return range;
}
