/**
 * Undo fake-bold doubling from PDF extraction.
 *
 * Some PDF producers fake a bold face by printing each text run two or three
 * times at almost the same position; text extraction then yields every run
 * repeated: `把握把握把握“““四个关键四个关键四个关键”””` for `把握“四个关键”`, or
 * `李李妍妍` for `李妍`. Chinese also repeats on purpose (天天, 研究研究,
 * 实实在在, 一茬一茬, 二〇二〇), so a repetition is only undone when the
 * evidence says "printing artefact", see {@link isFakeBoldChain}.
 *
 * Model: a *unit* is a string `u` (1–{@link MAX_UNIT} units long) repeated `k`
 * ≥ 2 times in a row; a *chain* is a run of units that follow each other
 * directly and share the same `k` (one PDF run prints every piece of a bold
 * run the same number of times). Undoing keeps the first copy of each unit and
 * reports the kept text as a bold span.
 */
import type { Span } from '../types.ts';
import type { MappedText } from './normalize.ts';
import type { OffsetArena } from './offset-arena.ts';

/**
 * Longest unit looked for. A bold run is cut into pieces at quote marks and
 * font changes, so pieces are short (把握 · 四个关键 · 确保作风教育见实效 = 9);
 * 24 also covers a doubled headline line of a narrow column, and bounds the
 * work per character so the scan stays linear.
 */
export const MAX_UNIT = 24;

/** The result of {@link undoFakeBold}: de-doubled text, its offset map, and the undone spans. */
export interface FakeBoldResult extends MappedText {
  /** Spans of the result text that were printed doubled: bold in the source. Sorted, disjoint. */
  bold: [number, number][];
}

interface Unit {
  start: number;
  len: number;
  k: number;
}

/** Quotes and brackets: the only punctuation whose tripling is never written on purpose. */
function isQuoteOrBracket(c: number): boolean {
  return (
    (c >= 0x2018 && c <= 0x201f) ||
    (c >= 0x3008 && c <= 0x3011) || // 〈〉《》「」『』【】
    c === 0xff08 ||
    c === 0xff09 ||
    c === 0x22 ||
    c === 0x27
  );
}

/** How many times `s[i, i+len)` occurs back to back from `i` (≥ 1). */
function repeatCount(s: string, n: number, i: number, len: number): number {
  let k = 1;
  for (let p = i + len; p + len <= n; p += len) {
    for (let q = 0; q < len; q++) if (s.charCodeAt(p + q) !== s.charCodeAt(i + q)) return k;
    k++;
  }
  return k;
}

/**
 * Last position of each UTF-16 unit seen by {@link fillNextSame}, stored as
 * `epoch + index` so entries left by earlier calls (all below the current
 * epoch) read as "not seen" without clearing 64K entries per line.
 */
const lastSeen = new Int32Array(0x10000);
let epoch = 1;
/** Reused `nextSame` buffer: lines are scanned one by one, so one buffer serves them all. */
let nextBuf = new Int32Array(256);
/** Reused keep flags and old → new index map of {@link undoFakeBold} (per call scratch). */
let keepBuf = new Uint8Array(256);
let indexBuf = new Int32Array(256);

/**
 * Fill `nextSame[i]` with the distance from `i` to the next occurrence of the
 * same unit when that is at most {@link MAX_UNIT} (0 otherwise).
 *
 * A unit of length `len` repeated at `i` needs `s[i + len] === s[i]`, so these
 * distances are the only unit lengths worth testing; most characters of prose
 * have none, which keeps the scan to one table lookup per character instead of
 * {@link MAX_UNIT} comparisons.
 *
 * @returns the filled buffer (valid for `[0, n)`), or null when no character
 *   recurs within {@link MAX_UNIT} (nothing can be doubled)
 */
function fillNextSame(s: string, n: number): Int32Array | null {
  if (epoch > 0x3fffffff - n) {
    lastSeen.fill(0); // epoch about to overflow Int32: forget everything and restart
    epoch = 1;
  }
  if (nextBuf.length < n) nextBuf = new Int32Array(Math.max(n, nextBuf.length * 2));
  const next = nextBuf;
  const e = epoch;
  let any = 0;
  for (let i = n - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    // Negative for a character not seen in this call (stale entries are below
    // `e`); the unsigned compare maps that and distances past MAX_UNIT to 0
    // without a branch, which the mix of hits and misses would mispredict.
    const d = lastSeen[c]! - e - i;
    const v = (d - 1) >>> 0 < MAX_UNIT ? d : 0;
    next[i] = v;
    any |= v;
    lastSeen[c] = e + i;
  }
  epoch = e + n;
  return any !== 0 ? next : null;
}

/**
 * The repeated unit at `i` covering the most text (shortest on ties), or null.
 * Only the lengths where `s[i]` recurs (from `nextSame`, in increasing order)
 * are tried; the others can't repeat.
 */
