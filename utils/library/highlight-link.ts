/**
 * "Open the original page at a highlight": the article's address with a
 * fragment naming the highlight. The content script reads the fragment on
 * load (`#gangmu-hl=<id>`), scrolls to the highlight once it is restored and
 * may then remove the fragment.
 */

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
