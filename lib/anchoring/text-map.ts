/**
 * The DOM adapter of anchoring: the text of a root element as one string, with
 * a two-way map between offsets in that string and (Text node, offset) points.
 * Everything else in lib/anchoring works on the string alone.
 *
 * The map is built once per page state in one walk (linear in the number of
 * nodes); each offset lookup is a binary search, so placing N highlights costs
 * O(N log T) after the walk, T the number of text nodes.
 */

import { isUnseen } from '../blocks/page-chrome.ts';

/** A half-open range `[start, end)` of UTF-16 offsets into a text map's `text`. */
export interface TextRange {
  start: number;
  end: number;
}

/** The text of a root element and where each piece of it lives. */
export interface TextMap {
  root: Element;
  /** The concatenated data of the mapped Text nodes, in document order. */
  text: string;
  /** The mapped Text nodes (empty ones left out), in document order. */
  nodes: Text[];
  /** `starts[i]` is the offset in `text` of `nodes[i]`'s first character; `starts[nodes.length]` is `text.length`. */
  starts: Int32Array;
}

/** Elements whose text is never page text: code, styles and the extension's old elements. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'GANGMU-SIDEBAR', 'GANGMU-TOOLBAR']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
// Node.compareDocumentPosition bits (the global `Node` is not there under plain Node).
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;

/**
 * Whether an element's subtree is left out of the text: skipped tags and what the
 * outline never reads either ({@link isUnseen}: templates, frames' fallbacks, `<xmp>`,
 * the `hidden` attribute, `aria-hidden="true"`).
 */
function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName.toUpperCase()) || isUnseen(el);
}

/**
 * Reads the text of `root`: the data of its Text nodes in document order,
 * skipping `<script>`, `<style>`, what the reader never sees ({@link isSkipped})
 * and the extension's old `<gangmu-sidebar>` and `<gangmu-toolbar>`. Nothing is
 * normalised, so offsets stay stable for as long as the DOM is unchanged.
 */
export function buildTextMap(root: Element): TextMap {
  const nodes: Text[] = [];
  const parts: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  // Iterative pre-order walk: deep pages do not overflow the stack.
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        parts.push(data);
        starts.push(offset);
        offset += data.length;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      descend = !isSkipped(node as Element) && node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  starts.push(offset);
  return { root, text: parts.join(''), nodes, starts: Int32Array.from(starts) };
}

/** The index of the last node whose start is ≤ `offset` (0 when none). */
function nodeIndexAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The (Text node, offset) point of a text offset. A start point on a node
 * boundary is put at the beginning of the following node, an end point at the
 * end of the preceding one, so a range never takes in a neighbouring empty
 * edge. `null` when the map holds no text.
 */
export function pointAt(
  map: TextMap,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } | null {
  const n = map.nodes.length;
  if (n === 0) return null;
  const clamped = Math.max(0, Math.min(offset, map.text.length));
  let i = nodeIndexAt(map, clamped);
  // An end offset equal to a node's start belongs to the end of the previous node.
  if (side === 'end' && i > 0 && map.starts[i] === clamped) i -= 1;
  return { node: map.nodes[i]!, offset: clamped - map.starts[i]! };
}

/**
 * A DOM Range over `[start, end)` of the map's text (offsets are clamped to the
 * text). A map without text gives a collapsed range at the start of the root.
 */
export function rangeFromOffsets(map: TextMap, start: number, end: number): Range {
  const range = map.root.ownerDocument.createRange();
  const a = pointAt(map, start, 'start');
  const b = pointAt(map, Math.max(start, end), 'end');
  if (!a || !b) {
    range.setStart(map.root, 0);
    range.collapse(true);
    return range;
  }
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** Whether mapped text node `t` is at or after the boundary point (container, offset). */
function isAtOrAfter(t: Text, container: Node, offset: number): boolean {
  const children = container.childNodes;
  if (offset < children.length) {
    const ref = children[offset]!;
    if (ref === t) return true;
    const pos = ref.compareDocumentPosition(t);
    return (pos & (DOCUMENT_POSITION_FOLLOWING | DOCUMENT_POSITION_CONTAINED_BY)) !== 0;
  }
  // After the container's last child: only nodes following the container and not inside it.
  const pos = container.compareDocumentPosition(t);
  return (pos & DOCUMENT_POSITION_FOLLOWING) !== 0 && (pos & DOCUMENT_POSITION_CONTAINED_BY) === 0;
}

/** The text offset of a DOM boundary point. */
function offsetOfPoint(map: TextMap, index: Map<Text, number>, container: Node, offset: number) {
  const i = index.get(container as Text);
  if (i !== undefined) return map.starts[i]! + Math.min(offset, map.nodes[i]!.data.length);
  // An element point, or a Text node outside the map (inside <script>…): the
  // offset of the first mapped text at or after the point, by binary search.
  const isText = container.nodeType === TEXT_NODE || container.nodeType === CDATA_SECTION_NODE;
  let lo = 0;
  let hi = map.nodes.length; // first index at or after the point
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = map.nodes[mid]!;
    const after = isText
      ? (container.compareDocumentPosition(t) & DOCUMENT_POSITION_FOLLOWING) !== 0
      : isAtOrAfter(t, container, offset);
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return map.starts[lo]!;
}

/**
 * The text offsets `[start, end)` a DOM Range covers, the inverse of
 * {@link rangeFromOffsets}. Boundary points in elements or in skipped text map
 * to the offset of the next mapped text. Builds a node index on each call:
 * for many ranges against one map, pass the same `index` from
 * {@link textNodeIndex}.
 */
export function offsetsFromRange(
  map: TextMap,
  range: Range,
  index: Map<Text, number> = textNodeIndex(map),
): TextRange {
  const start = offsetOfPoint(map, index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(map, index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/** A lookup from each mapped Text node to its index in `map.nodes`. */
export function textNodeIndex(map: TextMap): Map<Text, number> {
  const index = new Map<Text, number>();
  map.nodes.forEach((t, i) => index.set(t, i));
  return index;
}
