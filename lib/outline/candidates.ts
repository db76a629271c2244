/**
 * Block-level point candidates: what opens each body block (a marker, a bold
 * run, a heading tag, a reporting formula), before any sibling check.
 */
import type { Block, NodeKind } from '../types.ts';
import { matchMarkerAt, type MarkerMatch } from './markers.ts';
import { onlyPunctuationAfter, pointEnd, sentenceEnd } from './point-text.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import type { InlinePoint } from './inline.ts';

/**
 * How strongly a node structures the text: a heading outranks a paragraph
 * lead, which outranks an inline point. A new family pops weaker ones.
 */
export type Strength = 0 | 1 | 2;

/** A possible outline node found at the start of a block. */
export interface Candidate {
  block: number;
  /** Family key: `m:shi`, `h:3`, `bold-heading`, `bold-lead`, `plain-heading`, `report`, `parallel`. */
  family: string;
  /** 1-based ordinal for marker families; 0 where the family does not count. */
  ordinal: number;
  marker: string | null;
  /** Offsets of the point's own words in the block text. */
  textStart: number;
  textEnd: number;
  kind: NodeKind;
  strength: Strength;
  /** A heading printed on two lines: the block of its second line, whose words it adds. */
  joined?: number;
}

/** True for a character code that is a letter, digit or ideograph (not space, punctuation or symbol). */
export function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  // General punctuation, CJK symbols and punctuation, full-width forms' punctuation, boxes and arrows.
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f))
    return false;
  if (c >= 0xff00 && c <= 0xffef)
    return (
      (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)
    );
  return c > 0xbf && c !== 0xd7 && c !== 0xf7;
}

/** Number of non-space, non-punctuation characters in `text[a, b)`. */
function letters(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (isLetterCode(text.charCodeAt(i))) n++;
  return n;
}

/** Characters covered by bold runs. */
function boldLetters(block: Block): number {
  let n = 0;
  for (const [a, b] of block.bold) n += letters(block.text, a, b);
  return n;
}

/** The bold run that starts at (or within a few characters of) `pos`, if any. */
export function boldRunAt(block: Block, pos: number): readonly [number, number] | null {
  // Runs are sorted and disjoint, so their ends rise: the first run ending past `pos`
  // is the only one that can hold it (a binary search: a block may have 80,000 runs).
  const runs = block.bold;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]![1] > pos) hi = mid;
    else lo = mid + 1;
  }
  const run = runs[lo];
  // A run may begin on an opening bracket or quotation mark before `pos`.
  return run && run[0] <= pos + 1 ? run : null;
}

/** True when the block reads as a bold line: (almost) all of it is bold. */
export function isWholeBold(block: Block, share = DEFAULT_SETTINGS.wholeBold): boolean {
  if (block.bold.length === 0) return false;
  const all = letters(block.text, 0, block.text.length);
  return all > 0 && boldLetters(block) >= all * share;
}

/** Where a lead's words end: the bold run's end when it is bold, else the first sentence's end. */
function leadEnd(block: Block, start: number, minBold: number): number {
  const t = block.text;
  const stop = pointEnd(t, start);
  const run = boldRunAt(block, start);
  if (run && run[1] - start >= minBold && run[1] < stop) return run[1];
  return stop;
}

/**
 * A reporting formula at a paragraph's start: 会议指出，… 习近平强调，… 他强调，…
 * 卢启明在讲话中指出，… (a phrase may stand between speaker and verb). Only the
 * verbs the guideline names: 表示/介绍/说 report a quote, not a point.
 */
const REPORT =
  /^(?:[^，。；！？]{2,16}，)?((?:会议|全会|座谈会|会上|他|她|[\u4e00-\u9fff]{2,4})(?:在[^，。；！？]{1,14}?(?:中|上|时|期间))?(?:指出|强调|要求))[，：:]/;
/** Subjects that make 指出/强调 narrative rather than a report's structure. */
const NOT_SPEAKERS =
  /^(文章|报告|文件|意见|通知|讲话|公报|决定|规划|方案|纲要|研究|调查|数据|专家|记者|他们|我们|有关|相关|同时|此外|其中|这里|这是)/;

/**
 * An unnumbered candidate whose words open its block, up to `textEnd`: the
 * shape every group recogniser gives (set-off leads, frames, one-sentence headings).
 */
export function openingCandidate(
  block: number,
  family: string,
  textEnd: number,
  kind: NodeKind = 'lead',
): Candidate {
  return {
    block,
    family,
    ordinal: 0,
    marker: null,
    textStart: 0,
    textEnd,
    kind,
    strength: kind === 'heading' ? 2 : 1,
  };
}

/** The family of reporting statements inside a paragraph. */
export const REPORT_INLINE = 'report-inline';
/** A reporting formula opening a sentence inside a paragraph: …在新疆调研。他强调，要… */
const REPORT_IN_TEXT =
  /(?:^|[。！？；])\s*((?:他|她|[\u4e00-\u9fff]{2,4})(?:在[^，。；！？]{1,14}?(?:中|上|时|期间))?(?:指出|强调|要求))[，：:]/g;

