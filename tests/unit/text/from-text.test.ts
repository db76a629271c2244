import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blocksFromText } from '../../../lib/blocks/from-text.ts';
import type { BlockDoc } from '../../../lib/types.ts';
import { expectMapped } from './offset-check.ts';

function texts(doc: BlockDoc): string[] {
  return doc.blocks.map((b) => b.text);
}

function expectAllMapped(raw: string, doc: BlockDoc): void {
  for (const b of doc.blocks) {
    if (b.source.kind !== 'text') throw new Error('text blocks need text sources');
    expect(b.text.length).toBeGreaterThan(0);
    expect(b.kind).toBe('paragraph');
    // Fake-bold undoing drops copies, so compare through the offsets only.
    expectMapped(raw, b.text, b.source.offsets);
  }
}

/** A narrow newspaper column: 12 characters a line (the essays' text is made up for the tests). */
const COLUMN_ESSAY = [
  '基层治理是国家治理的基石，',
  '我们要坚持把基层治理摆在突',
  '出位置，推动各项工作落地见',
  '效。',
  '',
  '夯实基础，确',
  '保治理有序',
  '',
  '一是健全组织体系。',
  '坚持党建引领，织密组织网络',
  '确保每个网格都有人管事，有',
  '人办事，切实把服务送到群众',
  '家门口。',
  '',
  '二是完善服务机制。推动资源',
  '下沉，建立群众诉求快速响应',
  '机制，让群众办事更加便捷，',
  '形成上下联动的工作格局，在',
  '',
  '服务中凝聚人心。',
  '（作者为某县委常委、办公',
  '室主任）',
  '',
  '把基层治理做实做细',
  '王明',
].join('\n');

describe('blocksFromText on a hard-wrapped column', () => {
  const doc = blocksFromText(COLUMN_ESSAY);
  it('rebuilds the paragraphs', () => {
    expect(texts(doc)).toEqual([
      '基层治理是国家治理的基石，我们要坚持把基层治理摆在突出位置，推动各项工作落地见效。',
      '夯实基础，确保治理有序',
      '一是健全组织体系。坚持党建引领，织密组织网络确保每个网格都有人管事，有人办事，切实把服务送到群众家门口。',
      '二是完善服务机制。推动资源下沉，建立群众诉求快速响应机制，让群众办事更加便捷，形成上下联动的工作格局，在服务中凝聚人心。',
      '（作者为某县委常委、办公室主任）',
      '把基层治理做实做细',
      '王明',
    ]);
  });
  it('maps every character back to the raw input', () => expectAllMapped(COLUMN_ESSAY, doc));
  it('reports format and no hints', () => {
    expect(doc.format).toBe('text');
    expect(doc.hints).toEqual({});
  });
});

