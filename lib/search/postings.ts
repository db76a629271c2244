/**
 * Posting lists: ascending arrays of document numbers, one per term. Pure
 * helpers for the storage layer's `postings` table (background/storage/postings.ts).
 */

/**
 * A stored list: a plain array, or the Uint32Array IndexedDB gives back
 * (read as it is: a copy of a common word's list costs more than using it).
 */
export type DocList = ArrayLike<number>;

/** Whether ascending `list` holds `x` (by halving). */
export function hasSorted(list: DocList, x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === x;
}

/** The numbers in both ascending lists, ascending. */
export function intersectSorted(a: DocList, b: DocList): number[] {
  if (a.length > b.length) return intersectSorted(b, a);
  const out: number[] = [];
  // Far shorter than the other list: look each up by halving (a rare word against 发展).
  if (a.length * 16 < b.length) {
    let lo = 0;
    for (let k = 0; k < a.length; k++) {
      const x = a[k]!;
      let hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo < b.length && b[lo] === x) out.push(x);
    }
    return out;
  }
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * The numbers in either ascending list, ascending, without duplicates. One
 * list empty: the other, given back as it is (do not change what this returns).
 */
export function unionSorted(a: DocList, b: DocList): DocList {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    out.push(x <= y ? x : y);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The intersection of ascending lists, shortest first; no lists: empty. One
 * list is given back as it is, not copied (do not change what this returns).
 */
export function intersectAll(lists: readonly DocList[]): DocList {
  const sorted = [...lists].sort((x, y) => x.length - y.length);
  if (sorted.length === 0) return [];
  let out: DocList = sorted[0]!;
  for (const next of sorted.slice(1)) {
    if (out.length === 0) break;
    out = intersectSorted(out, next);
  }
  return out;
}

/**
 * `list` without the numbers of `remove` and with those of `add`, ascending
 * and without duplicates. Adding numbers above the list's last (new
 * documents) is an append; anything else sorts.
 */
export function updateSorted(
  list: readonly number[],
  add: readonly number[],
  remove: readonly number[],
): number[] {
  let out: number[];
  if (remove.length > 0) {
    const gone = new Set(remove);
    out = list.filter((d) => !gone.has(d));
  } else out = [...list];
  if (add.length === 0) return out;
  let ascending = out.length === 0 || add[0]! > out[out.length - 1]!;
  for (let i = 1; ascending && i < add.length; i++) ascending = add[i]! > add[i - 1]!;
  for (const d of add) out.push(d);
  if (ascending) return out;
  out.sort((x, y) => x - y);
  return out.filter((d, i) => i === 0 || d !== out[i - 1]);
}
