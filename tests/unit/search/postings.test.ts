import { describe, expect, it } from 'vitest';
import { hasSorted, intersectAll, intersectSorted, unionSorted, updateSorted } from '@/lib/search';

describe('posting lists', () => {
  it.each([
    [
      [1, 3, 5, 7],
      [2, 3, 7, 9],
      [3, 7],
    ],
    [[], [1, 2], []],
    [[5], Array.from({ length: 200 }, (_, i) => i), [5]],
    [[500], Array.from({ length: 200 }, (_, i) => i), []],
    [[0, 199, 300], Array.from({ length: 200 }, (_, i) => i), [0, 199]],
  ])('intersects %j and %j', (a, b, want) => {
    expect(intersectSorted(a, b)).toEqual(want);
    expect(intersectSorted(b, a)).toEqual(want);
  });

  it.each([
    [
      [1, 3, 5, 7],
      [2, 3, 7, 9],
      [1, 2, 3, 5, 7, 9],
    ],
    [[], [1, 2], [1, 2]],
    [[4], [1, 2], [1, 2, 4]],
    [
      [1, 2],
      [1, 2],
      [1, 2],
    ],
  ])('joins %j and %j', (a, b, want) => {
    expect(unionSorted(a, b)).toEqual(want);
    expect(unionSorted(b, a)).toEqual(want);
  });

  it('joins a stored list with an empty one without copying it', () => {
    const stored = Uint32Array.of(2, 4);
    expect(unionSorted(stored, [])).toBe(stored);
    expect(unionSorted([], stored)).toBe(stored);
  });

  it('intersects several lists; none gives nothing', () => {
    expect(intersectAll([[1, 2, 3, 4], [2, 4], [4, 2].sort()])).toEqual([2, 4]);
    expect(intersectAll([])).toEqual([]);
    expect(intersectAll([[1, 2]])).toEqual([1, 2]);
  });

  it('reads stored typed arrays as they are: one list is not copied', () => {
    const stored = Uint32Array.from([2, 4, 9, 12]);
    expect(intersectAll([stored])).toBe(stored);
    expect(intersectAll([stored, Uint32Array.from([1, 4, 12])])).toEqual([4, 12]);
    expect(intersectAll([stored, []])).toEqual([]);
    expect([0, 2, 3, 4, 9, 12, 13].map((x) => hasSorted(stored, x))).toEqual([
      false,
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(hasSorted([], 1)).toBe(false);
  });

  it('adds and removes, keeping the list ascending without duplicates', () => {
    expect(updateSorted([1, 2, 3], [4, 5], [])).toEqual([1, 2, 3, 4, 5]);
    expect(updateSorted([1, 4, 6], [2, 4, 5], [6])).toEqual([1, 2, 4, 5]);
    expect(updateSorted([1, 2], [], [1, 2])).toEqual([]);
    const list = [1, 2];
    updateSorted(list, [3], [1]);
    expect(list).toEqual([1, 2]);
  });
});
