/**
 * A PDF-like e-paper page written for these tests (no corpus text): page
 * furniture, then two articles, each a headline over a □ byline, hard-wrapped
 * at 24 characters the way a PDF's text layer gives it.
 */

/** Breaks a paragraph into lines of `width` characters, as a PDF text layer does. */
export function hardWrap(paragraph: string, width = 24): string {
  const lines: string[] = [];
  for (let i = 0; i < paragraph.length; i += width) lines.push(paragraph.slice(i, i + width));
  return lines.join('\n');
}

export const TITLE_1 = '以党建引领推进基层治理现代化';
export const TITLE_2 = '让数字政务更好服务群众';
/** A phrase of the first article's first 一是 point (the e2e test highlights it). */
export const PHRASE_1 = '切实把党的领导贯穿基层治理全过程';

const ARTICLE_1 = [
  TITLE_1,
  '□ 林知远',
  hardWrap(
    '基层是国家治理的基石，基层治理水平直接关系群众的获得感、幸福感、安全感。近年来各地在网格化管理上投入甚多，但群众办事绕路的问题仍时有出现，治理重心虽已下移，治理能力却未能同步下沉。',
  ),
  '一、坚持党建引领，筑牢基层治理根基',
  hardWrap(
    `一是坚持党的全面领导，${PHRASE_1}各方面。社区党组织要把居民议事会、物业服务企业和驻区单位团结起来，形成共建共治的格局。`,
  ),
  hardWrap(
    '二是健全议事协商机制，凡涉及群众切身利益的事项都要商量着办。居民议事会定期召开，协商结果向全体居民公开，接受群众监督。',
  ),
  '二、坚持系统观念，织密基层治理网络',
  hardWrap(
    '一是理顺条块关系，明确街道和部门的权责清单。一些地方习惯于以会议落实会议，以文件落实文件，实效打了折扣，需要从制度上加以纠正。',
  ),
  hardWrap(
    '二是强化数据共享，打通部门之间的信息壁垒。基层干部普遍反映，同一项数据要向多个平台重复填报，留给走访群众的时间越来越少。',
  ),
  hardWrap('总之，推进基层治理现代化是一项长期任务，必须久久为功、善作善成。'),
  '（作者单位：东海市委党校）',
];

const ARTICLE_2 = [
  TITLE_2,
  '□ 周明',
  hardWrap(
    '政务服务搬到网上，本意是让群众少跑腿。可在一些地方，群众仍要在多个应用之间来回切换，同一份材料反复上传，线上办事反倒比线下更费周折。',
  ),
  hardWrap(
    '首先，要以群众需求为导向设计流程。办事指南要写成群众看得懂的话，常办事项要做到一次告知、一表填报，不让群众猜、不让群众等。',
  ),
  hardWrap(
    '其次，要打通数据壁垒。部门之间能共享的数据一律共享，能核验的证明一律免提交，让数据多跑路、群众少跑腿成为常态。',
  ),
  hardWrap(
    '最后，要守住线下兜底的底线。老年人和不熟悉智能设备的群众仍需要面对面的服务，窗口不能撤，热线要畅通，帮办代办要到位。',
  ),
];

/** The whole page: furniture, then the two articles. */
export const PAGE = [
  '2024年5月9日 星期四',
  '第5版',
  '',
  ARTICLE_1.join('\n\n'),
  '',
  ARTICLE_2.join('\n\n'),
  '',
].join('\n');

/** GBK bytes of `text`, from a reverse table of the two-byte GBK range (TextEncoder only writes UTF-8). */
export function gbk(text: string): Uint8Array<ArrayBuffer> {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
