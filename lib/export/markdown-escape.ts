/**
 * Escaping for the Markdown export: page text and notes are shown literally,
 * never read as markup or HTML.
 */
import { isCjkLikeCode, isSharedPunctCode } from '../text/char-class.ts';

/**
 * A run of whitespace and control characters that holds a line break of any
 * kind (LF, CR, VT, FF, NEL U+0085, LS U+2028, PS U+2029) or another control
 * character (C0, DEL, C1; the tab included).
 */
const BREAK_RUN = /[\s\p{Cc}]*[\p{Cc}\u2028\u2029][\s\p{Cc}]*/gu;

/** The code unit of the character that ends at `at` (the high surrogate of an astral one), or -1. */
function unitBefore(s: string, at: number): number {
  if (at <= 0) return -1;
  const c = s.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? s.charCodeAt(at - 2) : c;
}

/** The width in code units of the character that ends at `at`. */
const widthBefore = (s: string, at: number) => {
  const c = s.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? 2 : 1;
};

/**
 * CJK, or punctuation shared with Latin text (“ ” — …) whose other neighbour
 * is CJK: the side of a line break that makes it a wrap inside Chinese text,
 * as lib/text/normalize.ts reads one.
 */
const cjkSide = (c: number, beyond: number) =>
  isCjkLikeCode(c) || (isSharedPunctCode(c) && (beyond < 0 || isCjkLikeCode(beyond)));

/**
 * One line of text from `s`, for a place that holds one line (a heading, a
 * list item, front matter shown as text): each run of whitespace holding a
 * line break or a control character becomes one space (`Open\nSource` →
 * `Open Source`, `治理\nin China` → `治理 in China`: words stay apart), or
 * nothing where both sides are CJK text (a hard wrap inside Chinese:
 * `强化\n担当` → `强化担当`, `“两个确立”\n的意义` → `“两个确立”的意义`), and
 * nothing at either end. Other spaces are kept as they are.
 */
export function oneLine(s: string): string {
  return s.replace(BREAK_RUN, (run: string, at: number, all: string) => {
    const end = at + run.length;
    if (at === 0 || end === all.length) return '';
    const prev = unitBefore(all, at);
    const prev2 = unitBefore(all, at - widthBefore(all, at));
    const next = all.charCodeAt(end);
    const next2 = end + 1 < all.length ? all.charCodeAt(end + 1) : -1;
    return cjkSide(prev, prev2) && cjkSide(next, next2) ? '' : ' ';
  });
}

/**
 * Escapes the characters of a stretch of one line that Markdown or Obsidian
 * would read as markup: inline markup (`*`, `_`, `` ` ``, `~`, `[`, `]`,
 * `\`), HTML (`<`, `>`, `&`), headings and tags (`#`), tables (`|`),
 * Obsidian highlights (`=`), maths (`$`), block ids (`^`) and comments
 * (`%%`). Nothing is done about line starts or breaks: for the middle of a
 * line built from several stretches ({@link escapeMarkdown} for a whole one).
 */
export function escapeInline(s: string): string {
  const out = s.replace(/([\\`*_[\]<>#|~=&$^])/g, '\\$1');
  return out.includes('%%') ? out.replace(/%(?=%)|(?<=%)%/g, '\\%') : out;
}

/**
 * Escapes a block marker at the start of an escaped line: a leading `-` or
 * `+` (a bullet, or as `---` a rule or setext underline) and a number
 * followed by `.` or `)` (an ordered list item).
 */
export function escapeLineStart(s: string): string {
  return (
    s
      .replace(/^(\s*)([-+])/, '$1\\$2')
      // A backslash before a digit is no escape in Markdown: the dot is escaped instead.
      .replace(/^(\s*\d+)([.)])(\s|$)/, '$1\\$2$3')
  );
}

/**
 * Escapes one line of text so that Markdown shows it literally: inline markup
 * characters, HTML (`<`, `&`), Obsidian highlights (`=`), and block markers
 * at the start (`#`, `>`, `-`, `+`, `1.`) — see {@link escapeInline} and
 * {@link escapeLineStart}. Page text is never markup. Text with line breaks
 * is made one line first ({@link oneLine}): no break in a title, a node or a
 * note line can start a line of its own (a `---` rule, a `#` heading, the end
 * of the front matter).
 */
export function escapeMarkdown(s: string): string {
  return escapeLineStart(escapeInline(oneLine(s)));
}

/** Splits text into lines (any line break: LF, CR, CRLF, NEL, LS, PS), without the breaks. */
export function splitLines(s: string): string[] {
  return s.split(/\r\n|\r|\n|\u0085|\u2028|\u2029/);
}
