import { describe as suite, expect, it } from 'vitest';
import { anchor, MIN_SCORE } from '../../../lib/anchoring/anchor.ts';
import { describe } from '../../../lib/anchoring/describe.ts';
import { nodeRangeLookup, pathKey } from '../../../lib/anchoring/outline-ranges.ts';
import type { Selector } from '../../../lib/model.ts';
import { anchorCases, BASE, longEssay, type AnchorCase } from './anchor-cases.ts';
import { paragraphOutline, spotOffset } from './helpers.ts';

/** The selectors of a case's highlight, described on the page as it was. */
function selectorsOf(c: AnchorCase, withOutline: boolean): Selector[] {
  const start = spotOffset(c.before, c.highlight);
  const end = start + c.highlight.needle.length;
  if (!withOutline) return describe(c.before, start, end);
  const { nodes, ranges } = paragraphOutline(c.before);
  return describe(c.before, start, end, {
    nodes,
    rangeOf: (_n, path) => ranges.get(pathKey(path)) ?? null,
  });
}

function check(c: AnchorCase, got: ReturnType<typeof anchor>) {
  if (c.expect === 'orphan') {
    expect(got).toBeNull();
    return;
  }
  const start = spotOffset(c.after, c.expect.at);
  expect(got).toMatchObject({
    method: c.expect.method,
    start,
    end: start + c.expect.at.needle.length,
  });
  expect(got!.score).toBeGreaterThanOrEqual(MIN_SCORE);
}

suite('anchor: table of page changes', () => {
  for (const c of anchorCases) {
    if (c.noOutline) {
      it(`${c.name} (quote and position only)`, () => {
        check(c, anchor(c.after, selectorsOf(c, false)));
      });
      continue;
    }
    it(`${c.name} (node ranges from the current outline)`, () => {
      const selectors = selectorsOf(c, true);
      expect(selectors.some((s) => s.kind === 'outline-node')).toBe(
        /^[一二三四]是/m.test(c.before),
      );
      const { nodes, ranges } = paragraphOutline(c.after);
      check(c, anchor(c.after, selectors, { nodeRangeOf: nodeRangeLookup(nodes, ranges) }));
    });
    it(`${c.name} (pure-text node check)`, () => {
      check(c, anchor(c.after, selectorsOf(c, true)));
    });
  }
});

suite('anchor: edge cases', () => {
  it('without a quote selector nothing is placed', () => {
    expect(anchor('abc', [{ kind: 'position', start: 0, end: 1 }])).toBeNull();
  });

  it('a position selector whose text changed falls through to the quote', () => {
    const text = '甲乙丙丁戊己庚辛';
    const got = anchor(text, [
      { kind: 'position', start: 0, end: 2 },
      { kind: 'quote', exact: '丙丁', prefix: '甲乙', suffix: '戊己' },
    ]);
    expect(got).toMatchObject({ method: 'quote', start: 2, end: 4 });
  });

  it('a position selector beyond the end of the text is ignored', () => {
    const got = anchor('甲乙丙丁', [
      { kind: 'position', start: 90, end: 92 },
      { kind: 'quote', exact: '丙丁', prefix: '甲乙', suffix: '' },
    ]);
    expect(got).toMatchObject({ method: 'quote', start: 2, end: 4 });
  });

  it('a highlight in the intro (no node) is placed by quote and context', () => {
    const text = BASE.join('\n');
    const start = text.indexOf('全面推进');
    const selectors = describe(text, start, start + 4, {
      nodes: paragraphOutline(text).nodes,
      nodeAt: () => null,
    });
    expect(selectors.map((s) => s.kind)).toEqual(['position', 'quote']);
    expect(anchor('按：' + text, selectors)).toMatchObject({ method: 'quote', start: start + 2 });
  });

  it('very long quote, unchanged but shifted: exact quote', () => {
    const { before, quote } = longEssay();
    const start = before.indexOf(quote);
    const selectors = describe(before, start, start + quote.length);
    const after = '编者按：本文有删节。\n' + before;
    expect(anchor(after, selectors)).toMatchObject({ method: 'quote', start: start + 11 });
  });

  it('very long quote with scattered edits: fuzzy, bounds kept', () => {
    const { before, quote } = longEssay();
    const start = before.indexOf(quote);
    const selectors = describe(before, start, start + quote.length);
    const after = ('编者按：本文有删节。\n' + before)
      .replace('第10项任务', '第十项任务')
      .replace('第20项任务落到实处', '第20项任务抓到实处')
      .replace('第30条 坚持', '第30条 始终坚持');
    const got = anchor(after, selectors);
    expect(got?.method).toBe('fuzzy');
    const newStart = after.indexOf('第6条');
    const newEnd = after.indexOf('\n第36条');
    expect(got).toMatchObject({ start: newStart, end: newEnd });
  });
});
