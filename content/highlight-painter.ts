/**
 * Paints highlights on the page. With the CSS Custom Highlight API
 * (`CSS.highlights`) the page's DOM is not touched at all: one `Highlight`
 * per colour (`gangmu-yellow`…) holds the ranges, and one stylesheet gives
 * them their colours. Where the API is missing (older Firefox) each range is
 * wrapped in `<mark data-gangmu-highlight>` elements with inline colours, the
 * only fallback that shows anything.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../lib/model.ts';
import { buildTextMap, pointAt, rangeFromOffsets } from '../lib/anchoring/text-map.ts';

/** Background colours, translucent so the page's text colour and links still show. */
export const PAINT_COLORS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 0, 0.45)',
  green: 'rgba(80, 200, 120, 0.38)',
  blue: 'rgba(80, 160, 255, 0.35)',
  pink: 'rgba(255, 105, 180, 0.35)',
  purple: 'rgba(160, 100, 255, 0.35)',
};

/** The registry name of a colour's Highlight (also used in `::highlight()`). */
export const highlightName = (color: HighlightColor) => `gangmu-${color}`;

/** The attribute on fallback `<mark>` elements (its value: the highlight's id). */
export const MARK_ATTR = 'data-gangmu-highlight';

/** One thing to paint: text offsets in the text map of `root`. */
export interface PaintItem {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
}

export interface Painter {
  kind: 'css' | 'mark';
  /** Replaces whatever was painted with `items` (offsets into `buildTextMap(root)`). */
  paint(root: Element, items: readonly PaintItem[]): void;
  clear(): void;
}

interface HighlightRegistryLike {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registryOf(win: Window): { registry: HighlightRegistryLike; Ctor: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && typeof Ctor === 'function' ? { registry: css.highlights, Ctor } : null;
}

const STYLE_ID = 'gangmu-highlight-style';

function highlightCss(): string {
  return HIGHLIGHT_COLORS.map(
    (c) => `::highlight(${highlightName(c)}) { background-color: ${PAINT_COLORS[c]}; }`,
  ).join('\n');
}

/**
 * Gives the `::highlight()` rules to the document, once. `::highlight()` only
 * styles highlights from a stylesheet of the document the ranges live in (a
 * shadow root's styles do not reach it), so this is the ONE change Gangmu
 * makes to a page that has highlights: preferably a constructed stylesheet
 * added to `document.adoptedStyleSheets` (no element in the page), else —
 * where adopting a sheet from a content script is refused — a single
 * `<style id="gangmu-highlight-style">` in the head.
 */
function ensureStyles(doc: Document, win: Window): void {
  const marker = doc as unknown as { __gangmuStyled?: boolean };
  if (marker.__gangmuStyled || doc.getElementById(STYLE_ID)) return;
  try {
    const Sheet = (win as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(highlightCss());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    marker.__gangmuStyled = true;
    return;
  } catch {
    // Deliberate: constructed sheets are refused in some content-script worlds; the <style> below works everywhere.
  }
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = highlightCss();
  (doc.head ?? doc.documentElement).append(style);
  marker.__gangmuStyled = true;
}

/** Wraps the text of `[start, end)` in marks, one per text node piece. */
function wrapRange(root: Element, item: PaintItem): void {
  const doc = root.ownerDocument;
  const map = buildTextMap(root);
  const a = pointAt(map, item.start, 'start');
  const b = pointAt(map, Math.max(item.start, item.end), 'end');
  if (!a || !b) return;
  const first = map.nodes.indexOf(a.node);
  const last = map.nodes.indexOf(b.node);
  for (let i = first; i <= last && i >= 0; i++) {
    let t = map.nodes[i]!;
    const from = i === first ? a.offset : 0;
    const to = i === last ? b.offset : t.data.length;
    if (to <= from) continue;
    if (to < t.data.length) t.splitText(to);
    if (from > 0) t = t.splitText(from);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTR, item.id);
    mark.setAttribute(
      'style',
      `background-color: ${PAINT_COLORS[item.color]} !important; color: inherit !important; padding: 0 !important;`,
    );
    t.parentNode?.insertBefore(mark, t);
    mark.append(t);
  }
}

function unwrapMarks(doc: Document): void {
  const parents = new Set<Node>();
  for (const mark of doc.querySelectorAll(`mark[${MARK_ATTR}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parents.add(parent);
  }
  // Join the text nodes the marks split, so the page's text is as it was.
  for (const p of parents) p.normalize();
}

/** Feature-detects the Custom Highlight API and returns the painter to use. */
export function createPainter(doc: Document, win: Window): Painter {
  const api = registryOf(win);
  if (api) {
    return {
      kind: 'css',
      paint(root, items) {
        ensureStyles(doc, win);
        const map = buildTextMap(root);
        for (const color of HIGHLIGHT_COLORS) {
          const ranges = items
            .filter((i) => i.color === color)
            .map((i) => rangeFromOffsets(map, i.start, i.end));
          if (ranges.length) api.registry.set(highlightName(color), new api.Ctor(...ranges));
          else api.registry.delete(highlightName(color));
        }
      },
      clear() {
        for (const color of HIGHLIGHT_COLORS) api.registry.delete(highlightName(color));
      },
    };
  }
  return {
    kind: 'mark',
    paint(root, items) {
      unwrapMarks(doc);
      // One fresh text map per item: wrapping splits text nodes.
      for (const item of items) wrapRange(root, item);
    },
    clear: () => unwrapMarks(doc),
  };
}
