/**
 * Only what the reader sees is read: text in template, iframe (fallback and
 * srcdoc), xmp, noscript, noembed, object, script, style, and in subtrees
 * hidden by `hidden`, `aria-hidden="true"` or `display:none`, never reaches
 * blocks, outline, formulations or digest, and cannot be chosen as the article.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { densestContainerSteps } from '../../../lib/blocks/densest-container.ts';
import { findArticle } from '../../../lib/blocks/find-article.ts';
import { createStyleReader } from '../../../lib/blocks/style-reader.ts';
import { walkBlocksSteps } from '../../../lib/blocks/walk-blocks.ts';
import { runSteps } from '../../../lib/steps.ts';
import { analyzeDocument, type Analysis } from '../../../lib/index.ts';

const html = (s: string) => parseHTML(s).document as unknown as Document;

/** Every hidden text holds this word; the visible essay never does. */
const MARK = '隐藏';
const FAKE_HEADING = `<h2>一、${MARK}的标题</h2>`;
const FAKE_PARAGRAPHS =
  `<p>坚持“${MARK}三抓”，把“${MARK}三抓”落到实处，${MARK}的段落要有足够的长度才会被当作正文读入。</p>` +
  `<p>一是${MARK}的第一点，推动${MARK}的工作走深走实，形成${MARK}的长效机制和工作闭环。</p>`;
const FAKE = FAKE_HEADING + FAKE_PARAGRAPHS;

/** Each way of keeping text from the reader, wrapping `inner`. */
const HIDERS: [name: string, wrap: (inner: string) => string][] = [
  ['template', (s) => `<template>${s}</template>`],
  [
    'iframe fallback and srcdoc',
    (s) => `<iframe srcdoc="${s.replace(/"/g, '&quot;')}">${s}</iframe>`,
  ],
  ['xmp', (s) => `<xmp>${s}</xmp>`],
  ['noscript', (s) => `<noscript>${s}</noscript>`],
  ['noembed', (s) => `<noembed>${s}</noembed>`],
  ['object fallback', (s) => `<object data="a.swf">${s}</object>`],
  ['script', (s) => `<script>var t = ${JSON.stringify(s)};</script>`],
  ['style', (s) => `<style>/* ${s} */</style>`],
  ['hidden attribute', (s) => `<div hidden>${s}</div>`],
  ['aria-hidden="true"', (s) => `<section aria-hidden="true">${s}</section>`],
  ['display:none', (s) => `<div style="display: none">${s}</div>`],
  ['input type=hidden', (s) => `<input type="hidden" value="${s.replace(/"/g, '&quot;')}">`],
];

const POINTS = [
  [
    '一、坚持党的全面领导',
    '把党的领导贯穿基层治理全过程各方面，确保基层治理始终沿着正确方向前进。',
  ],
  ['二、完善基层民主协商制度', '健全村（居）民议事会、理事会等协商形式，推动协商成果落地见效。'],
  [
    '三、加强基层智慧治理能力建设',
    '推进数据资源整合共享，提升基层服务和管理的精细化、智能化水平。',
  ],
];
const essay = (hidden: string) =>
  `<!DOCTYPE html><html><head><title>关于加强基层治理的意见</title></head><body>` +
  `<ul class="nav"><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li></ul>` +
  `<article><h1>关于加强基层治理的意见</h1>` +
  `<p>基层治理是国家治理的基石，统筹推进乡镇（街道）和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。</p>` +
  POINTS.map(([h, p]) => `<h2>${h}</h2><p>${p}${p}</p>`).join('') +
  hidden +
  `<p>总之，要以钉钉子精神抓好各项任务落实，推动基层治理不断取得新成效。</p>` +
  `</article></body></html>`;

/** All text of an analysis a reader can see: blocks, outline nodes, formulations, digest, metadata. */
function readText(a: Analysis): string {
  const { outline } = a;
  return JSON.stringify([
    a.blocks.blocks.map((b) => b.text),
    outline.nodes,
    outline.formulations,
    outline.digest,
    outline.title,
    outline.subtitle,
    outline.author,
    outline.conclusion,
  ]);
}

describe('hidden text is never read', () => {
  it('the fixture is effective: the same text shown is read', () => {
    const read = readText(analyzeDocument(html(essay(`<div>${FAKE}</div>`))));
    expect(read).toContain(`${MARK}的标题`);
    expect(read).toContain(`${MARK}三抓`);
  });

  it.each(HIDERS)('%s: nothing read, the visible essay outlined', (_name, wrap) => {
    const doc = html(essay(wrap(FAKE) + wrap(FAKE_PARAGRAPHS)));
    const before = String(doc);
    const analysis = analyzeDocument(doc);
    expect(readText(analysis)).not.toContain(MARK);
    const keys = analysis.outline.nodes.map((n) => n.text);
    expect(keys).toEqual(expect.arrayContaining(['坚持党的全面领导', '加强基层智慧治理能力建设']));
    expect(String(doc)).toBe(before);
  });

  it.each(HIDERS)('%s: hidden text alone gives no blocks', (_name, wrap) => {
    const fake = Array.from({ length: 6 }, () => FAKE).join('');
    const doc = html(
      `<html><head><title>t</title></head><body><div class="content">${wrap(fake)}</div><p>短</p></body></html>`,
    );
    const blocks = analyzeDocument(doc).blocks.blocks.map((b) => b.text);
    expect(blocks.join('')).not.toContain(MARK);
  });

  it('a template or noscript full of text is not chosen as the article', () => {
    const fake = `<div class="article-content">${Array.from({ length: 8 }, () => FAKE).join('')}</div>`;
    for (const wrap of [
      (s: string) => `<template>${s}</template>`,
      (s: string) => `<noscript>${s}</noscript>`,
    ]) {
      const doc = html(essay('').replace('<article>', `${wrap(fake)}<article>`));
      const styleOf = createStyleReader();
      const article = doc.querySelector('article')!;
      expect(runSteps(densestContainerSteps(doc, styleOf)).root).toBe(article);
      const found = findArticle(doc, styleOf);
      expect(found.roots.length).toBeGreaterThan(0);
      for (const root of found.roots) expect(article.contains(root)).toBe(true);
    }
  });

  it('an article root inside a box hidden by a style sheet gives no blocks', () => {
    // Readability reads a copy without style sheets: it can keep text under a CSS-hidden box.
    const doc = html(
      `<html><body><div class="print-only"><div id="r">${FAKE_PARAGRAPHS}</div></div></body></html>`,
    );
    const styleOf = createStyleReader({
      getComputedStyle: (el) => ({
        fontWeight: '400',
        display: el.getAttribute('class') === 'print-only' ? 'none' : 'block',
      }),
    });
    const root = doc.querySelector('#r')!;
    const location = {
      roots: [root],
      kept: null,
      onPath: null,
      stats: new Map(),
      title: null,
      byline: null,
      siteName: null,
      method: 'density' as const,
    };
    expect(runSteps(walkBlocksSteps(location, styleOf))).toEqual([]);
    expect(runSteps(walkBlocksSteps(location, createStyleReader())).length).toBeGreaterThan(0);
  });
});
