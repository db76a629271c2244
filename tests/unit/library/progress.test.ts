import { describe, expect, it } from 'vitest';
import { throttledProgress } from '@/components/library/progress';

describe('throttledProgress', () => {
  it('shows the first and last steps, and the others at most every ms', () => {
    let clock = 0;
    const shown: string[] = [];
    const report = throttledProgress<{ done: number; total: number }>(
      (p) => shown.push(`${p.done}/${p.total}`),
      200,
      () => clock,
    );
    for (const [t, done] of [
      [0, 0],
      [50, 1],
      [150, 2],
      [210, 3],
      [300, 4],
      [420, 5],
      [430, 9],
      [440, 10],
    ] as const) {
      clock = t;
      report({ done, total: 10 });
    }
    expect(shown).toEqual(['0/10', '3/10', '5/10', '10/10']);
  });
});
