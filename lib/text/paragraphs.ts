/**
 * Rebuilding paragraphs from the physical lines of PDF-extracted text.
 *
 * Two passes:
 * 1. {@link groupLines} joins the hard-wrapped lines of each blank-line
 *    separated chunk, cutting a chunk where the lines themselves show a
 *    paragraph end (a short line ending a sentence, an ordinal marker after a
 *    sentence end, an indent, a byline, page furniture, a doubled headline);
 * 2. {@link repairBreaks} glues back paragraphs that a blank line cut in the
 *    middle of a sentence, while keeping short subheadings on their own.
 */
import {
  displayWidth,
  endsSentence,
  hasSentenceEnd,
  isNameLine,
  startsWithMarker,
  type LineKind,
} from './line-kind.ts';
import type { TextLine } from './lines.ts';

/** A rebuilt paragraph: its lines in order. */
export interface Paragraph {
  lines: TextLine[];
  /** Separated from the previous paragraph by a blank line (or an unwrapped line break). */
  afterBreak: boolean;
  kind: LineKind;
}

/** Document-wide layout evidence, measured once. */
export interface Layout {
  /** Typical width of a full line (CJK columns); Infinity when lines are not hard-wrapped. */
  column: number;
  /** Blank lines separate paragraphs (so a short line inside a chunk is a lead, not an end). */
  blankSeparated: boolean;
  /** Indents are rare enough to mark paragraph starts. */
  indentMarksParagraphs: boolean;
}

/**
 * A line this much narrower than the column is "short". Justified full lines
 * vary by about one column (hanging punctuation, half-width digits), so 2
 * keeps full lines out while a lost two-character indent still counts.
 */
const SHORT_SLACK = 2;

/**
 * Widest column treated as a hard wrap. Newspaper and magazine columns hold
 * 10–40 characters; lines of 60+ are whole paragraphs from a text export.
 */
const MAX_WRAP_COLUMN = 60;

/** Longest subheading, in CJK columns: governance-essay headings run 8–30 characters. */
export const HEADING_MAX_WIDTH = 40;

/** Fewer wrapped lines than this give no reliable column width. */
const MIN_WRAPPED_LINES = 4;

/**
 * Narrowest column treated as a hard wrap: newspaper columns hold at least
 * ~10 characters; narrower "columns" are lists of short titles and labels.
 */
const MIN_WRAP_COLUMN = 8;

/**
 * Indents mark paragraph starts only when under this share of lines is
 * indented (otherwise the extractor indents every line, or indents wrap lines).
 */
const MAX_INDENT_SHARE = 0.4;

/**
 * Share of wrapped lines that must be within {@link SHORT_SLACK} of the
 * column width: a hard-wrapped page is made of equal full lines (over 80% in
 * the newspaper samples); a page of one paragraph per line is not.
 */
const MIN_FULL_SHARE = 0.5;

function mostlyNear(values: readonly number[], column: number): boolean {
  let near = 0;
  for (const v of values) if (Math.abs(v - column) <= SHORT_SLACK) near++;
  return near >= MIN_FULL_SHARE * values.length;
}

function median(values: number[]): number {
  // A typed array sorts numbers natively, without a comparator call per step.
  const sorted = Float64Array.from(values).sort();
  return sorted.length > 0 ? sorted[sorted.length >> 1]! : Infinity;
}

