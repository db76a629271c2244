/**
 * Markdown inline syntax removal with an offset map: `**bold**`/`__bold__`
 * become bold spans, `*em*` and `~~del~~` lose their markers, `[text](url)`
 * keeps its text, images `![alt](src)` and HTML tags are dropped, code spans
 * and backslash escapes keep their literal text. One left-to-right pass; each
 * closing delimiter is found with one forward search, so the work is linear.
 */

/** Stripped text: `offsets[i]` is the source offset of `text[i]`; bold spans in text coordinates. */
export interface StrippedInline {
  text: string;
  offsets: number[];
  bold: [number, number][];
}

/** Longest URL or tag looked at, so a stray `[` or `<` can't make the scan quadratic. */
const MAX_TARGET = 2048;

const ESCAPABLE = '\\`*_{}[]()#+-.!|<>~';

/** Where `]( … )` closes a link or image opened at `open` (index after `)`), or -1. */
function linkEnd(src: string, open: number): { textEnd: number; end: number } | null {
  const close = src.indexOf(']', open);
  if (close < 0 || close - open > MAX_TARGET || src[close + 1] !== '(') return null;
  const paren = src.indexOf(')', close + 2);
  if (paren < 0 || paren - close > MAX_TARGET) return null;
  return { textEnd: close, end: paren + 1 };
}

/**
 * Strip inline Markdown from `src` (one paragraph's source, line breaks kept),
 * whose characters sit at `srcOffsets` in the raw document.
 */
export function stripInline(src: string, srcOffsets: readonly number[]): StrippedInline {
  const out: string[] = [];
  const offsets: number[] = [];
  const bold: [number, number][] = [];
  let boldStart = -1;
  let boldCloseAt = -1; // source index of the pending closing delimiter
  let emCloseAt = -1;
  let strikeCloseAt = -1;
  let noMoreBold = false;
  const skipTo = new Map<number, number>(); // link text end → index after the URL
  const emit = (i: number): void => {
    out.push(src[i]!);
    offsets.push(srcOffsets[i]!);
  };
  let i = 0;
  while (i < src.length) {
    const skip = skipTo.get(i);
    if (skip !== undefined) {
      i = skip;
      continue;
    }
    const c = src[i]!;
    const c2 = src.slice(i, i + 2);
    if (c === '\\' && i + 1 < src.length && ESCAPABLE.includes(src[i + 1]!)) {
      emit(i + 1);
      i += 2;
    } else if (i === boldCloseAt) {
      bold.push([boldStart, out.length]);
      boldCloseAt = -1;
      i += 2;
    } else if ((c2 === '**' || c2 === '__') && boldCloseAt < 0 && !noMoreBold) {
      const close = src.indexOf(c2, i + 2);
      if (close > i + 2) {
        boldStart = out.length;
        boldCloseAt = close;
      } else {
        if (close < 0) noMoreBold = true;
        emit(i);
        emit(i + 1);
      }
      i += 2;
    } else if (i === emCloseAt || i === strikeCloseAt) {
      i += i === strikeCloseAt ? 2 : 1;
      if (i - 1 === emCloseAt) emCloseAt = -1;
      else strikeCloseAt = -1;
    } else if (c2 === '~~' && strikeCloseAt < 0) {
      const close = src.indexOf('~~', i + 2);
      if (close > i + 2) strikeCloseAt = close;
      else {
        emit(i);
        emit(i + 1);
      }
      i += 2;
    } else if (c === '*' && emCloseAt < 0 && src[i + 1] !== ' ' && src[i + 1] !== '*') {
      const close = src.indexOf('*', i + 1);
      if (close > i + 1 && src[close + 1] !== '*' && (boldCloseAt < 0 || close < boldCloseAt)) {
        emCloseAt = close;
      } else emit(i);
      i++;
    } else if (c === '`') {
      const close = src.indexOf('`', i + 1);
      if (close < 0) {
        emit(i);
        i++;
      } else {
        for (let k = i + 1; k < close; k++) emit(k);
        i = close + 1;
      }
    } else if (c === '!' && src[i + 1] === '[') {
      const link = linkEnd(src, i + 2);
      if (link) i = link.end;
      else {
        emit(i);
        i++;
      }
    } else if (c === '[') {
      const link = linkEnd(src, i + 1);
      if (link) skipTo.set(link.textEnd, link.end);
      else emit(i);
      i++;
    } else if (c === '<') {
      const close = src.indexOf('>', i + 1);
      const inner = close > 0 && close - i < MAX_TARGET ? src.slice(i + 1, close) : '';
      if (/^https?:\/\/\S+$/.test(inner)) {
        for (let k = i + 1; k < close; k++) emit(k);
        i = close + 1;
      } else if (/^\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?$|^!--/.test(inner)) {
        i = close + 1; // an HTML tag or comment: markup, not text
      } else {
        emit(i);
        i++;
      }
    } else {
      emit(i);
      i++;
    }
  }
  if (boldCloseAt >= 0) bold.push([boldStart, out.length]);
  return { text: out.join(''), offsets, bold };
}
