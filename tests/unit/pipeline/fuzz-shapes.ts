/**
 * Inputs for the fuzz suite (issue 18, hostile pages and files): adversarial
 * shapes scaled to unit-test size, and seeded mutations of small invented
 * essays. Everything is deterministic: the same seed gives the same inputs.
 */
import { prng } from '../../../bench/synthetic-essay.ts';

/** One fuzz input: `html` when it should also go through the DOM front end. */
export interface FuzzInput {
  name: string;
  text: string;
  html: boolean;
}

/** A seeded PRNG (mulberry32, the bench's): floats in [0, 1). */
export const rng = prng;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Invented essays (no corpus text): plain text, Markdown and HTML, with the devices the engine reads. */
export const FIXTURES: readonly FuzzInput[] = [
  {
    name: 'text: 一、 sections, （一） subsections, 一是 inline',
    html: false,
    text: `推动乡村文化振兴的几点思考
王明远
（某某大学公共管理学院）

乡村振兴，既要塑形，也要铸魂。近年来，各地在乡村文化建设上做了大量探索，积累了有益经验。

一、充分认识乡村文化振兴的重要意义

（一）文化振兴是乡村振兴的精神支撑。没有文化的繁荣，乡村振兴就缺少持久动力。

（二）文化振兴是增进农民福祉的现实需要。群众对精神文化生活的期待日益增长。

二、准确把握当前面临的主要问题

一是公共文化设施利用率不高，一些文化站常年闲置；二是文化人才队伍薄弱，年轻人外流严重；三是传统文化资源挖掘不够，特色不鲜明。

三、多措并举推进乡村文化振兴

（一）完善公共文化服务体系。推动资源向基层倾斜，提高设施使用效率。

（二）培育本土文化人才。鼓励返乡青年参与文化活动，发挥乡贤作用。

（三）激活传统文化资源。保护古村落，传承民间技艺，讲好乡村故事。

综上所述，乡村文化振兴是一项长期任务，需要久久为功。`,
  },
  {
    name: 'text: 首先/其次/最后 leads and 第一/第二 inline',
    html: false,
    text: `关于提升基层治理效能的调研报告

为深入了解基层治理现状，课题组于今年春季赴三个县开展了专题调研。现将有关情况报告如下。

首先，要健全党组织领导的治理体系。第一，强化村党组织的核心作用；第二，理顺村民委员会与各类组织的关系；第三，完善议事协商机制。

其次，要推动治理重心下移。把更多资源、服务、管理放到基层，让基层有人有权有物。

再次，要提升数字化治理水平。建设统一的数据平台，打通部门之间的信息壁垒。

最后，要加强基层干部队伍建设。一方面，优化干部结构，吸引优秀人才；另一方面，完善激励机制，让干部愿干事、能干事。

总之，基层治理效能的提升，关键在于体制机制创新。`,
  },
  {
    name: 'markdown: front matter, ## headings, bold leads, lists',
    html: false,
    text: `---
title: 以数字化转型赋能政务服务
author: 李清和
---

> 作者：李清和
> 来源：某某日报

数字政府建设是推进国家治理现代化的重要抓手。

## 一、转变观念，树立用户思维

**坚持以人民为中心。** 政务服务的出发点和落脚点是群众满意。

**坚持问题导向。** 从群众反映最强烈的堵点入手，逐项破解。

## 二、完善平台，夯实数据基础

1. 统一身份认证，实现一次登录、全网通办。
2. 推进数据共享，减少重复提交材料。
3. 加强安全防护，守住数据安全底线。

## 三、优化流程，提升办事体验

- 推行告知承诺制
- 扩大跨省通办范围
- 建立好差评制度

*结语*：数字化转型永远在路上。`,
  },
  {
    name: 'html: h2/h3 sections, strong leads, nested wrappers',
    html: true,
    text: `<!doctype html><html><head><title>坚持系统观念 推动高质量发展 - 某某网</title></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<div class="main"><div class="article"><h1>坚持系统观念 推动高质量发展</h1>
<p class="byline">作者：赵立新</p>
<p>高质量发展是全面建设社会主义现代化国家的首要任务。必须坚持系统观念，统筹兼顾，协调推进。</p>
<h2>一、统筹发展和安全</h2>
<p><strong>第一，</strong>把安全发展贯穿各领域全过程。防范化解重大风险。</p>
<p><strong>第二，</strong>增强产业链供应链韧性。补齐短板，锻造长板。</p>
<h2>二、统筹供给和需求</h2>
<h3>（一）深化供给侧结构性改革</h3>
<p>提高供给体系质量，以创新驱动引领高质量供给。</p>
<h3>（二）扩大有效需求</h3>
<p>发挥消费的基础作用和投资的关键作用。一要稳定大宗消费；二要培育新型消费；三要扩大有效投资。</p>
<h2>三、统筹城市和乡村</h2>
<p>推进以人为核心的新型城镇化，全面推进乡村振兴，促进城乡融合发展。</p>
<p>综上所述，坚持系统观念是推动高质量发展的科学方法。</p>
</div></div><footer>版权所有 某某网</footer></body></html>`,
  },
  {
    name: 'text: 1. points, (1) subpoints, ① items',
    html: false,
    text: `加强生态环境保护的对策建议

生态环境是关系民生的重大社会问题。结合本地实际，提出以下建议。

1. 严格落实环境保护责任
(1)明确各级政府的主体责任。
(2)压实企业的污染治理责任。
(3)强化公众的监督作用。

2. 推动产业绿色转型
①淘汰落后产能；②发展节能环保产业；③推广清洁能源。

3. 健全生态补偿机制
建立上下游横向补偿制度，让保护者得到合理回报。

以上建议供参考。`,
  },
  {
    name: 'html: WeChat-style sections, styled bold, centred title, br breaks',
    html: true,
    text: `<html><body><div id="js_content">
<p style="text-align:center"><span style="font-weight:bold">守正创新 做好新时代宣传工作</span></p>
<section><span>宣传思想工作是一项极端重要的工作。</span><br><span>新形势下，必须守正创新，勇于担当。</span></section>
<section><span style="font-weight:700">一、把握正确方向</span></section>
<section><span>坚持正确政治方向，牢牢掌握意识形态工作领导权。</span></section>
<section><span style="font-weight:700">二、创新方式方法</span></section>
<section><span>善于运用新媒体，<b>讲好身边故事</b>，<b>传播主流声音</b>，<b>凝聚奋进力量</b>，不断增强吸引力。</span></section>
<section><span style="font-weight:700">三、加强队伍建设</span></section>
<section><span>培养一支政治过硬、本领高强的宣传队伍。</span></section>
</div></body></html>`,
  },
  {
    name: 'markdown: law-like articles, a table, a code fence',
    html: false,
    text: `# 某某市社区服务管理办法

## 第一章 总则

第一条 为规范社区服务管理，制定本办法。

第二条 本办法适用于本市行政区域内的社区服务活动。

## 第二章 服务内容

第三条 社区服务包括养老、托育、助残等内容。

| 项目 | 责任单位 |
| --- | --- |
| 养老 | 民政局 |

\`\`\`
一、此处为代码
二、不是结构
\`\`\`

第四条 本办法自发布之日起施行。`,
  },
];

