/**
 * "Open the original page at a highlight", the content script's side: what a
 * `#gangmu-hl=<id>` fragment (protocol/highlight-link.ts) comes to on the
 * page as it is now, and the address without it. Pure: placements and
 * strings in, a decision out; the content controller does the scrolling, the
 * sidebar and `history.replaceState`.
 */
import type { Placement } from './placement.ts';

/** Where a linked highlight is: placed (scroll to it), an orphan (list it), or not stored here. */
export type LinkTarget =
  | { kind: 'placed'; id: string; start: number; end: number }
  | { kind: 'orphan'; id: string }
  | { kind: 'unknown'; id: string };

/**
 * What the link to highlight `id` leads to among the page's placements. Only a
 * placement of that very highlight counts: an unknown or unplaced id never
 * leads anywhere on the page (nothing is painted or scrolled to for it).
 */
export function linkTarget(placements: readonly Placement[], id: string): LinkTarget {
  const p = placements.find((x) => x.highlight.id === id);
  if (!p) return { kind: 'unknown', id };
  if (!p.placed) return { kind: 'orphan', id };
  return { kind: 'placed', id, start: p.start, end: p.end };
}

/** `href` without its fragment (path and query kept as written). */
export function withoutFragment(href: string): string {
  const at = href.indexOf('#');
  return at < 0 ? href : href.slice(0, at);
}

/** Whether two addresses differ at most in their fragments (the same document). */
export function sameDocument(a: string, b: string): boolean {
  return withoutFragment(a) === withoutFragment(b);
}
