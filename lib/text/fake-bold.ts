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

/**
 * Last position of each UTF-16 unit seen by {@link fillNextSame}, stored as
 * `epoch + index` so entries left by earlier calls (all below the current
 * epoch) read as "not seen" without clearing 64K entries per line.
 */
const lastSeen = new Int32Array(0x10000);
let epoch = 1;
/**
 * Per-position scratch, reused across calls (lines are scanned one by one, so
 * one set of buffers serves them all) and kept to 8 bytes a character so that
 * a long line stays in cache:
 * - `nextBuf`: see {@link fillNextSame};
 * - `unitLenBuf`, `unitKBuf`: the unit at each position (length, 0 for none,
 *   and repeat count), see {@link fillUnits};
 * - `chainCharsBuf`, `chainLongestBuf`: the original characters (saturating at
 *   255) and the longest unit of the chain starting at each position.
 */
let nextBuf = new Uint8Array(256);
let unitLenBuf = new Uint8Array(256);
let unitKBuf = new Int32Array(256);
let chainCharsBuf = new Uint8Array(256);
let chainLongestBuf = new Uint8Array(256);
/** Reused keep flags and old → new index map of {@link undoFakeBold} (per call scratch). */
let keepBuf = new Uint8Array(256);
let indexBuf = new Int32Array(256);
/**
 * Per unit length, the last position `p` seen with `s[p] === s[p + len]`, and
 * the run of such positions starting there (see {@link fillUnits}).
 */
const matchPos = new Int32Array(MAX_UNIT + 1);
const matchRun = new Int32Array(MAX_UNIT + 1);

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
function fillNextSame(s: string, n: number): Uint8Array | null {
  if (epoch > 0x3fffffff - n) {
    lastSeen.fill(0); // epoch about to overflow Int32: forget everything and restart
    epoch = 1;
  }
  if (nextBuf.length < n) nextBuf = new Uint8Array(Math.max(n, nextBuf.length * 2));
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
 * Fill, for every position `i`, the repeated unit at `i` covering the most
 * text (shortest on ties) and the chain of units starting there (units that
 * follow each other directly with the same repeat count), in one right-to-left
 * pass that does O({@link MAX_UNIT}) work per character at worst.
 *
 * A unit of length `len` at `i` repeats `k = 1 + ⌊r / len⌋` times, where `r` is
 * the length of the run of positions `p ≥ i` with `s[p] === s[p + len]`. That
 * run is one longer than the one at `i + 1` when `s[i] === s[i + len]`, so it is
 * carried from right to left instead of rescanned: rescanning at every
 * position made a line of 20,000 dashes (an ordinary e-paper separator) take
 * 16 s. Only the lengths where `s[i]` recurs (from `nextSame`, in increasing
 * order) can have a match at `i`, which keeps prose to a table lookup or two
 * per character.
 *
 * The chain at `i` is the unit at `i` followed by the chain at the unit's end
 * when that one has the same repeat count; its totals are carried from the
 * right too, so a rejected chain costs nothing to look at again one position
 * later.
 */
function fillUnits(n: number, nextSame: Uint8Array): void {
  if (unitLenBuf.length < n) {
    const size = Math.max(n, unitLenBuf.length * 2);
    unitLenBuf = new Uint8Array(size);
    unitKBuf = new Int32Array(size);
    chainCharsBuf = new Uint8Array(size);
    chainLongestBuf = new Uint8Array(size);
  }
  const unitLen = unitLenBuf;
  const unitK = unitKBuf;
  const chainChars = chainCharsBuf;
  const chainLongest = chainLongestBuf;
  matchPos.fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    let len = nextSame[i]!;
    if (len === 0) {
      unitLen[i] = 0;
      continue;
    }
    let bestLen = 0;
    let bestCover = 0;
    // Every recurrence of s[i] within MAX_UNIT, nearest first: each is a
    // length with s[i] === s[i + len], whose run of matches grows by one.
    for (;;) {
      const run = matchPos[len] === i + 1 ? matchRun[len]! + 1 : 1;
      matchPos[len] = i;
      matchRun[len] = run;
      // k copies cover len + run - run % len ≤ len + run; most lengths of a
      // long run of one character can't beat the shortest, so skip dividing.
      if (run >= len && run + len > bestCover) {
        const cover = len + run - (run % len);
        if (cover > bestCover) {
          bestLen = len;
          bestCover = cover;
        }
      }
      const step = nextSame[i + len]!; // the next recurrence of s[i]
      if (step === 0) break;
      len += step;
      if (len > MAX_UNIT) break;
    }
    unitLen[i] = bestLen;
    if (bestLen === 0) continue;
    const k = bestCover / bestLen;
    unitK[i] = k;
    const end = i + bestCover;
    if (end < n && unitLen[end] !== 0 && unitK[end] === k) {
      chainChars[i] = Math.min(255, bestLen + chainChars[end]!);
      chainLongest[i] = Math.max(bestLen, chainLongest[end]!);
    } else {
      chainChars[i] = bestLen;
      chainLongest[i] = bestLen;
    }
  }
}

/** The end of the chain of units starting at `i` (see {@link fillUnits}). */
function chainEnd(n: number, i: number): number {
  const k = unitKBuf[i]!;
  let p = i;
  do p += unitLenBuf[p]! * k;
  while (p < n && unitLenBuf[p] !== 0 && unitKBuf[p] === k);
  return p;
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
function isFakeBoldChain(
  k: number,
  chars: number,
  longest: number,
  firstChar: number,
  wholeInput: boolean,
): boolean {
  if (k >= 3) {
    if (chars >= 2) return true;
    return isQuoteOrBracket(firstChar);
  }
  if (wholeInput) return chars >= 2;
  if (longest >= 4) return true;
  // A chain of one unit has chars === longest: this asks for ≥ 2 units.
  return chars > longest && chars >= 4 && longest >= 2;
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
  fillUnits(n, nextSame);
  const unitLen = unitLenBuf;
  const unitK = unitKBuf;
  let i = 0;
  while (i < n) {
    if (unitLen[i] === 0) {
      i++;
      continue;
    }
    const k = unitK[i]!;
    const accept = isFakeBoldChain(
      k,
      chainCharsBuf[i]!,
      chainLongestBuf[i]!,
      s.charCodeAt(i),
      // Whether the chain covers the whole input: only asked of a doubled one
      // from the start, so its end is looked for once per call at most.
      i === 0 && k === 2 && chainEnd(n, 0) === n,
    );
    if (!accept) {
      i++;
      continue;
    }
    changed = true;
    if (keep === null) {
      if (keepBuf.length < n) keepBuf = new Uint8Array(Math.max(n, keepBuf.length * 2));
      keep = keepBuf.fill(1, 0, n);
    }
    // Keep the first copy of each unit of the chain (they all repeat k times).
    const end = chainEnd(n, i);
    for (let p = i; p < end;) {
      const len = unitLen[p]!;
      keep.fill(0, p + len, p + len * k);
      p += len * k;
    }
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
