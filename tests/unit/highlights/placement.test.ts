import { describe, expect, it } from 'vitest';
import { describe as describeSelectors } from '../../../lib/anchoring/describe.ts';
import { pathKey } from '../../../lib/anchoring/outline-ranges.ts';
import { outlineToMarkdown, ORPHANS_HEADING } from '../../../lib/export/to-markdown.ts';
import type { Highlight } from '../../../lib/model.ts';
import type { Outline } from '../../../lib/types.ts';
import {
  exportItems,
  groupPlacements,
  placedAt,
  placeHighlights,
  replaceHighlight,
  trimOffsets,
  withNodePaths,
  type Placement,
} from '../../../content/placement.ts';
import { paragraphOutline } from '../anchoring/helpers.ts';

const INTRO = '近年来各地在网格化管理上投入甚多，但办事绕路的问题仍时有出现。';
const P1 =
  '一是坚持党的全面领导，切实把党的领导贯穿基层治理全过程各方面，确保改革始终沿着正确方向前进。';
const P2 =
  '二是坚持党的全面领导，确保各项部署落到实处，推动资源服务管理向基层下沉，让群众办事少跑腿。';
const P3 = '三是健全议事协商机制，居民议事会定期召开，大事小情由大家商量着办。';
const before = [INTRO, P1, P2, P3].join('\n');