/**
 * Reporting statements inside a paragraph, from offset `from`: each sentence
 * that opens with 他强调， / 李强指出， …; the statement's words up to the
 * sentence's end, the formula as marker.
 */
export function reportSentences(text: string, from = 0): InlinePoint[] {
  const out: InlinePoint[] = [];
  REPORT_IN_TEXT.lastIndex = Math.max(0, from);
  for (let m = REPORT_IN_TEXT.exec(text); m; m = REPORT_IN_TEXT.exec(text)) {
    if (NOT_SPEAKERS.test(m[1]!)) continue;
    const start = m.index + m[0].length;
    out.push({
      family: REPORT_INLINE,
      ordinal: 0,
      marker: m[1]!,
      start: m.index + m[0].indexOf(m[1]!),
      textStart: start,
      textEnd: sentenceEnd(text, start),
      children: [],
    });
  }
  return out;
}

/** What a block recogniser sees: the block, where it stands, and the settings. */
export interface BlockContext {
  block: Block;
  index: number;
  /** All the document's blocks: a recogniser may look at the neighbours. */
  blocks: readonly Block[];
  /** The document's format: 'html', 'markdown' or 'text'. */
  format: string;
  settings: Settings;
  /** True when (almost) all of the block is bold. */
  wholeBold: boolean;
  /** True when the block holds words (not bare numbers or signs). */
  hasWords: boolean;
}

/** A named recogniser of what opens one block; the first that answers wins. */
export interface BlockRecogniser {
  name: string;
  recognise(ctx: BlockContext): Candidate | null;
}

/** 一、 （一） 1. 一是 首先 …: an ordinal marker opens the block. */
function markerCandidate({ block, index, settings, wholeBold }: BlockContext): Candidate | null {
  const t = block.text;
  const marker: MarkerMatch | null = matchMarkerAt(t, 0);
  if (!marker) return null;
  const end = leadEnd(block, marker.end, settings.minBoldLead);
  // A line of its own is a heading (（二）基本原则。 too); a sentence of several clauses closed
  // by a full stop is a one-sentence paragraph (另一类是，…打了退堂鼓。), unless the page sets
  // it as a heading.
  const standalone =
    onlyPunctuationAfter(t, end) &&
    (block.kind === 'heading' ||
      wholeBold ||
      (t.length <= settings.maxHeading && (!/[。！？!?]$/.test(t) || !/[，,；;]/.test(t))));
  return {
    block: index,
    family: `m:${marker.family}`,
    ordinal: marker.ordinal,
    marker: marker.marker,
    textStart: marker.end,
    textEnd: end,
    kind: standalone ? 'heading' : 'lead',
    strength: standalone ? 2 : 1,
  };
}

/** An `<h2>`…`<h6>` (or Markdown `##`) subheading. */
function headingTag({ block, index, hasWords }: BlockContext): Candidate | null {
  if (!hasWords || block.kind !== 'heading' || !block.headingLevel) return null;
  return heading(index, `h:${block.headingLevel}`, block.text.length);
}

/** A short line that is all bold. */
function boldHeading({
  block,
  index,
  hasWords,
  wholeBold,
  settings,
}: BlockContext): Candidate | null {
  if (!hasWords || !wholeBold || block.text.length > settings.maxHeading) return null;
  // A bold line of sentences (政绩观体现发展观。新时代政绩观是…) is a layer of its own below
  // bold phrase headings (洲滩万亩芦苇：“荒野弃儿”变“资源宠儿”).
  const family = /[。！？!?]./.test(block.text) ? 'bold-sentences' : 'bold-heading';
  return heading(index, family, block.text.length);
}

/** A paragraph that opens with a bold phrase or short claim. */
function boldLead({ block, index, hasWords, settings }: BlockContext): Candidate | null {
  const t = block.text;
  const run = hasWords ? boldRunAt(block, 0) : null;
  if (!run) return null;
  const boldLength = letters(t, run[0], run[1]);
  if (
    boldLength < settings.minBoldLead ||
    boldLength > settings.maxBoldLead ||
    onlyPunctuationAfter(t, run[1])
  )
    return null;
  return {
    block: index,
    family: 'bold-lead',
    ordinal: 0,
    marker: null,
    textStart: run[0],
    textEnd: Math.min(run[1], sentenceEnd(t, run[0])),
    kind: 'lead',
    strength: 1,
  };
}

/** 会议指出，… 习近平强调，…: a reporting formula opens the paragraph. */
function report({ block, index, hasWords }: BlockContext): Candidate | null {
  const t = block.text;
  const rep = hasWords ? REPORT.exec(t) : null;
  if (!rep || !rep[1] || NOT_SPEAKERS.test(rep[1])) return null;
  const start = rep[0].length;
  return {
    block: index,
    family: 'report',
    ordinal: 0,
    marker: rep[1],
    textStart: start,
    textEnd: sentenceEnd(t, start),
    kind: 'lead',
    strength: 1,
  };
}

