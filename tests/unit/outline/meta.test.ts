import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeText } from '../../../lib/index.ts';
import type { Outline } from '../../../lib/types.ts';

/** Invented prose paragraphs (no corpus text). */
const A =
  '各级党组织要切实提高认识，把这项工作作为一项重要政治任务抓紧抓好，确保取得实实在在的成效，让群众真正感受到变化。';
const B =
  '实践证明，只有坚持以人民为中心的发展思想，才能凝聚起推动发展的强大合力，不断开创工作新局面。';

const text = (...paras: string[]): Outline => analyzeText(paras.join('\n\n')).outline;
const html = (body: string, head = ''): Outline =>
  analyzeDocument(
    parseHTML(`<html><head>${head}</head><body>${body}</body></html>`)
      .document as unknown as Document,
  ).outline;

interface MetaCase {
  name: string;
  outline: () => Outline;
  want: Partial<Pick<Outline, 'title' | 'subtitle' | 'author' | 'affiliation'>>;
}

const metaCases: MetaCase[] = [
  {
    name: 'a byline in a hidden box is not read',
    outline: () =>
      html(
        `<div hidden><span>作者：王隐藏</span></div><h1>看得见的标题</h1><p>${A}</p><p>${B}</p>`,
      ),
    want: { title: '看得见的标题', author: null },
  },
  {
    name: 'a headline inside <noscript> is not the title',
    outline: () =>
      html(
        `<noscript><h1>关于加强基层治理的意见隐藏</h1></noscript><h1>看得见的标题</h1><p>${A}</p><p>${B}</p>`,
        '<title>关于加强基层治理的意见隐藏</title>',
      ),
    want: { title: '看得见的标题' },
  },
  {
    name: 'a title keeps the spaces between Latin words, a spaced-out name loses its spaces',
    outline: () =>
      html(`<h1>Open Source Software 在 China 的治理</h1><p>简  繁</p><p>${A}</p><p>${B}</p>`),
    want: { title: 'Open Source Software 在 China 的治理' },
  },
  {
    name: 'a channel label before a vertical bar is left out of the title',
    outline: () => html(`<h1>深度观察丨小小积分卡撬动乡村治理</h1><p>${A}</p><p>${B}</p>`),
    want: { title: '小小积分卡撬动乡村治理' },
  },
  {
    name: 'a genre label before a colon is left out of the title',
    outline: () => text('申论范文：以实干践行初心使命', A, B),
    want: { title: '以实干践行初心使命' },
  },
  {
    name: 'a document number after a regulation’s name is left out of the title',
    outline: () =>
      html(
        `<h1>市政府关于推进社区嵌入式服务设施建设的实施意见江政发〔2025〕12号</h1><p>${A}</p><p>${B}</p>`,
      ),
    want: { title: '市政府关于推进社区嵌入式服务设施建设的实施意见' },
  },
  {
    name: 'the byline NAME《报名》（日期第N版）, a rare surname',
    outline: () =>
      html(
        `<h1>让一老一小更有保障</h1><p class="byline">逄晓光《江岸日报》（2025年06月11日第 05 版）</p><p>${A}</p><p>${B}</p>`,
      ),
    want: { title: '让一老一小更有保障', author: '逄晓光' },
  },
  {
    name: 'names written together after 作者： in a source line at the end',
    outline: () =>
      html(
        `<h1>数据开放考验治理能力</h1><p>${A}</p><p>${B}</p><p>本文来源：江岸经济报作者：林晓梅张建华</p>`,
      ),
    want: { author: '林晓梅、张建华' },
  },
  {
    name: 'a byline outside the article container, in an author box',
    outline: () =>
      html(
        `<div class="author">本报记者  周海川  李  明</div><div class="content"><h1>稳住粮食生产基本盘</h1><p>${A}</p><p>${B}</p><p>${A}</p></div>`,
      ),
    want: { author: '周海川、李明' },
  },
  {
    name: 'an interview’s subject line gives the author and the post held now',
    outline: () =>
      text(
        '采访对象：邵文博，1960年3月生，江南人。曾任某县县委书记。现任江岸市政协副主席。',
        '采访组：您好！请您谈谈当年的情况。',
        A,
        B,
      ),
    want: { author: '邵文博', affiliation: '江岸市政协副主席' },
  },
  {
    name: 'an affiliation note with brackets inside it',
    outline: () =>
      text('坚持党的全面领导', A, B, '（作者为江岸大学（江岸行政学院）马克思主义学院教授）'),
    want: { affiliation: '江岸大学（江岸行政学院）马克思主义学院教授' },
  },
  {
    name: 'a source label in brackets before the headline is left out',
    outline: () =>
      html(`<h1>【澎湃新闻】谢某：制度优势如何转化为治理效能</h1><p>${A}</p><p>${B}</p>`),
    want: { title: '谢某：制度优势如何转化为治理效能' },
  },
  {
    name: 'several reporters on one byline, spaces lost in normalisation (text)',
    outline: () => text('让绿色成为高质量发展的鲜明底色（人民时评）', '本报记者 王乐文 方敏', A, B),
    want: { title: '让绿色成为高质量发展的鲜明底色', author: '王乐文、方敏' },
  },
  {
    name: 'several reporters on one byline (HTML), the headline is no node',
    outline: () =>
      html(
        `<h1>让绿色成为高质量发展的鲜明底色（人民时评）</h1><p>本报记者 王乐文 方敏</p><p>${A}</p><p>${B}</p>`,
      ),
    want: { title: '让绿色成为高质量发展的鲜明底色', author: '王乐文、方敏' },
  },
  {
    name: '经济日报评论员：标题 in plain text: the prefix is the author',
    outline: () => text('经济日报评论员：以改革创新激发发展活力', A, B),
    want: { title: '以改革创新激发发展活力', author: '经济日报评论员' },
  },
  {
    name: 'title and subtitle after ——, □ byline',
    outline: () => text('在新征程上展现新作为——写在活动开展一周年之际', '□ 张磊', A, B),
    want: { title: '在新征程上展现新作为', subtitle: '写在活动开展一周年之际', author: '张磊' },
  },
  {
    name: 'a column label （人民时评） belongs to no field',
    outline: () => text('让绿色成为高质量发展的鲜明底色（人民时评）', '□ 张磊', A, B),
    want: { title: '让绿色成为高质量发展的鲜明底色', subtitle: null, author: '张磊' },
  },
  {
    name: '经济日报评论员：标题 in the page headline: the prefix is the author',
    outline: () =>
      html(
        `<article><h1>经济日报评论员：以改革创新激发发展活力</h1><p>${A}</p><p>${B}</p></article>`,
        '<title>经济日报评论员：以改革创新激发发展活力_经济日报</title>',
      ),
    want: { title: '以改革创新激发发展活力', author: '经济日报评论员' },
  },
  {
    name: 'collective byline 本报评论员',
    outline: () => text('以改革创新激发发展活力', '本报评论员', A, B),
    want: { title: '以改革创新激发发展活力', author: '本报评论员' },
  },
  {
    name: 'one reporter: 本报记者 王乐文',
    outline: () => text('让绿色成为高质量发展的鲜明底色', '本报记者 王乐文', A, B),
    want: { title: '让绿色成为高质量发展的鲜明底色', author: '王乐文' },
  },
  {
    name: 'reporter and correspondent: 本报记者 王乐文 本报通讯员 方敏',
    outline: () => text('让绿色成为高质量发展的鲜明底色', '本报记者 王乐文 本报通讯员 方敏', A, B),
    want: { author: '王乐文、方敏' },
  },
  {
    name: '作者：… byline and （作者单位：…） note',
    outline: () =>
      text('以改革创新激发发展活力', '作者：李华', A, B, '（作者单位：中共某某市委党校）'),
    want: { title: '以改革创新激发发展活力', author: '李华', affiliation: '中共某某市委党校' },
  },
  {
    name: '（作者为…） note',
    outline: () =>
      text('坚持人民至上 践行初心使命', '作者：李华', A, B, '（作者为某某大学马克思主义学院教授）'),
    want: { title: '坚持人民至上践行初心使命', affiliation: '某某大学马克思主义学院教授' },
  },
  {
    name: 'affiliation under the byline: address and postcode stripped',
    outline: () =>
      text('做好新时代医疗保障工作的思考', '王小明', '（某市医疗保障局 江苏 连云港 222100）', A, B),
    want: {
      title: '做好新时代医疗保障工作的思考',
      author: '王小明',
      affiliation: '某市医疗保障局',
    },
  },
  {
    name: '（记者屈鹏） in a dateline',
    outline: () =>
      text(`本报讯（记者屈鹏）近日，某市召开基层治理工作推进会，总结经验，部署任务。${A}`, B),
    want: { author: '屈鹏' },
  },
  {
    name: 'closing signature （钟才文）',
    outline: () =>
      text('以数字化改革赋能基层治理', A, B, '各方携手，必将迎来合作共赢的美好明天。（钟才文）'),
    want: { title: '以数字化改革赋能基层治理', author: '钟才文' },
  },
  {
    name: 'no title, author or affiliation in bare prose',
    outline: () => text(A, B),
    want: { title: null, subtitle: null, author: null, affiliation: null },
  },
];