function highlightOf(text: string, needle: string, id: string, note = ''): Highlight {
  const { nodes, ranges } = paragraphOutline(text);
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`no ${needle}`);
  const selectors = describeSelectors(text, start, start + needle.length, {
    nodes,
    rangeOf: (_n, path) => ranges.get(pathKey(path)) ?? null,
  });
  return {
    id,
    articleId: 'a',
    color: 'yellow',
    note,
    selectors,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

const h1 = highlightOf(before, '切实把党的领导贯穿基层治理全过程各方面', 'h1', '要点');
const h2 = highlightOf(before, '居民议事会定期召开', 'h2');
const hIntro = highlightOf(before, '网格化管理', 'h0');

describe('placeHighlights', () => {
  it('places each highlight under the node it was made in', () => {
    const placed = placeHighlights(before, [h1, h2, hIntro], paragraphOutline(before));
    expect(placed.map((p) => (p.placed ? pathKey(p.nodePath ?? []) : 'orphan'))).toEqual([
      '0',
      '2',
      '',
    ]);
  });

  it('builds a lazy structure only when a match needs the node check; node paths come later', () => {
    let calls = 0;
    const lazy = () => {
      calls++;
      return paragraphOutline(before);
    };
    const placed = placeHighlights(before, [h1, h2, hIntro], lazy);
    expect(calls).toBe(0);
    expect(placed.every((p) => p.placed && p.nodePath === null)).toBe(true);
    const filled = withNodePaths(placed, paragraphOutline(before));
    expect(filled.map((p) => (p.placed ? pathKey(p.nodePath ?? []) : 'orphan'))).toEqual([
      '0',
      '2',
      '',
    ]);
    // Its paragraph deleted beside a look-alike: still an orphan with a lazy structure.
    const after = [INTRO, P2, P3].join('\n');
    const [orphan] = placeHighlights(after, [h1], () => paragraphOutline(after));
    expect(orphan!.placed).toBe(false);
  });

  it('follows text inserted before the highlight', () => {
    const after = [INTRO, '新增的一段文字，用来把后面的内容整体往后推。', P1, P2, P3].join('\n');
    const [p] = placeHighlights(after, [h1], paragraphOutline(after));
    expect(p?.placed).toBe(true);
    if (p?.placed) {
      expect(after.slice(p.start, p.end)).toBe('切实把党的领导贯穿基层治理全过程各方面');
      expect(p.nodePath).toEqual([0]);
    }
  });

  it('makes an orphan of a highlight whose paragraph is gone, not a look-alike placement', () => {
    const h = highlightOf(before, '坚持党的全面领导，切实', 'hx');
    const after = [INTRO, P2, P3].join('\n');
    const [p] = placeHighlights(after, [h], paragraphOutline(after));
    expect(p?.placed).toBe(false);
  });
});

describe('groupPlacements', () => {
  it('groups by node in reading order, with intro and orphans apart', () => {
    const a = { placed: true as const, highlight: h1, start: 50, end: 60, nodePath: [0] };
    const b = { placed: true as const, highlight: h2, start: 40, end: 45, nodePath: [0] };
    const c = { placed: true as const, highlight: hIntro, start: 3, end: 8, nodePath: null };
    const o = { placed: false as const, highlight: { ...h1, id: 'o' } };
    const g = groupPlacements([a, o, b, c]);
    expect(g.byNode.get('0')?.map((p) => p.highlight.id)).toEqual(['h2', 'h1']);
    expect(g.intro.map((p) => p.highlight.id)).toEqual(['h0']);
    expect(g.orphans.map((p) => p.highlight.id)).toEqual(['o']);
  });
});

describe('exportItems', () => {
  const outline: Outline = {
    title: '测试',
    subtitle: null,
    author: null,
    affiliation: null,
    conclusion: null,
    formulations: [],
    digest: [],
    nodes: paragraphOutline(before).nodes,
  };

  it('passes node paths and marks orphans, which the export lists at the end', () => {
    const placements: Placement[] = [
      { placed: true, highlight: h1, start: 40, end: 60, nodePath: [0] },
      { placed: false, highlight: { ...h2, note: '孤立的笔记' } },
    ];
    const items = exportItems(placements);
    expect(items).toEqual([
      { highlight: h1, nodePath: [0], placed: true },
      { highlight: { ...h2, note: '孤立的笔记' }, nodePath: null, placed: false },
    ]);
    const md = outlineToMarkdown(outline, { highlights: items });
    const node = md.indexOf('坚持党的全面领导');
    const quote = md.indexOf('切实把党的领导贯穿基层治理全过程各方面');
    const orphans = md.indexOf(ORPHANS_HEADING);
    expect(node).toBeGreaterThan(0);
    expect(quote).toBeGreaterThan(node);
    expect(md).toContain('要点');
    expect(orphans).toBeGreaterThan(quote);
    expect(md.indexOf('孤立的笔记')).toBeGreaterThan(orphans);
    expect(outlineToMarkdown(outline, { highlights: items, obsidian: true })).toContain(
      '==切实把党的领导贯穿基层治理全过程各方面==',
    );
  });
});

describe('placedAt', () => {
  const outer = { placed: true as const, highlight: h1, start: 10, end: 30, nodePath: null };
  const inner = { placed: true as const, highlight: h2, start: 12, end: 20, nodePath: null };
  const cases = [
    { name: 'inside both: the innermost', start: 13, end: 15, id: 'h2' },
    { name: 'inside the outer only', start: 22, end: 25, id: 'h1' },
    { name: 'a caret inside', start: 25, end: 25, id: 'h1' },
    { name: 'a caret at the end is outside', start: 30, end: 30, id: null },
    { name: 'overlapping the edge', start: 5, end: 15, id: null },
  ];
  it.each(cases)('$name', ({ start, end, id }) => {
    expect(
      placedAt([outer, inner, { placed: false, highlight: hIntro }], start, end)?.highlight.id ??
        null,
    ).toBe(id);
  });
});

describe('trimOffsets and replaceHighlight', () => {
  it('drops whitespace at the edges', () => {
    expect(trimOffsets('  甲乙\n ', 0, 7)).toEqual({ start: 2, end: 4 });
    expect(trimOffsets(' \n ', 0, 3)).toEqual({ start: 3, end: 3 });
  });
  it('replaces by id and keeps the placement', () => {
    const p: Placement[] = [{ placed: true, highlight: h1, start: 1, end: 2, nodePath: [0] }];
    const next = replaceHighlight(p, { ...h1, note: '新' });
    expect(next[0]).toMatchObject({ start: 1, end: 2, highlight: { note: '新' } });
  });
});
