import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FULL_TEXT_HEADING, NOT_IN_TEXT_HEADING } from '@/lib/export/text-to-markdown';
import type { Highlight } from '@/lib/model';
import {
  DEFAULT_EXPORT_OPTIONS,
  ExportFileStream,
  INDEX_FILE,
  articleFile,
  articleMarkdown,
  exportFiles,
  storedExportItems,
} from '@/pages/library/export-files';
import { ZipWriter, crc32, zipFiles } from '@/pages/library/zip-files';
import { makeArticle, makeHighlight } from '../backup/library-fixture.ts';

function item(i: number, title?: string) {
  const article = makeArticle(i);
  if (title !== undefined) article.title = title;
  return { article, highlights: [makeHighlight(i, article.id)] };
}

describe('exportFiles', () => {
  it('gives index.md first, then one safe, unique Markdown file per article', () => {
    const files = exportFiles(
      [item(1, '论基层治理：怎么做?'), item(2, '论基层治理：怎么做?'), item(3, 'index')],
      '2025-01-01T00:00:00.000Z',
    );
    expect(files.map((f) => f.name)).toEqual([
      INDEX_FILE,
      '论基层治理：怎么做？.md',
      '论基层治理：怎么做？ (2).md',
      'index (2).md',
    ]);
  });

  it('writes each article with the shared Markdown serialiser, highlights and notes included', () => {
    const it0 = item(7);
    const [, file] = exportFiles([it0]);
    expect(file!.text).toBe(articleMarkdown(it0));
    expect(file!.text).toContain('source: "https://news.example.cn/a/7?from=rss"');
    expect(file!.text).toContain('> 高质量发展');
    expect(file!.text).toContain('**笔记 Note:** 笔记 7');
  });

  it('lists every article in the index with a link, site and counts', () => {
    const files = exportFiles(
      [item(4, '标题 一'), item(5, '[方括号]')],
      '2025-01-01T00:00:00.000Z',
    );
    const index = files[0]!.text;
    expect(index).toContain('导出于 Exported 2025-01-01T00:00:00.000Z · 2 篇 articles');
    expect(index).toContain('- [标题 一](标题%20一.md) — news.example.cn · 张磊 ·');
    expect(index).toContain('1 条划线 highlights · \\#治理 \\#收藏');
    expect(index).toContain('- [\\[方括号\\]](%5B方括号%5D.md)');
  });
});

describe('ExportFileStream', () => {
  it('gives the files one article at a time, then the index: the same files as exportFiles', () => {
    const items = [item(1, 'index'), item(2, '同名'), item(3, '同名'), item(4, '')];
    const stream = new ExportFileStream('2025-01-01T00:00:00.000Z');
    const files = items.map((i) => stream.next(i));
    expect(stream.count).toBe(4);
    expect([stream.index(), ...files]).toEqual(exportFiles(items, '2025-01-01T00:00:00.000Z'));
    expect(files.map((f) => f.name)).toEqual([
      'index (2).md',
      '同名.md',
      '同名 (2).md',
      '文章4.md',
    ]);
  });
});

describe('export options: full text and Obsidian marks', () => {
  // makeArticle(1) has a saved text: a heading, 一是坚持人民至上。要办好民生实事。 and a list item.
  const withText = () => {
    const it1 = item(1);
    const inText: Highlight = {
      ...it1.highlights[0]!,
      id: 'in-text',
      note: '抓手',
      selectors: [{ kind: 'quote', exact: '民生实事', prefix: '要办好', suffix: '。' }],
    };
    return { ...it1, highlights: [inText, ...it1.highlights] };
  };

  it('adds the full text after the outline, highlights marked, those not in it listed', () => {
    const md = articleMarkdown(withText(), { fullText: true, obsidian: true });
    const at = md.indexOf(FULL_TEXT_HEADING);
    expect(at).toBeGreaterThan(md.indexOf('## 纲目 Outline'));
    const text = md.slice(at);
    expect(text).toContain('**一是坚持人民至上**。要办好==民生实事==。\n\n> 📝 抓手');
    expect(text).toContain('- 第1条 \\<b\\>不是标记\\</b\\>');
    // 高质量发展 is not in the saved text: listed after it, with its colour tag.
    expect(text).toContain(`${NOT_IN_TEXT_HEADING}\n\n> ==高质量发展== #highlight/`);
    expect(text).toContain('*（正文另有 120 字未保存 / 120 more characters were not saved）*');
  });

  it('writes plain Markdown marks as bold, and the outline alone without the option', () => {
    const plain = articleMarkdown(withText(), { fullText: true, obsidian: false });
    expect(plain).toContain('**一是坚持人民至上**。要办好**民生实事**。');
    expect(plain).not.toContain('==');
    const outlineOnly = articleMarkdown(withText(), DEFAULT_EXPORT_OPTIONS);
    expect(outlineOnly).not.toContain(FULL_TEXT_HEADING);
    expect(outlineOnly).toBe(articleMarkdown(withText()));
  });

  it('writes an article saved without its text as without the option', () => {
    const it2 = item(2);
    expect(it2.article.text).toBeUndefined();
    expect(articleMarkdown(it2, { fullText: true, obsidian: false })).toBe(articleMarkdown(it2));
  });

  it('applies the options to every file of an export and to a single article file', () => {
    const options = { fullText: true, obsidian: true };
    const items = [withText(), item(2, '无正文')];
    const [, first, second] = exportFiles(items, 'T', options);
    expect(first!.text).toBe(articleMarkdown(items[0]!, options));
    expect(second!.text).toBe(articleMarkdown(items[1]!, options));
    const one = articleFile(items[0]!, options);
    expect(one).toEqual({ name: '文章1：推进.md', text: first!.text });
    expect(articleFile(item(3, 'a/b?')).name).toBe('a／b？.md');
  });
});

