/**
 * Documents that are no HTML page: no root element (an empty file, NUL bytes,
 * UTF-16 bytes read as UTF-8, a removed root), no body or head, SVG and XML.
 * The DOM front end must give an empty outline for them, never throw, and
 * leave the document as it was.
 */
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../lib/blocks/find-article.ts';
import { createStyleReader } from '../../../lib/blocks/style-reader.ts';
import { htmlRootOf } from '../../../lib/blocks/walk-tree.ts';
import { analyzeDocument, blocksFromDocument } from '../../../lib/index.ts';

const PARAGRAPHS = [
  '一是坚持党的全面领导，把党的领导贯穿基层治理全过程各方面，确保基层治理正确方向。',
  '二是完善基层民主协商制度，健全村（居）民议事会、理事会等协商形式，推动协商成果落地。',
  '三是加强基层智慧治理能力建设，推进数据资源整合共享，提升基层服务和管理精细化水平。',
]
  .map((p) => `<p>${p}</p>`)
  .join('');
const PAGE = `<!DOCTYPE html><html><head><title>关于加强基层治理的意见</title></head><body><article><h1>关于加强基层治理的意见</h1>${PARAGRAPHS}</article></body></html>`;

const html = (s: string) => parseHTML(s).document as unknown as Document;
const parse = (s: string, type: 'image/svg+xml' | 'text/xml') =>
  new DOMParser().parseFromString(s, type) as unknown as Document;
/** `PAGE` parsed, then changed by `edit` (through `querySelector`: linkedom's `head`/`body` getters add what they miss). */
const edited = (edit: (doc: Document) => void) => {
  const doc = html(PAGE);
  edit(doc);
  return doc;
};
const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};

const noPage: [name: string, make: () => Document][] = [
  ["parseHTML('')", () => html('')],
  ['parseHTML of two NUL characters', () => html('\u0000\u0000')],
  ['UTF-16 bytes read as UTF-8', () => html(new TextDecoder('utf-8').decode(utf16le(PAGE)))],
  ['a doctype alone', () => html('<!DOCTYPE html>')],
  ['text without markup', () => html('坚持以人民为中心')],
  ['the root element removed', () => edited((doc) => doc.documentElement.remove())],
  [
    'the root element replaced by loose text',
    () =>
      edited((doc) => {
        doc.documentElement.remove();
        doc.appendChild(doc.createTextNode('坚持以人民为中心的发展思想'));
      }),
  ],
  ['no body', () => edited((doc) => doc.querySelector('body')?.remove())],
  ['a head alone', () => html('<head><title>标题</title></head>')],
  [
    'an SVG document',
    () =>
      parse(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>图表标题</title><text x="0" y="10">一是坚持党的全面领导，把党的领导贯穿基层治理全过程各方面。</text></svg>',
        'image/svg+xml',
      ),
  ],
  [
    'an SVG document with HTML paragraphs in a foreignObject',
    () =>
      parse(
        `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">${PARAGRAPHS}</div></foreignObject></svg>`,
        'image/svg+xml',
      ),
  ],
  ['an empty SVG document', () => parse('', 'image/svg+xml')],
  ['an XML document', () => parse(`<feed><entry>${PARAGRAPHS}</entry></feed>`, 'text/xml')],
  ['an unclosed XML document', () => parse('<root><a>', 'text/xml')],
  ['an HTML document whose root is <svg>', () => html('<svg><text>你好世界</text></svg>')],
];

describe('documents that are no HTML page', () => {
  it.each(noPage)('%s: empty outline, no throw, document unchanged', (_name, make) => {
    const doc = make();
    const before = String(doc);
    const analysis = analyzeDocument(doc, { url: 'https://example.org/a' });
    expect(analysis.outline.nodes).toEqual([]);
    expect(analysis.blocks.blocks).toEqual([]);
    expect(analysis.blocks.hints.url).toBe('https://example.org/a');
    expect(blocksFromDocument(doc).blocks).toEqual([]);
    expect(findArticle(doc, createStyleReader()).roots).toEqual([]);
    expect(String(doc)).toBe(before);
  });
});

describe('pages that are HTML without all their parts', () => {
  const pages: [name: string, make: () => Document][] = [
    ['a whole page', () => html(PAGE)],
    ['no head', () => edited((doc) => doc.querySelector('head')?.remove())],
    ['no <html> element', () => html(`<body><article>${PARAGRAPHS}</article></body>`)],
    [
      'an XHTML document',
      () =>
        parse(
          `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><article>${PARAGRAPHS}</article></body></html>`,
          'text/xml',
        ),
    ],
  ];
  it.each(pages)('%s: read, no throw, document unchanged', (_name, make) => {
    const doc = make();
    expect(htmlRootOf(doc)).not.toBeNull();
    const before = String(doc);
    const analysis = analyzeDocument(doc);
    expect(analysis.blocks.blocks.map((b) => b.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('三是加强基层智慧治理能力建设')]),
    );
    expect(analysis.outline.nodes.length).toBeGreaterThan(0);
    expect(String(doc)).toBe(before);
  });
});