/** Measure the layout of a document's lines. */
export function measureLayout(lines: readonly TextLine[]): Layout {
  const inner: number[] = [];
  let nonBlank = 0;
  let indented = 0;
  let chunks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    nonBlank++;
    if (line.indented) indented++;
    if (i > 0 && lines[i - 1]!.blank && nonBlank > 1) chunks++;
    const next = lines[i + 1];
    if (next && !next.blank && line.kind === null && !line.fullyBold) inner.push(line.width);
  }
  let column = inner.length >= MIN_WRAPPED_LINES ? median(inner) : Infinity;
  if (column >= MAX_WRAP_COLUMN || column < MIN_WRAP_COLUMN || !mostlyNear(inner, column)) {
    column = Infinity;
  }
  // Short sentence-final lines followed by more text in the same chunk: internal
  // paragraph ends if the page has no blank lines, leads if it has.
  let internal = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (
      !line.blank &&
      !lines[i + 1]!.blank &&
      isShort(line, column) &&
      endsSentence(line.piece.text)
    )
      internal++;
  }
  return {
    column,
    // A page that separates paragraphs by blank lines has a blank gap per
    // paragraph, far more than short sentence-final lines inside chunks
    // (those are then only leads); 2× leaves room for a few of both.
    blankSeparated: chunks > 0 && chunks >= 2 * internal,
    indentMarksParagraphs: indented > 0 && indented < MAX_INDENT_SHARE * nonBlank,
  };
}

function isShort(line: TextLine, column: number): boolean {
  return column !== Infinity && line.width <= column - SHORT_SLACK;
}

/** A chunk-final bold line, a name-only line, etc. is followed by a break. */
function closesGroup(group: Paragraph, layout: Layout): boolean {
  const last = group.lines[group.lines.length - 1]!;
  if (group.kind === 'affiliation') return /[）)]$/.test(last.piece.text);
  if (group.kind !== null) return true;
  // A lone name line opening a group is a byline (a paragraph's first line is
  // never 2–4 characters in a column of 8 or more).
  return group.lines.length === 1 && layout.column >= 8 && isNameLine(last.spaced);
}

/** Whether a paragraph starts at line `m`, which directly follows line `l`. */
function breaksBetween(
  group: Paragraph,
  l: TextLine,
  m: TextLine,
  mLastInChunk: boolean,
  layout: Layout,
): boolean {
  if (layout.column === Infinity) return true; // not hard-wrapped: a line is a paragraph
  if (l.width > layout.column + 2 * SHORT_SLACK) return true; // wider than the column: not a wrap
  if (m.kind !== null || closesGroup(group, layout)) return true;
  if (group.kind === 'affiliation') return false;
  const lText = l.piece.text;
  const lEnds = endsSentence(lText);
  // A doubled (bold) line that does not end a sentence and is not continued by
  // bold text is a headline; a bold line after a sentence end starts a unit.
  if (l.fullyBold && !m.startsBold && !lEnds && !/[，、]$/.test(lText)) return true;
  if (m.fullyBold && !l.fullyBold && (lEnds || isShort(l, layout.column))) return true;
  // A name line closing a chunk after a title line or a finished sentence: a byline.
  if (mLastInChunk && isNameLine(m.spaced)) {
    if (lEnds || (group.lines.length === 1 && !hasSentenceEnd(lText))) return true;
  }
  if (layout.indentMarksParagraphs && m.indented) return true;
  if (lEnds && startsWithMarker(m.piece.text)) {
    if (isShort(l, layout.column) || !layout.blankSeparated) return true;
  }
  if (!layout.blankSeparated && lEnds) {
    if (isShort(l, layout.column)) return true; // the short last line of a paragraph
    // The extractor dropped the indent: a short first line after a sentence end.
    if (!mLastInChunk && isShort(m, layout.column) && !endsSentence(m.piece.text)) return true;
  }
  return false;
}

/** Pass 1: group lines into paragraphs (see the module comment). */
export function groupLines(lines: readonly TextLine[], layout: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  let group: Paragraph | null = null;
  let sawBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) {
      sawBlank = true;
      group = null;
      continue;
    }
    const next = lines[i + 1];
    const lastInChunk = next === undefined || next.blank;
    const prev = group?.lines[group.lines.length - 1];
    if (group && prev && !breaksBetween(group, prev, line, lastInChunk, layout)) {
      group.lines.push(line);
    } else {
      const afterBreak: boolean = out.length > 0 && (sawBlank || layout.column === Infinity);
      const started: Paragraph = { lines: [line], afterBreak, kind: line.kind };
      group = started;
      out.push(started);
    }
    sawBlank = false;
  }
  return out;
}

