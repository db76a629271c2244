/**
 * Ordinal markers of Chinese essays: 一是/二是, 一要, 其一, 第一, 首先/其次/最后,
 * 一方面/另一方面, 一、, （一）, 1、, 1., （1）, 1）, ①. A marker belongs to a
 * *family* (the way of counting) and carries an ordinal; siblings share a family.
 */

/** The ways of counting points. */
export type MarkerFamily =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'ar-dun' // 1、
  | 'ar-dot' // 1.  1．
  | 'ar-paren' // （1）
  | 'ar-rparen' // 1）
  | 'circled' // ①
  | 'shi' // 一是
  | 'yao' // 一要
  | 'qi' // 其一
  | 'di' // 第一，
  | 'seq' // 首先 其次 再次 最后
  | 'fangmian' // 一方面 另一方面
  | 'pair'; // 一类是 另一类是, 一种情况是 另一种情况是

/** A marker found in a text. */
export interface MarkerMatch {
  family: MarkerFamily;
  /** 1-based position in its series; {@link LAST} for 最后 / 另一方面. */
  ordinal: number;
  /** The marker as written, without following punctuation (一是, （一）, 1, 首先是). */
  marker: string;
  /** Offset of the marker's first character. */
  start: number;
  /** Offset just past the marker and any punctuation that follows it: where the point's words begin. */
  end: number;
}

/** Ordinal of a closing member (最后, 另一方面): it may follow any ordinal. */
export const LAST = 1000;

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses a Chinese numeral from 一 to 九十九; NaN where it is not one. */
export function parseCnNumber(s: string): number {
  if (s.length === 0 || s.length > 3) return NaN;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CN_DIGITS[s] ?? NaN) : NaN;
  const hi = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const loStr = s.slice(ten + 1);
  const lo = loStr === '' ? 0 : CN_DIGITS[loStr];
  if (hi === undefined || lo === undefined || ten > 1 || loStr.length > 1) return NaN;
  return hi * 10 + lo;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = '[一二三四五六七八九十]{1,3}';
/** Punctuation that may follow a marker before the point's words. */
const AFTER = '[，,、：:．.\\s]*';

interface Pattern {
  family: MarkerFamily;
  re: RegExp;
  ordinal: (m: RegExpExecArray) => number;
  /** The marker text to report, from the match. */
  marker: (m: RegExpExecArray) => string;
}

const cn = (m: RegExpExecArray) => parseCnNumber(m[1] ?? '');
const ar = (m: RegExpExecArray) => Number(m[1]);
const whole = (m: RegExpExecArray) => m[1] ?? m[0];

/**
 * Paragraph-opening patterns, tried in order at a position (sticky regexes).
 * Arabic numbers are limited to 1–2 digits so that years (2024年) never count.
 */
const LEAD_PATTERNS: Pattern[] = [
  {
    family: 'cn-paren',
    re: new RegExp(`[（(](${CN})[）)]${AFTER}`, 'y'),
    ordinal: cn,
    marker: (m) => `（${m[1]}）`,
  },
  {
    family: 'ar-paren',
    re: /[（(](\d{1,2})[）)][，,、：:．.\s]*/y,
    ordinal: ar,
    marker: (m) => `（${m[1]}）`,
  },
  {
    family: 'cn-dun',
    // 一、 一． and the half-width 一. (a Chinese numeral before a dot is never a decimal).
    re: new RegExp(`(${CN})[、．.][\\s]*`, 'y'),
    ordinal: cn,
    marker: whole,
  },
  // 1、 1. 1． — but not 1.5, 1.2万; a digit may not follow the dot.
  { family: 'ar-dun', re: /(\d{1,2})、\s*/y, ordinal: ar, marker: whole },
  { family: 'ar-dot', re: /(\d{1,2})[.．](?![\d])\s*/y, ordinal: ar, marker: whole },
  { family: 'ar-rparen', re: /(\d{1,2})[）)][，,、：:\s]*/y, ordinal: ar, marker: whole },
  {
    family: 'circled',
    re: new RegExp(`([${CIRCLED}])[，,、：:．.\\s]*`, 'y'),
    ordinal: (m) => CIRCLED.indexOf(m[1] ?? '') + 1,
    marker: whole,
  },
  // 一是 / 一是要 (marker 一是, the words keep 要) — 是 must not open a word such as 是否.
  {
    family: 'shi',
    re: new RegExp(`(${CN}是)(?![否非])${AFTER}`, 'y'),
    ordinal: (m) => parseCnNumber((m[1] ?? '').slice(0, -1)),
    marker: whole,
  },
  {
    family: 'yao',
    re: new RegExp(`(${CN}要)(?![求素点是])${AFTER}`, 'y'),
    ordinal: (m) => parseCnNumber((m[1] ?? '').slice(0, -1)),
    marker: whole,
  },
  {
    family: 'qi',
    re: new RegExp(`(其(${CN}))(?=[，,、：:是\\s])${AFTER}`, 'y'),
    ordinal: (m) => parseCnNumber(m[2] ?? ''),
    marker: whole,
  },
  // 第一，第二是 — punctuation or 是 must follow, so 第一次, 第一书记, 全球第一 never count.
  {
    family: 'di',
    re: new RegExp(`(第(${CN}))(?=[，,、：:是])${AFTER}`, 'y'),
    ordinal: (m) => parseCnNumber(m[2] ?? ''),
    marker: whole,
  },
  {
    family: 'seq',
    re: /((首先|其次|再次|最后)(?:是(?![否非]))?)(?=[，,：:\s]|是|要|[\u4e00-\u9fff])[，,：:\s]*/y,
    ordinal: (m) => ({ 首先: 1, 其次: 2, 再次: 3, 最后: LAST })[m[2] as '首先'] ?? NaN,
    marker: whole,
  },
  {
    family: 'fangmian',
    re: /((另)?一方面(?:是)?)[，,：:\s]*/y,
    ordinal: (m) => (m[2] ? LAST : 1),
    marker: whole,
  },
  // Paired openers: 一类是…另一类是…, 一种情况是…另一种情况是…; 是 must follow (这是一种… is prose).
  {
    family: 'pair',
    re: /((另)?一(?:类|种|部分)(?:情况|情形|做法|模式|观点|人)?是)[，,：:\s]*/y,
    ordinal: (m) => (m[2] ? LAST : 1),
    marker: whole,
  },
];

