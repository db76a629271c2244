/**
 * Real long texts without gold outlines (../shared/real/texts: government work
 * reports, a party congress report, 申论 essays printed with their prompts and
 * commentary). No score: the properties a reader checks at a glance.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/index.ts';
import type { OutlineNode } from '../../../lib/types.ts';
import { decodeBytes } from '../../../lib/io/decode.ts';

const DIR = resolve(import.meta.dirname, '../../../../shared/real/texts');
const have = existsSync(DIR);
if (!have)
  console.warn(
    `real-texts.test.ts: the real texts were NOT FOUND at ${DIR} (../shared/real/texts beside the repository); skipped.`,
  );

/** The title each text prints (a part of it), where it prints one. */
const TITLES: Record<string, string> = {
  '01': '高举中国特色社会主义伟大旗帜',
  '02': '政府工作报告',
  '03': '政府工作报告',
  '04': '政府工作报告',
  '05': '政府工作报告',
  '07': '振自主创新之翼',
  '08': '不忘初心继续前进',
};

/** Lines that are never points: bylines, datelines, speakers, navigation, captions, counters. */
const NOT_POINTS = [
  /^(?:来源|时间|发布时间|发表时间|责任编辑|当前位置|首页|扫一扫|图为|本报记者|记者|阅读量|字号|字体)/,
  /^[—–-]*\d{4}年\d{1,2}月\d{1,2}日在/,
  /(?:省长|主席|书记|市长)[\u4e00-\u9fff]{2,3}$/,
  /^(?:下载|打印|全屏|收藏|加大|还原|减小|大|中|小)$/,
  /^【[^】]*(?:范文|评析|点评)】/,
  /^(?:要求|作答要求)[：:]?$/,
];

/** How deep a marker's family sits in a printed report: 一、 over （一） over 一是 / 1. */
function rank(marker: string | null): number {
  if (!marker) return 0;
  if (/^[一二三四五六七八九十]+$/.test(marker)) return 1;
  if (/^（[一二三四五六七八九十]+）$/.test(marker)) return 2;
  if (/^(?:[一二三四五六七八九十]+是|\d+|（\d+）)$/.test(marker)) return 3;
  return 0;
}

function* walk(
  nodes: OutlineNode[],
  parent: OutlineNode | null = null,
): Generator<[OutlineNode, OutlineNode | null]> {
  for (const n of nodes) {
    yield [n, parent];
    yield* walk(n.children, n);
  }
}

describe.skipIf(!have)(`real texts at ${DIR}`, () => {
  const files = have ? readdirSync(DIR).filter((f) => f.endsWith('.txt')) : [];

  it('holds texts', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s: title found, no furniture as a point, nesting as printed', (file) => {
    const { text } = decodeBytes(readFileSync(join(DIR, file)), { kind: 'text' });
    const { blocks, outline } = analyzeText(text);
    const id = file.slice(0, 2);
    if (TITLES[id]) expect(outline.title ?? '').toContain(TITLES[id]);
    const glossary = blocks.blocks.findIndex((b) => /^名词解释$/.test(b.text));
    for (const [n, parent] of walk(outline.nodes)) {
      for (const re of NOT_POINTS) expect(n.text, `${file}: ${n.text}`).not.toMatch(re);
      expect(n.level).toBe(parent ? parent.level + 1 : 1);
      // A glossary after the report is no point of it.
      if (glossary >= 0) expect(n.source.block, n.text).toBeLessThan(glossary);
      // 一、 holds （一）, which holds 一是: a lower rank never holds a higher one.
      const r = rank(n.marker);
      const pr = parent ? rank(parent.marker) : 0;
      if (r && pr) expect(r, `${file}: ${parent!.marker} > ${n.marker}`).toBeGreaterThan(pr);
    }
  });

  it('a work report reads its speaker as the author and its dateline as no point', () => {
    const file = files.find((f) => f.startsWith('04'));
    if (!file) return;
    const { text } = decodeBytes(readFileSync(join(DIR, file)), { kind: 'text' });
    const { outline } = analyzeText(text);
    expect(outline.author).toBeTruthy();
    expect(outline.nodes[0]!.marker).toBe('一');
  });
});
