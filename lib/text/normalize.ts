/**
 * Inline normalisation of one block's raw text, with an offset map back to the
 * raw input (hypothesis/client's `util/normalize.ts` pattern).
 *
 * Steps, in one linear pass each:
 * 1. drop invisible characters (zero-width space/joiners, BOM, soft hyphen);
 * 2. drop every whitespace run (line breaks, U+3000, NBSP included) that
 *    touches a CJK character or CJK punctuation; collapse other runs to one
 *    space; trim both ends;
 * 3. turn half-width `, ; : ? ! ( )` that touch CJK into `，；：？！（）`
 *    (a `)` also when its `(` was turned); Latin words and numbers are kept
 *    (`1+3+N`, `5G`, `10:30`, `1,000`).
 */
import {
  fullWidthCode,
  isCjkLikeCode,
  isInvisibleCode,
  isSharedPunctCode,
  isSpaceCode,
} from './char-class.ts';
import type { OffsetArena } from './offset-arena.ts';

export * from './char-class.ts';
export { undoFakeBold, type FakeBoldResult } from './fake-bold.ts';

/** Text with, for each UTF-16 unit, its offset in the raw input (plus one end offset). */
export interface MappedText {
  text: string;
  /** `offsets[i]` = raw offset of `text[i]`; `offsets[text.length]` = one past the raw end. */
  offsets: Int32Array;
}

const SPACE = 0x20;

/** Scratch units for {@link normalizeText}, grown on demand. */
let scratch = new Uint16Array(1024);

/** CJK, CJK punctuation, or shared punctuation (“ ” — …) whose far neighbour is CJK. */
function cjkSide(c: number, beyond: number): boolean {
  return isCjkLikeCode(c) || (isSharedPunctCode(c) && (beyond < 0 || isCjkLikeCode(beyond)));
}

/**
 * Normalise one block's raw text (see the module comment for the steps).
 *
 * @param raw  the block's raw text, line breaks included
 * @param base added to every offset, so a block cut from a larger input maps
 *             straight back into it
 * @param arena where to take the offset map from (a view of a shared chunk,
 *             for callers that keep it only briefly); a fresh array without
 * @returns the normalised text and its offset map (length `text.length + 1`)
 */
export function normalizeText(raw: string, base = 0, arena?: OffsetArena): MappedText {
  const n = raw.length;
  // The units only live until they are decoded to the result string, so one
  // scratch buffer serves every call (no allocation per line of a long text).
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  const buf = scratch;
  const off = arena ? arena.take(n + 1) : new Int32Array(n + 1);
  let len = 0;
  let lastEnd = base; // one past the raw end of the last emitted unit
  let rewritten = false; // a whitespace run became a space other than itself
  let convertible = false; // some unit may be turned full-width in pass 2

  // Pass 1: invisibles and whitespace.
  let j = 0;
  while (j < n) {
    let c = raw.charCodeAt(j);
    // Fast path: everything above U+3000 but the BOM (CJK, CJK and
    // full-width punctuation) and printable ASCII is plain text; whitespace
    // and invisibles all lie elsewhere. CJK is tested first: it is most text.
    // A whole run of plain text is copied in this inner loop.
    if (c > 0x3000 ? c !== 0xfeff : c > 0x20 && c < 0x7f) {
      const delta = base + j - len; // raw offset minus output index, fixed within a run
      for (;;) {
        if (fullWidthCode(c) !== 0) convertible = true;
        buf[len] = c;
        off[len] = len + delta;
        len++;
        j++;
        if (j >= n) break;
        c = raw.charCodeAt(j);
        if (c > 0x3000 ? c === 0xfeff : c <= 0x20 || c >= 0x7f) break;
      }
      lastEnd = base + j;
      continue;
    }
    if (isInvisibleCode(c)) {
      j++;
      continue;
    }
    if (!isSpaceCode(c)) {
      // Control and other non-ASCII characters below U+3000: never convertible.
      buf[len] = c;
      off[len] = base + j;
      len++;
      j++;
      lastEnd = base + j;
      continue;
    }
    const start = j;
    while (j < n) {
      const d = raw.charCodeAt(j);
      if (!isSpaceCode(d) && !isInvisibleCode(d)) break;
      j++;
    }
    if (len === 0 || j >= n) continue; // trim
    const prev = buf[len - 1]!;
    const prev2 = len > 1 ? buf[len - 2]! : -1;
    const next = raw.charCodeAt(j);
    const next2 = j + 1 < n ? raw.charCodeAt(j + 1) : -1;
    if (cjkSide(prev, prev2) || cjkSide(next, next2)) continue;
    if (j - start !== 1 || raw.charCodeAt(start) !== SPACE) rewritten = true;
    buf[len] = SPACE;
    off[len] = base + start;
    len++;
  }

  // Pass 2 (in place, compacting): half-width punctuation next to CJK.
  let w = 0;
  if (!convertible) {
    off[len] = len > 0 ? lastEnd : base;
    // Nothing removed or changed (most CJK lines): the text is the input itself.
    const same = len === n && !rewritten;
    return {
      text: same ? raw : codesToString(buf, len),
      // A view, not a copy: the map is fresh per call and its tail is unused.
      offsets: same ? off : off.subarray(0, len + 1),
    };
  }
  const openStack: boolean[] = []; // per '(' seen: was it turned full-width?
  let dropSpace = false; // drop a space right after a converted mark
  for (let i = 0; i < len; i++) {
    let c = buf[i]!;
    const o = off[i]!;
    if (c === SPACE && dropSpace) {
      dropSpace = false;
      continue;
    }
    dropSpace = false;
    const full = fullWidthCode(c);
    if (full !== 0) {
      const prev = w > 0 ? buf[w - 1]! : -1;
      const prevReal = prev === SPACE && w > 1 ? buf[w - 2]! : prev;
      let next = i + 1 < len ? buf[i + 1]! : -1;
      if (next === SPACE && i + 2 < len) next = buf[i + 2]!;
      let convert = isCjkLikeCode(prevReal) || isCjkLikeCode(next) || isSharedPunctCode(next);
      if (c === 0x28) openStack.push(convert);
      else if (c === 0x29) convert = (openStack.pop() ?? false) || convert;
      if (convert) {
        if (prev === SPACE) w--; // "abc , 中" → "abc，中"
        c = full;
        dropSpace = true;
      }
    }
    buf[w] = c;
    off[w] = o;
    w++;
  }
  off[w] = len > 0 ? lastEnd : base;
  return { text: codesToString(buf, w), offsets: off.subarray(0, w + 1) };
}

/** Decode UTF-16 units to a string in chunks (lone surrogates kept as they are). */
export function codesToString(buf: Uint16Array, len: number): string {
  const CHUNK = 8192; // well under engines' argument-count limits for apply()
  if (len <= CHUNK)
    return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < len; i += CHUNK) {
    parts.push(
      String.fromCharCode.apply(
        null,
        buf.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[],
      ),
    );
  }
  return parts.join('');
}
