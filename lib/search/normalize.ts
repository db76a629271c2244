/**
 * Search normalisation with an offset map: full-width forms folded to
 * half-width (NFKC), Latin lower-cased, every character classed as Han,
 * alphanumeric or separator. Offsets map each normalised code unit back to
 * the raw text, so that what a query finds can be highlighted in the original.
 */

/** How a normalised character takes part in search. */
export type CharClass = 'han' | 'alnum' | 'sep';

/** Normalised text and, for each code unit, its offset in the raw text. */
export interface SearchText {
  text: string;
  /** `offsets[i]` is the raw offset of `text[i]`; `offsets[text.length]` is the raw length. */
  offsets: number[];
}

const HAN = /^\p{Script=Han}$/u;
const ALNUM = /^[\p{L}\p{N}]$/u;

/** The class of one code point, without the cache. */
function classify(ch: string): CharClass {
  if (HAN.test(ch)) return 'han';
  if (ALNUM.test(ch)) return 'alnum';
  return 'sep';
}

/**
 * Per-code-point caches: indexing a library runs these over millions of
 * characters drawn from a few thousand distinct ones, and a Map lookup is
 * far cheaper than a Unicode-property regex or `normalize('NFKC')`. Bounded,
 * so a text of rare characters cannot grow them without limit.
 */
const CACHE_MAX = 1 << 16;
const classCache = new Map<string, CharClass>();
const normCache = new Map<string, string>();

/** The class of one normalised code point. */
export function charClass(ch: string): CharClass {
  let cls = classCache.get(ch);
  if (cls === undefined) {
    cls = classify(ch);
    if (classCache.size < CACHE_MAX) classCache.set(ch, cls);
  }
  return cls;
}

/** One code point normalised: NFKC, then lower case. */
export function normalizeChar(ch: string): string {
  let n = normCache.get(ch);
  if (n === undefined) {
    n = ch.normalize('NFKC').toLowerCase();
    if (normCache.size < CACHE_MAX) normCache.set(ch, n);
  }
  return n;
}

/**
 * Per BMP code unit: 0 not yet worked out, 1 unchanged by {@link normalizeChar},
 * 2 changed. Most of a Chinese text is unchanged (Han, 、。“”), so the
 * normalisers below copy runs of it as slices instead of a string per character.
 */
const bmpState = new Uint8Array(0x10000);

/** Whether the BMP code unit `c` (not a surrogate) is changed by {@link normalizeChar}. */
function changes(c: number): boolean {
  let s = bmpState[c]!;
  if (s === 0) {
    const ch = String.fromCharCode(c);
    s = normalizeChar(ch) === ch ? 1 : 2;
    bmpState[c] = s;
  }
  return s === 2;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/**
 * Walks `raw` code point by code point, calling `changed(i, length, n)` for
 * each one {@link normalizeChar} changes (at raw offset `i`, `length` code
 * units, normalised to `n`) and for each outside the BMP (both its units
 * take its offset); every other is one unit, unchanged, at its own offset.
 */
function eachChange(raw: string, changed: (i: number, length: number, n: string) => void): void {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isSurrogate(c)) {
      if (changes(c)) changed(i, 1, normalizeChar(raw[i]!));
      continue;
    }
    // A pair (or a lone surrogate): one code point.
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    changed(i, ch.length, normalizeChar(ch));
    i += ch.length - 1;
  }
}

/**
 * Normalises `raw` code point by code point: NFKC (Ｇ→g, ５→5, full-width
 * punctuation to ASCII) and lower case. Per code point rather than on the
 * whole string so that every output unit keeps the offset of its source.
 */
export function normalizeForSearch(raw: string): SearchText {
  let text = '';
  const offsets: number[] = [];
  let copied = 0;
  const copy = (to: number) => {
    text += raw.slice(copied, to);
    for (let k = copied; k < to; k++) offsets.push(k);
  };
  eachChange(raw, (i, length, n) => {
    copy(i);
    text += n;
    for (let k = 0; k < n.length; k++) offsets.push(i);
    copied = i + length;
  });
  copy(raw.length);
  offsets.push(raw.length);
  return { text, offsets };
}

/** The normalised text of `raw` alone, without the offset map (for a yes/no test). */
export function normalizeText(raw: string): string {
  let text = '';
  let copied = 0;
  eachChange(raw, (i, length, n) => {
    text += raw.slice(copied, i) + n;
    copied = i + length;
  });
  return copied === 0 ? raw : text + raw.slice(copied);
}

/** A maximal run of one class in normalised text: `[start, end)`. */
export interface Run {
  cls: Exclude<CharClass, 'sep'>;
  start: number;
  end: number;
}

/** Han runs and alphanumeric runs of normalised text, separators dropped. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  for (const ch of text) {
    const cls = charClass(ch);
    const last = runs[runs.length - 1];
    if (cls !== 'sep') {
      if (last && last.cls === cls && last.end === i) last.end = i + ch.length;
      else runs.push({ cls, start: i, end: i + ch.length });
    }
    i += ch.length;
  }
  return runs;
}
