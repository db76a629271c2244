/**
 * Concatenation of separately normalised pieces (the lines of one paragraph)
 * into one mapped text, the way `normalizeText` would have joined them.
 */
import type { Span } from '../types.ts';
import { fullWidthCode, isCjkLikeCode, isSharedPunctCode, isSpaceCode } from './char-class.ts';
import type { MappedText } from './normalize.ts';

/** A normalised piece with bold spans in its own coordinates. */
export interface MappedPiece extends MappedText {
  bold: readonly Span[];
}

/** A joined text with its bold spans. */
export interface JoinedText extends MappedText {
  bold: [number, number][];
}

function cjkish(c: number): boolean {
  return isCjkLikeCode(c) || isSharedPunctCode(c);
}

/**
 * Join pieces: nothing between them when either side of the joint is CJK or
 * CJK punctuation (a hard wrap inside Chinese text), one space between two
 * Latin/digit sides (a wrap between words; its offset is the raw offset just
 * after the previous piece). A half-width `, ; : ? ! ( )` at a joint turns
 * full-width when the other side is CJK. Empty pieces are skipped.
 */
export function joinPieces(pieces: readonly MappedPiece[]): JoinedText {
  let total = 1;
  let nonEmpty = 0;
  let only: MappedPiece | undefined;
  for (const piece of pieces) {
    total += piece.text.length + 1;
    if (piece.text.length > 0) {
      nonEmpty++;
      only = piece;
    }
  }
  // One line (a paragraph per line, as in text exports): nothing to join.
  // Its map is copied all the same: a line's map may be a view of a buffer
  // shared with other lines, and the result must own its offsets.
  if (nonEmpty === 1 && only !== undefined) {
    const n = only.text.length;
    const bold = only.bold.map(([a, b]) => [a, b] as [number, number]);
    return { text: only.text, offsets: only.offsets.slice(0, n + 1), bold };
  }
  const texts: string[] = [];
  const offs = new Int32Array(total);
  const bold: [number, number][] = [];
  let len = 0;
  let prevLast = -1;
  let prevEnd = 0;
  for (const piece of pieces) {
    let text = piece.text;
    if (text.length === 0) continue;
    const first = text.charCodeAt(0);
    if (len > 0) {
      if (!cjkish(prevLast) && !cjkish(first) && !isSpaceCode(prevLast) && !isSpaceCode(first)) {
        texts.push(' ');
        offs[len] = prevEnd;
        len++;
      } else {
        // Convert a half-width mark at the end of the previous piece / start
        // of this one (`prevLast` is the last unit of the previous text).
        const fullPrev = fullWidthCode(prevLast);
        if (fullPrev !== 0 && cjkish(first)) {
          const lastText = texts[texts.length - 1]!;
          texts[texts.length - 1] = lastText.slice(0, -1) + String.fromCharCode(fullPrev);
        }
        const fullFirst = fullWidthCode(first);
        if (fullFirst !== 0 && cjkish(prevLast)) {
          text = String.fromCharCode(fullFirst) + text.slice(1);
        }
      }
    }
    for (const span of piece.bold) bold.push([span[0] + len, span[1] + len]);
    texts.push(text);
    // A plain loop: pieces are short lines, and a subarray view per piece for
    // `offs.set` costs more than copying a few dozen entries.
    const src = piece.offsets;
    for (let i = 0; i < text.length; i++) offs[len + i] = src[i]!;
    len += text.length;
    prevLast = text.charCodeAt(text.length - 1);
    prevEnd = src[text.length]!;
  }
  offs[len] = prevEnd;
  // A view, not a copy: the buffer is fresh and only its unused tail (at most
  // one slot per piece) is left out.
  return { text: texts.join(''), offsets: offs.subarray(0, len + 1), bold };
}