/** Markers and devices injected by the mutations. */
const MARKERS = [
  '一、',
  '二、',
  '三、',
  '十二、',
  '（一）',
  '（二）',
  '（三）',
  '1.',
  '2.',
  '3)',
  '（1）',
  '(2)',
  '①',
  '②',
  '⑳',
  '首先，',
  '其次，',
  '再次，',
  '最后，',
  '一是',
  '二是',
  '三是',
  '第一，',
  '第二，',
  '第十条',
  '第三章',
  '一方面，',
  '另一方面，',
  '一要',
  '二要',
  '综上所述，',
  '总之，',
  '他强调，',
  '会议指出，',
  '**',
  '**加强领导**，',
  '*',
  '# ',
  '## ',
  '> ',
  '- ',
  '---',
  '```',
  '：',
  '；',
  '。',
  '“',
  '”',
];

const TAGS = [
  '<b>',
  '</b>',
  '<strong>',
  '</strong>',
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<h2>',
  '</h2>',
  '<h3>',
  '<br>',
  '<li>',
  '<ul>',
  '</ul>',
  '<section>',
  '<span style="font-weight:bold">',
  '</span>',
  '<p style="text-align:center">',
  '<table><tr><td>',
  '</td></tr></table>',
  '<script>var a = "一、";</script>',
  '<style>p{font-weight:900}</style>',
  '<!-- 一、注释 -->',
  '<![CDATA[',
  '&nbsp;',
  '&#0;',
  '&#xD800;',
  '&amp;',
  '<',
  '>',
];