describe('blocksFromText cases', () => {
  const cases: [name: string, raw: string, expected: string[]][] = [
    ['empty input', '', []],
    ['blank lines only', '\n\n \u3000\n', []],
    ['one line', '坚持人民至上', ['坚持人民至上']],
    [
      'byline box and title',
      '推进治理现代化\n\n□ 张磊\n\n治理现代化是一项系统工程。',
      ['推进治理现代化', '□张磊', '治理现代化是一项系统工程。'],
    ],
    [
      'reporter byline line stays alone',
      '本报记者 王乐文\n\n近日，全市召开工作会议。',
      ['本报记者王乐文', '近日，全市召开工作会议。'],
    ],
    [
      'page furniture not glued to body',
      '要持续推进改革，\n\n（下转第八版）\n\n责任编辑：李明\n\n确保各项任务落实。',
      ['要持续推进改革，', '（下转第八版）', '责任编辑：李明', '确保各项任务落实。'],
    ],
    [
      'fake-bold headline undone and line doubled',
      '深化改革深化改革深化改革\n深化改革深化改革深化改革\n\n正文第一句。',
      ['深化改革', '正文第一句。'],
    ],
    [
      'paragraph per line (unwrapped export)',
      '一、总体要求\n坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长，完善宏观调控。\n二、主要任务\n大力提振消费，提高投资效益，全方位扩大国内需求，推动产业升级。',
      [
        '一、总体要求',
        '坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长，完善宏观调控。',
        '二、主要任务',
        '大力提振消费，提高投资效益，全方位扩大国内需求，推动产业升级。',
      ],
    ],
    [
      'blank line inside an open quotation is repaired',
      '要聚焦“全省\n\n第一、全国一流”目标，持续优化营商环境。',
      ['要聚焦“全省第一、全国一流”目标，持续优化营商环境。'],
    ],
    [
      'trailing author note split off',
      '发扬钉钉子精神，喜迎胜利召开。（作者为某街道党工委书记）',
      ['发扬钉钉子精神，喜迎胜利召开。', '（作者为某街道党工委书记）'],
    ],
    [
      'wrapped Latin text',
      'The quick brown fox jumps over\nthe lazy dog and runs far away\ninto the dark green forest at\nnight under a pale moon, and\nsleeps.',
      [
        'The quick brown fox jumps over the lazy dog and runs far away into the dark green forest at night under a pale moon, and sleeps.',
      ],
    ],
    ['CRLF line ends', '标题\r\n\r\n正文。\r\n', ['标题', '正文。']],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    const doc = blocksFromText(raw);
    expect(texts(doc)).toEqual(expected);
    expectAllMapped(raw, doc);
  });

  it('reports undone fake bold as a bold span', () => {
    const doc = blocksFromText('把握把握把握“““四个关键四个关键四个关键”””\n张三');
    expect(doc.blocks[0]!.text).toBe('把握“四个关键”');
    expect(doc.blocks[0]!.bold).toEqual([[0, 8]]);
    expect(doc.blocks[1]!.text).toBe('张三');
  });

  it('cuts a paragraph at a short sentence-final line when the page has no blank lines', () => {
    const raw = [
      '坚持以人民为中心，推动发展',
      '成果更多更公平惠及全体人',
      '民群众。',
      '  持续改善民生，办好群众急',
      '难愁盼的实事，增强群众的获',
      '得感和幸福感。',
    ].join('\n');
    expect(texts(blocksFromText(raw))).toEqual([
      '坚持以人民为中心，推动发展成果更多更公平惠及全体人民群众。',
      '持续改善民生，办好群众急难愁盼的实事，增强群众的获得感和幸福感。',
    ]);
  });

  it('survives binary garbage', () => {
    let raw = '';
    for (let i = 0; i < 20_000; i++) raw += String.fromCharCode((i * 7919) % 0xffff);
    const doc = blocksFromText(raw);
    for (const b of doc.blocks) expect(b.text.length).toBeGreaterThan(0);
  });

  it('handles 5 MB of text in linear time', () => {
    const lines: string[] = [];
    for (let i = 0; i < 20; i++) lines.push(`推进高质量发展第${i}步，坚持创新驱动，\n`);
    const para = `${lines.join('')}确保取得实效。\n\n`;
    const raw = para.repeat(Math.ceil(5_000_000 / para.length));
    const t0 = performance.now();
    const doc = blocksFromText(raw);
    const ms = performance.now() - t0;
    console.info(
      `blocksFromText: ${(raw.length / 1e6).toFixed(1)} M characters in ${ms.toFixed(0)} ms`,
    );
    expect(doc.blocks.length).toBe(Math.ceil(5_000_000 / para.length));
    // Generous for shared CI machines; a quadratic pass would take minutes here.
    expect(ms).toBeLessThan(10_000);
  });
});

// The shared essay corpus lives next to the repository; skip when it is absent.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusDir = join(repoRoot, '../shared/corpus');
const haveCorpus = existsSync(corpusDir);
const corpusFiles = haveCorpus ? readdirSync(corpusDir).filter((f) => /^s.*\.txt$/.test(f)) : [];

/** Whitespace and punctuation removed, as the corpus scoring does. */
function squash(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '');
}

interface GoldNode {
  kind: string;
  text: string;
  children?: GoldNode[];
}

function flatten(nodes: GoldNode[], out: GoldNode[] = []): GoldNode[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children ?? [], out);
  }
  return out;
}

describe.skipIf(!haveCorpus)(
  'blocksFromText on the shared corpus (../shared/corpus absent: skipped)',
  () => {
    it.each(corpusFiles)('%s: titles, headings and leads each lie within one block', (file) => {
      const raw = readFileSync(join(corpusDir, file), 'utf8');
      const gold = JSON.parse(
        readFileSync(join(corpusDir, file.replace(/\.txt$/, '.json')), 'utf8'),
      );
      const doc = blocksFromText(raw);
      expectAllMapped(raw, doc);
      const blocks = doc.blocks.map((b) => squash(b.text));
      const wanted: string[] = [];
      // The title is checked only where the slice holds it (some are printed outside).
      if (typeof gold.title === 'string' && blocks.join('').includes(squash(gold.title))) {
        wanted.push(gold.title);
      }
      for (const n of flatten(gold.outline ?? [])) {
        if (n.kind !== 'inline') wanted.push(n.text);
      }
      for (const w of wanted) {
        const key = squash(w);
        if (key.length === 0) continue;
        expect(
          blocks.some((b) => b.includes(key)),
          `${file}: "${w}" in one block`,
        ).toBe(true);
      }
      // Headings stand alone: a gold heading starts its block.
      for (const n of flatten(gold.outline ?? [])) {
        if (n.kind === 'heading') {
          expect(
            blocks.some((b) => b.startsWith(squash(n.text))),
            `${file}: heading "${n.text}"`,
          ).toBe(true);
        }
      }
    });
  },
);