function unitAt(s: string, n: number, i: number, nextSame: Int32Array): Unit | null {
  let best: Unit | null = null;
  const maxLen = Math.min(MAX_UNIT, (n - i) >> 1);
  let len = nextSame[i]!;
  while (len > 0 && len <= maxLen) {
    const k = repeatCount(s, n, i, len);
    if (k >= 2 && (best === null || len * k > best.len * best.k)) best = { start: i, len, k };
    const step = nextSame[i + len]!; // the next recurrence of s[i]: s[i + len] === s[i]
    if (step === 0) break;
    len += step;
  }
  return best;
}

/**
 * Whether a chain of repeated units is a fake-bold artefact rather than a
 * deliberate repetition.
 *
 * - k ≥ 3 and at least 2 original characters: prose never triples a word
 *   (把握把握把握), while 哈哈哈 or …… (one character) can be real;
 * - k ≥ 3 of a lone quote or bracket (“““): never written on purpose;
 * - k = 2: only when the chain holds ≥ 4 original characters in ≥ 2 units one
 *   of which is ≥ 2 long (AABB reduplication 实实在在 has 1-character units;
 *   研究研究 and 二〇二〇 are a single unit), or when one unit is ≥ 4 long
 *   (a doubled phrase; 4 is past the common doubled verbs and numbers), or
 *   when the chain covers the whole input (a doubled byline line 李李妍妍).
 */
function isFakeBoldChain(s: string, chain: Unit[], k: number, wholeInput: boolean): boolean {
  let chars = 0;
  let longest = 0;
  for (const u of chain) {
    chars += u.len;
    if (u.len > longest) longest = u.len;
  }
  if (k >= 3) {
    if (chars >= 2) return true;
    return isQuoteOrBracket(s.charCodeAt(chain[0]!.start));
  }
  if (wholeInput) return chars >= 2;
  if (longest >= 4) return true;
  return chain.length >= 2 && chars >= 4 && longest >= 2;
}

/**
 * Undo fake-bold doubling in a normalised text.
 *
 * @param input normalised text and its offset map (as from `normalizeText`)
 * @param arena where to take a new offset map from (see `normalizeText`); a
 *   fresh array without
 * @returns the text with each accepted repetition reduced to one copy, the
 *   offsets of the kept characters (so a kept span maps to the raw range of
 *   all its copies), and the kept spans as bold
 */
export function undoFakeBold(input: MappedText, arena?: OffsetArena): FakeBoldResult {
  const { text, offsets } = input;
  const n = text.length;
  const s = text;
  const nextSame = fillNextSame(s, n);
  if (nextSame === null) return { text, offsets, bold: [] };
  let keep: Uint8Array | null = null; // allocated on the first accepted chain
  const boldRaw: [number, number][] = []; // spans in input coordinates
  let changed = false;
  let i = 0;
  while (i < n) {
    // Most characters don't recur within MAX_UNIT: skip them without a call.
    const first = nextSame[i] === 0 ? null : unitAt(s, n, i, nextSame);
    if (first === null) {
      i++;
      continue;
    }
    const chain: Unit[] = [first];
    let end = i + first.len * first.k;
    for (;;) {
      const next = end < n && nextSame[end] !== 0 ? unitAt(s, n, end, nextSame) : null;
      if (next === null || next.k !== first.k) break;
      chain.push(next);
      end += next.len * next.k;
    }
    if (!isFakeBoldChain(s, chain, first.k, i === 0 && end === n)) {
      i++;
      continue;
    }
    changed = true;
    if (keep === null) {
      if (keepBuf.length < n) keepBuf = new Uint8Array(Math.max(n, keepBuf.length * 2));
      keep = keepBuf.fill(1, 0, n);
    }
    for (const u of chain) keep.fill(0, u.start + u.len, u.start + u.len * u.k);
    boldRaw.push([i, end]);
    i = end;
  }
  if (!changed || keep === null) return { text, offsets, bold: [] };

  const out: string[] = [];
  const map = arena ? arena.take(n + 1) : new Int32Array(n + 1);
  if (indexBuf.length < n + 1) indexBuf = new Int32Array(Math.max(n + 1, indexBuf.length * 2));
  const newIndex = indexBuf;
  let w = 0;
  let runStart = -1;
  for (let p = 0; p < n; p++) {
    newIndex[p] = w;
    if (keep[p]) {
      if (runStart < 0) runStart = p;
      map[w++] = offsets[p]!;
    } else if (runStart >= 0) {
      out.push(text.slice(runStart, p));
      runStart = -1;
    }
  }
  if (runStart >= 0) out.push(text.slice(runStart));
  newIndex[n] = w;
  map[w] = offsets[n]!;
  const bold = mergeSpans(
    boldRaw.map(([a, b]) => [newIndex[a]!, newIndex[b]!] as [number, number]),
  );
  // A view, not a copy: the map is this call's own and its tail is unused.
  return { text: out.join(''), offsets: map.subarray(0, w + 1), bold };
}

/** Merge sorted spans that touch or overlap. */
export function mergeSpans(spans: readonly Span[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else if (b > a) out.push([a, b]);
  }
  return out;
}
