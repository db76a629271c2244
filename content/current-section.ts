/**
 * Which outline point the reader is at: the last point whose top has passed
 * a line across the viewport. Pure, so it is unit-tested with numbers.
 */

/**
 * The index of the last entry of `tops` (viewport y of each point, in reading
 * order, so nearly sorted) that is at or above `line`; -1 when none is. A linear
 * scan: points are few (tens), and reading order is not strictly top order
 * when a page floats or reorders blocks.
 */
export function currentIndex(tops: readonly number[], line: number): number {
  let found = -1;
  for (let i = 0; i < tops.length; i++) if (tops[i]! <= line) found = i;
  return found;
}

/** Points up to which {@link currentIndexOf} scans them all; past it, it searches. */
export const SCAN_MAX = 64;

/**
 * {@link currentIndex} over `count` points whose tops are read on demand (each read
 * may measure the page): every one for a short outline, as there; for a long one
 * (a capped outline of hundreds of points, on every scroll frame) a binary search
 * that reads about log2(count) of them, taking reading order as top order.
 */
export function currentIndexOf(count: number, topAt: (i: number) => number, line: number): number {
  if (count <= SCAN_MAX) {
    const tops: number[] = [];
    for (let i = 0; i < count; i++) tops.push(topAt(i));
    return currentIndex(tops, line);
  }
  let lo = 0;
  let hi = count; // the answer is lo - 1: tops[0..lo) are at or above the line
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (topAt(mid) <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
