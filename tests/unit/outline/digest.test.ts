/**
 * The digest: the introduction's thesis, each top-level point's claim (never its
 * heading again) and the conclusion, extractive and deterministic. Every essay
 * here is invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeMarkdown, analyzeText } from '../../../lib/index.ts';
import type { Outline, OutlineNode } from '../../../lib/types.ts';

/** Markdown headings, a dateline and a scene before the thesis, a marked conclusion. */
const HEADINGS = [
  '# 以钉钉子精神抓好工作落实',
  '新华社南京3月5日电 题：以钉钉子精神抓好工作落实——城南街道以钉钉子精神推动各项任务落地见效的调查',
  '3月5日，记者走进城南街道便民服务中心，办事群众井然有序。抓落实是干事创业的基本功。抓好工作落实，关键在于以钉钉子精神一抓到底，把每一项任务都落到实处。',
  '## 一、明确责任链条',
  '责任不清，落实就无从谈起。各部门把任务分解到岗、落实到人，做到事事有人管。',
  '## 二、强化督查问效',
  '习近平总书记强调：“一分部署，九分落实。”督查是推动落实的重要手段，必须做到件件有着落、事事有回音。',
  '## 三、健全激励机制',
  '### （一）完善考核办法',
  '考核结果与评先评优挂钩，让实干者有舞台。',
  '### （二）加强关心关爱',
  '对基层干部多一些理解和支持，帮助他们解决实际困难。',
  '总之，抓落实没有休止符，必须久久为功、善作善成，以钉钉子精神把蓝图变成现实。',
].join('\n\n');

/** Plain text: 一是 leads, short intro paragraphs, an unmarked last paragraph, an author note. */
const LEADS = [
  '老旧小区改造的城南经验',
  '去年冬天，记者来到城南街道，看到几栋老楼正在搭脚手架。',
  '城南街道把老旧小区改造当作民生实事，一栋一栋推进，一户一户落实。',
  '一是问需于民定方案。改造前，街道挨家挨户征求意见，一共收集建议三百余条。',
  '二是多方筹资解难题。街道争取专项资金，同时引导居民和产权单位共同出资。',
  '三是长效管理防反弹。改造完成后，小区引入物业服务，并成立居民议事会。',
  '回望这一年，居民们说，只有把群众的事当成自己的事，才能把好事办好、实事办实。',
  '（作者单位：城南街道党工委）',
].join('\n\n');

/** A point whose only sentence is a question: it gives no line. */
const QUESTION = [
  '如何让乡村振兴见实效',
  '乡村振兴必须坚持农民主体地位，把农民的事情办好。',
  '一是产业怎么兴？',
  '二是人才怎么留？留住人才，要靠事业留人、感情留人、待遇留人。',
  '三是环境怎么美？整治人居环境，要从垃圾分类和污水治理做起。',
].join('\n\n');

/** A point whose claim runs long: cut at a clause with …. */
const LONG_CLAUSES =
  '改造前，街道组织党员干部、楼栋长和志愿者组成工作专班，利用晚上和周末时间挨家挨户上门走访，' +
  '面对面听取居民对加装电梯、管网更新、停车管理、绿化提升、适老化改造等方面的意见建议，' +
  '逐条梳理形成问题清单、需求清单和项目清单，并在小区公告栏和业主群里公开征求意见，' +
  '确保改造方案真正体现大多数居民的共同意愿。';
const LONG = LEADS.replace('改造前，街道挨家挨户征求意见，一共收集建议三百余条。', LONG_CLAUSES);

const outlineOf = (input: string): Outline =>
  (input.startsWith('# ') ? analyzeMarkdown(input) : analyzeText(input)).outline;

function* walk(nodes: OutlineNode[]): Generator<OutlineNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

interface Case {
  name: string;
  input: string;
  /** The digest, line by line. */
  digest: string[];
}

const cases: Case[] = [
  {
    // Thesis: the 关键在于 sentence, not the dateline (most headline words, but a dateline)
    // nor the scene (3月5日，记者走进…). Point one: the first sentence after the heading.
    // Point two: its first sentence only quotes a speech, so the next one. Point three:
    // its heading is followed by sub-headings, no sentence of its own: no line.
    // Conclusion: the marked 总之 paragraph.
    name: 'headings: thesis, claims after the headings, marked conclusion',
    input: HEADINGS,
    digest: [
      '抓好工作落实，关键在于以钉钉子精神一抓到底，把每一项任务都落到实处。',
      '责任不清，落实就无从谈起。',
      '督查是推动落实的重要手段，必须做到件件有着落、事事有回音。',
      '总之，抓落实没有休止符，必须久久为功、善作善成，以钉钉子精神把蓝图变成现实。',
    ],
  },
  {
    // Thesis: no claim word, but the sentence that shares most with the headline; the
    // scene before it does not. Points: the sentence after each lead. Conclusion: the
    // last paragraph's claim (只有…才…); the author note after it is not essay.
    name: 'leads: headline thesis, the sentence after each lead, unmarked conclusion',
    input: LEADS,
    digest: [
      '城南街道把老旧小区改造当作民生实事，一栋一栋推进，一户一户落实。',
      '改造前，街道挨家挨户征求意见，一共收集建议三百余条。',
      '街道争取专项资金，同时引导居民和产权单位共同出资。',
      '改造完成后，小区引入物业服务，并成立居民议事会。',
      '回望这一年，居民们说，只有把群众的事当成自己的事，才能把好事办好、实事办实。',
    ],
  },
  {
    // A question is no claim: the point that is only a question gives no line, the
    // others give the answer after their question.
    name: 'a point with no claim gives no line',
    input: QUESTION,
    digest: [
      '乡村振兴必须坚持农民主体地位，把农民的事情办好。',
      '留住人才，要靠事业留人、感情留人、待遇留人。',
      '整治人居环境，要从垃圾分类和污水治理做起。',
    ],
  },
];

describe('digest: what it picks and why', () => {
  it.each(cases)('$name', (c) => {
    expect(outlineOf(c.input).digest).toEqual(c.digest);
  });

  it.each(cases)('never repeats a heading or lead: $name', (c) => {
    const o = outlineOf(c.input);
    for (const n of walk(o.nodes)) for (const d of o.digest) expect(d).not.toBe(n.text);
    for (const n of o.nodes) expect(o.digest.join('\n')).not.toContain(n.text);
  });

  it('keeps every line a sentence of the essay, at most 120 characters', () => {
    const o = outlineOf(LONG);
    const line = o.digest[1]!;
    expect(line.length).toBeLessThanOrEqual(120);
    expect(line.endsWith('…')).toBe(true);
    // Cut where a clause ends: the words before … are the sentence's, up to a comma.
    const kept = line.slice(0, -1);
    expect(LONG_CLAUSES.startsWith(kept)).toBe(true);
    expect('，、；：').toContain(LONG_CLAUSES[kept.length]!);
    for (const d of o.digest) expect(LONG.replace(/\n/g, '')).toContain(d.replace(/…$/, ''));
  });

  it('is deterministic: the same input gives the same digest', () => {
    for (const c of cases) expect(outlineOf(c.input).digest).toEqual(outlineOf(c.input).digest);
  });

  it('gives an empty digest for an essay without prose', () => {
    expect(outlineOf('标题\n\n作者').digest).toEqual([]);
  });
});
