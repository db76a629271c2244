/** Posting lists as bytes: back exactly, a byte a doc for close docs. */
import { describe, expect, it } from 'vitest';
import { decodeDocs, DocBytes, encodeDocs } from '@/lib/search/doc-bytes';
import { prng } from '../../../bench/synthetic-essay.ts';

describe('doc bytes', () => {
  it('give back every list exactly, edges included', () => {
    const lists = [
      [],
      [0],
      [1],
      [127],
      [128],
      [0, 1, 2, 3],
      [16383, 16384, 2097151, 2097152, 268435455, 268435456, 0xffff_ffff],
      Array.from({ length: 10_000 }, (_, i) => i + 1),
    ];
    const r = prng(7);
    for (let n = 0; n < 200; n++) {
      const size = Math.floor(r() * 300);
      const scale = [10, 1000, 1e6, 4e9][n % 4]!;
      lists.push(
        [...new Set(Array.from({ length: size }, () => Math.floor(r() * scale)))].sort(
          (a, b) => a - b,
        ),
      );
    }
    for (const l of lists) expect([...decodeDocs(encodeDocs(l))]).toEqual(l);
    // End to end in one buffer, each read back by its byte range.
    const b = new DocBytes(4);
    const ends: number[] = [];
    for (const l of lists) {
      b.push(l);
      ends.push(b.length);
    }
    const bytes = b.bytes();
    lists.forEach((l, i) =>
      expect([...decodeDocs(bytes, i > 0 ? ends[i - 1]! : 0, ends[i]!)]).toEqual(l),
    );
  });

  it('take a byte a doc where docs lie close, as a common term', () => {
    const docs = Array.from({ length: 10_000 }, (_, i) => 1 + i + Math.floor(i / 3));
    expect(encodeDocs(docs).length).toBe(10_000);
  });

  it('refuse docs out of order or out of range', () => {
    expect(() => encodeDocs([3, 2])).toThrow(RangeError);
    expect(() => encodeDocs([-1])).toThrow(RangeError);
    expect(() => encodeDocs([2 ** 32])).toThrow(RangeError);
    expect(() => encodeDocs([1.5])).toThrow(RangeError);
  });
});
