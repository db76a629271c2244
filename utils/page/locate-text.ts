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

interface Squeezed {
  text: string;
  nodes: Text[];
  offsets: number[];
}

function squeezeElement(root: Element): Squeezed {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  const nodes: Text[] = [];
  const offsets: number[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const v = t.data;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (SPACE.test(c)) continue;
      text += FOLD[c] ?? c;
      nodes.push(t);
      offsets.push(i);
    }
  }
  return { text, nodes, offsets };
}

/** The needle as the squeezed element text would spell it. */
export function squeezeText(s: string): string {
  let out = '';
  for (const c of s) if (!SPACE.test(c)) out += FOLD[c] ?? c;
  return out;
}

/**
 * A Range over `text` inside `root`, or null when the words are not there
 * (then the caller uses the whole element). Tries the whole text, then its
 * first 12 characters (fake-bold undoing or inline furniture may differ later on).
 */
export function locateText(root: Element, text: string): Range | null {
  const needle = squeezeText(text);
  if (!needle) return null;
  const hay = squeezeElement(root);
  let at = hay.text.indexOf(needle);
  let len = needle.length;
  if (at < 0 && needle.length > 12) {
    len = 12;
    at = hay.text.indexOf(needle.slice(0, len));
  }
  if (at < 0) return null;
  const last = at + len - 1;
  const range = root.ownerDocument.createRange();
  range.setStart(hay.nodes[at]!, hay.offsets[at]!);
  range.setEnd(hay.nodes[last]!, hay.offsets[last]! + 1);
  return range;
}