function paragraphText(p: Paragraph): string {
  let s = '';
  for (const line of p.lines) s += line.piece.text;
  return s;
}

/**
 * An opening quote this close to the end is still open: quoted slogans and
 * phrases are short; a lone “ far back is more likely an extraction slip.
 */
const MAX_OPEN_QUOTE = 20;

/**
 * Particles and conjunctions that never end a sentence or a subheading. Words
 * that may close a compound (对 in 应对, 向 in 导向, 及 in 普及, 在 in 所在)
 * are left out on purpose.
 */
const OPEN_PARTICLES = '的和与或把被从';

/** Characters that can't open a paragraph: the text before must go on. */
const CONTINUATION_STARTS = '，。、；：”’）》,.;:)';

/** Closing punctuation is missing and the text stops inside a phrase. */
function openEnd(text: string): 'strong' | 'weak' | null {
  if (text.length === 0 || endsSentence(text)) return null;
  const last = text[text.length - 1]!;
  // A comma, enumeration comma, opening quote/bracket or colon can't end a paragraph.
  if ('，、“‘（《,'.includes(last)) return 'strong'; // a colon may close 同志们：, so it stays weak
  // Function words that can't close a sentence or a heading (…为主要内容的 | “接诉即办”).
  if (OPEN_PARTICLES.includes(last)) return 'strong';
  // Inside an open quotation (要聚焦“全省 | 第一、全国一流”): the quote must go on.
  const open = text.lastIndexOf('“');
  if (open >= 0 && open > text.lastIndexOf('”') && text.length - open <= MAX_OPEN_QUOTE)
    return 'strong';
  return 'weak'; // a character mid-word, or a closing quote without a sentence end
}

/** A short block without any sentence end: a heading, title or label. */
function headingLike(text: string): boolean {
  return !hasSentenceEnd(text) && displayWidth(text) <= HEADING_MAX_WIDTH && !/[，、]$/.test(text);
}

/**
 * Pass 2: merge a paragraph into the previous one when a blank line (or an
 * unwrapped line break) cut a sentence: the previous one is running text (has
 * a sentence end, or is too wide for a heading) and stops mid-phrase, and the
 * next one doesn't open a new unit (ordinal marker, bold start, indent, a
 * short heading-like chunk, a byline or furniture). A previous text ending in
 * ，、“（ is cut for sure, so the next may then even start with a marker
 * (要聚焦“全省 | 第一、全国一流”目标).
 */
export function repairBreaks(paras: readonly Paragraph[], layout: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  let prevText = '';
  for (const p of paras) {
    const q = out[out.length - 1];
    const text = paragraphText(p);
    if (q && p.afterBreak && q.kind === null && p.kind === null) {
      const qLast = q.lines[q.lines.length - 1]!;
      const pFirst = p.lines[0]!;
      const qBody = hasSentenceEnd(prevText) || displayWidth(prevText) > HEADING_MAX_WIDTH;
      const startsUnit =
        pFirst.startsBold ||
        qLast.fullyBold ||
        (layout.indentMarksParagraphs && pFirst.indented) ||
        headingLike(text) ||
        isNameLine(pFirst.spaced);
      const marker = startsWithMarker(text);
      const open = CONTINUATION_STARTS.includes(text[0] ?? '') ? 'strong' : openEnd(prevText);
      if (
        open !== null &&
        (qBody || open === 'strong') &&
        (open === 'strong' || (!startsUnit && !marker))
      ) {
        q.lines.push(...p.lines);
        prevText += text;
        continue;
      }
    }
    out.push({ ...p, lines: p.lines.slice() });
    prevText = text;
  }
  return out;
}
