/**
 * Key formulations (提法): which quoted phrases and number formulas are kept as
 * the essay's own, and why. Every essay here is invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeMarkdown, analyzeText } from '../../../lib/index.ts';
import type { Formulation } from '../../../lib/types.ts';
import type { Analysis } from '../../../lib/index.ts';

/** A paragraph that quotes nothing and counts nothing. */
const P = '各级干部要把心思用在干事创业上，把功夫下在解决问题上，以扎扎实实的工作成效取信于民。';

interface Case {
  name: string;
  /** Markdown (a `# title` line gives the headline) or plain text paragraphs. */
  input: string;
  /** Formulations that must be there, with how many times each occurs. */
  kept: Record<string, number>;
  /** Quoted or counted words that must not be. */
  dropped: string[];
}

const cases: Case[] = [
  {
    name: 'a slogan quoted twice is kept',
    input: `# 改进机关作风\n\n全区推行“马上就办”工作机制，群众诉求当天受理。\n\n${P}\n\n事实证明，“马上就办”办出了效率，也办出了民心。`,
    kept: { 马上就办: 2 },
    dropped: [],
  },
  {
    name: 'a long formula quoted once and built on unquoted is kept with both places',
    input: `# 抓实基层治理\n\n街道推行“清单化闭环管理”，每件事都有人认领。\n\n${P}\n\n下一步，我们将把清单化闭环管理延伸到每个小区。`,
    kept: { 清单化闭环管理: 2 },
    dropped: [],
  },
  {
    name: 'a one-off quotation is dropped',
    input: `# 优化营商环境\n\n${P}\n\n企业负责人说，现在办事真正做到了“让数据多跑路”，省心不少。\n\n${P}`,
    kept: {},
    dropped: ['让数据多跑路'],
  },
  {
    name: 'a quoted user name met once is dropped',
    input: `# 倾听网民心声\n\n网友“山城小雨夜”在留言板写道，希望早日修好门前的路。\n\n${P}`,
    kept: {},
    dropped: ['山城小雨夜'],
  },
  {
    name: 'a Latin handle in quotes is a name, not a formula, even when repeated',
    input: `# 回应网民关切\n\n网名为“river2024”的用户多次留言。\n\n${P}\n\n工作人员随即联系了“river2024”，问题当天解决。`,
    kept: {},
    dropped: ['river2024'],
  },
  {
    name: 'a number formula that the text enumerates is kept, though met once',
    input: `# 锻造过硬队伍\n\n支部坚持“四抓”：抓思想、抓作风、抓制度、抓落实，一步一个脚印推进。\n\n${P}`,
    kept: { 四抓: 1 },
    dropped: [],
  },
  {
    name: 'a number formula whose list falls short of its count is dropped',
    input: `# 锻造过硬队伍\n\n支部坚持“四抓”，重点是抓思想、抓作风。\n\n${P}`,
    kept: {},
    dropped: ['四抓'],
  },
  {
    name: 'counted words met once and not enumerated are dropped',
    input: `# 加强理论武装\n\n党员干部要深刻领悟“两个确立”的决定性意义，增强“四个意识”。\n\n${P}`,
    kept: {},
    dropped: ['两个确立', '四个意识'],
  },
  {
    name: 'a number formula quoted once and repeated unquoted is kept with every place',
    input: `# 深化作风建设\n\n全市开展“三争三比”活动，比实绩、比担当、比作风。\n\n${P}\n\n通过三争三比，干部精气神明显提升，三争三比已成为工作常态。`,
    kept: { 三争三比: 3 },
    dropped: [],
  },
  {
    name: 'a digit formula repeated is kept',
    input: `# 构建服务体系\n\n全县构建2+4+X服务体系，整合各方资源。\n\n${P}\n\n实践中，2+4+X服务体系运行顺畅。`,
    kept: { '2+4+X': 2 },
    dropped: [],
  },
  {
    name: 'a formula of the headline that the body takes up is kept',
    input: `# 以“一窗通办”提升服务效能\n\n${P}\n\n政务大厅全面推行一窗通办，群众少跑腿。`,
    kept: { 一窗通办: 1 },
    dropped: [],
  },
  {
    name: 'a quoted citation of speech and a quoted book title are dropped',
    input: `# 传承优良家风\n\n古人说“一粥一饭，当思来处不易。”这话至今不过时。\n\n${P}\n\n他常读“《朱子家训》”，也把“《朱子家训》”送给年轻人。`,
    kept: {},
    dropped: ['一粥一饭，当思来处不易。', '《朱子家训》'],
  },
  {
    name: 'a plain word quoted once is not kept because the word recurs unquoted',
    input: `# 以创新求突破\n\n今年的工作有不少“突破”。\n\n${P}\n\n科研团队实现关键技术突破，产业发展取得新突破。`,
    kept: {},
    dropped: ['突破'],
  },
  {
    name: 'a formula inside a longer one is counted only where it stands alone',
    input: `# 奋力争先进位\n\n全镇锚定“争一流、作表率”目标。\n\n${P}\n\n各村对标“争一流、作表率”，党员干部带头“作表率”。\n\n${P}\n\n年终评比中，大家都想“作表率”。`,
    kept: { '争一流、作表率': 2, 作表率: 2 },
    dropped: [],
  },
];

