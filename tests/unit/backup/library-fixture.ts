/** A generated library for backup tests: deterministic, with nested outlines and every selector kind. */
import type { Article, Highlight } from '../../../lib/model.ts';
import { HIGHLIGHT_COLORS } from '../../../lib/model.ts';
import type { OutlineNode } from '../../../lib/types.ts';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  '坚持',
  '推进',
  '高质量发展',
  '新质生产力',
  '“两个确立”',
  '基层治理',
  '作风建设',
  '5G基站',
  'GDP',
  '乡村振兴',
];
const date = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString();

function node(r: () => number, level: number, i: number): OutlineNode {
  const text = `${WORDS[Math.floor(r() * WORDS.length)]}第${i}点`;
  return {
    level,
    kind: level === 1 ? 'heading' : r() < 0.5 ? 'lead' : 'inline',
    marker: level === 1 ? null : `${i + 1}`,
    text,
    key: text.slice(0, 4),
    children:
      level < 3 ? Array.from({ length: Math.floor(r() * 3) }, (_, k) => node(r, level + 1, k)) : [],
    source: { block: i, start: 0, end: text.length },
  };
}

export function makeArticle(i: number, r = rng(i + 1)): Article {
  return {
    id: `https://news.example.cn/a/${i}`,
    url: `https://news.example.cn/a/${i}?from=rss`,
    site: 'news.example.cn',
    title: `文章${i}：${WORDS[i % WORDS.length]}`,
    outline: {
      title: `文章${i}`,
      subtitle: i % 3 === 0 ? '副题' : null,
      author: i % 2 === 0 ? '张磊' : null,
      affiliation: null,
      conclusion: i % 5 === 0 ? '总之' : null,
      formulations: [{ text: '两个确立', occurrences: [{ block: 1, start: 2, end: 6 }] }],
      digest: ['论点', '要点'],
      nodes: Array.from({ length: 3 }, (_, k) => node(r, 1, k)),
    },
    tags: i % 4 === 0 ? ['治理', '收藏'] : [],
    // Some carry a pasted text (the paste page's articles): it must round-trip too.
    ...(i % 6 === 5 ? { sourceText: `粘贴的原文${i}\n断行的\n段落。\n\n第二段` } : {}),
    // Some carry their saved text (headings, bold runs, a cut tail): it must round-trip too.
    ...(i % 4 === 1
      ? {
          text: {
            blocks: [
              { kind: 'heading' as const, text: `文章${i}`, level: 1 },
              {
                kind: 'paragraph' as const,
                text: '一是坚持人民至上。要办好民生实事。',
                bold: [[0, 8]] as [number, number][],
              },
              { kind: 'list-item' as const, text: `第${i}条 <b>不是标记</b>` },
            ],
            ...(i % 8 === 1 ? { cut: 120 } : {}),
          },
        }
      : {}),
    savedAt: date(i),
    updatedAt: date(i + 10),
  };
}

export function makeHighlight(i: number, articleId: string): Highlight {
  return {
    id: `h-${i}`,
    articleId,
    color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
    note: i % 7 === 0 ? `笔记 ${i}\n第二行 "引号"` : '',
    selectors: [
      { kind: 'position', start: i, end: i + 8 },
      { kind: 'quote', exact: '高质量发展', prefix: '推动', suffix: '取得' },
      { kind: 'outline-node', path: [0, 1], key: '要点', text: '要点全文' },
    ],
    createdAt: date(i),
    updatedAt: date(i + 1),
  };
}

/** `nArticles` articles and `nHighlights` highlights spread over them. */
export function makeLibrary(nArticles: number, nHighlights: number) {
  const articles = Array.from({ length: nArticles }, (_, i) => makeArticle(i));
  const highlights = Array.from({ length: nHighlights }, (_, i) =>
    makeHighlight(i, articles[i % nArticles]!.id),
  );
  return { articles, highlights };
}
