import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  buildTextMap,
  offsetsFromRange,
  rangeFromOffsets,
} from '../../../lib/anchoring/text-map.ts';

function happyDoc(html: string): Document {
  const win = new Window();
  win.document.write(html);
  return win.document as unknown as Document;
}

const PAGE = `<!doctype html><html><head><title>T</title><style>p{color:red}</style></head><body>
<article id="a"><h2>一、突出政治引领</h2><p>一是<b>加强理论学习</b>，深入学习<i>贯彻</i>党的创新理论。</p>
<script>var x = "不是正文";</script><noscript>请启用脚本</noscript><template><p>模板</p></template>
<p hidden>隐藏的段落</p><gangmu-sidebar><p>纲目侧栏</p></gangmu-sidebar>
<span aria-hidden="true">读屏隐藏</span><xmp>源码文字</xmp><iframe srcdoc="框架内文">框架后备</iframe>
<p>二是强化<span></span>教育培训。</p></article></body></html>`;

describe('buildTextMap', () => {
  const doc = happyDoc(PAGE);
  const root = doc.getElementById('a')!;
  const map = buildTextMap(root);

  it('concatenates visible text, skipping code, templates, hidden elements and the sidebar', () => {
    expect(map.text).toContain('一、突出政治引领一是加强理论学习，深入学习贯彻党的创新理论。');
    expect(map.text).toContain('二是强化教育培训。');
    for (const gone of [
      '不是正文',
      '请启用脚本',
      '模板',
      '隐藏的段落',
      '纲目侧栏',
      '读屏隐藏',
      '源码文字',
      '框架内文',
      '框架后备',
    ])
      expect(map.text).not.toContain(gone);
    expect(map.starts[map.nodes.length]).toBe(map.text.length);
    expect(map.nodes.map((n) => n.data).join('')).toBe(map.text);
  });

  it('round-trips every sub-range of a sentence through a DOM Range', () => {
    const base = map.text.indexOf('一是');
    const sentence = '一是加强理论学习，深入学习贯彻党的创新理论。';
    for (let s = 0; s < sentence.length; s++) {
      for (let e = s + 1; e <= sentence.length; e++) {
        const range = rangeFromOffsets(map, base + s, base + e);
        expect(range.toString()).toBe(sentence.slice(s, e));
        expect(offsetsFromRange(map, range)).toEqual({ start: base + s, end: base + e });
      }
    }
  });

  it('puts a start on a node boundary at the next node, an end at the previous one', () => {
    const at = map.text.indexOf('加强');
    const range = rangeFromOffsets(map, at, at + 6);
    expect(range.startContainer.nodeValue).toBe('加强理论学习');
    expect(range.startOffset).toBe(0);
    expect(range.endContainer.nodeValue).toBe('加强理论学习');
    expect(range.endOffset).toBe(6);
  });

  it('maps element boundary points and points in skipped text to the next mapped text', () => {
    const p = root.querySelectorAll('p')[0]!;
    const range = doc.createRange();
    range.setStart(p, 1); // before <b>
    range.setEnd(p, p.childNodes.length); // after the paragraph's last child
    const { start, end } = offsetsFromRange(map, range);
    expect(map.text.slice(start, end)).toBe('加强理论学习，深入学习贯彻党的创新理论。');
    const script = root.querySelector('script')!.firstChild!;
    const r2 = doc.createRange();
    r2.setStart(script, 3);
    r2.setEnd(script, 3);
    const o = offsetsFromRange(map, r2);
    expect(map.text.slice(o.start)).toMatch(/^\s*二是强化/);
  });

  it('a root without text gives an empty map and a collapsed range', () => {
    const empty = happyDoc('<body><div id="e"><script>x</script></div></body>');
    const m = buildTextMap(empty.getElementById('e')!);
    expect(m.text).toBe('');
    const r = rangeFromOffsets(m, 0, 5);
    expect(r.collapsed).toBe(true);
  });

  it('walks a very deep tree without recursion', () => {
    const deep = happyDoc('<body><div id="d"></div></body>');
    let el = deep.getElementById('d')!;
    for (let i = 0; i < 5000; i++) {
      const child = deep.createElement('span');
      el.appendChild(child);
      el = child;
    }
    el.textContent = '最深处';
    expect(buildTextMap(deep.getElementById('d')!).text).toBe('最深处');
  });
});
