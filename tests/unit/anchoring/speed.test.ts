/**
 * A loose speed check, to catch quadratic behaviour rather than to measure:
 * 200 highlights on a 100,000-character page must anchor well under a second
 * in every path (position, shifted exact quote, fuzzy). The browser target is
 * 100 ms for restoring 200 highlights; these bounds are ten times looser so
 * that a slow CI machine never fails them.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor } from '../../../lib/anchoring/anchor.ts';
import { describe } from '../../../lib/anchoring/describe.ts';

/** A 100k-character page of parallel points that differ in their numbers and a few words. */
function page(): string {
  const verbs = ['坚持', '健全', '完善', '强化', '推动', '深化', '加快', '统筹'];
  const parts: string[] = [];
  let i = 0;
  while (parts.join('').length < 100_000) {
    const v = verbs[i % verbs.length]!;
    parts.push(
      `第${i}条，${v}党的全面领导，切实把第${i}项任务落到实处，确保第${(i * 7) % 1000}个目标如期完成。\n`,
    );
    i++;
  }
  return parts.join('').slice(0, 100_000);
}

suite('anchoring speed (loose)', () => {
  const text = page();
  const highlights = Array.from({ length: 200 }, (_, k) => {
    const start = 200 + k * 480;
    return describe(text, start, start + 20 + (k % 40));
  });

  const time = (f: () => void) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };

  it('unchanged page: 200 highlights by position', () => {
    let placed = 0;
    const ms = time(() => {
      for (const h of highlights) if (anchor(text, h)?.method === 'position') placed++;
    });
    expect(placed).toBe(200);
    expect(ms).toBeLessThan(1000);
  });

  it('text inserted at the top: 200 highlights by exact quote', () => {
    const shifted = '编者按：本文有删节。\n' + text;
    let placed = 0;
    const ms = time(() => {
      for (const h of highlights) if (anchor(shifted, h)?.method === 'quote') placed++;
    });
    expect(placed).toBe(200);
    expect(ms).toBeLessThan(1000);
  });

  it('every highlight edited: 200 highlights by fuzzy quote', () => {
    // Change the third character of every highlighted stretch.
    const chars = [...text];
    for (const h of highlights) {
      const p = h[0]!;
      if (p.kind === 'position') chars[p.start + 2] = '※';
    }
    const edited = '编者按：本文有删节。\n' + chars.join('');
    let placed = 0;
    const ms = time(() => {
      for (const h of highlights) if (anchor(edited, h)?.method === 'fuzzy') placed++;
    });
    expect(placed).toBe(200);
    expect(ms).toBeLessThan(2000);
  });
});
