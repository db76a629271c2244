/**
 * placeInText: highlights described on the page's raw text, found again in
 * the saved (normalised) blocks — or refused, never put on look-alike words.
 */
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../lib/anchoring/describe.ts';
import { normalizeQuote, placeInText } from '../../../lib/anchoring/place-in-text.ts';
import type { ArticleText, Highlight, Selector } from '../../../lib/model.ts';
import type { OutlineNode } from '../../../lib/types.ts';

const hl = (selectors: Selector[], id = 'h'): Highlight => ({
  id,
  articleId: 'a',
  color: 'yellow',
  note: '',
  selectors,
  createdAt: '',
  updatedAt: '',
});

/** A highlight of `needle` (its `occurrence`-th) in the raw page text `raw`. */
function on(raw: string, needle: string, occurrence = 0, extra: Selector[] = []): Highlight {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = raw.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not on the page: ${needle}`);
  return hl([...describe(raw, at, at + needle.length), ...extra], `${needle}#${occurrence}`);
}

const PARALLEL: ArticleText = {
  blocks: [
    { kind: 'paragraph', text: '一是坚持党的全面领导，切实加强组织建设，夯实基层基础。' },
    { kind: 'paragraph', text: '二是坚持党的全面领导，确保各项政策落地见效，惠及群众。' },
  ],
};

const node = (i: number, text: string): OutlineNode => ({
  level: 1,
  kind: 'lead',
  marker: i ? '二是' : '一是',
  text,
  key: text.slice(-4),
  children: [],
  source: { block: i, start: 0, end: text.length + 2 },
});
const OUTLINE = { nodes: [node(0, '坚持党的全面领导'), node(1, '坚持党的全面领导')] };

suite('placeInText', () => {
  it('finds a quote whose page source wrapped and indented the paragraph', () => {
    const raw =
      '\n    一是坚持党的全面领导，\n    切实加强组织建设，夯实基层基础。\n  \n    二是坚持党的全面领导，确保各项政策落地见效，惠及群众。';
    const h = on(raw, '全面领导，\n    切实加强');
    expect(normalizeQuote(h.selectors.find((s) => s.kind === 'quote') as never)?.exact).toBe(
      '全面领导，切实加强',
    );
    const { placed, unplaced } = placeInText(PARALLEL, [h]);
    expect(unplaced).toEqual([]);
    expect(placed[0]!.spans).toEqual([{ block: 0, start: 6, end: 15 }]);
  });

  it('splits a quote across blocks into a span in each, CJK and Latin alike', () => {
    const latin: ArticleText = {
      blocks: [
        { kind: 'heading', text: 'Open source', level: 2 },
        { kind: 'paragraph', text: 'software matters to everyone.' },
      ],
    };
    const raw = 'Open source\n\n  software matters to everyone.';
    const a = placeInText(latin, [on(raw, 'source\n\n  software')]);
    expect(a.placed[0]!.spans).toEqual([
      { block: 0, start: 5, end: 11 },
      { block: 1, start: 0, end: 8 },
    ]);
    const rawCjk = PARALLEL.blocks.map((b) => b.text).join('\n');
    const b = placeInText(PARALLEL, [on(rawCjk, '夯实基层基础。\n二是')]);
    expect(b.placed[0]!.spans).toEqual([
      { block: 0, start: 20, end: 27 },
      { block: 1, start: 0, end: 2 },
    ]);
  });

  it('tells parallel points apart by their context, and ignores the page offsets', () => {
    const raw = PARALLEL.blocks.map((b) => b.text).join('\n');
    const second = on(raw, '坚持党的全面领导', 1);
    // A position selector counts the page's raw text: here it points at the first point.
    const misleading = hl([
      { kind: 'position', start: 2, end: 10 },
      ...second.selectors.filter((s) => s.kind !== 'position'),
    ]);
    for (const outline of [undefined, OUTLINE]) {
      const { placed } = placeInText(PARALLEL, [second, misleading], outline);
      expect(placed.map((p) => p.spans[0]!.block)).toEqual([1, 1]);
    }
  });

  it('leaves a highlight unplaced rather than on a look-alike point', () => {
    // The page once read 一是坚持党的全面领导，切实加强组织建设; the saved text rewrote that point.
    const old =
      '一是坚持党的全面领导，切实加强组织建设，夯实基层基础。\n三是加强作风建设，坚决纠治形式主义。';
    const h = on(old, '坚持党的全面领导', 0, [
      { kind: 'outline-node', path: [0], key: '全面领导', text: '坚持党的全面领导' },
    ]);
    const saved: ArticleText = {
      blocks: [
        { kind: 'paragraph', text: '一是提高政治站位，推动高质量发展取得新成效。' },
        PARALLEL.blocks[1]!,
      ],
    };
    for (const outline of [
      undefined,
      { nodes: [node(0, '提高政治站位'), node(1, '坚持党的全面领导')] },
    ]) {
      const { placed, unplaced } = placeInText(saved, [h], outline);
      expect(placed).toEqual([]);
      expect(unplaced).toEqual([h]);
    }
  });

  it('gives placed highlights in reading order, unplaced ones in the order given; an empty text places none', () => {
    const raw = PARALLEL.blocks.map((b) => b.text).join('\n');
    const later = on(raw, '惠及群众');
    const earlier = on(raw, '夯实基层基础');
    const blank = hl([{ kind: 'quote', exact: ' \n ', prefix: '', suffix: '' }], 'blank');
    const { placed, unplaced } = placeInText(PARALLEL, [later, blank, earlier]);
    expect(placed.map((p) => p.highlight)).toEqual([earlier, later]);
    expect(unplaced).toEqual([blank]);
    expect(placeInText({ blocks: [] }, [later]).unplaced).toEqual([later]);
  });
});
