import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blocksFromDocument } from '../../../lib/blocks/from-dom.ts';
import type { BlockDoc } from '../../../lib/types.ts';
import { cases, page } from './from-dom-cases.ts';

function linkedomDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function happyDoc(html: string): { doc: Document; win: Window } {
  const win = new Window();
  win.document.write(html);
  return { doc: win.document as unknown as Document, win };
}

function boldTexts(bd: BlockDoc, prefix: string): string[] | undefined {
  const b = bd.blocks.find((x) => x.text.startsWith(prefix));
  return b?.bold.map(([s, e]) => b.text.slice(s, e));
}

function check(bd: BlockDoc, c: (typeof cases)[number]): void {
  const texts = bd.blocks.map((b) => b.text);
  let from = 0;
  for (const want of c.blocks ?? []) {
    const at = texts.indexOf(want, from);
    expect(at, `block "${want}" in order`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
  for (const [prefix, bold] of c.bold ?? []) expect(boldTexts(bd, prefix), prefix).toEqual(bold);
  for (const bad of c.absent ?? []) {
    expect(
      texts.some((t) => t.includes(bad)),
      `"${bad}" must give no block`,
    ).toBe(false);
  }
  for (const [prefix, kind, level] of c.kinds ?? []) {
    const b = bd.blocks.find((x) => x.text.startsWith(prefix));
    expect(b?.kind, prefix).toBe(kind);
    if (level !== undefined) expect(b?.headingLevel).toBe(level);
  }
  for (const prefix of c.centered ?? []) {
    expect(bd.blocks.find((x) => x.text.startsWith(prefix))?.centered, prefix).toBe(true);
  }
  for (const b of bd.blocks) {
    expect(b.text.trim()).not.toBe('');
    for (let i = 1; i < b.bold.length; i++)
      expect(b.bold[i]![0]).toBeGreaterThan(b.bold[i - 1]![1]);
  }
}

describe('blocksFromDocument (linkedom)', () => {
  it.each(cases)('$name', (c) => {
    const doc = linkedomDoc(c.html);
    const before = doc.documentElement.outerHTML;
    const bd = blocksFromDocument(doc);
    check(bd, c);
    expect(bd.format).toBe('html');
    expect(doc.documentElement.outerHTML, 'document not mutated').toBe(before);
    for (const b of bd.blocks) {
      expect(b.source.kind).toBe('dom');
      const node = (b.source as { node: Element }).node;
      expect(node.ownerDocument, 'live element of doc').toBe(doc);
      expect(doc.contains(node), 'attached to doc').toBe(true);
      expect(node.hasAttribute('data-gangmu-i')).toBe(false);
    }
  });
});

describe('blocksFromDocument (happy-dom)', () => {
  const picked = cases.filter((c) => /strong lead|WeChat|Word markup|centred/.test(c.name));
  it.each(picked)('$name, inline styles', (c) => {
    const { doc } = happyDoc(c.html);
    const before = doc.documentElement.outerHTML;
    check(blocksFromDocument(doc), c);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads bold and centring through a window.getComputedStyle', () => {
    const c = cases.find((x) => x.name.startsWith('WeChat'))!;
    const { doc, win } = happyDoc(c.html);
    const bd = blocksFromDocument(doc, { window: win as unknown as Window & typeof globalThis });
    check(bd, c);
  });
});

describe('blocksFromDocument: hints and edge cases', () => {
  it('puts the headline, <title> and url in hints', () => {
    const doc = linkedomDoc(
      page('推进基层治理现代化的几点思考', `<p>${'正文内容较长。'.repeat(40)}</p>`),
    );
    const bd = blocksFromDocument(doc, { url: 'https://example.org/a.html' });
    expect(bd.hints.title).toBe('推进基层治理现代化的几点思考');
    expect(bd.hints.docTitle).toBe('推进基层治理现代化的几点思考_示例网');
    expect(bd.hints.url).toBe('https://example.org/a.html');
  });

  it('gives no blocks (and does not throw) for a page without an article', () => {
    const html =
      '<html><head><title>导航页</title></head><body><div class="nav"><ul>' +
      Array.from({ length: 10 }, (_, i) => `<li><a href="/${i}">${i + 1}、栏目${i}</a></li>`).join(
        '',
      ) +
      '</ul></div></body></html>';
    const bd = blocksFromDocument(linkedomDoc(html));
    expect(bd.blocks.filter((b) => /栏目/.test(b.text))).toEqual([]);
  });

  it('handles empty documents', () => {
    expect(blocksFromDocument(linkedomDoc('')).blocks).toEqual([]);
    expect(blocksFromDocument(linkedomDoc('<html><body></body></html>')).blocks).toEqual([]);
  });

  it('walks 10,000-level-deep HTML without overflowing the stack', () => {
    const depth = 10_000;
    const html =
      '<html><head><title>深层</title></head><body>' +
      '<div>'.repeat(depth) +
      '<p>深层嵌套里的一段正文，用来检查迭代遍历不会栈溢出。</p><p><b>加粗的第二段。</b>后面是普通文字。</p>' +
      '</div>'.repeat(depth) +
      '</body></html>';
    const doc = linkedomDoc(html);
    const bd = blocksFromDocument(doc);
    expect(bd.blocks.map((b) => b.text)).toEqual([
      '深层嵌套里的一段正文，用来检查迭代遍历不会栈溢出。',
      '加粗的第二段。后面是普通文字。',
    ]);
    expect(boldTexts(bd, '加粗')).toEqual(['加粗的第二段。']);
  });

  it('keeps linear time on a large page', () => {
    const para = '<p>大段正文，用来测试性能，文字内容并无实际意义，只是重复出现。</p>';
    const html = page('性能测试', para.repeat(5000));
    const doc = linkedomDoc(html);
    const t = performance.now();
    const bd = blocksFromDocument(doc);
    expect(bd.blocks.length).toBeGreaterThanOrEqual(5000);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