/**
 * The marker that opens `text` at `pos` (after skipping opening brackets such
 * as 【 or spaces), or null.
 */
export function matchMarkerAt(text: string, pos = 0): MarkerMatch | null {
  let p = pos;
  while (p < text.length && (text[p] === '【' || text[p] === ' ' || text[p] === '\u3000')) p++;
  for (const pat of LEAD_PATTERNS) {
    pat.re.lastIndex = p;
    const m = pat.re.exec(text);
    if (!m) continue;
    const ordinal = pat.ordinal(m);
    if (!(ordinal > 0)) continue;
    let end = p + m[0].length;
    // A marker must be followed by words: "一、" alone on a line is no point.
    if (end >= text.length) continue;
    if (text[end] === '】') end++;
    return { family: pat.family, ordinal, marker: pat.marker(m), start: p, end };
  }
  return null;
}

/** Families whose markers are trusted inside a running paragraph (inline points). */
const INLINE_FAMILIES = new Set<MarkerFamily>([
  'shi',
  'yao',
  'qi',
  'di',
  'seq',
  'fangmian',
  'pair',
  'ar-paren',
  'cn-paren',
  'circled',
  'ar-dun',
  // 1. and 1） inside a paragraph (…方向：1.要…；2.要…): decimals never match (a digit may not
  // follow the dot), and a series must count from 1 at clause boundaries.
  'ar-dot',
  'ar-rparen',
]);

/** Table by char code: 1 for characters after which an inline marker may start (a clause boundary). */
const BOUNDARY = new Uint8Array(0x10000);
for (const ch of '，,。；;：:！？!?、“”"（）() \u3000【】') BOUNDARY[ch.charCodeAt(0)] = 1;

/**
 * Table by char code: 1 for characters a marker can open with (numerals, 其 第
 * 首 再 最 另, brackets, digits, circled numbers, 【 and spaces before them).
 * Scanning a paragraph costs one table lookup per character; the marker
 * patterns run only where one could start.
 */
const OPENER = new Uint8Array(0x10000);
for (const ch of '一二三四五六七八九十其第首再最另（(【 \u3000' + CIRCLED + '0123456789')
  OPENER[ch.charCodeAt(0)] = 1;

/**
 * Every marker inside `text` at a clause boundary (or the start), of the
 * families that can mark inline points, in order.
 */
export function findMarkers(text: string): MarkerMatch[] {
  const out: MarkerMatch[] = [];
  for (let i = 0; i < text.length; i++) {
    if (OPENER[text.charCodeAt(i)] !== 1) continue;
    // 一方面 is a word of its own (所以一方面…，另一方面…): it needs no clause boundary before
    // it; its series check (另一方面 must follow) keeps 某一方面 out.
    if (
      i > 0 &&
      BOUNDARY[text.charCodeAt(i - 1)] !== 1 &&
      !text.startsWith('一方面', i) &&
      !text.startsWith('另一方面', i)
    )
      continue;
    const m = matchMarkerAt(text, i);
    if (m && m.start === i && INLINE_FAMILIES.has(m.family)) {
      out.push(m);
      i = m.end - 1;
    }
  }
  return out;
}
