import { describe as suite, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describe } from '../../../lib/anchoring/describe.ts';
import {
  findNodeAt,
  locateNode,
  pathKey,
  sectionRanges,
} from '../../../lib/anchoring/outline-ranges.ts';
import type { OutlineNode } from '../../../lib/types.ts';

const node = (text: string, children: OutlineNode[] = [], key = text): OutlineNode => ({
  level: 1,
  kind: 'heading',
  marker: null,
  text,
  key,
  children,
  source: { block: 0, start: 0, end: 0 },
});

suite('describe', () => {
  const text = 'あ'.repeat(50) + '坚持党的全面领导' + 'い'.repeat(50);

  it('gives position and quote with 32 characters of context each side', () => {
    const sel = describe(text, 50, 58);
    expect(sel).toEqual([
      { kind: 'position', start: 50, end: 58 },
      {
        kind: 'quote',
        exact: '坚持党的全面领导',
        prefix: 'あ'.repeat(CONTEXT_LENGTH),
        suffix: 'い'.repeat(CONTEXT_LENGTH),
      },
    ]);
  });

  it('gives shorter context only where the text ends, and clamps offsets', () => {
    const sel = describe('开头的话', -3, 2);
    expect(sel[1]).toEqual({ kind: 'quote', exact: '开头', prefix: '', suffix: '的话' });
    expect(describe('结尾', 1, 99)[0]).toEqual({ kind: 'position', start: 1, end: 2 });
  });

  it('has nothing to anchor for an empty or whitespace-only stretch', () => {
    expect(describe(text, 5, 5)).toEqual([]);
    expect(describe('前 \n\t 后', 1, 5)).toEqual([]);
    expect(describe('', 0, 0)).toEqual([]);
  });

  it('adds the innermost outline node containing the start', () => {
    const nodes = [node('一', [node('一之一'), node('一之二', [], '之二')]), node('二')];
    const starts: Record<string, number> = { '0': 0, '0.0': 10, '0.1': 30, '1': 60 };
    const ranges = sectionRanges(nodes, (_n, p) => starts[pathKey(p)] ?? null, 100);
    const sel = describe(text, 40, 45, {
      nodes,
      rangeOf: (_n, p) => ranges.get(pathKey(p)) ?? null,
    });
    expect(sel[2]).toEqual({ kind: 'outline-node', path: [0, 1], key: '之二', text: '一之二' });
    const direct = describe(text, 70, 75, { nodes, nodeAt: () => [1] });
    expect(direct[2]).toEqual({ kind: 'outline-node', path: [1], key: '二', text: '二' });
    expect(describe(text, 70, 75, { nodes, nodeAt: () => [7] })).toHaveLength(2);
  });
});

suite('outline ranges', () => {
  const nodes = [node('一', [node('一之一'), node('一之二')]), node('二', [node('二之一')])];
  const starts: Record<string, number> = { '0': 5, '0.0': 10, '0.1': 30, '1': 60, '1.0': 70 };
  const ranges = sectionRanges(nodes, (_n, p) => starts[pathKey(p)] ?? null, 100);

  it('sectionRanges: a section runs to the next node at the same or a higher level', () => {
    expect(Object.fromEntries(ranges)).toEqual({
      '0': { start: 5, end: 60 },
      '0.0': { start: 10, end: 30 },
      '0.1': { start: 30, end: 60 },
      '1': { start: 60, end: 100 },
      '1.0': { start: 70, end: 100 },
    });
  });

  it('sectionRanges: a node with an unknown start gets no range', () => {
    const r = sectionRanges(
      nodes,
      (_n, p) => (pathKey(p) === '0.1' ? null : starts[pathKey(p)]!),
      100,
    );
    expect(r.has('0.1')).toBe(false);
    expect(r.get('0.0')).toEqual({ start: 10, end: 60 });
  });

  it('findNodeAt: innermost node, or null outside every node', () => {
    const rangeOf = (_n: OutlineNode, p: number[]) => ranges.get(pathKey(p)) ?? null;
    expect(findNodeAt(nodes, 12, rangeOf)?.path).toEqual([0, 0]);
    expect(findNodeAt(nodes, 6, rangeOf)?.path).toEqual([0]);
    expect(findNodeAt(nodes, 65, rangeOf)?.path).toEqual([1]);
    expect(findNodeAt(nodes, 2, rangeOf)).toBeNull();
    expect(findNodeAt(nodes, 100, rangeOf)).toBeNull();
  });

  it('locateNode: same path and text, else unique text, else unique long key; never guesses', () => {
    expect(locateNode(nodes, { path: [0, 1], key: 'x', text: '一之二' })?.path).toEqual([0, 1]);
    expect(locateNode(nodes, { path: [5], key: 'x', text: '二之一' })?.path).toEqual([1, 0]);
    const twins = [
      node('坚持党的领导', [], '切实扛起责任'),
      node('坚持党的领导', [], '确保落到实处'),
    ];
    expect(
      locateNode(twins, { path: [1], key: '确保落到实处', text: '坚持党的领导' })?.path,
    ).toEqual([1]);
    expect(locateNode(twins, { path: [3], key: '确保落到实处', text: '坚持党的领导' })).toBeNull();
    expect(locateNode(twins, { path: [3], key: '切实扛起责任', text: '别的' })?.path).toEqual([0]);
    expect(locateNode(twins, { path: [3], key: '责任', text: '别的' })).toBeNull();
  });
});
