/**
 * The paste page's pure helpers: the article id, the articles of a paste
 * (split, repaired, titled), the draft saved to the library, the input
 * checks, and decoding a dropped file (UTF-8, GBK, binary).
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeText } from '../../../lib/index.ts';
import { isPasteId, pasteArticleId } from '../../../pages/paste/article-id.ts';
import { checkText } from '../../../pages/paste/check-text.ts';
import { PASTE_SITE, pasteDraft } from '../../../pages/paste/paste-draft.ts';
import {
  fallbackTitle,
  pastedArticleFromStored,
  pastedArticles,
} from '../../../pages/paste/pasted-articles.ts';
import { isArticle } from '../../../lib/backup/is-article.ts';
import { mergeArticle } from '../../../background/storage/articles.ts';
import { renderBlocks } from '../../../pages/reader/render-blocks.ts';
import { decodeTextFile, looksBinary, readTextFile } from '../../../pages/paste/text-file.ts';
import { isArticleDraft } from '../../../protocol/messages.ts';
import { gbk, PAGE, PHRASE_1, TITLE_1, TITLE_2 } from './fixture.ts';

describe('pasteArticleId', () => {
  it('is paste: and the first 16 hex digits of the SHA-256 of the text', async () => {
    const text = '以党建引领推进基层治理现代化\n\n□林知远';
    const hex = createHash('sha256').update(text, 'utf8').digest('hex');
    const id = await pasteArticleId(text);
    expect(id).toBe(`paste:${hex.slice(0, 16)}`);
    expect(isPasteId(id)).toBe(true);
    expect(await pasteArticleId(text)).toBe(id);
    expect(await pasteArticleId(`${text}。`)).not.toBe(id);
    expect(isPasteId('https://example.com/a')).toBe(false);
  });
});

describe('pastedArticles', () => {
  it('splits a PDF-like page into its two articles, repaired and titled', async () => {
    const progress: [number, number][] = [];
    const articles = await pastedArticles(PAGE, {
      onProgress: (done, total) => progress.push([done, total]),
      yieldNow: () => Promise.resolve(),
    });
    expect(articles.map((a) => [a.index, a.title, a.author])).toEqual([
      [0, TITLE_1, '林知远'],
      [1, TITLE_2, '周明'],
    ]);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const [first] = articles;
    // Hard wraps undone: the phrase crosses a line break in the paste, not in the repair.
    expect(PAGE.includes(PHRASE_1)).toBe(false);
    expect(first!.text).toContain(PHRASE_1);
    expect(first!.text.split('\n\n')).toHaveLength(first!.blocks.length);
    expect(first!.text.startsWith(`${TITLE_1}\n\n□林知远\n\n`)).toBe(true);
    expect(first!.length).toBe(first!.text.replace(/\s/g, '').length);
    // Furniture above the first head is left out.
    expect(first!.raw).not.toContain('第5版');
  });

  it('gives one untitled article for prose without a head, titled by its first sentence', async () => {
    const articles = await pastedArticles('调查研究是谋事之基、成事之道。没有调查，就没有发言权。');
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('调查研究是谋事之基、成事之道');
    expect(await pastedArticles('  \n\n ')).toEqual([]);
    expect(fallbackTitle([])).toBe('');
  });

  it('rendered as paragraphs, outlines as the text does (analyzeDocument = analyzeText)', async () => {
    const summary = (o: ReturnType<typeof analyzeText>['outline']) => ({
      title: o.title,
      author: o.author,
      affiliation: o.affiliation,
      nodes: JSON.stringify(o.nodes, (k, v) => (k === 'source' ? undefined : v)),
    });
    for (const article of await pastedArticles(PAGE)) {
      const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
      const ps = renderBlocks(document.body, article.blocks);
      expect(ps.map((p) => p.textContent)).toEqual(article.blocks.map((b) => b.text));
      const fromDom = analyzeDocument(document as unknown as Document).outline;
      expect(summary(fromDom)).toEqual(summary(analyzeText(article.raw).outline));
      expect(fromDom.nodes.length).toBeGreaterThan(1);
    }
  });

  it('never turns pasted markup into elements', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const text = '<img src=x onerror=alert(1)>标题';
    renderBlocks(document.body, [
      {
        kind: 'paragraph',
        text,
        bold: [[0, 5]],
        source: { kind: 'text', offsets: new Int32Array(0) },
      },
    ]);
    expect(document.body.querySelector('img')).toBeNull();
    expect(document.body.textContent).toBe(text);
    expect(document.body.querySelector('strong')?.textContent).toBe('<img ');
  });
});

describe('pasteDraft', () => {
  it('uses the id as URL, the paste site, and the outline title or the fallback', async () => {
    const [article] = await pastedArticles(PAGE);
    const { outline } = analyzeText(article!.raw);
    const id = await pasteArticleId(article!.text);
    const draft = pasteDraft(id, outline, article!.title, article!.raw);
    expect(draft).toMatchObject({ id, url: id, site: PASTE_SITE, title: TITLE_1, tags: [] });
    expect(draft.sourceText).toBe(article!.raw);
    expect(isArticleDraft(draft)).toBe(true);
    expect(isArticleDraft({ ...draft, sourceText: 42 })).toBe(false);
    expect(pasteDraft(id, { ...outline, title: null }, '首行', '').title).toBe('首行');
  });
});

describe('reopening a saved pasted article', () => {
  it('rebuilds the same paragraphs, text and id from the stored slice of every article of a page', async () => {
    const articles = await pastedArticles(PAGE);
    expect(articles.length).toBeGreaterThan(1);
    for (const article of articles) {
      const id = await pasteArticleId(article.text);
      const { outline } = analyzeText(article.raw);
      const saved = mergeArticle(
        undefined,
        pasteDraft(id, outline, article.title, article.raw),
        '2026-11-22T10:00:00.000Z',
      );
      expect(isArticle(saved)).toBe(true);
      const again = pastedArticleFromStored(saved)!;
      expect(again.text).toBe(article.text);
      expect(again.blocks.map((b) => b.text)).toEqual(article.blocks.map((b) => b.text));
      expect(again.title).toBe(saved.title);
      expect(await pasteArticleId(again.text)).toBe(id);
    }
  });

  it('has nothing to rebuild from an article saved before the text was kept', async () => {
    const [article] = await pastedArticles(PAGE);
    const { outline } = analyzeText(article!.raw);
    const draft = pasteDraft('paste:0123456789abcdef', outline, article!.title, article!.raw);
    const { sourceText: _dropped, ...old } = mergeArticle(undefined, draft, '2026-01-01T00:00:00Z');
    expect(pastedArticleFromStored(old)).toBeNull();
    expect(pastedArticleFromStored({ ...old, sourceText: ' \n ' })).toBeNull();
  });

  it('keeps the stored text when a later draft comes without it', async () => {
    const [article] = await pastedArticles(PAGE);
    const { outline } = analyzeText(article!.raw);
    const draft = pasteDraft('paste:0123456789abcdef', outline, article!.title, article!.raw);
    const first = mergeArticle(undefined, draft, '2026-01-01T00:00:00.000Z');
    const { sourceText: _none, ...bare } = draft;
    const second = mergeArticle(first, bare, '2026-01-02T00:00:00.000Z');
    expect(second.sourceText).toBe(article!.raw);
    expect(isArticle({ ...second, sourceText: 7 })).toBe(false);
  });
});

describe('checkText', () => {
  it.each([
    ['', 'empty'],
    [' \n\u3000\t', 'empty'],
    ['一二三', 'ok'],
    ['%PDF-1.7\u0000\u0001\u0002\u0003\ufffd\ufffd\ufffd', 'not-text'],
    ['12345 678', 'not-text'],
  ])('%j is %s', (text, kind) => {
    expect(checkText(text).kind).toBe(kind);
  });
});

describe('decodeTextFile', () => {
  const sample = '以党建引领推进基层治理现代化\n□ 林知远\n基层是国家治理的基石。';
  it('decodes a GBK file (no BOM, not UTF-8) as GB18030', async () => {
    const bytes = gbk(sample);
    expect(decodeTextFile(bytes)).toEqual({ kind: 'text', text: sample, encoding: 'gb18030' });
    // Through the File path the page uses.
    expect(await readTextFile(new Blob([bytes]))).toEqual({
      kind: 'text',
      text: sample,
      encoding: 'gb18030',
    });
  });
  it('decodes UTF-8 with and without BOM', () => {
    const utf8 = new TextEncoder().encode(sample);
    expect(decodeTextFile(utf8)).toMatchObject({ text: sample, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeTextFile(bom)).toMatchObject({ text: sample, encoding: 'utf-8' });
  });
  it('refuses binary files: PDF, PNG, NUL bytes', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
    expect(decodeTextFile(pdf)).toEqual({ kind: 'not-text' });
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]))).toBe(true);
    expect(looksBinary(new Uint8Array([0x41, 0x00, 0x42]))).toBe(true);
    // UTF-16 with a BOM has NUL bytes and is text.
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
  });
});
