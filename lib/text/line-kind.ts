/**
 * Classification of single normalised lines of plain text: ordinal markers,
 * bylines, affiliation notes, page furniture, sentence ends. Pure string tests,
 * all anchored and free of nested quantifiers (no catastrophic backtracking).
 */
import { isCjkCode, isClosingMarkCode, isSentenceEndCode } from './char-class.ts';

/** What a line is, when it is not ordinary running text. */
export type LineKind =
  | 'byline' // □ 张磊 · 本报记者 王乐文 · 文/李明 · 本报评论员
  | 'affiliation' // （作者单位：…） · 作者为… · 作者简介：
  | 'furniture' // 责任编辑 · 下转第X版 · 2021年12月30日 星期四 · 第5版
  | 'reference' // [1] … · - [1] … (a reference list entry)
  | null;

const CN_NUM = '[一二三四五六七八九十百零〇两]';

/**
 * Ordinal markers that open a structural unit: 一是 二要 三方面, 一、,
 * （一）, 1. 1、 (1), 第一， 其一， 首先 其次 再次 最后, 一方面 另一方面.
 */
const MARKER_RE = new RegExp(
  [
    `^${CN_NUM}{1,3}(?:是|要|方面|来|则|抓)`,
    `^${CN_NUM}{1,3}[、.．]`,
    `^[（(]${CN_NUM}{1,3}[）)]`,
    `^\\d{1,2}(?:[、．]|\\.(?!\\d))`,
    `^[（(]\\d{1,2}[）)]`,
    `^[①-⑳]`,
    `^第${CN_NUM}{1,3}[，,、：:是]`,
    `^其[一二三四五六七八九十]`,
    `^(?:首先|其次|再次|最后|此外|另外|另一方面|一方面)`,
  ].join('|'),
);

/** True when the text opens with an ordinal marker (一是, （一）, 1、, 第一，, 首先…). */
export function startsWithMarker(text: string): boolean {
  return MARKER_RE.test(text);
}

/** One to four names of 2–4 CJK characters, separated by spaces or 、. */
const NAMES = '[\\u4e00-\\u9fff·]{2,4}(?:[\\s、，,]{1,3}[\\u4e00-\\u9fff·]{2,4}){0,3}';
const BYLINE_RE = new RegExp(
  [
    '^[□■◇◆]', // newspaper byline box: □ 张磊
    `^(?:本报|新华社|人民日报)?(?:特约|实习)?(?:记者|通讯员)\\s*${NAMES}$`, // 本报记者 王乐文
    '^(?:本报|\\S{2,8})评论员$', // 本报评论员 · 经济日报评论员
    `^(?:文|撰文|作者)\\s*[／/：:]\\s*${NAMES}$`, // 文/李明 · 作者：张三
  ].join('|'),
);
const AFFILIATION_RE = /^(?:[（(]\s*作者|作者(?:单位|为|系|简介)|作者是)/;
const FURNITURE_RE = new RegExp(
  [
    '^(?:责任编辑|责编|编辑|校对|版式|美编|美术编辑|排版|组版|电话|邮箱|投稿邮箱|E-?mail)[：:\\s]',
    '^[（(]?(?:[上下][接转]|[接转])第[^）)\\s]{1,6}[版页]',
    '^第\\S{1,4}版',
    '^\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\s*星期.)?$',
    '^星期[一二三四五六日天]',
    '^[A-Z]?\\d{1,2}版$',
  ].join('|'),
);
const REFERENCE_RE = /^(?:-\s*)?\[\d{1,3}\]/;

/**
 * A name-only line: 2–4 CJK characters (one Chinese name, 4 covers compound
 * surnames and two-character given names), or several such names separated by
 * spaces or 、 (joint bylines). Ethnic names with · are allowed.
 */
const NAME_LINE_RE = /^[\u4e00-\u9fff·]{2,4}(?:[\s、，,][\u4e00-\u9fff·]{2,4}){0,3}$/;

/**
 * Classify a line by its raw text with whitespace runs collapsed (or a prefix
 * of it, with `length` the whole line's length). `null` means ordinary text.
 */
export function classifyLine(line: string, length = line.length): LineKind {
  if (line.length === 0) return null;
  if (AFFILIATION_RE.test(line)) return 'affiliation';
  if (REFERENCE_RE.test(line)) return 'reference';
  if (length <= 40 && FURNITURE_RE.test(line)) return 'furniture'; // furniture lines are short
  if (length <= 30 && BYLINE_RE.test(line)) return 'byline'; // a byline is a name or two and a title
  return null;
}

/** True for a line holding only a person's name or a few names (see NAME_LINE_RE). */
export function isNameLine(line: string): boolean {
  return line.length <= 24 && NAME_LINE_RE.test(line);
}

/**
 * True when the text ends a sentence: its last character is 。！？；… (or
 * their half-width forms), possibly followed by closing quotes/brackets.
 */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isClosingMarkCode(text.charCodeAt(i))) i--;
  return i >= 0 && isSentenceEndCode(text.charCodeAt(i));
}

/** True when the text contains a sentence end (。！？；) anywhere. */
export function hasSentenceEnd(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return true;
  }
  return false;
}

/**
 * Display width in CJK columns: CJK and full-width characters count 1,
 * ASCII and other narrow characters ½ (a PDF column of 13 ideographs holds
 * about 26 digits).
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2000 || (c >= 0xff61 && c <= 0xffdc)) w += 0.5;
    else if (c >= 0xdc00 && c <= 0xdfff)
      continue; // low surrogate: counted with its high half
    else w += 1;
  }
  return w;
}

/** True when the first character is CJK (used to tell running text from Latin lines). */
export function startsWithCjk(text: string): boolean {
  return text.length > 0 && isCjkCode(text.charCodeAt(0));
}
