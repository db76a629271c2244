/**
 * A cheap "is this page an essay?" test, run on every page at document_idle
 * before (and instead of) the full engine. Pure: the sampler takes the
 * Document as a parameter and reads it with bounded work; the verdict is a
 * function of the sample alone, so it is table-testable with plain strings.
 *
 * Budget: under 2 ms on a 1 MB page. The sampler walks the page once, in
 * document order, and stops after a fixed amount of text and a fixed number
 * of nodes, so its cost does not grow with the page: no `textContent` of the
 * whole body, no `querySelectorAll` over every element.
 */
import { bodyOf } from '../blocks/walk-tree.ts';

/** What the verdict is computed from. */
export interface QuickSample {
  /** A bounded slice of the page's text (whitespace kept). */
  text: string;
  /** Characters of text the sampler read (at most {@link LIMITS.text}). */
  textLength: number;
  /** True when the sampler stopped at a cap before the end of the page. */
  truncated?: boolean;
  /** The first characters of each block (p, h2–h4, li, section), deduplicated, at most {@link LIMITS.blocks}. */
  starts: string[];
  /** Blocks whose first words are bold (strong, b, inline font-weight ≥ 600). */
  boldLeads: number;
  /** h2–h4 headings whose first character is CJK. */
  subheadings: number;
}

/** The verdict. */
export interface QuickResult {
  essay: boolean;
  /** CJK characters seen in the text slice. */
  cjk: number;
  /** Block starts with an ordinal marker (一是, （一）, 一、, 第一, 首先, 1.). */
  markers: number;
  /** Ordinal markers right after a sentence end or at the start of the text (inline series: 首先……。其次……). */
  inlineMarkers: number;
  boldLeads: number;
  subheadings: number;
  /** Estimate of the outline's points, for the badge (0 when not an essay). */
  estimate: number;
}

/** The caps that keep the sampler's cost bounded. */
export const LIMITS = {
  /** Characters of body text looked at: an essay's opening screens and its first points. */
  text: 40_000,
  /** DOM nodes visited: bounds the walk on pages that are all markup and little text. */
  nodes: 12_000,
  /** Blocks whose starts are read. An essay has at most a few hundred paragraphs. */
  blocks: 3000,
  /** Characters kept of each block start: the longest marker (（十二）, 第十二,) fits. */
  start: 8,
  /** firstChild steps when looking for a block's first text. */
  depth: 8,
} as const;

/**
 * Minimum CJK characters: a governance essay runs to thousands of
 * characters; 600 is about two screen-fuls, below which an outline helps
 * little and short pages (search results, portals' teasers) stay out.
 */
export const MIN_CJK = 600;
/** Minimum share of CJK among non-space characters: keeps out English pages quoting Chinese. */
export const MIN_CJK_SHARE = 0.3;

// An ordinal marker at a block start. Sticky + multiline over the starts
// joined by '\n', so one regex pass counts them all.
const MARKER =
  /^(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}[，,、是条]|首先|其次|再次|最后|\d{1,2}[、.．](?!\d))/gm;

// An ordinal marker opening a sentence anywhere in the text: paragraph starts
// (after the previous paragraph's 。 and whitespace) and inline series alike.
// One global pass over the bounded text slice.
const INLINE_MARKER =
  /(?:^|[。；！？])\s*(?:[一二三四五六七八九十]{1,2}是|[一二三四五六七八九十]{1,2}、|首先|其次|再次|最后|第[一二三四五六七八九十]{1,2}[，,、])/g;

const isCjk = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;