/**
 * A short standalone line with no closing punctuation. On a web page such
 * lines are also captions, labels and navigation, so there it must stand
 * between two body paragraphs (each a sentence, closed by punctuation).
 */
function plainHeading(ctx: BlockContext): Candidate | null {
  const { block, index, format, hasWords, settings } = ctx;
  if (!hasWords || !(looksLikePlainHeading(block.text, settings) || isSectionFrame(block)))
    return null;
  if (
    format === 'html' &&
    !(isBodyParagraph(ctx.blocks[index - 1]) && isBodyParagraph(ctx.blocks[index + 1]))
  )
    return null;
  return heading(index, 'plain-heading', block.text.length);
}

/** Shortest body paragraph next to a web page's plain subheading. */
const MIN_NEIGHBOUR = 20;

/** A paragraph of running text: long enough, closed by sentence punctuation, not bold or a heading. */
export function isBodyParagraph(b: Block | undefined): boolean {
  if (!b || b.kind === 'heading' || b.text.length < MIN_NEIGHBOUR) return false;
  return /[。！？!?…”」』）)]$/.test(b.text) && !isWholeBold(b);
}

/** The family of an essay's framing sections (引言, 结语) among its numbered ones. */
export const SECTION_FRAME = 'section-frame';
/** Names of framing sections. */
const FRAME_NAMES = /^(?:引言|前言|导言|导语|绪论|绪言|结语|结束语|小结|总结|余论|结论|尾声)$/;

/** True when a heading candidate names a framing section (引  言, 结语). */
export function isSectionFrame(block: Block): boolean {
  return FRAME_NAMES.test(block.text.replace(/[\s\u3000]/g, ''));
}

/** True when the whole block is one quotation: “…” with no words outside it. */
export function isQuotationLine(t: string): boolean {
  return (
    /^[“「『"]/.test(t) &&
    /[”」』"]$/.test(t) &&
    !/[”」』"]/.test(t.slice(1, -1).replace(/[“”][^“”]*[“”]/g, ''))
  );
}

/** Goals set by a year: 到2018年，… / 到2025年底，… (plans and work reports set their targets so). */
const YEAR_FRAME = /^到\s*\d{4}\s*年(?:底|末)?[，,]/;

/** A paragraph that opens on a target year. */
function yearFrame({ block, index }: BlockContext): Candidate | null {
  const t = block.text;
  return YEAR_FRAME.test(t) ? openingCandidate(index, 'year-frame', sentenceEnd(t, 0)) : null;
}

/** The block recognisers, in the order they are asked. */
export const BLOCK_RECOGNISERS: readonly BlockRecogniser[] = [
  { name: 'marker', recognise: markerCandidate },
  { name: 'heading-tag', recognise: headingTag },
  { name: 'bold-heading', recognise: boldHeading },
  { name: 'bold-lead', recognise: boldLead },
  { name: 'report', recognise: report },
  { name: 'year-frame', recognise: yearFrame },
  { name: 'plain-heading', recognise: plainHeading },
];

/** The block-level candidate opening `block`, or null for plain prose. */
export function blockCandidate(
  blocks: readonly Block[],
  index: number,
  format: string,
  settings: Settings = DEFAULT_SETTINGS,
): Candidate | null {
  const block = blocks[index]!;
  const t = block.text;
  const ctx: BlockContext = {
    block,
    index,
    blocks,
    format,
    settings,
    wholeBold: isWholeBold(block, settings.wholeBold),
    // A heading of bare numbers or signs (a section number printed alone: 1, 2, 3) says nothing.
    hasWords: letters(t, 0, t.length) >= 2 && /[\u4e00-\u9fffA-Za-z]/.test(t),
  };
  // A line that is all quotation (a speaker's words set apart: “远亲不如近邻。”) is narrative.
  if (isQuotationLine(t)) return null;
  for (const r of BLOCK_RECOGNISERS) {
    if (settings.off.includes(r.name)) continue;
    const c = r.recognise(ctx);
    if (c) return c;
  }
  return null;
}

/** A heading candidate: the whole of its block, up to `end`. */
const heading = (block: number, family: string, end: number): Candidate =>
  openingCandidate(block, family, end, 'heading');

/**
 * A short line with no closing punctuation, in plain text: a subheading
 * candidate (confirmed later only when it has siblings).
 */
function looksLikePlainHeading(t: string, s: Settings): boolean {
  if (t.length < s.plainHeadingMin || t.length > s.plainHeadingMax) return false;
  const last = t[t.length - 1] ?? '';
  if (/[。！？；…：:，,、）)—-]/.test(last)) return false;
  // Two sentences are a paragraph (a deck or a cut paragraph), not a heading.
  if (/[。！？!?]/.test(t)) return false;
  // Dates, page numbers and other furniture are filtered elsewhere; a heading holds CJK words.
  return letters(t, 0, t.length) >= s.plainHeadingMin && /[\u4e00-\u9fff]{2}/.test(t);
}
