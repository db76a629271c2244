/**
 * The plain-text front end: text extracted from PDF newspaper and magazine
 * pages, or pasted text, to a {@link BlockDoc}.
 *
 * Lines are normalised one by one (whitespace next to CJK removed, half-width
 * punctuation made full-width, fake-bold doubling undone and reported as
 * bold), grouped into paragraphs (lib/text/paragraphs.ts), and each paragraph
 * becomes one `paragraph` block whose offsets point into the original input.
 * Heading decisions are left to the recogniser.
 */
import type { Block, BlockDoc, Span } from '../types.ts';
import { mergeSpans } from '../text/fake-bold.ts';
import { joinPieces, type MappedPiece } from '../text/line-join.ts';
import { splitLines, type TextLine } from '../text/lines.ts';
import { groupLines, measureLayout, repairBreaks } from '../text/paragraphs.ts';
import { trailingNoteStart } from '../text/trailing-note.ts';

/**
 * Longest line that counts as a repeated headline when printed twice in a
 * row; body lines never repeat verbatim, and a limit keeps e.g. two identical
 * reference entries apart.
 */
const MAX_REPEATED_LINE = 40;

/**
 * Drop a line that repeats the previous one verbatim (a headline printed
 * twice by a fake-bold PDF) and mark the kept one bold.
 */
function dropRepeatedLines(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const text = line.piece.text;
    if (
      prev &&
      !line.blank &&
      text === prev.piece.text &&
      text.length <= MAX_REPEATED_LINE &&
      !/[，、；,;]$/.test(text) // a headline never ends inside a sentence
    ) {
      const bold: [number, number][] = [[0, text.length]];
      out[out.length - 1] = {
        ...prev,
        piece: { ...prev.piece, bold },
        fullyBold: true,
        startsBold: true,
      };
      continue;
    }
    out.push(line);
  }
  return out;
}

/** A paragraph block of `text[start, end)`, with its offsets and the bold spans inside it. */
function sliceBlock(
  text: string,
  offsets: Int32Array,
  bold: readonly Span[],
  start: number,
  end: number,
): Block {
  const spans: [number, number][] = [];
  for (const [a, b] of bold) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (e > s) spans.push([s - start, e - start]);
  }
  return {
    kind: 'paragraph',
    text: text.slice(start, end),
    bold: spans,
    // The paragraph's own map when the block is the whole paragraph, else a
    // view into it, not a copy: offsets are never written after this point.
    source: {
      kind: 'text',
      offsets:
        start === 0 && end + 1 === offsets.length ? offsets : offsets.subarray(start, end + 1),
    },
  };
}

/**
 * Cut plain text into blocks.
 *
 * @param raw text as extracted (hard wraps, blank lines, doubled glyphs…)
 * @returns a `text` BlockDoc: one `paragraph` block per rebuilt paragraph,
 *   never an empty block; `hints` is empty (plain text has no metadata)
 */
export function blocksFromText(raw: string): BlockDoc {
  const lines = dropRepeatedLines(splitLines(raw));
  const layout = measureLayout(lines);
  const paragraphs = repairBreaks(groupLines(lines, layout), layout);
  const blocks: Block[] = [];
  for (const p of paragraphs) {
    const pieces: MappedPiece[] = p.lines.map((l) => l.piece);
    const joined = joinPieces(pieces);
    if (joined.text.length === 0) continue;
    const bold = mergeSpans(joined.bold);
    const cut = trailingNoteStart(joined.text);
    if (cut > 0) {
      blocks.push(sliceBlock(joined.text, joined.offsets, bold, 0, cut));
      blocks.push(sliceBlock(joined.text, joined.offsets, bold, cut, joined.text.length));
    } else {
      blocks.push(sliceBlock(joined.text, joined.offsets, bold, 0, joined.text.length));
    }
  }
  return { format: 'text', blocks, hints: {} };
}