/** Judges a sample. See the constants for why each threshold is what it is. */
export function quickCheck(sample: QuickSample): QuickResult {
  const { text } = sample;
  let cjk = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) cjk++;
    else if (!isSpace(c)) other++;
  }
  const joined = sample.starts.join('\n');
  MARKER.lastIndex = 0;
  let markers = 0;
  while (MARKER.exec(joined) !== null) markers++;
  INLINE_MARKER.lastIndex = 0;
  let inlineMarkers = 0;
  while (INLINE_MARKER.exec(text) !== null) inlineMarkers++;
  const { boldLeads, subheadings } = sample;

  const enoughText = cjk >= MIN_CJK && cjk >= MIN_CJK_SHARE * (cjk + other);
  // Two cues of structure: ordinal markers or bold leads say "points" on their
  // own; subheadings alone are also what portals and blogs have, so they count
  // only together with at least one marker or bold lead. An inline series
  // (首先……其次……最后) is one cue, once it has three members.
  const strong = markers + boldLeads + (inlineMarkers >= 3 ? 1 : 0);
  const essay = enoughText && (strong >= 2 || (strong >= 1 && subheadings >= 1));
  // Points are marked (一是), bold, headed, or several of these at once; the
  // largest of "marked at a block start", "marked after a sentence end" (which
  // also sees inline series) and "bold or headed" counts each point about once.
  const estimate = essay ? Math.max(markers, inlineMarkers, boldLeads + subheadings) : 0;
  return { essay, cjk, markers, inlineMarkers, boldLeads, subheadings, estimate };
}

const BLOCK_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'LI', 'SECTION']);
/** Elements whose text the reader does not see (as the block walker, lib/blocks/page-chrome.ts). */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'XMP',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'NOEMBED',
  'NOFRAMES',
  'GANGMU-SIDEBAR',
]);
const BOLD_TAGS = new Set(['STRONG', 'B']);
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i;

function isBoldElement(el: Element): boolean {
  if (BOLD_TAGS.has(el.tagName)) return true;
  const style = el.getAttribute('style');
  return style !== null && BOLD_STYLE.test(style);
}

/** True when an element between `node` and `block` (exclusive) is bold. */
function boldBetween(node: Node, block: Element): boolean {
  for (
    let el = node.parentElement, steps = 0;
    el && el !== block && steps < LIMITS.depth;
    el = el.parentElement, steps++
  ) {
    if (isBoldElement(el)) return true;
  }
  return false;
}

/**
 * Samples a document for {@link quickCheck} with bounded work: one walk in
 * document order that collects text until {@link LIMITS.text} characters and
 * the first words of each block (p, h2–h4, li, section), and stops after
 * {@link LIMITS.nodes} nodes.
 */
export function sampleDocument(doc: Document): QuickSample {
  // Not `doc.body`: linkedom's getter throws without a root element and adds a missing body.
  const body = bodyOf(doc);
  if (!body) return { text: '', textLength: 0, starts: [], boldLeads: 0, subheadings: 0 };
  const parts: string[] = [];
  let length = 0;
  const starts: string[] = [];
  let boldLeads = 0;
  let subheadings = 0;
  // The block whose first words are still to be read; nested blocks (section > p) give one start.
  let pending: Element | null = null;
  let visited = 0;
  let truncated = false;
  // The body, then the open shadow roots met in it (a web component's essay is rendered
  // there; a closed root is out of reach and left alone), each walked in turn.
  const shadowRoots: Node[] = [];
  let root: Node = body;
  let node: Node | null = body.firstChild;
  for (;;) {
    if (!node) {
      const next = shadowRoots.shift();
      if (!next) break;
      root = next;
      node = next.firstChild;
      continue;
    }
    if (++visited > LIMITS.nodes || length >= LIMITS.text) {
      truncated = true;
      break;
    }
    let descend = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (
        !SKIP_TAGS.has(tag) &&
        !el.hasAttribute('hidden') &&
        el.getAttribute('aria-hidden') !== 'true'
      ) {
        if (BLOCK_TAGS.has(tag) && starts.length < LIMITS.blocks) pending = el;
        descend = true;
        const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
        if (shadow?.firstChild) shadowRoots.push(shadow);
      }
    } else if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      if (pending) {
        const s = value.trimStart();
        if (s) {
          starts.push(s.slice(0, LIMITS.start));
          const tag = pending.tagName.toUpperCase();
          if (tag === 'H2' || tag === 'H3' || tag === 'H4') {
            if (isCjk(s.charCodeAt(0))) subheadings++;
          } else if (boldBetween(node, pending)) boldLeads++;
          pending = null;
        }
      }
    }
    // Next node in document order, staying inside the root being walked.
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  let text = parts.join('');
  if (text.length > LIMITS.text) text = text.slice(0, LIMITS.text);
  return { text, textLength: length, truncated, starts, boldLeads, subheadings };
}

/** Samples and judges a document in one call. */
export function quickCheckDocument(doc: Document): QuickResult {
  return quickCheck(sampleDocument(doc));
}
