/**
 * A deterministic synthetic library for the library benchmark: articles with
 * the outline a saved governance essay has (title, author, 一、 headings with
 * 一是/二是 leads, formulations, digest), varied sites, tags and dates, and
 * highlights with quote/position/outline-node selectors, five colours and
 * notes. The same `seed` gives the same library on every run, so runs compare.
 *
 * A few words are planted at known rates so the query set has rare, common,
 * note-only and Latin hits (see {@link PLANTED}).
 */
import type {
  Article,
  ArticleText,
  Highlight,
  HighlightColor,
  TextBlock,
} from '../../lib/model.ts';
import type { OutlineNode } from '../../lib/types.ts';
import {
  CLAUSES as ESSAY_CLAUSES,
  NUMERALS,
  OBJECTS as ESSAY_OBJECTS,
  prng,
  VERBS as ESSAY_VERBS,
} from '../synthetic-essay.ts';

const NUM = NUMERALS;
// The essay bench's words first (same order: the same seed gives the same library), then more.
const VERBS = [...ESSAY_VERBS, '构建', '培育'];
const OBJECTS = [
  ...ESSAY_OBJECTS,
  '数字政府建设',
  '乡村全面振兴',
  '社会保障体系',
  '文化软实力',
  '法治政府建设',
  '区域协调发展',
  '粮食安全保障',
  '就业优先政策',
  '全过程人民民主',
  '基本公共教育',
];
const CLAUSES = [
  ...ESSAY_CLAUSES,
  '在高质量发展中促进共同富裕',
  '统筹发展和安全两件大事',
  '让改革发展成果更多更公平惠及全体人民',
  '坚持问题导向和目标导向相统一',
  '健全激励约束并重的考核评价机制',
  '推动有效市场和有为政府更好结合',
];
const TITLE_FORMS = [
  (a: string, b: string) => `关于${a}${b}的若干思考`,
  (a: string, b: string) => `以${b}为抓手${a}治理现代化`,
  (a: string, b: string) => `${a}${b}的实践路径与对策研究`,
  (a: string, b: string) => `新时代${a}${b}的理论逻辑`,
  (a: string, b: string) => `${b}：成效、问题与${a}方向`,
  (a: string, b: string) => `在全市${b}工作会议上的讲话——${a}再出发`,
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '建国志强海燕秀英明华丽娟文博子涵思远知行致远晓东卫红振华立新雅静宏伟德胜国庆嘉怡浩然梓萱俊杰瑞雪晨曦';
const SITES = [
  'www.news.cn',
  'www.people.com.cn',
  'theory.people.com.cn',
  'www.qstheory.cn',
  'theory.gmw.cn',
  'www.gov.cn',
  'mp.weixin.qq.com',
  'www.ccps.gov.cn',
  'www.cssn.cn',
  'www.chinadaily.com.cn',
  'paper.people.com.cn',
  'epaper.gmw.cn',
  'www.cac.gov.cn',
  'www.ndrc.gov.cn',
  'www.mof.gov.cn',
  'www.12371.cn',
  'www.dangjian.cn',
  'news.cctv.com',
  'www.thepaper.cn',
  'www.jfdaily.com',
  'www.bjnews.com.cn',
  'www.zgdsw.org.cn',
  'www.rmlt.com.cn',
  'www.cpcnews.cn',
];
const TAGS = [
  '精读',
  '基层治理',
  '党建',
  '乡村振兴',
  '数字政府',
  '经济',
  '待整理',
  '课程材料',
  '学习笔记',
  '季度汇报',
  '理论学习中心组',
  '申论素材',
  '法治',
  '生态',
  '教育',
  '引用',
];
const FORMULATIONS = [
  '两个确立',
  '四个意识',
  '四个自信',
  '两个维护',
  '高质量发展',
  '中国式现代化',
  '新发展理念',
  '共同富裕',
  '全过程人民民主',
  '枫桥经验',
  '放管服',
  '一网通办',
  '最多跑一次',
  '接诉即办',
];
const NOTES = [
  '可作为季度汇报的论据',
  '对照本单位实际，查找差距',
  '这一段的表述很准确，写材料时可以引用',
  '与上一篇的观点相互印证',
  '存疑：数据来源需要核实',
  '要点：先讲问题再讲对策',
  '课堂讨论时提出来',
  '申论写作可借鉴这种排比结构',
  '和中心组学习的主题相关',
  '注意与去年提法的区别',
];
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/** Words planted at known rates, for the query set. */
export const PLANTED = {
  /** In the outline of about 1 article in 1,000. */
  rare: '碳汇交易',
  /** In the note of about 1 highlight in 500. */
  noteWord: '复盘会',
  /** Latin: in about 1 title in 100 and 1 note in 200. */
  latin: 'GDP',
  /** In the saved text (body) only, of about 1 article in 500. */
  bodyWord: '滴灌式帮扶',
} as const;

export interface SyntheticLibrary {
  articles: Article[];
  highlights: Highlight[];
}

export interface LibraryShape {
  articles: number;
  highlights: number;
  seed?: number;
  /**
   * Each article's saved text (Article.text), about {@link TEXT_CHARS}
   * characters on average: headings and leads of its outline, each followed by
   * paragraphs of clauses. Default true; made with a generator of its own,
   * so the rest of the library is the same with or without texts.
   */
  texts?: boolean;
}

/** Mean characters of a synthetic article's text: a theory piece or commentary of 3,000–6,000. */
export const TEXT_CHARS = 4500;

/**
 * The saved text of an article with outline `nodes`: an opening paragraph,
 * each level-1 point as a heading, each lead as a paragraph's bold opening
 * followed by sentences, and a closing paragraph; block numbers as the
 * outline's sources say where they can.
 */
function articleText(
  nodes: readonly OutlineNode[],
  conclusion: string,
  rand: () => number,
  plant: string | null,
): ArticleText {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sentence = () => `${pick(VERBS)}${pick(OBJECTS)}，${pick(CLAUSES)}。`;
  const paragraph = (n: number) => Array.from({ length: n }, sentence).join('');
  const per = Math.max(2, Math.round(TEXT_CHARS / 30 / (1 + nodes.length * 4)));
  const blocks: TextBlock[] = [{ kind: 'paragraph', text: paragraph(per) }];
  for (const n of nodes) {
    blocks.push({ kind: 'heading', level: 2, text: `${n.marker ?? ''}、${n.text}` });
    for (const c of n.children) {
      const lead = `${c.marker ?? ''}${c.text}。`;
      blocks.push({ kind: 'paragraph', text: lead + paragraph(per), bold: [[0, lead.length]] });
    }
    blocks.push({ kind: 'paragraph', text: paragraph(per) });
  }
  if (plant) blocks.push({ kind: 'paragraph', text: `推行${plant}，${paragraph(2)}` });
  blocks.push({ kind: 'paragraph', text: `${conclusion}。${paragraph(2)}` });
  return { blocks };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A library of exactly `articles` articles and `highlights` highlights (spread
 * 0–2× the mean per article), deterministic for a seed.
 */
export function syntheticLibrary({
  articles: nArticles,
  highlights: nHighlights,
  seed = 20260401,
  texts = true,
}: LibraryShape): SyntheticLibrary {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const phrase = () => `${pick(VERBS)}${pick(OBJECTS)}`;
  const sentence = () => `${phrase()}，${pick(CLAUSES)}`;
  const person = () =>
    pick([...SURNAMES]) + pick([...GIVEN]) + (rand() < 0.6 ? pick([...GIVEN]) : '');
  const start = Date.UTC(2022, 0, 1);
  const span = Date.UTC(2026, 9, 1) - start;

  // Highlights per article: a random weight each, scaled to the exact total.
  const weights = Array.from({ length: nArticles }, () => rand() * 2);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const counts = weights.map((w) => Math.floor((w / sum) * nHighlights));
  for (let left = nHighlights - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++)
    counts[(i * 7919) % nArticles]!++;

  const articles: Article[] = [];
  const highlights: Highlight[] = [];
  for (let i = 0; i < nArticles; i++) {
    const site = SITES[(i * 31 + int(5)) % SITES.length]!;
    const saved = start + Math.floor(rand() * span);
    const d = new Date(saved);
    const id = `https://${site}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}/c_${100000 + i}.htm`;
    const a1 = pick(VERBS);
    const obj = pick(OBJECTS);
    let title = pick(TITLE_FORMS)(a1, obj);
    if (i % 100 === 7) title = `${PLANTED.latin}增速背后的${obj}`;
    const author = person();
    const nodes: OutlineNode[] = [];
    const heads = 3 + int(2);
    for (let h = 0; h < heads; h++) {
      const text = `${phrase()}，${phrase()}`;
      const children: OutlineNode[] = [];
      const leads = 2 + int(3);
      for (let k = 0; k < leads; k++) {
        let lead = sentence();
        if (i % 1000 === 123 && h === 0 && k === 0) lead = `探索${PLANTED.rare}的市场化路径`;
        children.push({
          level: 2,
          kind: 'lead',
          marker: `${NUM[k]}是`,
          text: lead,
          key: lead.slice(0, 8),
          children: [],
          source: { block: h * 10 + k + 1, start: 0, end: lead.length },
        });
      }
      nodes.push({
        level: 1,
        kind: 'heading',
        marker: NUM[h]!,
        text,
        key: text.slice(0, 6),
        children,
        source: { block: h * 10, start: 0, end: text.length },
      });
    }
    const formulations = Array.from({ length: 2 + int(3) }, () => ({
      text: pick(FORMULATIONS),
      occurrences: [{ block: int(40), start: 0, end: 4 }],
    })).filter((f, k, xs) => xs.findIndex((x) => x.text === f.text) === k);
    const conclusion = `总之，${pick(CLAUSES)}`;
    const updated = saved + int(90) * 86_400_000;
    const tags = [...new Set(Array.from({ length: int(4) }, () => pick(TAGS)))];
    articles.push({
      id,
      url: rand() < 0.3 ? `${id}?utm_source=wechat` : id,
      site,
      title,
      outline: {
        title,
        subtitle: null,
        author,
        affiliation:
          rand() < 0.4
            ? `${pick(['中共中央党校', '国家行政学院', '某省委党校', '某市社科院'])}${pick(['政法部', '经济学部', '公共管理教研部'])}`
            : null,
        conclusion,
        formulations,
        digest: [sentence(), ...nodes.map((n) => n.key), conclusion],
        nodes,
      },
      tags,
      ...(texts
        ? {
            text: articleText(
              nodes,
              conclusion,
              prng(seed ^ (i * 2654435761)),
              i % 500 === 77 ? PLANTED.bodyWord : null,
            ),
          }
        : {}),
      savedAt: new Date(saved).toISOString(),
      updatedAt: new Date(updated).toISOString(),
    });

    for (let k = 0; k < counts[i]!; k++) {
      const h = int(nodes.length);
      const child = int(nodes[h]!.children.length + 1) - 1;
      const node = child < 0 ? nodes[h]! : nodes[h]!.children[child]!;
      const exact = `${node.text}，${pick(CLAUSES)}`;
      const created = saved + int(30) * 3_600_000 + k * 1000;
      let note = rand() < 0.3 ? pick(NOTES) : '';
      if ((i * 131 + k) % 500 === 3) note = `下次${PLANTED.noteWord}时重点讨论`;
      else if ((i * 131 + k) % 200 === 11) note = `${PLANTED.latin}口径需要核对`;
      const at = int(20_000);
      highlights.push({
        id: `h-${pad(i, 5)}-${pad(k, 3)}-${Math.floor(rand() * 0xffffff).toString(16)}`,
        articleId: id,
        color: pick(COLORS),
        note,
        selectors: [
          { kind: 'position', start: at, end: at + exact.length },
          {
            kind: 'quote',
            exact,
            prefix: `${pick(CLAUSES)}。${pick(CLAUSES)}`.slice(-32),
            suffix: `。${pick(CLAUSES)}，${pick(CLAUSES)}`.slice(0, 32),
          },
          {
            kind: 'outline-node',
            path: child < 0 ? [h] : [h, child],
            key: node.key,
            text: node.text,
          },
        ],
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(created + (note ? 60_000 : 0)).toISOString(),
      });
    }
  }
  return { articles, highlights };
}

/** The article the article-view measure opens: its title, found first in the list (newest saved). */
export const VIEW_TITLE = '以绣花功夫推进超大城市基层治理现代化（全文阅读测试）';

/**
 * One article with a saved text of about `chars` characters and `count`
 * highlights whose quotes are words of that text (so each is painted when
 * the article view opens), saved after every article of
 * {@link syntheticLibrary}, for the article-view first render.
 */
export function viewArticle(chars = 20_000, count = 50, seed = 7): SyntheticLibrary {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const id = 'https://www.qstheory.cn/2026/1201/c_view.htm';
  const nodes: OutlineNode[] = [];
  const blocks: TextBlock[] = [];
  const sentence = () => `${pick(VERBS)}${pick(OBJECTS)}，${pick(CLAUSES)}。`;
  let total = 0;
  for (let h = 0; total < chars; h++) {
    const head = `${NUM[h % NUM.length]}、${pick(VERBS)}${pick(OBJECTS)}`;
    const children: OutlineNode[] = [];
    const headBlock = blocks.length;
    blocks.push({ kind: 'heading', level: 2, text: head });
    for (let k = 0; k < 4 && total < chars; k++) {
      const lead = `${NUM[k]}是${pick(VERBS)}${pick(OBJECTS)}。`;
      const text = lead + Array.from({ length: 12 }, sentence).join('');
      children.push({
        level: 2,
        kind: 'lead',
        marker: `${NUM[k]}是`,
        text: lead.slice(2, -1),
        key: lead.slice(2, 8),
        children: [],
        source: { block: blocks.length, start: 0, end: lead.length },
      });
      blocks.push({ kind: 'paragraph', text, bold: [[0, lead.length]] });
      total += text.length;
    }
    nodes.push({
      level: 1,
      kind: 'heading',
      marker: NUM[h % NUM.length]!,
      text: head.slice(2),
      key: head.slice(2, 8),
      children,
      source: { block: headBlock, start: 2, end: head.length },
    });
  }
  const at = '2026-12-01T08:00:00.000Z';
  const highlights: Highlight[] = [];
  const paragraphs = blocks.map((b, i) => [b, i] as const).filter(([b]) => b.kind === 'paragraph');
  for (let k = 0; k < count; k++) {
    const [block] = paragraphs[(k * 7) % paragraphs.length]!;
    const start = 20 + ((k * 13) % Math.max(1, block.text.length - 60));
    const exact = block.text.slice(start, start + 16);
    highlights.push({
      id: `view-${pad(k, 3)}`,
      articleId: id,
      color: COLORS[k % COLORS.length]!,
      note: k % 5 === 0 ? pick(NOTES) : '',
      selectors: [
        {
          kind: 'quote',
          exact,
          prefix: block.text.slice(Math.max(0, start - 32), start),
          suffix: block.text.slice(start + 16, start + 48),
        },
      ],
      createdAt: at,
      updatedAt: at,
    });
  }
  const article: Article = {
    id,
    url: id,
    site: 'www.qstheory.cn',
    title: VIEW_TITLE,
    outline: {
      title: VIEW_TITLE,
      subtitle: null,
      author: '全文测试',
      affiliation: null,
      conclusion: null,
      formulations: [],
      digest: [],
      nodes,
    },
    tags: [],
    text: { blocks },
    savedAt: at,
    updatedAt: at,
  };
  return { articles: [article], highlights };
}
