/**
 * The full-text export: an article's saved text as Markdown with the
 * highlights marked in place, notes after their paragraphs, and the
 * highlights the text cannot place listed after it.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleText } from '../../../lib/model.ts';
import {
  FULL_TEXT_HEADING,
  NOT_IN_TEXT_HEADING,
  articleTextToMarkdown,
  fullTextSection,
} from '../../../lib/export/text-to-markdown.ts';
import { articleToMarkdown } from '../../../lib/export/article-markdown.ts';
import { outlineToMarkdown } from '../../../lib/export/to-markdown.ts';
import type { Outline } from '../../../lib/types.ts';
import { highlightOf, nowhere } from './text-fixture.ts';

const TEXT: ArticleText = {
  blocks: [
    { kind: 'heading', text: '坚持人民至上', level: 1 },
    {
      kind: 'paragraph',
      text: '一是坚持人民至上。要办好民生实事，切实解决群众急难愁盼问题。',
      bold: [[0, 8]],
    },
    { kind: 'heading', text: '（一）具体举措', level: 2 },
    { kind: 'list-item', text: '完善社会保障体系' },
    { kind: 'list-item', text: '推进基本公共服务均等化' },
    { kind: 'paragraph', text: '二是坚持改革创新，不断增强发展动力。' },
  ],
};

describe('articleTextToMarkdown', () => {
  it('writes headings below the document, list items, paragraphs and bold, without highlights', () => {
    const { markdown, unplaced } = articleTextToMarkdown(TEXT, []);
    expect(markdown).toBe(
      [
        '### 坚持人民至上',
        '',
        '**一是坚持人民至上**。要办好民生实事，切实解决群众急难愁盼问题。',
        '',
        '#### （一）具体举措',
        '',
        '- 完善社会保障体系',
        '- 推进基本公共服务均等化',
        '',
        '二是坚持改革创新，不断增强发展动力。',
      ].join('\n'),
    );
    expect(unplaced).toEqual([]);
  });

  it('starts headings at the level asked, deeper ones keeping their distance, never past ######', () => {
    const text: ArticleText = {
      blocks: [
        { kind: 'heading', text: '二级', level: 2 },
        { kind: 'heading', text: '六级', level: 6 },
        { kind: 'heading', text: '无级别' },
      ],
    };
    expect(articleTextToMarkdown(text, [], { topHeading: 2 }).markdown).toBe(
      '## 二级\n\n###### 六级\n\n## 无级别',
    );
  });

  it('marks highlights in place: ==…== for Obsidian, bold otherwise', () => {
    const hs = [highlightOf(TEXT, '办好民生实事'), highlightOf(TEXT, '均等化')];
    const obsidian = articleTextToMarkdown(TEXT, hs, { obsidian: true }).markdown;
    expect(obsidian).toContain('**一是坚持人民至上**。要==办好民生实事==，切实');
    expect(obsidian).toContain('- 推进基本公共服务==均等化==');
    const plain = articleTextToMarkdown(TEXT, hs).markdown;
    expect(plain).toContain('**一是坚持人民至上**。要**办好民生实事**，切实');
    expect(plain).toContain('- 推进基本公共服务**均等化**');
    expect(plain).not.toContain('==');
  });

  it('nests a mark in a bold run, or cuts the run where they cross', () => {
    // The first 人民至上 is the heading's; the second is in the bold run.
    const heading = articleTextToMarkdown(TEXT, [highlightOf(TEXT, '人民至上')], {
      obsidian: true,
    }).markdown;
    expect(heading).toContain('### 坚持==人民至上==\n\n**一是坚持人民至上**');
    const inside = highlightOf(TEXT, '坚持人民', { occurrence: 1 });
    const nested = articleTextToMarkdown(TEXT, [inside], { obsidian: true }).markdown;
    expect(nested).toContain('**一是==坚持人民==至上**。要办好');
    // Sharing the bold run's end: the run is cut there, the mark shows the rest.
    const end = highlightOf(TEXT, '人民至上', { occurrence: 1 });
    const shared = articleTextToMarkdown(TEXT, [end], { obsidian: true }).markdown;
    expect(shared).toContain('**一是坚持**==人民至上==。要办好');
    const crossing = highlightOf(TEXT, '至上。要办好');
    const cut = articleTextToMarkdown(TEXT, [crossing], { obsidian: true }).markdown;
    expect(cut).toContain('**一是坚持人民**==至上。要办好==民生实事');
  });

  it('puts each note right after its paragraph, list item or heading', () => {
    const hs = [
      highlightOf(TEXT, '办好民生实事', { note: '抓手' }),
      highlightOf(TEXT, '完善社会保障', { note: '两行\n笔记' }),
      highlightOf(TEXT, '具体举措', { note: '标题的笔记' }),
    ];
    const md = articleTextToMarkdown(TEXT, hs, { obsidian: true }).markdown;
    expect(md).toContain(
      '急难愁盼问题。\n\n> 📝 抓手\n\n#### （一）==具体举措==\n\n> 📝 标题的笔记\n\n- ',
    );
    expect(md).toContain('- ==完善社会保障==体系\n  > 📝 两行\\\n  > 笔记\n- 推进');
  });

  it('tells several notes of one paragraph apart by their words', () => {
    const hs = [
      highlightOf(TEXT, '切实解决群众急难愁盼问题', { note: '第二条' }),
      highlightOf(TEXT, '办好民生实事', { note: '第一条' }),
    ];
    const md = articleTextToMarkdown(TEXT, hs).markdown;
    expect(md).toContain(
      '> 📝 「办好民生实事」 第一条\n>\n> 📝 「切实解决群众急难愁盼问题」 第二条',
    );
  });

  it('marks a highlight across paragraphs in each, its note after the last', () => {
    const h = highlightOf(TEXT, '均等化', { until: '二是坚持改革创新', note: '跨段' });
    const { markdown, unplaced } = articleTextToMarkdown(TEXT, [h], { obsidian: true });
    expect(unplaced).toEqual([]);
    expect(markdown).toContain(
      '- 推进基本公共服务==均等化==\n\n==二是坚持改革创新==，不断增强发展动力。\n\n> 📝 跨段',
    );
  });

  it('returns what it cannot place, and marks nothing for it', () => {
    const lost = nowhere('全面深化改革开放', '找不到');
    const { markdown, unplaced } = articleTextToMarkdown(TEXT, [lost], { obsidian: true });
    expect(unplaced).toEqual([lost]);
    expect(markdown).toBe(articleTextToMarkdown(TEXT, [], { obsidian: true }).markdown);
  });

  it('escapes hostile page text and notes: no markup, HTML or link comes out of them', () => {
    const text: ArticleText = {
      blocks: [
        { kind: 'heading', text: '# 标题里的井号 <h1>', level: 2 },
        { kind: 'paragraph', text: '<script>alert(1)</script>正文' },
        { kind: 'paragraph', text: '[点我](javascript:alert(1)) ![图](x.png) <a href="y">链</a>' },
        { kind: 'paragraph', text: '> 不是引用' },
        { kind: 'paragraph', text: '| 不是 | 表格 |' },
        { kind: 'paragraph', text: '---' },
        { kind: 'paragraph', text: '1. 不是编号 &amp; $x$ %%注释%% [[链接]] #标签' },
        { kind: 'list-item', text: '- 不是嵌套' },
      ],
    };
    const h = highlightOf(text, 'alert(1)</script>正文', {
      note: '<img src=x onerror=alert(1)>\n# 不是标题',
    });
    const md = articleTextToMarkdown(text, [h], { obsidian: true }).markdown;
    expect(md.split('\n')).toEqual([
      '### \\# 标题里的井号 \\<h1\\>',
      '',
      '\\<script\\>==alert(1)\\</script\\>正文==',
      '',
      '> 📝 \\<img src\\=x onerror\\=alert(1)\\>\\',
      '> \\# 不是标题',
      '',
      '\\[点我\\](javascript:alert(1)) !\\[图\\](x.png) \\<a href\\="y"\\>链\\</a\\>',
      '',
      '\\> 不是引用',
      '',
      '\\| 不是 \\| 表格 \\|',
      '',
      '\\---',
      '',
      '1\\. 不是编号 \\&amp; \\$x\\$ \\%\\%注释\\%\\% \\[\\[链接\\]\\] \\#标签',
      '',
      '- \\- 不是嵌套',
    ]);
  });
});

describe('fullTextSection and the article export', () => {
  const OUTLINE: Outline = {
    title: '坚持人民至上',
    subtitle: null,
    author: null,
    affiliation: null,
    conclusion: null,
    formulations: [],
    digest: [],
    nodes: [
      {
        level: 1,
        kind: 'lead',
        marker: '一是',
        text: '坚持人民至上',
        key: '人民至上',
        children: [],
        source: { block: 1, start: 0, end: 8 },
      },
    ],
  };

  it('lists the highlights not found in the text after it, with their notes, and the part not saved', () => {
    const lost = nowhere('全面深化改革开放', '找不到');
    const lines = fullTextSection({ ...TEXT, cut: 1200 }, [lost, highlightOf(TEXT, '民生实事')], {
      obsidian: true,
    });
    const md = lines.join('\n');
    expect(lines[0]).toBe(FULL_TEXT_HEADING);
    expect(md).toContain('要办好==民生实事==，');
    expect(md).toContain('*（正文另有 1200 字未保存 / 1200 more characters were not saved）*');
    expect(md.indexOf(NOT_IN_TEXT_HEADING)).toBeGreaterThan(md.indexOf('不断增强发展动力'));
    expect(md).toContain(
      `${NOT_IN_TEXT_HEADING}\n\n> ==全面深化改革开放== #highlight/yellow\n>\n> **笔记 Note:** 找不到`,
    );
  });

  it('ends the article export with the full text when given one; without it, the export is as before', () => {
    const h = highlightOf(TEXT, '民生实事', { note: '抓手' });
    const items = [{ highlight: h, nodePath: [0], placed: true }];
    const before = outlineToMarkdown(OUTLINE, { highlights: items });
    const withText = articleToMarkdown(OUTLINE, { highlights: items, text: TEXT });
    expect(withText.startsWith(before)).toBe(true);
    const rest = withText.slice(before.length);
    expect(rest.startsWith(`\n${FULL_TEXT_HEADING}\n\n### 坚持人民至上\n\n`)).toBe(true);
    expect(rest).toContain('要办好**民生实事**，切实解决群众急难愁盼问题。\n\n> 📝 抓手');
    expect(rest).not.toContain(NOT_IN_TEXT_HEADING);
    expect(withText.endsWith('\n')).toBe(true);
  });
});

describe('full-text export speed (loose)', () => {
  it('1,000,000 characters and 200 highlights (some edited, some lost) in well under a second', () => {
    const verbs = ['坚持', '健全', '完善', '强化', '推动', '深化', '加快', '统筹'];
    const blocks: ArticleText['blocks'] = [];
    for (let i = 0, n = 0; n < 1_000_000; i++) {
      const t =
        i % 40 === 0
          ? `第${i}部分 <b>标题</b>`
          : `第${i}条，${verbs[i % 8]}党的全面领导，切实把第${i}项任务落到实处，确保第${(i * 7) % 1000}个目标如期完成。*注意*[链接](javascript:x)`;
      blocks.push(
        i % 40 === 0
          ? { kind: 'heading', text: t, level: 2 }
          : { kind: i % 5 ? 'paragraph' : 'list-item', text: t, bold: [[0, 4]] },
      );
      n += t.length;
    }
    const text: ArticleText = { blocks };
    const hs = Array.from({ length: 190 }, (_, k) =>
      highlightOf(text, `第${k * 70 + 3}条，`, {
        until: '落到实处',
        note: k % 3 ? '' : `笔记${k}`,
      }),
    );
    // Ten edited on the page since (found by the fuzzy search), ten never in the text.
    for (const h of hs.slice(0, 10)) {
      const q = h.selectors.find((s) => s.kind === 'quote')!;
      if (q.kind === 'quote') q.exact = q.exact.replace('党的', '党中央的');
    }
    const lost = Array.from({ length: 10 }, (_, k) => nowhere(`从未出现过的一句话第${k}号`));
    hs.push(...lost);
    const t0 = performance.now();
    const { markdown, unplaced } = articleTextToMarkdown(text, hs, { obsidian: true });
    const ms = performance.now() - t0;
    // The ten lost ones, and edited ones whose every piece is a stock phrase of this page.
    expect(unplaced).toEqual(expect.arrayContaining(lost));
    expect(unplaced.length).toBeLessThanOrEqual(15);
    expect(markdown.length).toBeGreaterThan(1_000_000);
    expect(markdown).toContain('==第213条，');
    expect(ms).toBeLessThan(1000);
  });
});
