/**
 * Essays rendered inside shadow roots (web-component sites): an open root's
 * contents are read as the page renders them — light children only where a
 * slot shows them — and a closed root, out of the page's reach, is left alone.
 * In happy-dom, which has shadow roots and slots (linkedom has not).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../lib/index.ts';
import { quickCheckDocument } from '../../../lib/detect/quick-check.ts';

const ESSAY =
  '<h1>以数字赋能提升基层治理效能</h1>' +
  '<h2>一、打通数据壁垒</h2><p><strong>一是推进数据共享，</strong>让数据多跑路、群众少跑腿，把服务送到家门口。</p>' +
  '<p><strong>二是统一平台入口，</strong>群众在手机上就能找到门、办成事，不再来回奔波。</p>' +
  '<h2>二、提升治理能力</h2><p><strong>一是加强队伍培训，</strong>让基层干部会用、善用数字工具，提高办事效率。</p>' +
  '<p><strong>二是健全考核机制，</strong>以群众满意度检验数字治理的成效，防止形式主义。</p>';

const keys = (doc: Document) => {
  const out: string[] = [];
  const walk = (nodes: ReturnType<typeof analyzeDocument>['outline']['nodes']) =>
    nodes.forEach((n) => (out.push(n.key), walk(n.children)));
  walk(analyzeDocument(doc).outline.nodes);
  return out;
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('essays in shadow roots', () => {
  it('are outlined from an open root as from the page itself', () => {
    document.body.innerHTML = `<main>${ESSAY}</main>`;
    const plain = keys(document);
    expect(plain.length).toBeGreaterThanOrEqual(4);

    document.body.innerHTML = '<nav>首页 新闻 评论</nav><essay-view></essay-view>';
    const host = document.querySelector('essay-view')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `<article>${ESSAY}</article>`;
    expect(keys(document)).toEqual(plain);
  });

  it('read light children where a slot shows them, not where none does', () => {
    document.body.innerHTML = `<essay-card><span slot="title">不应出现的说明文字，未分配到插槽</span>${ESSAY}</essay-card>`;
    const host = document.querySelector('essay-card')!;
    // The default slot shows the essay; no slot is named "title".
    host.attachShadow({ mode: 'open' }).innerHTML = '<article><slot></slot></article>';
    const found = keys(document);
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found.join('')).not.toContain('不应出现');
  });

  it('leave a closed root alone', () => {
    document.body.innerHTML = '<p>页面上只有这一句话。</p><essay-view></essay-view>';
    const host = document.querySelector('essay-view')!;
    host.attachShadow({ mode: 'closed' }).innerHTML = `<article>${ESSAY}</article>`;
    expect(keys(document)).toEqual([]);
  });

  it('are seen by the quick check in an open root (the badge), not in a closed one', () => {
    // A longer essay: the quick check wants a few hundred characters of text.
    const long = ESSAY.repeat(8);
    document.body.innerHTML = `<main>${long}</main>`;
    const plain = quickCheckDocument(document);
    expect(plain.essay).toBe(true);

    document.body.innerHTML = '<nav>首页 新闻 评论</nav><essay-view></essay-view>';
    document.querySelector('essay-view')!.attachShadow({ mode: 'open' }).innerHTML =
      `<article>${long}</article>`;
    const open = quickCheckDocument(document);
    expect(open.essay).toBe(true);
    expect(open.estimate).toBe(plain.estimate);

    document.body.innerHTML = '<nav>首页 新闻 评论</nav><essay-view></essay-view>';
    document.querySelector('essay-view')!.attachShadow({ mode: 'closed' }).innerHTML =
      `<article>${long}</article>`;
    expect(quickCheckDocument(document).essay).toBe(false);
  });
});
