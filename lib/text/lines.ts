/**
 * Cutting plain text into lines, each normalised on its own with fake-bold
 * doubling undone, and described by the features paragraph rebuilding needs.
 */
import { isSpaceCode } from './char-class.ts';
import { undoFakeBold } from './fake-bold.ts';
import { classifyLine, displayWidth, type LineKind } from './line-kind.ts';
import type { MappedPiece } from './line-join.ts';
import { normalizeText } from './normalize.ts';
import { OffsetArena } from './offset-arena.ts';

/** One physical line of the raw input. */
export interface TextLine {
  /** Raw offset of the line's first character. */
  start: number;
  /** Raw offset just past the line's last character (before its line break). */
  end: number;
  /** Normalised, de-doubled text with its offsets into the whole raw input and bold spans. */
  piece: MappedPiece;
  /** No visible character. */
  blank: boolean;
  /** The line opens with whitespace (a paragraph indent, where the extractor kept it). */
  indented: boolean;
  /** The whole line was printed doubled (fake bold): a headline or a bold line. */
  fullyBold: boolean;
  /** The line starts inside a bold run. */
  startsBold: boolean;
  /** Raw text with whitespace runs collapsed to one space (names stay apart: 王乐文 李明). */
  spaced: string;
  kind: LineKind;
  /** Display width of the normalised text in CJK columns. */
  width: number;
}

/** Characters of a line looked at to classify it (longer than any byline or furniture line). */
const CLASSIFY_PREFIX = 64;

/** Collapse whitespace runs to one space and trim (linear, no regex). */
function collapseSpaces(s: string): string {
  // Copy runs of non-space text as slices, not character by character; a
  // line without whitespace (most CJK lines) is returned as it is.
  let out = '';
  let runStart = -1; // start of the current non-space run, or -1
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // CJK and printable ASCII are never whitespace: skip the full test for them.
    if (c > 0x3000 || (c > 0x20 && c < 0x7f) || !isSpaceCode(c)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      out += out.length > 0 ? ' ' + s.slice(runStart, i) : s.slice(runStart, i);
      runStart = -1;
    }
  }
  if (runStart === 0) return s;
  if (runStart > 0) out += out.length > 0 ? ' ' + s.slice(runStart) : s.slice(runStart);
  return out;
}

/**
 * Build the features of the line `raw[start, end)`.
 *
 * @param arena where the line's offset map is taken from; without one it is
 *   a fresh array
 */
export function scanLine(raw: string, start: number, end: number, arena?: OffsetArena): TextLine {
  const slice = raw.slice(start, end);
  const undone = undoFakeBold(normalizeText(slice, start, arena), arena);
  const len = undone.text.length;
  const first = undone.bold[0];
  const fullyBold = len > 0 && first !== undefined && first[0] === 0 && first[1] === len;
  // Line classes are short (bylines, furniture) or told by their start
  // (affiliation, references): a prefix is enough for long lines.
  const head = slice.length > CLASSIFY_PREFIX ? slice.slice(0, CLASSIFY_PREFIX) : slice;
  const spaced = fullyBold ? undone.text : collapseSpaces(head);
  return {
    start,
    end,
    piece: undone,
    blank: len === 0,
    indented: slice.length > 0 && isSpaceCode(slice.charCodeAt(0)),
    fullyBold,
    startsBold: first !== undefined && first[0] === 0,
    spaced,
    kind: classifyLine(spaced, slice.length > CLASSIFY_PREFIX ? Infinity : spaced.length),
    width: displayWidth(undone.text),
  };
}

/**
 * Split raw text at `\n`, `\r\n` and `\r` into scanned lines.
 *
 * The lines' offset maps are views of a few shared chunks (see
 * {@link OffsetArena}): copy them before keeping them past the lines.
 */
export function splitLines(raw: string): TextLine[] {
  const lines: TextLine[] = [];
  const arena = new OffsetArena();
  let start = 0;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) continue;
    lines.push(scanLine(raw, start, i, arena));
    if (c === 0x0d && i + 1 < n && raw.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  if (start < n || n === 0) lines.push(scanLine(raw, start, n, arena));
  return lines;
}
