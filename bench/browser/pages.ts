/**
 * The pages the browser bench serves: essays cut from the benchmark corpus
 * (the real report texts in ../shared/real/texts, else the synthetic
 * generator) as news-site HTML, and a long NON-essay page — a news portal's
 * front page with navigation lists, headline lists and short Chinese and
 * English teasers, without any ordinal structure — for the quick check's
 * worst case: lots of page, nothing to find.
 */
import { loadCorpus, type Corpus } from '../inputs.ts';
import { prng } from '../synthetic-essay.ts';
import { textToHtml } from '../to-html.ts';

export interface BenchPage {
  path: string;
  html: string;
  /** What the page is, for the table. */
  label: string;
}

// No ordinal numerals, 首先/其次/最后 or "1." at the start of anything.
const CHANNELS = ['要闻', '国内', '国际', '财经', '科技', '体育', '文化', '健康', '教育', '汽车'];
const PLACES = ['北京', '上海', '深圳', '成都', '杭州', '武汉', '西安', '南京', '重庆', '天津'];
const SUBJECTS = ['新能源汽车', '跨境电商', '人工智能', '冰雪旅游', '城市更新', '数字人民币'];
const EVENTS = ['销量创新高', '迎来新机遇', '举办发布会', '出台新措施', '吸引大批游客', '引发热议'];
const TEASERS = [
  '记者从相关部门获悉，相关工作正在有序开展。',
  '业内人士认为，市场需求仍有较大增长空间。',
  '据了解，活动吸引了众多市民前来参观体验。',
  '专家表示，这将进一步带动上下游产业发展。',
  '目前，各项准备工作已基本就绪。',
];
const ENGLISH = [
  'Markets closed higher on Tuesday as investors weighed new data.',
  'The festival drew record crowds over the long weekend.',
  'Officials said the new rail link would open later this year.',
  'Analysts expect demand to stay strong through the summer.',
];

/** A news portal front page of at least `minBytes` bytes of UTF-8 HTML. */
export function newsPortalHtml(minBytes: number, seed = 7): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const headline = () => `${pick(PLACES)}${pick(SUBJECTS)}${pick(EVENTS)}`;
  const date = () => `2026-0${1 + Math.floor(rand() * 9)}-${10 + Math.floor(rand() * 18)}`;
  const nav = `<header><nav><ul>${CHANNELS.map((c, i) => `<li><a href="/c/${i}">${c}</a></li>`).join('')}</ul></nav></header>`;
  const head =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新闻门户 — 首页</title></head><body>' +
    nav;
  const tail =
    `<footer><ul>${CHANNELS.map((c, i) => `<li><a href="/about/${i}">关于${c}频道</a></li>`).join('')}</ul>` +
    '<p>版权所有 © 新闻门户 All rights reserved.</p></footer></body></html>';
  const parts: string[] = [head, '<main>'];
  let bytes = Buffer.byteLength(head + tail) + 20;
  for (let block = 0; bytes < minBytes; block++) {
    const items: string[] = [];
    for (let i = 0; i < 12; i++)
      items.push(
        `<li><a href="/a/${block}/${i}">${headline()}</a> <span class="date">${date()}</span></li>`,
      );
    const teasers: string[] = [];
    for (let i = 0; i < 4; i++)
      teasers.push(
        `<div class="card"><a href="/a/${block}/t${i}"><img alt="" src="data:,"></a>` +
          `<p>${headline()}。${pick(TEASERS)}${pick(TEASERS)}</p><p lang="en">${pick(ENGLISH)}</p></div>`,
      );
    const section =
      `<section class="channel"><h2>${CHANNELS[block % CHANNELS.length]}</h2>` +
      `<ul class="list">${items.join('')}</ul>${teasers.join('')}</section>\n`;
    parts.push(section);
    bytes += Buffer.byteLength(section);
  }
  parts.push('</main>', tail);
  return parts.join('');
}

/** The bench's pages and the corpus they were cut from. */
export function benchPages(): {
  corpus: Corpus;
  essay20k: BenchPage;
  essay100k: BenchPage;
  news1m: BenchPage;
} {
  const corpus = loadCorpus();
  return {
    corpus,
    essay20k: {
      path: '/essay-20k.html',
      html: textToHtml(corpus.essay(20_000)),
      label: 'essay 20k',
    },
    essay100k: {
      path: '/essay-100k.html',
      html: textToHtml(corpus.essay(100_000)),
      label: 'essay 100k',
    },
    news1m: { path: '/news-1mb.html', html: newsPortalHtml(1 << 20), label: 'news 1 MB' },
  };
}