/** Characters that hostile pages and files carry. */
const ODD = [
  '\u0000',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '\u3000',
  '\u00a0',
  '\ud800',
  '\udfff',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\u2028',
  '🇨🇳',
];

const LINES = FIXTURES.flatMap((f) => f.text.split('\n'));

/** One random edit of `lines`, in place. */
function mutate(r: () => number, lines: string[]): void {
  const at = int(r, 0, Math.max(0, lines.length - 1));
  const line = lines[at] ?? '';
  const pos = int(r, 0, line.length);
  const insert = (s: string) => {
    lines[at] = line.slice(0, pos) + s + line.slice(pos);
  };
  switch (int(r, 0, 9)) {
    case 0:
      lines.splice(at, 0, pick(r, LINES));
      break;
    case 1:
      lines.splice(at, int(r, 1, 3));
      break;
    case 2:
      lines.splice(at, 0, ...lines.slice(at, at + int(r, 1, 4)));
      break;
    case 3: {
      // Shuffle a window of lines.
      const end = Math.min(lines.length, at + int(r, 2, 8));
      for (let i = end - 1; i > at; i--) {
        const j = int(r, at, i);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      break;
    }
    case 4:
    case 5:
      insert(pick(r, MARKERS));
      break;
    case 6:
      insert(pick(r, TAGS));
      break;
    case 7:
      insert(pick(r, ODD));
      break;
    case 8:
      // Split the line, or join it with the next.
      if (r() < 0.5) lines.splice(at, 1, line.slice(0, pos), line.slice(pos));
      else lines.splice(at, 2, line + (lines[at + 1] ?? ''));
      break;
    default:
      // Cut a stretch out of the line.
      lines[at] = line.slice(0, pos) + line.slice(Math.min(line.length, pos + int(r, 1, 20)));
  }
}

/** `count` mutants of the fixtures, from `seed`: 1–12 random edits each. */
export function mutants(count: number, seed: number): FuzzInput[] {
  const r = rng(seed);
  const out: FuzzInput[] = [];
  for (let i = 0; i < count; i++) {
    const f = FIXTURES[i % FIXTURES.length]!;
    const lines = f.text.split('\n');
    const edits = int(r, 1, 12);
    for (let k = 0; k < edits; k++) mutate(r, lines);
    const sep = pick(r, ['\n', '\n', '\n', '\r\n', '\r']);
    const text = lines.join(sep);
    // HTML-ish: an HTML fixture, or a text one that a mutation gave tags.
    const html = f.html || /<[a-z!/]/i.test(text);
    out.push({ name: `mutant ${i} of ${f.name.split(':')[0]} (${edits} edits)`, html, text });
  }
  return out;
}

/** `n` characters drawn from `pool`. */
function drawn(r: () => number, pool: string, n: number): string {
  const chars = [...pool];
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, chars);
  return s;
}

/** Common Han characters, no punctuation (some are numerals: markers arise by chance). */
const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展';
/** Han characters that make no marker. */
const PLAIN_HAN = '山水花木风云春秋江河湖海林田草树桥路村镇街巷灯窗门墙';

const PARA =
  '一是加强理论学习，坚持学思用贯通。二是改进工作作风，力戒形式主义。三是狠抓工作落实，确保取得实效。';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A Chinese numeral up to 99. */
function cn(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  return d[Math.floor(n / 10) % 10]! + '十' + (n % 10 ? d[n % 10] : '');
}

/** The `k`-th marker of each marker family. */
const FAMILIES: ReadonlyArray<(k: number) => string> = [
  (k) => `${cn((k % 30) + 1)}、`,
  (k) => `（${cn((k % 30) + 1)}）`,
  (k) => `${(k % 30) + 1}.`,
  (k) => `（${(k % 30) + 1}）`,
  (k) => CIRCLED[k % 20]!,
  (k) => `${cn((k % 10) + 1)}是`,
  (k) => `第${cn((k % 10) + 1)}，`,
  (k) => ['首先，', '其次，', '再次，', '最后，'][k % 4]!,
  (k) => ['一方面，', '另一方面，'][k % 2]!,
];

/** `s` repeated to about `length` characters, joined by `sep`. */
const repeat = (s: string, length: number, sep = '\n\n') =>
  Array.from({ length: Math.ceil(length / (s.length + sep.length)) }, () => s).join(sep);

/** `text` with one of `chars` after every `every` characters. */
function sprinkle(r: () => number, text: string, chars: readonly string[], every: number): string {
  let s = '';
  for (let i = 0; i < text.length; i++) {
    s += text[i];
    if (i % every === every - 1) s += pick(r, chars);
  }
  return s;
}

