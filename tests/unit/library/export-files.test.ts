import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  INDEX_FILE,
  articleMarkdown,
  exportFiles,
  storedExportItems,
} from '@/utils/library/export-files';
import { zipFiles } from '@/utils/library/zip-files';
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

  it('zips an empty list into a valid empty archive', async () => {
    expect(Object.keys(unzipSync(await zipFiles([])))).toEqual([]);
  });
});
