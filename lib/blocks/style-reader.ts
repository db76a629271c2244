/**
 * Reads the presentation a block walker needs — boldness, alignment, hidden,
 * display — from a live page's computed style when a window is given, else
 * from tags and inline `style`/`align` attributes (linkedom has no cascade).
 * Computed-style lookups are cached per element.
 */
import { tagOf } from './walk-tree.ts';

/** The part of `window` the DOM front end uses. */
export interface StyleWindow {
  getComputedStyle(el: Element): {
    fontWeight: string;
    textAlign?: string;
    display?: string;
    visibility?: string;
  };
}

/** Presentation of one element as the walker sees it. */
export interface ElementStyle {
  /** true/false when this element decides boldness; null to inherit the parent's. */
  bold: boolean | null;
  /** 'center', another alignment, or null to inherit. */
  align: string | null;
  hidden: boolean;
  /** true when the element lays out as a block (forces a paragraph break). */
  block: boolean | null;
}

/** Bold at or above this CSS weight: 600 is "semi-bold", the lightest weight readers see as bold. */
const BOLD_WEIGHT = 600;

const BOLD_TAGS = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);
const BLOCK_DISPLAYS = /^(block|flex|grid|list-item|table|table-row|table-cell|flow-root)\b/;

/** Parse a CSS `font-weight` value: true bold, false not bold, null unknown. */
export function weightIsBold(value: string | null | undefined): boolean | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === 'bold' || v === 'bolder') return true;
  if (v === 'normal' || v === 'lighter') return false;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n >= BOLD_WEIGHT : null;
}

/** The value of one property in an inline style string (last declaration wins, `!important` dropped). */
export function inlineStyleValue(style: string, prop: string): string | null {
  const re = new RegExp(`(?:^|[;\\s])${prop}\\s*:\\s*([^;]+)`, 'gi');
  let value: string | null = null;
  for (let m = re.exec(style); m; m = re.exec(style)) {
    value = (m[1] ?? '').replace(/!\s*important/i, '').trim();
  }
  return value;
}

/** Creates a cached style reader; pass `win` in a live page for computed styles. */
export function createStyleReader(win?: StyleWindow): (el: Element) => ElementStyle {
  const cache = new WeakMap<Element, ElementStyle>();
  return (el) => {
    let s = cache.get(el);
    if (!s) {
      s = win ? computedStyle(el, win) : inlineStyle(el);
      cache.set(el, s);
    }
    return s;
  };
}

function inlineStyle(el: Element): ElementStyle {
  const tag = tagOf(el);
  const style = el.getAttribute('style') ?? '';
  const weight = style ? weightIsBold(inlineStyleValue(style, 'font-weight')) : null;
  const tagAlign = el.getAttribute('align') ?? (tag === 'center' ? 'center' : null);
  const cssAlign = style ? inlineStyleValue(style, 'text-align') : null;
  const display = style ? inlineStyleValue(style, 'display') : null;
  const visibility = style ? inlineStyleValue(style, 'visibility') : null;
  return {
    bold: weight ?? (BOLD_TAGS.has(tag) ? true : null),
    align: (cssAlign ?? tagAlign)?.toLowerCase() ?? null,
    hidden:
      el.hasAttribute('hidden') ||
      display?.toLowerCase() === 'none' ||
      visibility?.toLowerCase() === 'hidden',
    block: display ? BLOCK_DISPLAYS.test(display.toLowerCase()) : null,
  };
}

function computedStyle(el: Element, win: StyleWindow): ElementStyle {
  let cs: ReturnType<StyleWindow['getComputedStyle']>;
  try {
    cs = win.getComputedStyle(el);
  } catch {
    // Deliberate: some pseudo-DOMs throw for unusual elements; fall back to attributes.
    return inlineStyle(el);
  }
  const align = cs.textAlign ? cs.textAlign.toLowerCase().replace('-webkit-', '') : null;
  return {
    bold: weightIsBold(cs.fontWeight) ?? inlineStyle(el).bold,
    align,
    hidden: cs.display === 'none' || cs.visibility === 'hidden',
    block: cs.display ? BLOCK_DISPLAYS.test(cs.display) : null,
  };
}
