/**
 * Page furniture: lines that belong to the page, not the essay (dates, 版次,
 * 责任编辑, 电话, 下转第X版, 来源, 点击数, journal apparatus). They give no nodes.
 */

const FURNITURE: RegExp[] = [
  // A date line, possibly with weekday: 2024年5月10日 星期五 / 2021-03-22 / 2017年08月
  /^[（(]?\d{4}\s*[年\-/.]\s*\d{1,2}\s*(?:[月\-/.]\s*(?:\d{1,2}\s*日?)?)?\s*(?:星期.|周.)?\s*(?:上午|下午|晚上|晚)?[）)]?\s*$/,
  /^(?:责任编辑|责编|编辑|校对|审核|美编|统筹|策划|监制|主编|值班编辑|本版编辑|制图|摄影|图片|供图)[：:\s]/,
  /^(?:电话|传真|邮箱|邮编|E-?mail|地址|网址)[：:\s]/i,
  /^[（(]?(?:下转|上接|转第|接第).{0,8}[版页][）)]?$/,
  /^第?\s*[0-9一二三四五六七八九十]{1,3}\s*版(?:$|[\s：:（(])/,
  /^[（(]?(?:来源|出处|数据来源|资料来源|信息来源|素材来源|发布时间|发布日期|时间|点击数|浏览次数|阅读|字号|字体|作者：佚名)[：:\s]/,
  /^(?:打印|关闭|分享到|返回顶部|收藏|下载|全屏)(?:\s|$|本页)/,
  /^\[?(?:摘要|关键词|关键字|DOI|中图分类号|文献标识码|文章编号)\]?[：:\s]/i,
  /^[【[［]?(?:字号|字体|文字大小|打印|关闭|下载)/,
  /^(?:原标题|图为|图片来源|视频来源|扫码|长按|点击|关注)[：:\s]/,
  // Font-size and page controls printed one per line: 加大 还原 减小, 大 中 小, 】.
  /^(?:加大|还原|减小|放大|缩小|默认|大|中|小|[【】[\]［］]|】\s*【?)$/,
  // Breadcrumbs and counters: 当前位置：首页 > 要闻, 发表时间：, 阅读量：, 扫一扫在手机打开当前页.
  /^(?:当前位置|您的位置|您现在的位置|所在位置|发表时间|发稿时间|更新时间|阅读量|阅读数|浏览量|访问量|访问次数)[：:\s]?/,
  /^(?:扫一扫|用手机扫|手机扫一扫|分享到|打印本页|关闭窗口|【打印】|\[打印\])/,
];

/** True when `text` is a line of page furniture. */
export function isFurniture(text: string): boolean {
  if (text.length > 80) return false;
  return FURNITURE.some((re) => re.test(text));
}

/** Headings after which only apparatus follows (references, author notes). */
const END_MATTER =
  /^[［[【]?(?:参考文献|参考资料|注释|作者简介|责任编辑|相关阅读|相关新闻|相关报道|相关链接|延伸阅读|名词解释|术语解释)[］\]】]?[：:]?$/;
/** A commentary on the essay after it (【中公评析】…, 【名师点评】…): what follows is no essay. */
const COMMENTARY = /^【[^】]{0,6}(?:评析|点评|解析|评语|赏析)】/;

/** True when `text` opens the end matter of an article: nothing after it is essay. */
export function isEndMatter(text: string): boolean {
  return END_MATTER.test(text.replace(/\s/g, '')) || COMMENTARY.test(text);
}
