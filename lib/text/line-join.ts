/**
 * Concatenation of separately normalised pieces (the lines of one paragraph)
 * into one mapped text, the way `normalizeText` would have joined them.
 */
import type { Span } from '../types.ts';
import { isCjkLikeCode, isSharedPunctCode, isSpaceCode } from './char-class.ts';
import type { MappedText } from './normalize.ts';

/** A normalised piece with bold spans in its own coordinates. */
export interface MappedPiece extends MappedText {
  bold: readonly Span[];
}

/** A joined text with its bold spans. */
export interface JoinedText extends MappedText {
  bold: [number, number][];
}

/** Half-width marks turned full-width when a line break put them next to CJK. */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

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
  // One line (a paragraph per line, as in text exports): nothing to join, so
  // its own map is the result; sharing it saves a copy per paragraph.
  if (nonEmpty === 1 && only !== undefined) {
    const n = only.text.length;
    const bold = only.bold.map(([a, b]) => [a, b] as [number, number]);
    const offsets = only.offsets.length === n + 1 ? only.offsets : only.offsets.subarray(0, n + 1);
    return { text: only.text, offsets, bold };
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
        // Convert a half-width mark at the end of the previous piece / start of this one.
        const lastText = texts[texts.length - 1]!;
        const lastCh = lastText[lastText.length - 1]!;
        const fullPrev = FULL_WIDTH[lastCh];
        if (fullPrev !== undefined && cjkish(first)) {
          texts[texts.length - 1] = lastText.slice(0, -1) + fullPrev;
        }
        const fullFirst = FULL_WIDTH[text[0]!];
        if (fullFirst !== undefined && cjkish(prevLast)) text = fullFirst + text.slice(1);
      }
    }
    for (const [a, b] of piece.bold) bold.push([a + len, b + len]);
    texts.push(text);
    offs.set(piece.offsets.subarray(0, text.length), len);
    len += text.length;
    prevLast = text.charCodeAt(text.length - 1);
    prevEnd = piece.offsets[text.length]!;
  }
  offs[len] = prevEnd;
  // A view, not a copy: the buffer is fresh and only its unused tail (at most
  // one slot per piece) is left out.
  return { text: texts.join(''), offsets: offs.subarray(0, len + 1), bold };
}
