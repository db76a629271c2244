/**
 * "Open the original page at a highlight": the article's address with a
 * fragment naming the highlight. The content script reads the fragment on
 * load (`#gangmu-hl=<id>`), scrolls to the highlight once it is restored and
 * may then remove the fragment.
 */

import { isPasteId } from '../pages/paste/article-id.ts';

/** The fragment key the content script looks for. */
export const HIGHLIGHT_FRAGMENT = 'gangmu-hl';

/** `url` with its fragment replaced by `#gangmu-hl=<highlightId>` (the id percent-encoded). */
export function highlightUrl(url: string, highlightId: string): string {
  const base = url.replace(/#.*$/s, '');
  return `${base}#${HIGHLIGHT_FRAGMENT}=${encodeURIComponent(highlightId)}`;
}

/** The highlight id a fragment names (`#gangmu-hl=…`), or null. */
export function highlightIdFromHash(hash: string): string | null {
  const m = /^#?gangmu-hl=([^&]+)$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!) || null;
  } catch {
    // A malformed escape is not a highlight id: ignore the fragment.
    return null;
  }
}

/** The paste page, from another page of the extension (same origin). */
export const PASTE_PAGE = '/paste.html';

/**
 * Where the library opens an article, at a highlight when one is named: a web
 * page at its address; a pasted article (no page to go back to) on the paste
 * page, which rebuilds it from its stored text (`paste.html?article=<id>`).
 */
export function articleHref(article: { id: string; url: string }, highlightId?: string): string {
  const base = isPasteId(article.id)
    ? `${PASTE_PAGE}?article=${encodeURIComponent(article.id)}`
    : article.url;
  return highlightId === undefined ? base : highlightUrl(base, highlightId);
}
