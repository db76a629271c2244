import { describe, expect, it } from 'vitest';
import {
  FULL_STOPS,
  fullStopEnd,
  pointEnd,
  pointEndIn,
  sentenceEnd,
  stopIndex,
  TERMINATOR_CHARS,
} from '../../../lib/outline/point-text.ts';
import { boldRunAt } from '../../../lib/outline/candidates.ts';
import type { Block } from '../../../lib/types.ts';

const TEXTS = [
  '一是加强学习；二是改进作风。三是抓好落实！最后？',
  '没有任何标点的一段文字',
  '。；！？',
  '一是教学质量方面：要抓好课堂；二是…',
  '',
];

describe('stopIndex answers as the scans do', () => {
  it.each(TEXTS)('%s', (text) => {
    const full = stopIndex(text, FULL_STOPS);
    const term = stopIndex(text, TERMINATOR_CHARS);
    for (let from = 0; from <= text.length; from++)
      for (const limit of [text.length, Math.min(text.length, from + 3)]) {
        expect(full.next(from, limit)).toBe(fullStopEnd(text, from, limit));
        expect(term.next(from, limit)).toBe(sentenceEnd(text, from, limit));
        expect(pointEndIn(text, term, from, limit)).toBe(pointEnd(text, from, limit));
      }
  });
});

describe('boldRunAt', () => {
  const block = {
    text: '“一是”加强学习，二是改进作风，三是抓好落实',
    bold: [
      [0, 4],
      [9, 14],
      [15, 20],
    ],
  } as unknown as Block;
  it.each([
    { pos: 0, want: [0, 4] },
    { pos: 3, want: [0, 4] },
    { pos: 4, want: null },
    { pos: 8, want: [9, 14] },
    { pos: 7, want: null },
    { pos: 14, want: [15, 20] },
    { pos: 19, want: [15, 20] },
    { pos: 20, want: null },
  ])('at $pos → $want', ({ pos, want }) => {
    expect(boldRunAt(block, pos)).toEqual(want);
  });
});
