/**
 * The library key of a pasted article: `paste:` and the first 16 hex digits
 * of the SHA-256 of its repaired text. The same text pasted again (from the
 * same PDF, another day) gets the same key, so its saved highlights come back.
 */

/** Prefix of every pasted article's id (and URL). */
export const PASTE_ID_PREFIX = 'paste:';
/** Hex digits of the digest kept: 64 bits, plenty for one reader's library. */
const ID_HEX_DIGITS = 16;

/** `paste:<sha-256 of text, hex, first 16>`. `subtle` defaults to the global Web Crypto. */
export async function pasteArticleId(
  text: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return PASTE_ID_PREFIX + hex.slice(0, ID_HEX_DIGITS);
}

/** Whether a library id belongs to a pasted article. */
export const isPasteId = (id: string): boolean =>
  id.startsWith(PASTE_ID_PREFIX) && id.length === PASTE_ID_PREFIX.length + ID_HEX_DIGITS;
