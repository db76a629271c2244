import { describe, expect, it } from 'vitest';
import { blocksFromMarkdown } from '../../../lib/blocks/from-markdown.ts';
import type { Block } from '../../../lib/types.ts';
import { expectMapped } from './offset-check.ts';

function summary(b: Block): string {
  const level = b.headingLevel === undefined ? '' : String(b.headingLevel);
  return `${b.kind}${level}:${b.text}`;
}

function check(md: string) {
  const doc = blocksFromMarkdown(md);
  for (const b of doc.blocks) {
    if (b.source.kind !== 'text') throw new Error('markdown blocks need text sources');
    expectMapped(md, b.text, b.source.offsets);
  }
  return doc;
}

describe('blocksFromMarkdown blocks', () => {
  const cases: [name: string, md: string, expected: string[]][] = [
    ['empty', '', []],
    [
      'ATX headings',
      '# 标题\n\n## 一、总体 要求 ##\n###### 六级',
      ['heading1:标题', 'heading2:一、总体要求', 'heading6:六级'],
    ],
    ['setext headings', '主标题\n===\n\n副标题\n---', ['heading1:主标题', 'heading2:副标题']],
    [
      'hard-wrapped CJK paragraph',
      '坚持人民\n至上，推进\n高质量发展。',
      ['paragraph:坚持人民至上，推进高质量发展。'],
    ],
    ['hard-wrapped Latin paragraph', 'The quick\nbrown fox.', ['paragraph:The quick brown fox.']],
    [
      'paragraphs split by blank lines',
      '第一段。\n\n第二段。',
      ['paragraph:第一段。', 'paragraph:第二段。'],
    ],
    [
      'bullet and ordered lists',
      '- 要 敢想\n* 要敢闯\n+ 要敢干\n1. 第一项\n2) 第二项',
      [
        'list-item:要敢想',
        'list-item:要敢闯',
        'list-item:要敢干',
        'list-item:1.第一项',
        'list-item:2）第二项',
      ],
    ],
    [
      'links keep their text, images dropped',
      '见[人民网](https://people.cn)报道![图](a.png)。',
      ['paragraph:见人民网报道。'],
    ],
    ['image-only paragraph dropped', '![图片](a.png)', []],
    [
      'code fence dropped',
      '正文。\n\n```\ncode **x**\n```\n\n结尾。',
      ['paragraph:正文。', 'paragraph:结尾。'],
    ],
    ['thematic break dropped', '上文。\n\n***\n\n下文。', ['paragraph:上文。', 'paragraph:下文。']],
    ['HTML tags dropped', '一行<br>两行<span class="x">文字</span>', ['paragraph:一行两行文字']],
    ['escapes kept literally', '1\\*2 \\[注\\]', ['paragraph:1*2 [注]']],
    ['ordinary quote stays text', '> 引用的 一段话。', ['paragraph:引用的一段话。']],
    ['no CJK', 'Plain *text* here.', ['paragraph:Plain text here.']],
  ];
  it.each(cases)('%s', (_name, md, expected) => {
    expect(check(md).blocks.map(summary)).toEqual(expected);
  });
});

describe('blocksFromMarkdown bold', () => {
  const cases: [name: string, md: string, text: string, bold: [number, number][]][] = [
    ['star bold', '**一是文稿起草出精品。**树牢意识', '一是文稿起草出精品。树牢意识', [[0, 10]]],
    ['underscore bold', '前文__加粗__后文', '前文加粗后文', [[2, 4]]],
    ['bold across a line break', '**突出\n全局性**，确保', '突出全局性，确保', [[0, 5]]],
    [
      'two bold runs',
      '**甲**和**乙**',
      '甲和乙',
      [
        [0, 1],
        [2, 3],
      ],
    ],
    ['unclosed markers stay text', '2**3 是幂', '2**3是幂', []],
    ['bold with spaces inside', '**深化 改革**。', '深化改革。', [[0, 4]]],
  ];
  it.each(cases)('%s', (_name, md, text, bold) => {
    const [block] = check(md).blocks;
    expect(block?.text).toBe(text);
    expect(block?.bold).toEqual(bold);
  });
});

describe('blocksFromMarkdown hints', () => {
  it('reads front matter and keeps it out of the blocks', () => {
    const md = [
      '---',
      'title: "把握“四个关键”"',
      'author:',
      '  - 李凤利',
      'source: https://example.cn/a.html',
      'site: 示例日报',
      '---',
      '正文。',
    ].join('\n');
    const doc = check(md);
    expect(doc.format).toBe('markdown');
    expect(doc.hints).toEqual({
      title: '把握“四个关键”',
      docTitle: '把握“四个关键”',
      byline: '李凤利',
      url: 'https://example.cn/a.html',
      siteName: '示例日报',
    });
    expect(doc.blocks.map(summary)).toEqual(['paragraph:正文。']);
  });

  it('turns a quoted byline block into hints', () => {
    const doc = check('# 题目\n\n> 作者：张磊\n> 来源：某某日报\n\n正文。');
    expect(doc.hints.byline).toBe('张磊');
    expect(doc.hints.siteName).toBe('某某日报');
    expect(doc.blocks.map(summary)).toEqual(['heading1:题目', 'paragraph:正文。']);
  });

  it('leaves a document without front matter alone', () => {
    const doc = check('---\n\n正文。');
    expect(doc.hints).toEqual({});
    expect(doc.blocks.map(summary)).toEqual(['paragraph:正文。']);
  });
});

describe('blocksFromMarkdown robustness', () => {
  it('survives unbalanced brackets and garbage', () => {
    let md = '[[[(((<<<**__``';
    for (let i = 0; i < 5000; i++) md += String.fromCharCode((i * 7919) % 0xffff);
    const doc = blocksFromMarkdown(md);
    for (const b of doc.blocks) expect(b.text.length).toBeGreaterThan(0);
  });

  it('handles a 5 MB document in linear time', () => {
    const para =
      '**一是**推进[高质量](http://a.b)发展，坚持\n创新驱动，确保取得实效。\n\n- 列表项\n\n';
    const md = para.repeat(Math.ceil(5_000_000 / para.length));
    const t0 = performance.now();
    const doc = blocksFromMarkdown(md);
    const ms = performance.now() - t0;
    console.info(
      `blocksFromMarkdown: ${(md.length / 1e6).toFixed(1)} M characters in ${ms.toFixed(0)} ms`,
    );
    expect(doc.blocks.length).toBe(2 * Math.ceil(5_000_000 / para.length));
    expect(ms).toBeLessThan(10_000); // generous for shared CI machines; quadratic would take minutes
  });
});
