/**
 * Table of small hand-written pages for blocksFromDocument. Every fixture is
 * invented for the test (no corpus text); the chrome around the article is
 * deliberately noisy: numbered nav lists, rankings, share bars, footers.
 */

/** One case: a page, the block texts expected (in order, as a subsequence), and what must be absent. */
export interface DomCase {
  name: string;
  html: string;
  /** Expected blocks, in order; each is matched against one block's text (exact). */
  blocks?: string[];
  /** Bold text expected per block text: `[blockText, boldText]`. */
  bold?: [string, string[]][];
  /** Texts that must appear in no block. */
  absent?: string[];
  /** Expected kind/headingLevel for a block text. */
  kinds?: [string, string, number?][];
  centered?: string[];
}

/** Site chrome shared by the cases: menus with 1、2、…, a ranking, a footer. */
const chrome = {
  nav: `<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">1、要闻频道</a></li><li><a href="/b">2、理论频道</a></li><li><a href="/c">3、地方频道</a></li></ul></div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/t">理论</a> &gt; 正文</div>`,
  side: `<div class="sidebar"><h3>热门排行</h3><ol>
<li><a href="/r1">1、某地召开乡村振兴推进会议部署下一阶段工作</a></li>
<li><a href="/r2">2、一季度经济运行总体平稳稳中有进态势明显</a></li>
<li><a href="/r3">3、关于进一步优化营商环境的若干措施发布</a></li>
<li><a href="/r4">4、全省教育工作会议召开强调落实立德树人</a></li></ol></div>`,
  foot: `<div class="footer"><p>版权所有 示例网站 联系电话 010-00000000</p><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a></p></div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>`,
};

/** Wrap an article body in a page with the shared chrome. */
export function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_示例网</title>${head}</head><body>
${chrome.nav}
<div class="main"><div class="article"><h1>${title}</h1>${body}</div>${chrome.side}</div>
${chrome.foot}</body></html>`;
}

/** Filler sentences so Readability sees an article (it wants a few hundred characters). */
const filler = (n: number) =>
  '这是用于测试的正文段落，说明基层治理工作的做法和成效，内容并不来自任何真实文章。'.repeat(n);

export const cases: DomCase[] = [
  {
    name: 'strong lead at the start of a paragraph',
    html: page(
      '推进基层治理现代化的几点思考',
      `<p>${filler(3)}</p><p><strong>一是强化组织保障。</strong>${filler(2)}</p><p><strong>二是完善制度机制。</strong>${filler(2)}</p>`,
    ),
    bold: [
      ['一是强化组织保障。', ['一是强化组织保障。']],
      ['二是完善制度机制。', ['二是完善制度机制。']],
    ],
    absent: ['1、要闻频道', '热门排行', '某地召开乡村振兴推进会议', '版权所有', '分享到'],
  },
  {
    name: 'h3 subheadings',
    html: page(
      '以高质量党建引领高质量发展',
      `<p>${filler(3)}</p><h3>坚持政治引领，把准发展方向</h3><p>${filler(2)}</p><h3>坚持问题导向，破解发展难题</h3><p>${filler(2)}</p>`,
    ),
    blocks: ['坚持政治引领，把准发展方向', '坚持问题导向，破解发展难题'],
    kinds: [
      ['坚持政治引领，把准发展方向', 'heading', 3],
      ['坚持问题导向，破解发展难题', 'heading', 3],
    ],
    bold: [['坚持政治引领，把准发展方向', ['坚持政治引领，把准发展方向']]],
  },
  {
    name: 'WeChat-style section with a bold span',
    html: page(
      '让数字赋能乡村治理',
      `<section><section><span style="font-weight: bold;">数字赋能，治理更精准</span></section><section><span>${filler(3)}</span></section>
<section><span style="font-weight:700">平台联动，服务更贴心</span></section><section><span>${filler(3)}</span></section></section>`,
    ),
    blocks: ['数字赋能，治理更精准', '平台联动，服务更贴心'],
    bold: [
      ['数字赋能，治理更精准', ['数字赋能，治理更精准']],
      ['平台联动，服务更贴心', ['平台联动，服务更贴心']],
    ],
  },
  {
    name: 'Word markup: one bold run split over several <b> tags',
    html: page(
      '深化作风建设的实践路径',
      `<div class="conTxt"><p class=MsoNormal><span>${filler(3)}</span></p>
<p class=MsoNormal><b><span style="font-family:黑体">一、</span></b><b><span style="font-family:黑体">强化</span></b><b><span>理论武装</span></b><span>，${filler(2)}<o:p></o:p></span></p>
<p class=MsoNormal><b style="font-weight:normal"><span>这一句不是粗体。</span></b><span>${filler(1)}</span></p>
<p class=MsoNormal><span>&nbsp;<o:p></o:p></span></p></div>`,
    ),
    bold: [['一、强化理论武装', ['一、强化理论武装']]],
  },
  {
    name: '<br>-separated paragraphs in a div',
    html: page(
      '关于推进重点工作的情况报告',
      `<div class="conTxt">${filler(2)}<br><br>\u3000\u3000<b>1.强化责任落实。</b>${filler(2)}<br>\u3000\u3000<b>2.加强监督检查。</b>${filler(2)}<br/>&nbsp;&nbsp;<br>${filler(1)}</div>`,
    ),
    bold: [
      ['1.强化责任落实。', ['1.强化责任落实。']],
      ['2.加强监督检查。', ['2.加强监督检查。']],
    ],
  },
  {
    name: 'paragraphs separated by line breaks and full-width indents inside one <p>',
    html: page(
      '访谈实录',
      `<p>\u3000\u3000主持人：${filler(2)}\n\u3000\u3000嘉宾：${filler(3)}\n\u3000\u3000主持人：请您再谈谈下一步的打算。</p>`,
    ),
    blocks: ['主持人：请您再谈谈下一步的打算。'],
  },
  {
    name: 'centred title lines and byline printed in the body',
    html: page(
      '示例讲话稿',
      `<p align="center"><strong>在全县工作会议上的讲话</strong></p><p style="text-align: center">作者：王某某</p><p>${filler(4)}</p><p>（作者为某县委办公室干部）</p>`,
    ),
    blocks: ['在全县工作会议上的讲话', '作者：王某某'],
    centered: ['在全县工作会议上的讲话', '作者：王某某'],
  },
  {
    name: 'whitespace between CJK is removed and offsets map bold runs',
    html: page(
      '规范文本',
      `<p>${filler(3)}</p><p>蒋 明 同志 <b>坚持 学习 不 放松</b> ，${filler(1)}</p>`,
    ),
    bold: [[`蒋明同志坚持学习不放松，${filler(1)}`, ['坚持学习不放松']]],
  },
  {
    name: 'list items',
    html: page(
      '学习要点',
      `<p>${filler(3)}</p><ul><li>第一条要点的说明文字较长一些。</li><li>第二条要点的说明文字较长一些。</li></ul><p>${filler(2)}</p>`,
    ),
    kinds: [['第一条要点的说明文字较长一些。', 'list-item']],
  },
];
