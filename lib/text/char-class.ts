/**
 * Character classes used by text normalisation. All functions take one UTF-16
 * code unit (as a number from `charCodeAt`), so callers can scan strings
 * without allocating. Pure, no dependencies.
 */

/**
 * True for a CJK ideograph, kana or Hangul syllable. Astral ideographs
 * (Extension B and later, U+20000–U+3FFFF) are recognised by their high
 * surrogate; their low surrogate is never separated from it by normalisation.
 */
export function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0xf900 && c <= 0xfaff) || // Compatibility Ideographs
    (c >= 0x3040 && c <= 0x30ff) || // Hiragana, Katakana
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    (c >= 0xd840 && c <= 0xd8bf) // high surrogates of U+20000–U+3FFFF
  );
}

/** True for a CJK ideograph (or kana/Hangul) character `ch` (first code unit decides). */
export function isCjk(ch: string): boolean {
  return ch.length > 0 && isCjkCode(ch.charCodeAt(0));
}

/**
 * True for punctuation that only occurs in CJK typesetting: the CJK Symbols
 * and Punctuation block (、。《》「」【】〔〕 and the ideographic space) and the
 * Halfwidth/Fullwidth Forms block (，；：？！（）and full-width letters/digits).
 */
export function isCjkPunctCode(c: number): boolean {
  return (c >= 0x3001 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0xfe30;
}

/** {@link isCjkPunctCode} for a one-character string. */
export function isCjkPunct(ch: string): boolean {
  return ch.length > 0 && isCjkPunctCode(ch.charCodeAt(0));
}

/**
 * Punctuation shared by Chinese and Western typesetting: curly quotes, dashes,
 * ellipsis, middle dot. It counts as CJK only when its other neighbour is CJK.
 */
export function isSharedPunctCode(c: number): boolean {
  return (
    (c >= 0x2018 && c <= 0x201f) || // ‘ ’ ‚ ‛ “ ” „ ‟
    c === 0x2014 || // —
    c === 0x2015 || // ―
    c === 0x2026 || // …
    c === 0x00b7 || // ·
    c === 0x2027 || // ‧
    c === 0x25a1 || // □ (byline box in newspapers)
    c === 0x25a0 || // ■
    c === 0x25cf || // ●
    c === 0x25c6 || // ◆
    c === 0x2605 // ★
  );
}

/** CJK character or CJK-only punctuation. */
export function isCjkLikeCode(c: number): boolean {
  return isCjkCode(c) || isCjkPunctCode(c);
}

/**
 * Whitespace to remove or collapse: ASCII whitespace, NBSP, the Unicode space
 * separators, line/paragraph separators and the ideographic space U+3000.
 */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Invisible characters dropped everywhere: zero-width space/joiners, BOM, word joiner, soft hyphen. */
export function isInvisibleCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0xfeff || c === 0x2060 || c === 0xad;
}

/** Sentence-closing punctuation of Chinese prose (。！？ and their half-width forms, …). */
export function isSentenceEndCode(c: number): boolean {
  return (
    c === 0x3002 || // 。
    c === 0xff01 || // ！
    c === 0xff1f || // ？
    c === 0x21 ||
    c === 0x3f ||
    c === 0x2026 || // …
    c === 0xff1b // ；
  );
}

/** Closing quotes and brackets that may follow a sentence end (。” ！） 。』). */
export function isClosingMarkCode(c: number): boolean {
  return (
    c === 0x201d || // ”
    c === 0x2019 || // ’
    c === 0xff09 || // ）
    c === 0x29 ||
    c === 0x300d || // 」
    c === 0x300f || // 』
    c === 0x3011 || // 】
    c === 0x300b // 》
  );
}

/**
 * Half-width marks turned full-width next to CJK (ASCII-indexed, 0 = none):
 * looked up by code, so no one-character strings are made.
 */
const FULL_WIDTH = new Uint16Array(128);
FULL_WIDTH[0x2c] = 0xff0c; // , → ，
FULL_WIDTH[0x3b] = 0xff1b; // ; → ；
FULL_WIDTH[0x3a] = 0xff1a; // : → ：
FULL_WIDTH[0x3f] = 0xff1f; // ? → ？
FULL_WIDTH[0x21] = 0xff01; // ! → ！
FULL_WIDTH[0x28] = 0xff08; // ( → （
FULL_WIDTH[0x29] = 0xff09; // ) → ）

/** The full-width form of a half-width `, ; : ? ! ( )` (converted next to CJK), or 0. */
export function fullWidthCode(c: number): number {
  return c < 128 ? FULL_WIDTH[c]! : 0;
}