describe('storedExportItems', () => {
  it('places a highlight under its stored node when the path exists, else in the intro', () => {
    const { article, highlights } = item(1);
    const h = highlights[0]!;
    const exists = article.outline.nodes[0]?.children[1] !== undefined;
    expect(storedExportItems(article, [h])[0]).toEqual({
      highlight: h,
      nodePath: exists ? [0, 1] : null,
      placed: true,
    });
    const far = {
      ...h,
      selectors: h.selectors.map((s) => (s.kind === 'outline-node' ? { ...s, path: [9] } : s)),
    };
    expect(storedExportItems(article, [far])[0]!.nodePath).toBeNull();
  });
});

describe('zipFiles', () => {
  it('zips the files (Chinese names kept) and reports progress, yielding between batches', async () => {
    const files = exportFiles([item(1, '甲'), item(2, '乙'), item(3, '丙')]);
    const progress: string[] = [];
    let yields = 0;
    const zip = await zipFiles(files, {
      batch: 2,
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
      yieldControl: async () => {
        yields++;
      },
    });
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(['index.md', '甲.md', '乙.md', '丙.md']);
    for (const f of files) expect(strFromU8(unzipped[f.name]!)).toBe(f.text);
    expect(progress).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
    expect(yields).toBe(1);
  });

  it('stores names, texts, CRCs and the time that unzip tools read back', async () => {
    const mtime = new Date(2025, 4, 6, 7, 8, 10);
    const zip = await zipFiles(
      [
        { name: 'a.md', text: '' },
        { name: '长文.md', text: '治理'.repeat(5000) },
      ],
      { mtime },
    );
    const seen: Array<{ name: string; size: number; originalSize: number }> = [];
    unzipSync(zip, {
      filter: (f) => {
        seen.push(f);
        return true;
      },
    });
    expect(seen.map((f) => [f.name, f.originalSize])).toEqual([
      ['a.md', 0],
      ['长文.md', 30_000],
    ]);
    expect(seen[1]!.size).toBeLessThan(1000);
    const files = unzipSync(zip);
    expect(strFromU8(files['长文.md']!)).toBe('治理'.repeat(5000));
    // Central directory: the UTF-8 flag on the Chinese name only, DOS time and date as given.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const cd = view.getUint32(zip.length - 6, true);
    expect(view.getUint16(cd + 8, true)).toBe(0);
    const second = cd + 46 + 'a.md'.length;
    expect(view.getUint16(second + 8, true)).toBe(0x0800);
    expect(view.getUint16(second + 12, true)).toBe((7 << 11) | (8 << 5) | 5);
    expect(view.getUint16(second + 14, true)).toBe((45 << 9) | (5 << 5) | 6);
  });

  it('computes the zip CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('keeps a reserved place first and fills it last; refuses an archive with a place unfilled', async () => {
    const zip = new ZipWriter();
    const fill = zip.reserve('index.md');
    for (let i = 0; i < 3000; i++) zip.add(`${i}.md`, `第${i}篇`);
    await expect(zip.finish()).rejects.toThrow(/reserved/);
    fill('目录');
    expect(() => fill('again')).toThrow(/twice/);
    const files = unzipSync(await zip.finish());
    expect(Object.keys(files).slice(0, 3)).toEqual(['index.md', '0.md', '1.md']);
    expect(Object.keys(files)).toHaveLength(3001);
    expect(strFromU8(files['index.md']!)).toBe('目录');
    expect(strFromU8(files['2999.md']!)).toBe('第2999篇');
    // 3,000 files: seconds on a loaded machine, not a hang.
  }, 30_000);

  it('rejects when a file fails to deflate', async () => {
    const zip = new ZipWriter({ deflate: async () => Promise.reject(new Error('no memory')) });
    zip.add('a.md', 'x');
    await expect(zip.settled()).rejects.toThrow('no memory');
  });

  it('zips an empty list into a valid empty archive', async () => {
    expect(Object.keys(unzipSync(await zipFiles([])))).toEqual([]);
  });
});