describe('document fields', () => {
  it.each(metaCases)('$name', ({ outline, want }) => {
    expect(outline()).toMatchObject(want);
  });

  it('a headline with its column label and a byline give no outline nodes', () => {
    const o = html(
      `<h1>让绿色成为高质量发展的鲜明底色（人民时评）</h1><p>本报记者 王乐文 方敏</p><p>${A}</p><p>${B}</p>`,
    );
    expect(o.nodes).toEqual([]);
  });

  it('another article spliced in at a page jump gives nothing, and its references end nothing', () => {
    const o = text(
      A,
      '1、大力弘扬讲政治的风气，真正做到心中有党。各支部要把政治建设摆在首位，久久为功。',
      '2、大力弘扬讲奉献的精神，激发干事创业热情。各单位要树立先进典型，营造良好氛围。',
      '（下转第35页）',
      '五、利用自然地形，开展户外游戏',
      '综上所述，户外游戏可以利用场地特点，促进幼儿全面发展。',
      '参考文献',
      '[1]某某.户外游戏研究[J].学前教育，2020(3).',
      '（上接第12页）',
      '3、大力营造风清气正的良好生态，发挥关键少数作用。领导干部要以上率下，作出表率。',
      '综上所述，思想政治工作意义重大，必须常抓不懈，久久为功，为事业发展提供保障。',
    );
    expect(o.nodes.map((n) => n.marker)).toEqual(['1', '2', '3']);
    expect(o.conclusion).toBe('综上所述');
  });

  it("the article's <h1> is its headline even when <title> says something else", () => {
    const o = html(
      `<h1>以钉钉子精神抓好落实</h1><p>${A}</p><h3>一、坚持问题导向</h3><p>${B}</p><h3>二、坚持系统观念</h3><p>${A}</p>`,
      '<title>理论频道 - 某某网</title>',
    );
    expect(o.title).toBe('以钉钉子精神抓好落实');
    expect(o.nodes.map((n) => [n.level, n.marker, n.text])).toEqual([
      [1, '一', '坚持问题导向'],
      [1, '二', '坚持系统观念'],
    ]);
  });

  it('meta lines give no outline nodes', () => {
    const o = text(
      '在新征程上展现新作为——写在活动开展一周年之际',
      '□ 张磊',
      A,
      '一是文稿起草出精品。坚持高标准。',
      '二是信息报送求时效。建立机制。',
      '（作者单位：中共某某市委办公室）',
    );
    expect(o.nodes.map((n) => n.text)).toEqual(['文稿起草出精品', '信息报送求时效']);
  });
});

