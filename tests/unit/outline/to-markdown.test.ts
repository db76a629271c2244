import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeMarkdown, analyzeText } from '../../../lib/index.ts';
import { escapeMarkdown, outlineToMarkdown } from '../../../lib/export/to-markdown.ts';
import type { Outline, OutlineNode } from '../../../lib/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function node(
  level: number,
  marker: string | null,
  text: string,
  children: OutlineNode[] = [],
): OutlineNode {
  return {
    level,
    kind: level === 1 ? 'heading' : 'lead',
    marker,
    text,
    key: text,
    children,
    source: { block: 0, start: 0, end: text.length },
  };
}

const outline: Outline = {
  title: '强化担当作为推动工作落实',
  subtitle: '写在活动开展一周年之际',
  author: '张磊',
  affiliation: '中共某某市委办公室',
  conclusion: '综上所述',
  formulations: [
    {
      text: '三抓一创',
      occurrences: [
        { block: 1, start: 0, end: 4 },
        { block: 2, start: 3, end: 7 },
      ],
    },
  ],
  digest: ['抓落实是干事创业的关键。', '一 突出政治引领'],
  nodes: [
    node(1, '一', '突出政治引领', [
      node(2, '一是', '加强理论学习'),
      node(2, '二是', '强化教育培训'),
    ]),
    node(1, '二', '突出服务大局'),
  ],
};

describe('outlineToMarkdown', () => {
  const md = outlineToMarkdown(outline, {
    url: 'https://example.org/a?b=1',
    savedAt: '2024-05-10T08:00:00Z',
    tags: ['作风建设', '理论'],
  });

  it('writes YAML front matter with the document fields and options', () => {
    const front = md.split('\n---\n')[0]!;
    expect(md.startsWith('---\n')).toBe(true);
    expect(front).toContain('title: "强化担当作为推动工作落实"');
    expect(front).toContain('subtitle: "写在活动开展一周年之际"');
    expect(front).toContain('author: "张磊"');
    expect(front).toContain('affiliation: "中共某某市委办公室"');
    expect(front).toContain('source: "https://example.org/a?b=1"');
    expect(front).toContain('saved: "2024-05-10T08:00:00Z"');
    expect(front).toContain('tags: ["作风建设", "理论"]');
  });

  it('leaves out empty fields from the front matter', () => {
    const bare = outlineToMarkdown({ ...outline, subtitle: null, affiliation: null });
    expect(bare).not.toMatch(/^subtitle:/m);
    expect(bare).not.toMatch(/^affiliation:/m);
    expect(bare).not.toMatch(/^source:/m);
  });

  it('writes the outline as a nested list with markers', () => {
    expect(md).toContain(
      [
        '- 一 突出政治引领',
        '  - 一是 加强理论学习',
        '  - 二是 强化教育培训',
        '- 二 突出服务大局',
      ].join('\n'),
    );
  });

  it('writes the conclusion, formulations with counts and the digest', () => {
    expect(md).toContain('**结论 Conclusion:** 综上所述');
    expect(md).toContain('## 提法 Key formulations');
    expect(md).toContain('- “三抓一创” ×2');
    expect(md).toContain('## 摘要 Digest');
    expect(md).toContain('> 抓落实是干事创业的关键。\n>\n> 一 突出政治引领');
  });

  it('says so when no structure was found', () => {
    const empty = outlineToMarkdown({ ...outline, nodes: [], formulations: [], digest: [] });
    expect(empty).toContain('（未识别到结构 / no structure found）');
    expect(empty).not.toContain('## 提法');
    expect(empty).not.toContain('## 摘要');
  });

  it('shows page text literally: markup in a title or a node is escaped', () => {
    const hostile = outlineToMarkdown({
      ...outline,
      title: '**加粗**<script>alert(1)</script>',
      nodes: [node(1, null, '[链接](javascript:x) _斜体_ `代码`')],
    });
    expect(hostile).toContain('# \\*\\*加粗\\*\\*\\<script\\>alert(1)\\</script\\>');
    const body = hostile.slice(hostile.indexOf('\n---\n') + 5);
    expect(body).not.toMatch(/(^|[^\\])<script>/);
    expect(hostile).toContain('- \\[链接\\](javascript:x) \\_斜体\\_ \\`代码\\`');
    // The front matter is JSON-quoted YAML: the raw title is kept there.
    expect(hostile).toContain('title: "**加粗**<script>alert(1)</script>"');
  });

  it('escapes a leading bullet in text', () => {
    expect(escapeMarkdown('- 不是列表')).toBe('\\- 不是列表');
    // A backslash before a digit is no escape in Markdown: the dot is escaped instead.
    expect(escapeMarkdown('1. 不是列表')).toBe('1\\. 不是列表');
  });
});

describe('Markdown round trip', () => {
  const essay = [
    '强化担当作为 推动工作落实',
    '□ 张磊',
    '各级党组织要切实提高认识，把这项工作作为一项重要政治任务抓紧抓好，确保取得实实在在的成效，让群众真正感受到变化。',
    '一是文稿起草出精品。坚持高标准严要求，反复打磨每一篇文稿。',
    '二是信息报送求时效。建立快速反应机制，确保重要信息及时报送。',
  ].join('\n\n');

  it('the exported Markdown, read back, keeps title, author and the level-1 points', () => {
    const first = analyzeText(essay).outline;
    const md = outlineToMarkdown(first);
    const again = analyzeMarkdown(md).outline;
    expect(again.title).toBe(first.title);
    expect(again.author).toBe(first.author);
    expect(md).toContain('- 一是 文稿起草出精品');
    expect(md).toContain('- 二是 信息报送求时效');
  });

  it('the CLI (--format md) prints what outlineToMarkdown gives in-process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gangmu-md-'));
    try {
      const file = join(dir, 'essay.txt');
      writeFileSync(file, essay);
      const cli = execFileSync(
        process.execPath,
        [join(ROOT, 'scripts/outline.mjs'), '--format', 'md', file],
        { encoding: 'utf8', cwd: ROOT },
      );
      expect(cli).toBe(outlineToMarkdown(analyzeText(essay).outline) + '\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
