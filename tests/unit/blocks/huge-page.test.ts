/**
 * A page of tens of thousands of elements: Readability (a clone of the page and
 * several passes over it) is skipped, the densest container finds the article,
 * and its outline is the one a smaller page of the same essay gets.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../lib/blocks/find-article.ts';
import { createStyleReader } from '../../../lib/blocks/style-reader.ts';
import { analyzeDocument } from '../../../lib/index.ts';

const ESSAY =
  '<h1>关于加强基层治理的意见</h1>' +
  '<h2>一、坚持党建引领</h2><p>一是坚持党的全面领导，把党的领导贯穿基层治理全过程各方面，确保基层治理正确方向。</p>' +
  '<p>二是完善基层民主协商制度，健全村（居）民议事会、理事会等协商形式，推动协商成果落地。</p>' +
  '<h2>二、推进数字赋能</h2><p>一是加强基层智慧治理能力建设，推进数据资源整合共享，提升服务和管理精细化水平。</p>' +
  '<p>二是打通部门之间的信息壁垒，让数据多跑路、群众少跑腿，把问题解决在萌芽状态。</p>';
/** `n` empty link list items: page furniture that adds elements, not text. */
const furniture = (n: number) =>
  `<nav><ul>${'<li><a href="#"><span></span></a></li>'.repeat(n)}</ul></nav>`;
const page = (extra: string) =>
  parseHTML(`<!DOCTYPE html><html><body>${extra}<article>${ESSAY}</article></body></html>`)
    .document as unknown as Document;

describe('a page of tens of thousands of elements', () => {
  it('is read without Readability, with the outline of the small page', () => {
    const small = page(furniture(10));
    const huge = page(furniture(12_000));
    expect(findArticle(small, createStyleReader()).method).toBe('readability');
    expect(findArticle(huge, createStyleReader()).method).toBe('density');
    const keys = (doc: Document) =>
      analyzeDocument(doc).outline.nodes.map((n) => [n.key, n.children.map((c) => c.key)]);
    expect(keys(huge)).toEqual(keys(small));
    expect(keys(small).length).toBeGreaterThan(1);
  });
});

describe('a page of short lines only', () => {
  it('is read whole (no container stands out), not given up', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `<p>要点${i % 10}</p>`).join('');
    const doc = parseHTML(`<!DOCTYPE html><html><body>${lines}</body></html>`)
      .document as unknown as Document;
    const found = findArticle(doc, createStyleReader());
    expect(found.method).toBe('density');
    expect(found.roots.map((r) => r.tagName.toLowerCase())).toEqual(['body']);
    expect(analyzeDocument(doc).blocks.blocks.length).toBe(40_000);
  });
});