describe('page furniture', () => {
  it.each([
    ['a date line', '2024年5月10日 星期五'],
    ['责任编辑', '责任编辑：刘芳'],
    ['下转第X版', '（下转第三版）'],
    ['电话', '电话：010-12345678'],
    ['a bare page number', '第5版'],
  ])('%s gives no node and no title', (_, line) => {
    const o = text(line, A, B, line);
    expect(o.nodes).toEqual([]);
    expect(o.title).toBeNull();
  });

  it('furniture between numbered points does not break the series', () => {
    const o = text(
      A,
      '一是文稿起草出精品。坚持高标准。',
      '责任编辑：刘芳',
      '二是信息报送求时效。建立机制。',
    );
    expect(o.nodes.map((n) => n.marker)).toEqual(['一是', '二是']);
  });
});

describe('formulations', () => {
  const essay = [
    '聚焦“三抓一创”推动作风建设',
    `${A}围绕“三抓一创”工作部署，构建1+3+N工作体系。`,
    `${B}持续深化“三抓一创”，落实1+3+N机制，推动“五问四查三提升”。`,
  ];

  it('finds quoted slogans and number formulas with every occurrence', () => {
    const o = text(...essay);
    const byText = new Map(o.formulations.map((f) => [f.text, f.occurrences.length]));
    expect(byText.get('三抓一创')).toBeGreaterThanOrEqual(2);
    expect(byText.get('1+3+N')).toBe(2);
    // Met once, outside the headline and never enumerated: not the essay's own (issue 16).
    expect(byText.get('五问四查三提升')).toBeUndefined();
  });

  it('points each occurrence at the words in its block', () => {
    const { blocks, outline } = analyzeText(essay.join('\n\n'));
    for (const f of outline.formulations) {
      for (const at of f.occurrences) {
        expect(blocks.blocks[at.block]!.text.slice(at.start, at.end)).toBe(f.text);
      }
    }
  });

  it('ignores a quotation that appears once and carries no number', () => {
    const o = text(A, `会上提出要把“群众满意”作为工作标准。${B}`);
    expect(o.formulations.map((f) => f.text)).not.toContain('群众满意');
  });
});

describe('digest', () => {
  const essay = [
    '强化担当作为 推动工作落实',
    `${A}${B}`,
    '一是文稿起草出精品。坚持高标准严要求。',
    '二是信息报送求时效。建立快速反应机制。',
    '综上所述，只有坚持不懈抓落实，才能推动各项工作不断取得新成效。',
  ].join('\n\n');

  it('is deterministic: the same input gives the same digest', () => {
    const a = analyzeText(essay).outline.digest;
    const b = analyzeText(essay).outline.digest;
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('holds the claim of each level-1 point, not its key again, and the conclusion', () => {
    const d = analyzeText(essay).outline.digest;
    expect(d).toContain('坚持高标准严要求。');
    expect(d).toContain('建立快速反应机制。');
    expect(d.join('')).not.toContain('文稿起草出精品');
    expect(d[d.length - 1]).toMatch(/^综上所述/);
  });
});
