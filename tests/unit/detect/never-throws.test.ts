/**
 * The quick check never throws and never changes the page: documents without
 * a root element, body or head, SVG and XML documents are "not an essay".
 * (linkedom's `body`/`head`/`title` getters throw without a root element and
 * add what they miss when there is one.)
 */
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { quickCheckDocument, sampleDocument } from '../../../lib/detect/quick-check.ts';
import { QUICK_CASES } from './quick-check-cases.ts';

const html = (s: string) => parseHTML(s).document as unknown as Document;
const xml = (s: string, type: 'image/svg+xml' | 'text/xml') =>
  new DOMParser().parseFromString(s, type) as unknown as Document;

/** A body the quick check calls an essay. */
const ESSAY = QUICK_CASES.find((c) => c.essay)!.body;

const notEssays: [name: string, make: () => Document][] = [
  ["parseHTML('')", () => html('')],
  ['two NUL characters', () => html('\u0000\u0000')],
  ['text without markup', () => html('一、坚持以人民为中心')],
  [
    'the root element removed',
    () => {
      const doc = html(`<!DOCTYPE html><html><head></head><body>${ESSAY}</body></html>`);
      doc.documentElement.remove();
      return doc;
    },
  ],
  ['a head alone', () => html('<head><title>一、标题</title></head>')],
  [
    'an HTML page without a body',
    () => {
      const doc = html(`<html><head><title>t</title></head><body>${ESSAY}</body></html>`);
      doc.querySelector('body')!.remove();
      return doc;
    },
  ],
  [
    'an SVG document',
    () =>
      new (parseHTML('').DOMParser)().parseFromString(
        '<svg xmlns="http://www.w3.org/2000/svg"><text>一、标题</text></svg>',
        'image/svg+xml',
      ) as unknown as Document,
  ],
  ['an empty SVG document', () => xml('', 'image/svg+xml')],
  ['an XML document holding an essay', () => xml(`<feed><body>${ESSAY}</body></feed>`, 'text/xml')],
];

describe('quick check on documents that are no HTML page', () => {
  it.each(notEssays)('%s: not an essay, no throw, document unchanged', (_name, make) => {
    const doc = make();
    const before = String(doc);
    const nodes = Array.from(doc.childNodes);
    const result = quickCheckDocument(doc);
    expect(result.essay).toBe(false);
    expect(result.estimate).toBe(0);
    expect(String(doc)).toBe(before);
    expect(Array.from(doc.childNodes)).toHaveLength(nodes.length);
    nodes.forEach((n, i) => expect(doc.childNodes[i]).toBe(n));
  });
});

describe('quick check on pages parsed without an <html> element', () => {
  const pages: [name: string, source: string][] = [
    [
      'a whole page',
      `<!DOCTYPE html><html><head><title>t</title></head><body>${ESSAY}</body></html>`,
    ],
    ['a body beside the head', `<head><title>t</title></head><body>${ESSAY}</body>`],
    ['a body alone', `<body>${ESSAY}</body>`],
  ];
  it.each(pages)('%s: the body is read, the document unchanged', (_name, source) => {
    const doc = html(source);
    const before = String(doc);
    expect(quickCheckDocument(doc).essay).toBe(true);
    expect(String(doc)).toBe(before);
  });
});

describe('quick check skips what the reader does not see', () => {
  const hiders = [
    (s: string) => `<template>${s}</template>`,
    (s: string) => `<noscript>${s}</noscript>`,
    (s: string) => `<xmp>${s}</xmp>`,
    (s: string) => `<iframe>${s}</iframe>`,
    (s: string) => `<object>${s}</object>`,
    (s: string) => `<div hidden>${s}</div>`,
    (s: string) => `<div aria-hidden="true">${s}</div>`,
  ];
  it.each(hiders.map((wrap) => [wrap(''), wrap]))('%s', (_name, wrap) => {
    const doc = html(`<html><body>${wrap(ESSAY)}</body></html>`);
    expect(sampleDocument(doc).textLength).toBe(0);
    expect(quickCheckDocument(doc).essay).toBe(false);
  });
});
