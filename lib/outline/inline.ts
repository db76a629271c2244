/**
 * Inline points: ordinal series inside one running paragraph (…一要…，二要…;
 * 首先…其次…最后; 一方面…另一方面; （1）…（2）), nested by where they fall.
 */
import { findMarkers, LAST, type MarkerMatch } from './markers.ts';
import { FULL_STOPS, pointEndIn, stopIndex, TERMINATOR_CHARS } from './point-text.ts';

/** One inline point: offsets into the block text. */
export interface InlinePoint {
  family: string;
  ordinal: number;
  marker: string | null;
  /** Offset of the marker (or of the words, for unmarked points). */
  start: number;
  textStart: number;
  textEnd: number;
  children: InlinePoint[];
}

/** An unmarked inline point whose words run from `start` to `end` (a clause, a sentence, a bold run). */
export function plainPoint(family: string, start: number, end: number): InlinePoint {
  return { family, ordinal: 0, marker: null, start, textStart: start, textEnd: end, children: [] };
}

/** A run of one family's markers that count 1, 2, 3… inside a paragraph. */
type Run = MarkerMatch[];

/** True when `next` continues a series whose last member is `prev`. */
export function continues(prev: number, next: number): boolean {
  if (next === LAST) return prev < LAST;
  // One missing member (a marker the text garbled) is tolerated; two are not.
  return next === prev + 1 || next === prev + 2;
}

/** Splits the markers into runs per family; only runs that start at 1 and have a second member survive. */
function runsOf(markers: MarkerMatch[]): Run[] {
  const open = new Map<string, Run>();
  const done: Run[] = [];
  for (const m of markers) {
    const cur = open.get(m.family);
    const last = cur?.[cur.length - 1];
    // 一方面…，一方面…: the second 一方面 pairs with the first (written without 另).
    if (m.family === 'fangmian' && m.ordinal === 1 && cur?.length === 1 && last?.ordinal === 1) {
      cur.push({ ...m, ordinal: LAST });
      continue;
    }
    if (m.ordinal === 1) {
      if (cur) done.push(cur);
      open.set(m.family, [m]);
    } else if (cur && last && continues(last.ordinal, m.ordinal)) {
      cur.push(m);
    }
  }
  done.push(...open.values());
  return done.filter((r) => r.length >= 2).sort((a, b) => (a[0]?.start ?? 0) - (b[0]?.start ?? 0));
}

/**
 * Markers of one paragraph read at most: past a few hundred points a paragraph is no
 * essay's, the outline shows 500 at most (cap.ts), and placing each run among the points
 * already placed costs their number.
 */
export const MAX_INLINE_MARKERS = 2000;

/**
 * The inline points of `text` from offset `from` on, as a forest. A series
 * nests under the member of an earlier series whose stretch (up to the next
 * member, or the last member's full stop) holds it whole.
 */
export function inlinePoints(text: string, from = 0): InlinePoint[] {
  const markers = findMarkers(text).filter((m) => m.start >= from);
  if (markers.length < 2) return [];
  if (markers.length > MAX_INLINE_MARKERS) markers.length = MAX_INLINE_MARKERS;
  const runs = runsOf(markers);
  const fullStops = stopIndex(text, FULL_STOPS);
  const terminators = stopIndex(text, TERMINATOR_CHARS);
  interface Placed {
    point: InlinePoint;
    spanEnd: number;
  }
  const placed: Placed[] = [];
  const roots: InlinePoint[] = [];
  for (const run of runs) {
    const first = run[0]!;
    const lastM = run[run.length - 1]!;
    const runEnd = fullStops.next(lastM.end);
    // The innermost earlier member whose stretch holds the whole run.
    let host: Placed | undefined;
    for (const p of placed) {
      // A series never nests in a member of its own family: 一是…二是…一是… starts again.
      if (
        p.point.family !== first.family &&
        p.point.start < first.start &&
        runEnd <= p.spanEnd &&
        first.start < p.spanEnd
      ) {
        if (!host || p.point.start >= host.point.start) host = p;
      }
    }
    // A run that starts inside another run's member but overruns it interleaves: drop it.
    if (
      !host &&
      placed.some(
        (p) =>
          p.point.start < first.start &&
          first.start < p.spanEnd &&
          runEnd > p.spanEnd &&
          p.point.family !== first.family,
      )
    ) {
      continue;
    }
    const points = run.map((m, i): Placed => {
      const next = run[i + 1];
      const spanEnd = next ? next.start : fullStops.next(m.end);
      const point: InlinePoint = {
        family: m.family,
        ordinal: m.ordinal,
        marker: m.marker,
        start: m.start,
        textStart: m.end,
        textEnd: Math.min(pointEndIn(text, terminators, m.end), next ? next.start : text.length),
        children: [],
      };
      return { point, spanEnd };
    });
    (host ? host.point.children : roots).push(...points.map((p) => p.point));
    placed.push(...points);
  }
  // A member's words stop where its first nested point begins.
  const trim = (pts: InlinePoint[]) => {
    for (const p of pts) {
      const c = p.children[0];
      if (c && c.start < p.textEnd) p.textEnd = c.start;
      trim(p.children);
    }
  };
  trim(roots);
  return labelRuns(text, roots, from);
}

/** A run's label: a short phrase closed by a colon right before its first member (高三重点：一是…). */
const LABEL = /(?:^|[，。；！？、\s])([^，。；：！？、\s“”]{2,8})：\s*$/;
/** How far before a run's first marker its label may start. */
const LABEL_REACH = 12;

/**
 * Labelled series (近期，高三重点：一是…；二是…。高二重点：一是…): each run whose first
 * member follows a short label and a colon is nested under an inline node for the label.
 * Labels only count when at least two runs in the paragraph carry one — a single
 * "如下：" before a list is an introduction, not a label.
 */
function labelRuns(text: string, roots: InlinePoint[], from: number): InlinePoint[] {
  const firsts = roots.filter((p) => p.ordinal === 1);
  const labels = new Map<InlinePoint, { start: number; end: number }>();
  for (const p of firsts) {
    const lo = Math.max(from, p.start - LABEL_REACH);
    const m = LABEL.exec(text.slice(lo, p.start));
    if (!m || !m[1]) continue;
    const end = lo + m.index + m[0].lastIndexOf('：');
    labels.set(p, { start: end - m[1].length, end });
  }
  if (labels.size < 2) return roots;
  const out: InlinePoint[] = [];
  let current: InlinePoint | null = null;
  for (const p of roots) {
    const label = labels.get(p);
    if (label) {
      current = {
        family: 'label',
        ordinal: 0,
        marker: null,
        start: label.start,
        textStart: label.start,
        textEnd: label.end,
        children: [],
      };
      out.push(current);
    } else if (p.ordinal === 1) {
      current = null;
    }
    (current ? current.children : out).push(p);
  }
  return out;
}
