import { describe, expect, it } from 'vitest';
import type { OutlineNode } from '@/lib/types';
import { countOutline, countPoints } from '@/protocol/count-points';

const node = (text: string, children: OutlineNode[] = []): OutlineNode => ({
  level: 1,
  kind: 'lead',
  marker: null,
  text,
  key: text,
  children,
  source: { block: 0, start: 0, end: text.length },
});

describe('countPoints', () => {
  it('counts every node at every level', () => {
    expect(countPoints([])).toBe(0);
    expect(countPoints([node('一'), node('二')])).toBe(2);
    expect(countPoints([node('一', [node('1'), node('2', [node('a')])]), node('二')])).toBe(5);
  });
});

describe('countOutline', () => {
  it('counts the points beyond the cap too', () => {
    const capped = { ...node('二', [node('1')]), more: 7 };
    expect(countOutline({ nodes: [node('一'), capped], more: 40 })).toBe(3 + 7 + 40);
  });
});
