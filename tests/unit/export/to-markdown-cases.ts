/**
 * Golden cases for the Markdown export: an outline, the export options, and
 * the name of the expected file in ./golden/. All text is invented.
 */
import type { MarkdownOptions } from '../../../lib/export/to-markdown.ts';
import type { Highlight, HighlightColor } from '../../../lib/model.ts';
import type { Outline, OutlineNode } from '../../../lib/types.ts';

function node(
  level: number,
  marker: string | null,
  text: string,
  children: OutlineNode[] = [],
  key = text,
): OutlineNode {
  return {
    level,
    kind: level === 1 ? 'heading' : 'lead',
    marker,
    text,
    key,
    children,
    source: { block: 0, start: 0, end: text.length },
  };
}

export const OUTLINE: Outline = {
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
    node('1'.length, '一', '突出政治引领', [
      node(2, '一是', '加强理论学习，深入学习贯彻党的创新理论', [], '加强理论学习'),
      node(2, '二是', '强化教育培训'),
    ]),
    node(1, '二', '突出服务大局'),
  ],
};

let serial = 0;
function hl(
  exact: string,
  start: number,
  color: HighlightColor,
  note = '',
  nodeSel?: { path: number[]; key: string; text: string },
): Highlight {
  serial++;
  return {
    id: `h${serial}`,
    articleId: 'https://example.org/a',
    color,
    note,
    selectors: [
      { kind: 'position', start, end: start + exact.length },
      { kind: 'quote', exact, prefix: '', suffix: '' },
      ...(nodeSel ? [{ kind: 'outline-node' as const, ...nodeSel }] : []),
    ],
    createdAt: '2024-05-10T08:00:00Z',
    updatedAt: '2024-05-10T08:00:00Z',
  };
}

const HIGHLIGHTS: NonNullable<MarkdownOptions['highlights']> = [
  // Given out of reading order: the export sorts by position.
  {
    highlight: hl('切实把为民服务落到实处', 900, 'blue', '与第二部分呼应'),
    nodePath: [1],
    placed: true,
  },
  {
    highlight: hl('深入学习贯彻党的创新理论', 120, 'yellow', '重点：\n要读原著\n\n学原文、悟原理'),
    nodePath: [0, 0],
    placed: true,
  },
  { highlight: hl('抓落实是干事创业的关键', 10, 'green'), nodePath: null, placed: true },
  { highlight: hl('坚持学用结合', 160, 'pink'), nodePath: [0, 0], placed: true },
  {
    highlight: hl('确保各项决策部署落到实处', 500, 'purple', '这一句后来被删了', {
      path: [0, 1],
      key: '强化教育培训',
      text: '强化教育培训',
    }),
    nodePath: null,
    placed: false,
  },
  // A path that no longer names a node: listed with the intro.
  { highlight: hl('一段跨越\n两个段落的划线', 40, 'yellow'), nodePath: [7, 3], placed: true },
];

/** Markup, HTML and block markers in page text and notes: all must come out literally. */
const HOSTILE: NonNullable<MarkdownOptions['highlights']> = [
  {
    highlight: hl(
      '<script>alert(1)</script> **粗** [链](javascript:x) ==标== &amp;',
      5,
      'yellow',
      '# 不是标题\n> 不是引用\n- 不是列表\n1. 不是编号\n---\n    不是代码\n<img src=x onerror=alert(1)>\n结尾反斜杠\\',
    ),
    nodePath: [0],
    placed: true,
  },
];

export interface GoldenCase {
  /** File name in ./golden/, without `.md`. */
  name: string;
  outline: Outline;
  options: MarkdownOptions;
}

const META: MarkdownOptions = {
  url: 'https://example.org/a?b=1',
  savedAt: '2024-05-10T08:00:00Z',
  tags: ['作风建设', '理论'],
};

export const goldenCases: GoldenCase[] = [
  { name: 'outline-only', outline: OUTLINE, options: META },
  { name: 'no-structure', outline: { ...OUTLINE, nodes: [], digest: [] }, options: {} },
  { name: 'highlights', outline: OUTLINE, options: { ...META, highlights: HIGHLIGHTS } },
  {
    name: 'highlights-obsidian',
    outline: OUTLINE,
    options: { ...META, highlights: HIGHLIGHTS, obsidian: true, affiliation: '某某市委政研室' },
  },
  {
    name: 'hostile-text',
    outline: { ...OUTLINE, title: null, formulations: [], digest: [] },
    options: { title: '<b>标题</b> & 副题', highlights: HOSTILE, obsidian: true },
  },
];
