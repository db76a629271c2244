/**
 * Hints from outside the article text: the `<title>`, the page headline
 * (the heading that best matches the `<title>`), byline and site name.
 */
import type { DocHints } from '../types.ts';
import { isUnseen } from './page-chrome.ts';
import type { Steps } from '../steps.ts';

/** True when the reader sees `el`: no ancestor (or itself) hidden, a template, a noscript… */
function seen(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (
      isUnseen(e) ||
      /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(
        e.getAttribute('style') ?? '',
      )
    )
      return false;
  }
  return true;
}

/** Headline candidates shorter or longer than this are labels or paragraphs. */
const MIN_TITLE_CHARS = 4;
const MAX_TITLE_CHARS = 120;
/** Only the first headings of a page are considered: headlines come early; keeps huge pages linear. */
const MAX_CANDIDATES = 200;
/** A heading is the headline when at least this share of it occurs in the `<title>`. */
const MIN_TITLE_OVERLAP = 0.6;
/**
 * Separators between the headline and the site/channel names in a `<title>`;
 * a bare hyphen only between CJK (`…座谈会-中国科普网`, but not `1-10月`).
 */
const TITLE_SEPARATORS =
  /\s*(?:--|_|\||｜|\s-\s|(?<=[\u4e00-\u9fff》”）])-(?=[\u4e00-\u9fff《“（]))\s*/;

/** The headline part of a `<title>`-like string: what precedes the first site/channel separator. */
export function stripSiteName(title: string): string {
  const head = title.split(TITLE_SEPARATORS)[0]?.trim() ?? '';
  return head.length >= MIN_TITLE_CHARS ? head : title;
}

/** Collapse whitespace runs and trim. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Length of the longest common substring of `a` and `b` (both short: O(|a|·|b|)). */
function commonSubstring(a: string, b: string): number {
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const v = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** The page headline: the h1–h3 (or title-classed element) that best matches `docTitle`. */
export function findHeadline(
  doc: Document,
  docTitle: string,
  fallback: string | null,
): string | null {
  const squeezedTitle = docTitle.replace(/\s+/g, '');
  let best: string | null = null;
  let bestScore = 0;
  const candidates = doc.querySelectorAll(
    'h1, h2, h3, [class*="title"], [class*="Title"], [id*="title"], [id*="Title"]',
  );
  const limit = Math.min(candidates.length, MAX_CANDIDATES);
  for (let i = 0; i < limit; i++) {
    const el = candidates[i]!;
    if (!seen(el)) continue;
    const raw = el.textContent ?? '';
    // A title box often holds the headline and then 来源/作者 lines: take its first line.
    const text = collapseSpace(/^h[1-3]$/i.test(el.tagName) ? raw : firstLine(raw));
    const squeezed = text.replace(/\s+/g, '');
    if (squeezed.length < MIN_TITLE_CHARS || squeezed.length > MAX_TITLE_CHARS) continue;
    const overlap = squeezedTitle ? commonSubstring(squeezed, squeezedTitle) : 0;
    if (overlap < squeezed.length * MIN_TITLE_OVERLAP) continue;
    // Tie-breaker only (< 1 char of overlap): a real <h1> beats a "title" box with the same text.
    const score = overlap + (/^h[1-3]$/i.test(el.tagName) ? 0.5 : 0);
    if (score > bestScore) {
      best = text;
      bestScore = score;
    }
  }
  if (best) return best;
  const source = fallback ? collapseSpace(fallback) : docTitle;
  return source ? stripSiteName(source) : null;
}

function firstLine(s: string): string {
  for (const line of s.split(/[\r\n]+/)) if (line.trim()) return line;
  return '';
}

/** A byline from Readability is kept only when it reads like one (not a counter or a date). */
function plausibleByline(byline: string | null): string | null {
  if (!byline) return null;
  const b = collapseSpace(byline);
  if (b.length === 0 || b.length > MAX_TITLE_CHARS || !/[\p{L}]/u.test(b)) return null;
  return b;
}

/** Elements that name an article's author by their class or id. */
const AUTHOR_BOX =
  '[class*="author"], [class*="Author"], [class*="byline"], [id*="author"], [itemprop="author"]';
/** A short line that opens with a byline's role word and a colon (作者：王琛). */
const BYLINE_LINE = /^(?:作者|文|撰文|记者)\s*[：:]/;
/** How many short elements are read for a 作者： line: bylines come early; keeps huge pages linear. */
const MAX_BYLINE_SCAN = 3000;
/** The most child elements an element holding a byline line has (作者：<a>王琛</a>). */
const MAX_BYLINE_CHILDREN = 3;
/** The longest byline element text. */
const MAX_BYLINE_CHARS = 60;

/**
 * A byline printed outside the article container: an author box
 * (`<div class="author">本报记者 王乐文 方敏</div>`), else a short element that
 * opens with 作者：. The recogniser parses it (and drops it when it is no byline).
 */
export function* findBylineElement(doc: Document): Steps<string | null> {
  for (const el of Array.from(doc.querySelectorAll(AUTHOR_BOX)).slice(0, MAX_CANDIDATES)) {
    if (!seen(el)) continue;
    const t = collapseSpace(el.textContent ?? '');
    if (t.length >= 2 && t.length <= MAX_BYLINE_CHARS) return t;
  }
  // Each query reads the whole page (50,000 elements on a huge one): a piece of its own.
  yield;
  const els = doc.querySelectorAll('span, p, div, td, li, em, font');
  yield;
  const limit = Math.min(els.length, MAX_BYLINE_SCAN);
  for (let i = 0; i < limit; i++) {
    // A byline line sits in a small element: reading the text of a wrapper would read the
    // whole page, element after element.
    if (els[i]!.children.length > MAX_BYLINE_CHILDREN) continue;
    const raw = els[i]!.textContent ?? '';
    if (raw.length > MAX_BYLINE_CHARS * 2) continue;
    const t = collapseSpace(raw);
    if (t.length <= MAX_BYLINE_CHARS && BYLINE_LINE.test(t) && seen(els[i]!)) return t;
  }
  return null;
}

/** Collect {@link DocHints} for a page (in steps: lib/steps.ts). */
export function* pageHints(
  doc: Document,
  found: { title: string | null; byline: string | null; siteName: string | null },
  url: string | undefined,
): Steps<DocHints> {
  const hints: DocHints = {};
  const docTitle = collapseSpace(doc.querySelector('title')?.textContent ?? '');
  if (docTitle) hints.docTitle = docTitle;
  const title = findHeadline(doc, docTitle, found.title);
  if (title) hints.title = title;
  yield;
  const byline = plausibleByline(found.byline) ?? (yield* findBylineElement(doc));
  if (byline) hints.byline = byline;
  const site =
    found.siteName ?? doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
  if (site) hints.siteName = collapseSpace(site);
  const pageUrl = url ?? (doc.URL && doc.URL !== 'about:blank' ? doc.URL : undefined);
  if (pageUrl) hints.url = pageUrl;
  return hints;
}