/** `n` short text blocks of random Han. */
const shortBlocks = (r: () => number, n: number, pool = HAN) =>
  Array.from({ length: n }, (_, i) => drawn(r, pool, 2 + (i % 5))).join('\n\n');
/** `n` Markdown headings of all six levels, each with a line of text. */
const mdHeadings = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${'#'.repeat((i % 6) + 1)} ${cn((i % 30) + 1)}、标题${i}\n\n正文${i}。`,
  ).join('\n\n');
/** One paragraph of `n` inline points 一是…九是…, over and over. */
const clauses = (n: number) =>
  Array.from({ length: n }, (_, i) => `${cn((i % 9) + 1)}是加强学习`).join('；');
/** `n` lines ①…⑳, over and over (one paragraph in Markdown). */
const circledLines = (n: number) =>
  Array.from({ length: n }, (_, i) => `${CIRCLED[i % 20]}加强学习。`).join('\n');

/**
 * The adversarial shapes of issue 18, scaled to 50 thousand to 1 million
 * characters so that the suite runs in seconds. The shapes that exposed
 * quadratic stages stand at the size that showed them (80,000–130,000 inline
 * points or bold leads: 5–30 s before the fix, under 1 s after).
 */
export function adversarialShapes(seed = 18): FuzzInput[] {
  const r = rng(seed);
  const essay = FIXTURES[0]!.text;
  const page = FIXTURES[3]!.text;
  return [
    {
      name: 'one 250,000-character paragraph of Han, no punctuation',
      html: false,
      text: drawn(r, HAN, 250_000),
    },
    {
      name: 'one 250,000-character HTML paragraph, no punctuation',
      html: true,
      text: `<html><body><p>${drawn(r, HAN, 250_000)}</p></body></html>`,
    },
    {
      name: '50,000 short blocks without markers',
      html: false,
      text: shortBlocks(r, 50_000, PLAIN_HAN),
    },
    { name: '30,000 short blocks of random Han', html: false, text: shortBlocks(r, 30_000) },
    {
      name: '10,000 short HTML paragraphs',
      html: true,
      text: `<html><body>${Array.from({ length: 10_000 }, (_, i) => `<p>${drawn(r, HAN, 2 + (i % 5))}</p>`).join('')}</body></html>`,
    },
    {
      name: '5,000 nested divs',
      html: true,
      text: `<html><body>${'<div>'.repeat(5000)}<p>一是加强理论学习。坚持学思用贯通。</p><p>二是改进工作作风。力戒形式主义。</p>${'</div>'.repeat(5000)}</body></html>`,
    },
    {
      name: '2,000 nested lists with a point in each',
      html: true,
      text: `<html><body>${Array.from({ length: 2000 }, (_, i) => `<ul><li>${cn((i % 9) + 1)}、要点${i}`).join('')}${'</li></ul>'.repeat(2000)}</body></html>`,
    },
    {
      name: '3,000 nested blockquotes and bold spans',
      html: true,
      text: `<html><body>${'<blockquote><span style="font-weight:bold">'.repeat(3000)}一是加强学习；二是改进作风。${'</span></blockquote>'.repeat(3000)}</body></html>`,
    },
    { name: '50,000 一是 in one paragraph', html: false, text: '一是加强'.repeat(50_000) },
    {
      name: '130,000 inline points 一是…九是… in one paragraph',
      html: false,
      text: clauses(130_000),
    },
    { name: '30,000 lines of 一、', html: false, text: repeat('一、加强学习', 240_000, '\n') },
    {
      name: 'an essay in CR-only line endings, repeated',
      html: false,
      text: repeat(essay, 200_000).replace(/\n/g, '\r'),
    },
    {
      name: 'an essay in CR CR LF line endings, repeated',
      html: false,
      text: repeat(essay, 100_000).replace(/\n/g, '\r\r\n'),
    },
    { name: '5,000 Markdown headings', html: false, text: mdHeadings(5000) },
    {
      name: '5,000 HTML headings',
      html: true,
      text: `<html><body>${Array.from({ length: 5000 }, (_, i) => `<h${(i % 3) + 2}>（${cn((i % 30) + 1)}）标题${i}</h${(i % 3) + 2}><p>正文${i}。</p>`).join('')}</body></html>`,
    },
    {
      name: '5,000 numbered text headings',
      html: false,
      text: Array.from(
        { length: 5000 },
        (_, i) => `${i + 1}. 标题${i}\n\n加强学习，改进作风。`,
      ).join('\n\n'),
    },
    { name: '100,000 ** in a row', html: false, text: '**'.repeat(100_000) },
    { name: '50,000 unbalanced * openings', html: false, text: '*加强'.repeat(50_000) },
    {
      name: 'nested emphasis, code and link openings',
      html: false,
      text: '***_~~`[加强学习'.repeat(10_000) + ']('.repeat(10_000),
    },
    {
      name: '80,000 bold leads on one line',
      html: false,
      text: '**一是加强学习**，'.repeat(80_000),
    },
    { name: '50,000 link and image openings', html: false, text: '[![加强'.repeat(50_000) },
    {
      name: 'NUL bytes throughout an essay',
      html: false,
      text: sprinkle(r, repeat(essay, 60_000), ['\u0000'], 3),
    },
    { name: '200,000 NUL bytes', html: false, text: '\u0000'.repeat(200_000) },
    {
      name: 'NUL bytes in HTML',
      html: true,
      text: sprinkle(r, repeat(page, 60_000, ''), ['\u0000'], 5),
    },
    {
      name: 'lone surrogates throughout an essay',
      html: false,
      text: sprinkle(r, repeat(essay, 60_000), ['\ud800', '\udfff', '\udbff', '\udc00'], 4),
    },
    { name: '100,000 lone high surrogates', html: false, text: '\ud800'.repeat(100_000) },
    {
      name: 'RTL and zero-width characters throughout an essay',
      html: false,
      text: sprinkle(
        r,
        repeat(essay, 60_000),
        ['\u200b', '\u200c', '\u200d', '\u202e', '\u2066', '\ufeff', '\u200f'],
        2,
      ),
    },
    {
      name: 'RTL and zero-width characters in HTML',
      html: true,
      text: sprinkle(r, repeat(page, 60_000, ''), ['\u200b', '\u202e', '\ufeff'], 3),
    },
    { name: '200,000 zero-width spaces', html: false, text: '\u200b'.repeat(200_000) },
    { name: 'a line of 300,000 -', html: false, text: '-'.repeat(300_000) },
    { name: 'a line of 300,000 好', html: false, text: '好'.repeat(300_000) },
    { name: 'a line of 300,000 好 in HTML', html: true, text: `<p>${'好'.repeat(300_000)}</p>` },
    { name: 'a line of 200,000 。', html: false, text: '。'.repeat(200_000) },
    { name: 'a line of 200,000 —', html: false, text: '—'.repeat(200_000) },
    {
      name: 'a point of 200,000 …',
      html: false,
      text: '一是' + '…'.repeat(200_000) + '加强；二是改进',
    },
    {
      name: 'a point of 200,000 spaces',
      html: false,
      text: '一是' + ' '.repeat(200_000) + '加强；二是改进',
    },
    { name: 'a line of 200,000 #', html: false, text: '#'.repeat(200_000) + ' 标题' },
    { name: 'a line of 200,000 >', html: false, text: '>'.repeat(200_000) + ' 一是加强；二是改进' },
    {
      name: '40,000 ①–⑳ markers in one paragraph',
      html: false,
      text: Array.from({ length: 40_000 }, (_, i) => `${CIRCLED[i % 20]}加强学习`).join(''),
    },
    { name: '130,000 ①–⑳ lines', html: false, text: circledLines(130_000) },
    {
      name: 'mixed marker families, 20,000 lines',
      html: false,
      text: Array.from(
        { length: 20_000 },
        (_, i) => `${pick(r, FAMILIES)(i)}${drawn(r, HAN, 4)}${pick(r, ['。', '；', '：', ''])}`,
      ).join('\n'),
    },
    {
      name: 'mixed marker families in one paragraph',
      html: false,
      text: Array.from(
        { length: 20_000 },
        (_, i) => `${pick(r, FAMILIES)(i)}${drawn(r, HAN, 3)}${pick(r, ['。', '；', '，'])}`,
      ).join(''),
    },
    {
      name: 'mixed marker families in HTML paragraphs with bold leads',
      html: true,
      text: `<html><body>${Array.from({ length: 3000 }, (_, i) => `<p><strong>${pick(r, FAMILIES)(i)}${drawn(r, HAN, 4)}</strong>${PARA}</p>`).join('')}</body></html>`,
    },
    { name: '200,000 characters of 一是 paragraphs', html: false, text: repeat(PARA, 200_000) },
  ];
}
