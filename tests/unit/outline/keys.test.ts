import { afterEach, describe, expect, it, vi } from 'vitest';
import { assignKeys } from '../../../lib/outline/keys.ts';
import type { OutlineNode } from '../../../lib/types.ts';
import { keyCases } from './keys-cases.ts';

function node(text: string, children: OutlineNode[] = []): OutlineNode {
  return {
    level: 1,
    kind: 'lead',
    marker: null,
    text,
    key: '',
    children,
    source: { block: 0, start: 0, end: 0 },
  };
}

function keysOf(texts: string[], assign = assignKeys): string[] {
  const nodes = texts.map((t) => node(t));
  assign(nodes);
  return nodes.map((n) => n.key);
}

const NUMBERISH = /[0-9０-９.〇零一二三四五六七八九十百千万亿两]/;

/** Whether `text` cut at `at` splits a run of digits or numerals (2009 → 09). */
function splitsNumber(text: string, at: number): boolean {
  return at > 0 && at < text.length && NUMBERISH.test(text[at - 1]!) && NUMBERISH.test(text[at]!);
}

describe('assignKeys: readable labels', () => {
  it.each(keyCases)('$name', ({ texts, keys }) => {
    expect(keysOf(texts)).toEqual(keys);
  });

  it.each(keyCases)('$name: a phrase of the text, nothing cut inside', ({ texts }) => {
    const keys = keysOf(texts);
    keys.forEach((key, i) => {
      const text = texts[i]!;
      expect(key.length).toBeGreaterThan(0);
      const cut = key.endsWith('…') && !text.endsWith('…');
      const body = cut ? key.slice(0, -1) : key;
      const at = text.indexOf(body);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(splitsNumber(text, at)).toBe(false);
      expect(splitsNumber(text, at + body.length)).toBe(false);
      if (/[\p{L}\p{N}]/u.test(text)) {
        expect(body).not.toMatch(/^[，,、。：:；;！!？?\s—…）》」』】]/u);
        expect(body).not.toMatch(/[，,、。：:；;！!？?\s—…（《「『【]$/u);
      }
    });
    // Distinct texts keep distinct keys.
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (texts[i] !== texts[j]) expect(keys[i]).not.toBe(keys[j]);
  });
});

describe('assignKeys: the forest', () => {
  it('keys children among their own siblings', () => {
    const tree = [
      node('加强党的建设', [
        node('大力弘扬劳动精神和工匠精神，营造劳动光荣的社会风尚'),
        node('大力倡导勤俭节约的生活方式，坚决制止餐饮浪费行为'),
      ]),
      node('向良田要产量', [node('第一章 总则')]),
    ];
    assignKeys(tree);
    expect(tree.map((n) => n.key)).toEqual(['加强党的建设', '向良田要产量']);
    expect(tree[0]!.children.map((n) => n.key)).toEqual([
      '弘扬劳动精神和工匠精神…',
      '倡导勤俭节约的生活方式…',
    ]);
    expect(tree[1]!.children[0]!.key).toBe('第一章 总则');
  });

  it('is deterministic', () => {
    const texts = keyCases.flatMap((c) => c.texts);
    expect(keysOf(texts)).toEqual(keysOf(texts));
  });

  it('keeps an empty text empty and handles no nodes', () => {
    expect(keysOf([''])).toEqual(['']);
    expect(keysOf([])).toEqual([]);
  });

  it('reads only the start of a very long text', () => {
    const long = '坚持以人民为中心的发展思想，'.repeat(20_000);
    const started = performance.now();
    expect(keysOf([long])).toEqual(['坚持以人民为中心的发展思想…']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('cuts a text with no word boundary near its start at the budget', () => {
    expect(keysOf(['x'.repeat(500)])).toEqual([`${'x'.repeat(32)}…`]);
  });

  it('keeps siblings that differ within their first 64 characters apart', () => {
    const shared = '推进国家治理体系和治理能力现代化'.repeat(3);
    const keys = keysOf([`${shared}甲方案`, `${shared}乙方案`]);
    expect(keys).toEqual([`${shared}甲…`, `${shared}乙…`]);
  });

  it('reads no further than 64 characters to tell long siblings apart', () => {
    const shared = '推进国家治理体系和治理能力现代化'.repeat(20_000);
    const keys = keysOf([`${shared}甲方案`, `${shared}乙方案`]);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]!.length).toBeLessThanOrEqual(65);
    expect(keys[0]!.endsWith('…')).toBe(true);
  });
});

describe('assignKeys without Intl.Segmenter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('still gives keys that never cut a number', async () => {
    vi.resetModules();
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    const { assignKeys: fallback } = await import('../../../lib/outline/keys.ts');
    expect(keysOf(['向良田要产量', '向良种要产量'], fallback)).toEqual([
      '向良田要产量',
      '向良种要产量',
    ]);
    const [key] = keysOf(['全年财政收入达到13.81万亿元，同比增长百分之五'], fallback);
    expect(key!.startsWith('全年财政收入达到13.81万亿元')).toBe(true);
    expect(key!.endsWith('…')).toBe(true);
  });
});
