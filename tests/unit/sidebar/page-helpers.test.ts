import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../lib/index.ts';
import { currentIndex } from '../../../content/current-section.ts';
import { flattenOutline } from '../../../content/flat-outline.ts';
import { locateText, squeezeText } from '../../../content/locate-text.ts';
import { targetOf } from '../../../content/page-outline.ts';

function el(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

describe('locateText', () => {
  const cases: { name: string; html: string; text: string; found: string | null }[] = [
    { name: 'plain', html: '<p>一是加强领导。其余文字</p>', text: '加强领导', found: '加强领导' },
    {
      name: 'across inline elements and line breaks',
      html: '<p><strong>一是加\n   强</strong>领导。</p>',
      text: '加强领导',
      found: '加\n   强</strong>领导',
    },
    {
      name: 'ASCII punctuation in the page, full-width in the outline',
      html: '<p>坚持系统观念, 织密网络</p>',
      text: '坚持系统观念，织密网络',
      found: '坚持系统观念, 织密网络',
    },
    {
      name: 'only the first 12 characters match',
      html: '<p>一二三四五六七八九十甲乙丙丁</p>',
      text: '一二三四五六七八九十甲乙XYZ',
      found: '一二三四五六七八九十甲乙',
    },
    {
      name: 'ends in text nodes after empty and all-space ones',
      html: '<p>前文<b></b><i>  </i>一<span>是</span><b></b> <em>加</em>强领导。</p>',
      text: '是加强',
      found: '是</span><b></b> <em>加</em>强',
    },
    {
      name: 'beyond the BMP',
      html: '<p>𠀀甲<i>乙</i>丙</p>',
      text: '甲乙丙',
      found: '甲<i>乙</i>丙',
    },
    { name: 'absent', html: '<p>别的内容</p>', text: '加强领导', found: null },
  ];
  it.each(cases)('$name', ({ html, text, found }) => {
    const root = el(html);
    const range = locateText(root, text);
    if (found === null) return expect(range).toBeNull();
    expect(range).not.toBeNull();
    const frag = document.createElement('div');
    frag.append(range!.cloneContents());
    expect(squeezeText(frag.textContent ?? '')).toBe(squeezeText(found.replace(/<[^>]+>/g, '')));
  });

  it('finds the same ranges with a cache shared by several points of one element', () => {
    const root = el('<p><strong>一是加强学习。</strong>二是<em>改进</em>作风，三是抓好落实。</p>');
    const cache = new Map();
    for (const words of ['加强学习', '改进作风', '抓好落实', '加强学习']) {
      const a = locateText(root, words, cache)!.toString();
      expect(a).toBe(locateText(root, words)!.toString());
      expect(squeezeText(a)).toBe(words);
    }
    expect(cache.size).toBe(1);
  });
});

describe('currentIndex', () => {
  it.each([
    { tops: [], line: 100, want: -1 },
    { tops: [200, 400], line: 100, want: -1 },
    { tops: [-300, 50, 400], line: 100, want: 1 },
    { tops: [-300, -50, 40], line: 100, want: 2 },
    { tops: [-300, Infinity, 40], line: 100, want: 2 },
  ])('$tops at $line → $want', ({ tops, line, want }) => {
    expect(currentIndex(tops, line)).toBe(want);
  });
});

describe('outline nodes in the live DOM', () => {
  it('flattens in reading order with paths and maps each node to its element and words', () => {
    document.body.innerHTML = `<article><h1>以绣花功夫推进社区治理</h1>
      <p>${'社区是城市治理的末梢，也是群众感受治理温度的第一现场。'.repeat(6)}</p>
      <h3>一、坚持以人民为中心</h3>
      <p><strong>一是摸清群众需求底数。</strong>要推动社区工作者走出办公室，走进楼栋院落。</p>
      <p><strong>二是畅通群众表达渠道。</strong>既要用好线下平台，也要善用线上渠道。</p>
      <h3>二、坚持系统观念</h3>
      <p><strong>一是理顺条块关系。</strong>明确权责清单，减少推诿扯皮。</p>
      <p><strong>二是压实属地责任。</strong>把责任落实到网格，落实到人。</p></article>`;
    const { blocks, outline } = analyzeDocument(document, { window });
    const flat = flattenOutline(outline.nodes);
    expect(flat.map((f) => f.id)).toEqual(['0', '0.0', '0.1', '1', '1.0', '1.1']);
    expect(flat.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const second = flat[2]!;
    expect(second.path).toEqual([0, 1]);
    const target = targetOf(blocks, second.node)!;
    expect(target.element.tagName).toBe('P');
    expect(target.element.textContent).toContain('畅通群众表达渠道');
    expect(target.range?.toString()).toContain('畅通群众表达渠道');
    const heading = targetOf(blocks, flat[3]!.node)!;
    expect(heading.element.tagName).toBe('H3');
  });
});
