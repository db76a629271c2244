/**
 * The scanner behind every stored term (index-terms.ts indexTerms, the
 * posting-list builder of posting-builder.ts): one pass over the raw text's
 * code points, each normalised (normalize.ts normalizeChar: NFKC, lower
 * case) and classed; a Han code point makes a bigram with the Han code point
 * before it, an alphanumeric run is a token when it ends.
 *
 * Indexing a library runs this over tens of millions of characters drawn
 * from a few thousand distinct ones, so each BMP code unit's normalised
 * code point and class are looked up once and kept in a typed table, and a
 * bigram is handed over as two code points: no string is made per character
 * or per bigram unless the caller makes one.
 */
import { charClass, normalizeChar } from './normalize.ts';

/**
 * Longest Latin or number token indexed, in code units. Longer runs are
 * hashes, URLs glued together or base64: nobody searches for them, and they
 * would bloat the index.
 */
export const MAX_TOKEN = 32;

/** What a scan reports; a callback returning true stops the scan. */
export interface ScanSink {
  bigram(first: number, second: number): boolean | void;
  token(token: string): boolean | void;
}

const HAN = 1;
const ALNUM = 2;
const SEP = 3;
const CLASS = { han: HAN, alnum: ALNUM, sep: SEP } as const;

/**
 * A BMP code unit's normalised form: `cp * 4 + class` when it normalises to
 * one code point, MULTI when to several (ﬁ → fi, ㍿ → 株式会社) or none,
 * 0 while not looked up yet.
 */
const table = new Int32Array(0x10000);
const MULTI = -1;
/** The normalised code points and classes of the rest (astral, MULTI). */
const slow = new Map<string, Int32Array>();
const SLOW_MAX = 1 << 16;

/** The normalised form of one raw code point, as [cp * 4 + class, …]. */
function slowForm(ch: string): Int32Array {
  let form = slow.get(ch);
  if (form === undefined) {
    const out: number[] = [];
    for (const c of normalizeChar(ch)) out.push(c.codePointAt(0)! * 4 + CLASS[charClass(c)]);
    form = Int32Array.from(out);
    if (slow.size < SLOW_MAX) slow.set(ch, form);
  }
  return form;
}

function lookUp(unit: number): number {
  const form = slowForm(String.fromCharCode(unit));
  return (table[unit] = form.length === 1 ? form[0]! : MULTI);
}

/**
 * Scans `raw` into `sink`: the bigrams (as code points of normalised Han
 * characters) and tokens (normalised, at most {@link MAX_TOKEN} code units)
 * in order of appearance. Returns false when a callback stopped it.
 */
export function scanText(raw: string, sink: ScanSink): boolean {
  let prevHan = -1;
  let token = '';
  const one = (form: number): boolean => {
    const cls = form & 3;
    const cp = form >> 2;
    if (cls === HAN) {
      if (token.length > 0) {
        const t = token;
        token = '';
        if (t.length <= MAX_TOKEN && sink.token(t)) return true;
      }
      if (prevHan >= 0 && sink.bigram(prevHan, cp)) return true;
      prevHan = cp;
      return false;
    }
    prevHan = -1;
    if (cls === ALNUM) token += String.fromCodePoint(cp);
    else if (token.length > 0) {
      const t = token;
      token = '';
      if (t.length <= MAX_TOKEN && sink.token(t)) return true;
    }
    return false;
  };
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const unit = raw.charCodeAt(i);
    let form = table[unit]!;
    if (form === 0) form = lookUp(unit);
    if (form !== MULTI && (unit < 0xd800 || unit > 0xdbff)) {
      if (one(form)) return false;
      continue;
    }
    // A surrogate pair is one code point; a lone surrogate stands for itself.
    const next = i + 1 < n ? raw.charCodeAt(i + 1) : 0;
    const pair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const forms = slowForm(pair ? raw.slice(i, i + 2) : raw[i]!);
    if (pair) i++;
    for (const f of forms) if (one(f)) return false;
  }
  if (token.length > 0 && token.length <= MAX_TOKEN && sink.token(token)) return false;
  return true;
}