function analyze(input: string): Analysis {
  return input.startsWith('# ') ? analyzeMarkdown(input) : analyzeText(input);
}

const counts = (fs: Formulation[]) =>
  Object.fromEntries(fs.map((f) => [f.text, f.occurrences.length]));

describe('formulations: what is kept and why', () => {
  it.each(cases)('$name', (c) => {
    const { blocks, outline } = analyze(c.input);
    const got = counts(outline.formulations);
    for (const [text, n] of Object.entries(c.kept)) expect(got[text], text).toBe(n);
    for (const text of c.dropped) expect(got[text], text).toBeUndefined();
    // Every occurrence points at the formulation's own words.
    for (const f of outline.formulations)
      for (const at of f.occurrences)
        expect(blocks.blocks[at.block]!.text.slice(at.start, at.end)).toBe(f.text);
  });
});

describe('formulations: order and limits', () => {
  it('gives the occurrences of a formulation in reading order', () => {
    const { outline } = analyze(cases.find((c) => c.name.includes('repeated unquoted'))!.input);
    const f = outline.formulations.find((x) => x.text === '三争三比')!;
    const order = f.occurrences.map((o) => [o.block, o.start]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('ranks by occurrences, then by first place, and keeps at most 12', () => {
    const slogans = [
      '比学赶超',
      '马上就办',
      '一线工作',
      '真抓实干',
      '担当作为',
      '服务基层',
      '群众路线',
      '精准施策',
      '久久为功',
      '钉钉子精神',
      '首问负责',
      '限时办结',
      '容缺受理',
      '全程代办',
    ];
    // Each slogan twice; 全程代办 three times: it ranks first although it comes last.
    const paras = slogans.map((s) => `我们坚持“${s}”，把“${s}”落到实处。`);
    paras.push('各部门推行“全程代办”。');
    const { outline } = analyze(`# 提升服务质效\n\n${paras.join('\n\n')}`);
    const texts = outline.formulations.map((f) => f.text);
    expect(texts).toHaveLength(12);
    expect(texts[0]).toBe('全程代办');
    expect(texts.slice(1)).toEqual(slogans.slice(0, 11));
  });

  it('finds nothing in an essay that quotes and counts nothing', () => {
    expect(analyze(`# 无题\n\n${P}\n\n${P}`).outline.formulations).toEqual([]);
  });

  it('is deterministic', () => {
    for (const c of cases)
      expect(analyze(c.input).outline.formulations).toEqual(analyze(c.input).outline.formulations);
  });
});
