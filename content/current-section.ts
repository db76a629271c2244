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
