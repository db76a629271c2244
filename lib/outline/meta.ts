/**
 * Document fields: title, subtitle, author and affiliation, and the blocks
 * that hold them or page furniture (which give no nodes).
 */
import type { Block, BlockDoc } from '../types.ts';
import { isEndMatter, isFurniture } from './furniture.ts';
import { isPersonName, parseNames, splitJoinedNames } from './names.ts';
import { bare } from './point-text.ts';
import { isSectionFrame, isWholeBold } from './candidates.ts';
import { stepCounter, type Steps } from '../steps.ts';

/** What the recogniser learns about the document around the body. */
export interface Meta {
  title: string | null;
  subtitle: string | null;
  author: string | null;
  affiliation: string | null;
  /** Blocks that are meta, furniture or end matter: they give no nodes. */
  skip: Set<number>;
}

/** A page-jump line: （下转第1574页）, （上接第1527页）, 下转第八版. */
const JUMP_AWAY = /^[（(]?下转第?[0-9一二三四五六七八九十百]+[版页][）)]?$/;
const JUMP_BACK = /^[（(]?上接第?[0-9一二三四五六七八九十百]+[版页][）)]?$/;

/** How many blocks from either end of the essay are searched for title and byline lines. */
const EDGE_BLOCKS = 8;
/** The longest title line, in characters. */
const MAX_TITLE = 60;

/**
 * Whitespace out of a title or name: none between Chinese characters (a
 * spaced-out 简  繁 is 简繁), one space next to a word of a spaced script or a number
 * (Open Source 治理 in China).
 */
/** A letter or digit of a script written with spaces (Latin, Greek, Cyrillic, full-width Latin…). */
const SPACED = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}]/u;
const strip = (s: string) =>
  s
    .trim()
    .replace(/[\s\u3000]+/g, (sp, at: number, all: string) =>
      SPACED.test(all[at - 1] ?? '') || SPACED.test(all[at + sp.length] ?? '') ? ' ' : '',
    );

/** Byline prefixes: role words before the names (本报记者 王乐文 方敏, □ 张磊, 作者：…). */
const BYLINE_PREFIX =
  /^(?:[□■◎●○◇◆▲△]\s*)?(?:(?:作者|文|撰文|口述|整理|执笔)\s*[：:/／|｜]\s*|(?:本报|本刊|新华社|人民日报|[\u4e00-\u9fff]{2,4}?)?(?:特约)?(?:记者|通讯员|撰稿人)[\s：:]*)?/;
/** A byline mark or role word actually present (the prefix above may match nothing). */
const BYLINE_SIGN =
  /^(?:[□■◎●○◇◆▲△]|(?:作者|文|撰文|口述|整理|执笔)\s*[：:/／|｜]|\S{0,6}?(?:记者|通讯员|撰稿人))/;
/** A byline inside another line: 本报讯（记者屈鹏）, 来源：某报 作者：王小伟. */
const EMBEDDED_BYLINE =
  /[（(]\s*(?:本报|本刊)?(?:记者|通讯员)\s*([^（）()]{2,20})[）)]|作者[：:]\s*([\u4e00-\u9fff][\u4e00-\u9fff、\s]{1,30})/;
/** A closing signature in brackets at the end of the last paragraph: …共赢”。（钟才文） */
const SIGNATURE = /[（(]([^（）()]{2,16})[）)]\s*$/;
/** A reprint byline: NAME《报名》（日期第N版）. */
const PAPER_BYLINE = /^(.{2,20}?)\s*《[^《》]{2,12}》\s*[（(][^（）()]*\d[^（）()]*[）)]$/;
/** A collective byline: 本报评论员, 经济日报评论员. */
const COLLECTIVE = /^(?:本报|本刊|[\u4e00-\u9fff]{2,6}?)(?:特约)?评论员$/;

/** The author named by a byline line, or null when the line is no byline. */
export function parseByline(line: string): string | null {
  let t = line
    .trim()
    .replace(/^[（(](.*)[）)]$/, '$1')
    .trim();
  if (t.length === 0 || t.length > 40) return null;
  if (COLLECTIVE.test(strip(t))) return strip(t);
  // 柯明远《江岸日报》（2025年06月12日第 09 版）: the name before the paper and the page.
  const paper = PAPER_BYLINE.exec(t);
  if (paper) t = paper[1]!;
  const hadPrefix = !!paper || BYLINE_SIGN.test(t);
  t = t.replace(BYLINE_PREFIX, '');
  // 本报记者 王乐文 方敏 / 本报记者 王乐文 本报通讯员 方敏: drop the later role words.
  t = t.replace(/(?:本报|特约)?(?:记者|通讯员)/g, ' ').trim();
  if (!t) return null;
  const names = parseNames(t) ?? (hadPrefix ? splitJoinedNames(t) : null);
  if (names) return names.join('、');
  return hadPrefix && /^[\u4e00-\u9fff]{2,4}$/.test(t) ? t : null;
}

/** The names of a byline inside another line (本报讯（记者屈鹏）, 来源：某报 作者：何苗 张梦洁), or null. */
function embeddedByline(t: string): string | null {
  const m = EMBEDDED_BYLINE.exec(t);
  const raw = (m?.[1] ?? m?.[2] ?? '').trim();
  if (!raw) return null;
  // The names may run into the next field (作者：王琛 发布时间：…): the longest run of words that parses.
  const words = raw.split(/[、\s]+/).filter(Boolean);
  for (let k = words.length; k >= 1; k--) {
    const names =
      parseNames(words.slice(0, k).join('、')) ?? (k === 1 ? splitJoinedNames(words[0]!) : null);
    if (names) return names.join('、');
  }
  return null;
}

/** Affiliation notes: （作者单位：…）, （作者为…）, 作者系…. Group 1 is the affiliation. */
const AFFILIATION =
  /[（(]\s*作者(?:单位|为|系|是)\s*[：:]?\s*((?:[^（）()]|[（(][^（）()]*[）)])+?)\s*[）)]|^作者(?:单位|为|系)\s*[：:]?\s*(.+)$/;
/**
 * An interview's subject line (口述历史, 访谈): 采访对象：潘家玮，1958年生…现任杭州市政协主席。
 * The interviewee is the author; the post held now is the affiliation.
 */
const INTERVIEWEE =
  /^(?:采访对象|受访者|受访人|口述者|口述人|口述)\s*[：:]\s*([^，,。；\s]{2,12})[，,。；\s]/;
const POST_NOW = /现任([^。；]{2,60})[。；]?/;

/** Cleans a headline: column labels, byline prefixes, site names. */
export function cleanTitle(raw: string): {
  title: string;
  subtitle: string | null;
  author: string | null;
} {
  let t = raw.trim();
  let author: string | null = null;
  // Site suffixes in <title>: 标题_人民网 / 标题-新华网 / 标题 | 澎湃.
  t = t.replace(/\s*(?:[_|｜]|\s[-—–]\s).*$/, '');
  // 【澎湃新闻】标题: a source label in brackets before the headline.
  t = t.replace(/^【[^【】]{2,12}】\s*/, '');
  // 新华全媒+丨标题, 深度｜标题: a channel label before a vertical bar.
  t = t.replace(/^[^丨｜|]{1,12}[丨｜|]\s*/, '');
  // 申论范文：标题, 人民时评：标题 — a genre label before a colon.
  t = t.replace(GENRE_LABEL, '');
  // 标题 国发〔2015〕40号: a document number printed after a regulation's name.
  t = t.replace(DOCUMENT_NUMBER, '');
  // 经济日报评论员：标题 — the prefix is the byline.
  const pre = /^([^：:]{2,12}?评论员)[：:]\s*/.exec(t);
  if (pre && pre[1]) {
    author = pre[1];
    t = t.slice(pre[0].length);
  }
  let subtitle: string | null = null;
  const dash = t.indexOf('——');
  if (dash > 0) {
    subtitle = strip(t.slice(dash + 2).replace(/^—+/, '')) || null;
    t = t.slice(0, dash);
  }
  // A column label in brackets after the title, of any length: （人民时评）
  // （推动高质量发展·权威发布）; not a part of the title's own name (（试行） （上） （2026年）).
  const label = /\s*[（(]([^（）()]{2,})[）)]\s*$/.exec(t);
  if (label && !TITLE_PART.test(label[1]!)) t = t.slice(0, label.index);
  return { title: strip(t), subtitle, author };
}

/** An official document number: 国发〔2015〕40号, 国办函〔2024〕8号, 浙政发〔2023〕1号. */
const DOCUMENT_NUMBER =
  /\s*(?:国办|中办|国|中|[\u4e00-\u9fff]政办?|[\u4e00-\u9fff]府办?)(?:发|函|令|电)?[〔［[]\d{4}[〕］\]]\d{1,4}号$/;

/** A genre or column label before a colon: 申论范文：, 人民时评：, 本报评论：. */
const GENRE_LABEL =
  /^[\u4e00-\u9fff]{0,6}(?:范文|时评|评论|社论|短评|快评|锐评|热评|述评|观察|专栏|随笔|杂谈|札记)[：:]\s*/;

/** Brackets that belong to a title's name: a draft, a part, a year, a number. */
const TITLE_PART =
  /^(?:试行|暂行|草案|修订|修正|征求意见稿|送审稿|节选|摘要|全文|上|中|下|续|之[一二三四五六七八九十]+|[一二三四五六七八九十\d]+|\d{4}(?:年|[—–-]\d{4}年?)?)$/;

function isTitleLike(b: Block): boolean {
  const t = b.text;
  return t.length >= 4 && t.length <= MAX_TITLE && !/[。！？；，：:]$/.test(t);
}

/** Finds title, subtitle, author and affiliation and the blocks to leave out of the outline. */
export function* findMeta(doc: BlockDoc): Steps<Meta> {
  const tick = stepCounter();
  const { blocks, hints } = doc;
  const skip = new Set<number>();
  let author: string | null = null;
  let affiliation: string | null = null;
  let title: string | null = null;
  let subtitle: string | null = null;
  const n = blocks.length;

  // Another article spliced in at a page jump: what stands between （下转第X页） and the
  // next （上接第Y页） belongs to the article printed on that page.
  for (let i = 0; i < n; i++) {
    if (tick()) yield;
    if (!JUMP_AWAY.test(blocks[i]!.text)) continue;
    let j = i + 1;
    while (j < n && !JUMP_BACK.test(blocks[j]!.text)) j++;
    if (j >= n) break;
    for (let k = i; k <= j; k++) skip.add(k);
    i = j;
  }
  // End matter: references, author notes — only in the second half of the essay.
  for (let i = Math.floor(n / 2); i < n; i++) {
    if (skip.has(i)) continue;
    if (isEndMatter(blocks[i]!.text)) {
      for (let j = i; j < n; j++) skip.add(j);
      break;
    }
  }
  for (let i = 0; i < n; i++) {
    if (tick()) yield;
    if (isFurniture(blocks[i]!.text)) skip.add(i);
  }

  tableOfContents(blocks, skip);

  // Affiliation notes anywhere; a block that is nothing but the note is skipped.
  for (let i = 0; i < n; i++) {
    if (tick()) yield;
    const m = AFFILIATION.exec(blocks[i]!.text);
    if (!m) continue;
    const aff = (m[1] ?? m[2] ?? '').trim();
    if (!affiliation && aff) affiliation = cleanAffiliation(aff);
    if (m.index === 0 && m[0].length >= blocks[i]!.text.length - 2) skip.add(i);
  }

  // An interview's subject line near the top.
  for (let i = 0; i < Math.min(n, EDGE_BLOCKS) && !author; i++) {
    const t = blocks[i]!.text;
    const m = INTERVIEWEE.exec(t);
    const names = m && parseNames(m[1]!);
    if (!names) continue;
    author = names.join('、');
    const post = POST_NOW.exec(t);
    if (post && !affiliation) affiliation = strip(post[1]!);
    skip.add(i);
  }

  // Bylines near either end.
  const edge = (i: number) => i < EDGE_BLOCKS || i >= n - EDGE_BLOCKS;
  let bylineAt = -1;
  for (let i = 0; i < n; i++) {
    if (tick()) yield;
    if (!edge(i) || skip.has(i)) continue;
    const a = parseByline(blocks[i]!.text);
    if (a) {
      if (!author) {
        author = a;
        bylineAt = i;
      }
      skip.add(i);
    }
  }

  // Bylines inside a dateline or source line, and a closing signature in brackets.
  for (let i = 0; i < n && !author; i++) {
    if (!edge(i)) continue;
    author = embeddedByline(blocks[i]!.text);
  }
  for (let i = n - 1; i >= Math.max(0, n - EDGE_BLOCKS) && !author; i--) {
    if (skip.has(i) && !isEndMatter(blocks[i]!.text)) continue;
    const m = SIGNATURE.exec(blocks[i]!.text);
    if (m && m[1]) author = parseByline(m[1]);
    if (blocks[i]!.text.length > 40) break;
  }

  // Title: the container's headline, else a title-like line next to the byline, else the first line.
  if (hints.title) {
    const c = cleanTitle(hints.title);
    title = c.title || null;
    subtitle = c.subtitle;
    author ??= c.author;
  }
  // 陈国阳局长《在全市…讲话》: the speech's own title, when the body prints it.
  const quoted = title ? /《([^《》]{4,60})》/.exec(title) : null;
  if (quoted && blocks.slice(0, EDGE_BLOCKS).some((b) => bare(b.text) === bare(quoted[1]!)))
    title = strip(quoted[1]!);
  // A printed headline block at the top of the body (kicker, main title lines, deck) wins.
  const plain = doc.format !== 'html';
  const head =
    (plain ? (promptedEssay(blocks, skip) ?? reportHeadline(blocks, skip)) : null) ??
    headlineBlock(blocks, skip, plain) ??
    (doc.format === 'text' ? trailingHeadline(blocks, skip) : null);
  if (head) {
    title = head.title;
    subtitle = head.subtitle ?? subtitle;
    author ??= head.author;
    head.blocks.forEach((i) => skip.add(i));
  }
  // The article's own <h1> (or Markdown #) near the top is its headline, whatever <title> says:
  // an essay has one. (A site's <title> is often generic or carries the channel's name.)
  if (!head) {
    const h1 = blocks.findIndex(
      (b, i) => i < EDGE_BLOCKS && !skip.has(i) && b.kind === 'heading' && b.headingLevel === 1,
    );
    // It is never an outline node, whatever its （…） says.
    if (h1 >= 0) skip.add(h1);
    if (h1 >= 0 && !title?.includes(cleanTitle(blocks[h1]!.text).title)) {
      const c = cleanTitle(blocks[h1]!.text);
      if (c.title) {
        title = c.title;
        subtitle = c.subtitle ?? subtitle;
        author ??= c.author;
      }
    }
  }
  if (!head && (doc.format !== 'html' || !title)) {
    const local = titleNearByline(blocks, bylineAt, skip) ?? titleAtTop(blocks, skip);
    if (local !== null && (!title || doc.format === 'text')) {
      const c = cleanTitle(blocks[local]!.text);
      title = c.title;
      subtitle ??= c.subtitle;
      author ??= c.author;
      skip.add(local);
    }
  }
  if (title) skipTitleEchoes(blocks, title, skip);
  if (!author && hints.byline) author = parseByline(hints.byline) ?? embeddedByline(hints.byline);
  // An affiliation printed in brackets right under the byline: (单位 省 市 邮编).
  if (!affiliation && bylineAt >= 0) {
    const next = blocks[bylineAt + 1];
    const m = next && /^[（(]([^（）()]{4,60})[）)]$/.exec(next.text);
    if (m && m[1]) {
      affiliation = cleanAffiliation(m[1]);
      skip.add(bylineAt + 1);
    }
  }
  return { title: title || null, subtitle, author, affiliation, skip };
}

/** Lines of a printed headline: bold or centred, short, no closing full stop. */
function isHeadlineLine(b: Block, plain: boolean): boolean {
  return (
    !isSectionFrame(b) &&
    // 第一章 总则: a chapter heading is never a title's deck.
    !/^第[一二三四五六七八九十百零〇\d]{1,4}[编章节]/.test(b.text) &&
    (b.centered === true || isWholeBold(b) || (plain && isTitleLike(b))) &&
    b.text.length >= 2 &&
    b.text.length <= 40 &&
    !/[。！？；，]$/.test(b.text) &&
    !/[：:]|\d{4}年\d{1,2}月/.test(b.text)
  );
}
/** A kicker (引题) ends with what introduces the news: 座谈会强调, …时指出. */
const KICKER = /(?:强调|指出|表示|要求|提出|会议|座谈会|讲话|致辞|贺信|回信)$/;
/** A line that leads into the next: it ends on a dash or a colon. */
const LEADS_IN = /(?:——|—|：|:)$/;
/** A deck (副题) reports who took part: 李强蔡奇出席, ——某某. */
const DECK = /^——|出席|参加|主持|陪同|会见/;

/**
 * A headline printed at the top of the body as two to five bold or centred
 * lines: kicker, main title (one or two lines, joined), deck.
 */
function headlineBlock(
  blocks: Block[],
  skip: Set<number>,
  /** Plain text or Markdown: no bold or centring to go by, title-like lines at the top count. */
  plain: boolean,
): { title: string; subtitle: string | null; author: string | null; blocks: number[] } | null {
  let i = 0;
  while (i < blocks.length && skip.has(i)) i++;
  const lines: number[] = [];
  for (
    let k = i;
    k < blocks.length && lines.length < 5 && !skip.has(k) && isHeadlineLine(blocks[k]!, plain);
    k++
  )
    lines.push(k);
  const after = blocks[(lines[lines.length - 1] ?? i) + 1];
  // One plain line is a headline when a dateline or byline follows it (…工作报告 / 2026年1月14日在…).
  const datedBelow =
    plain &&
    after !== undefined &&
    (skip.has(lines[lines.length - 1]! + 1) || /^\d{4}年\d{1,2}月/.test(after.text));
  if (lines.length < 2 && !(lines.length === 1 && datedBelow)) return null;
  let main = lines.map((k) => blocks[k]!.text);
  let subtitle: string | null = null;
  // A kicker above the title: a line that introduces the news (…座谈会强调) among three or
  // more, or any line that ends on a dash or colon leading into the title (江城县推行积分制——).
  if ((main.length >= 3 && KICKER.test(main[0]!)) || (main.length >= 2 && LEADS_IN.test(main[0]!)))
    main = main.slice(1);
  const last = main[main.length - 1]!;
  if (main.length >= 2 && (DECK.test(last) || last.length <= 8)) {
    subtitle = strip(last.replace(/^——/, ''));
    main = main.slice(0, -1);
  }
  // Two equally strong lines with no kicker or deck signs are a title and its deck only when
  // the second is much shorter; otherwise they are one headline printed on two lines.
  const c = cleanTitle(main.join(''));
  return { title: c.title, subtitle: subtitle ?? c.subtitle, author: c.author, blocks: lines };
}

/** A table of contents' heading: 目录, 目 录, 目录：. */
const CONTENTS = /^目\s*录[：:]?$/;
/** The longest line of a table of contents. */
const MAX_CONTENTS_LINE = 40;

/**
 * A table of contents at the top of a long document (目录 and the chapter
 * titles under it) gives no nodes: the chapters below do. It runs from 目录 to
 * the first line that is running text, or that repeats its first entry (the
 * body begins with the first chapter again).
 */
function tableOfContents(blocks: Block[], skip: Set<number>): void {
  const top = Math.min(blocks.length, TOP_BLOCKS);
  const at = blocks.findIndex((b, i) => i < top && CONTENTS.test(b.text));
  if (at < 0) return;
  const first = blocks[at + 1]?.text;
  let k = at + 1;
  for (; k < blocks.length; k++) {
    const t = blocks[k]!.text;
    if (k > at + 1 && t === first) break;
    if (t.length > MAX_CONTENTS_LINE || /[。！？；]/.test(t)) break;
  }
  // Entries then the body: only a list that ends where the body starts again is a table of contents.
  if (k - at < 3) return;
  for (let i = at; i < k; i++) skip.add(i);
}

/** How far into the text a speech's dateline or an exam prompt's 要求 is looked for (blocks). */
const TOP_BLOCKS = 24;
/** A speech or report's dateline: ——2026年2月4日在…会议上 (it may run on to a second line). */
const DATELINE = /^[—–-]*\s*[（(]?\d{4}年\d{1,2}月\d{1,2}日(?:在|于)/;
/** The speaker's line: a post and a name (广东省省长孟凡利, 自治区人民政府主席包钢). */
const SPEAKER =
  /^[\u4e00-\u9fff（）()]{0,24}?(?:主席|省长|市长|县长|区长|州长|旗长|书记|主任|总理|部长|厅长|局长|校长|院长|委员长)\s*([\u4e00-\u9fff·]{2,4})$/;
/** Short lines above a headline at the top of a page's text: navigation and controls. */
const MAX_CHROME_LINE = 30;

type Headline = { title: string; subtitle: string | null; author: string | null; blocks: number[] };

/**
 * A speech or government work report as its text is printed: title, dateline
 * (——2026年1月26日在…会议上), the speaker's post and name; page navigation above
 * it. The dateline is the subtitle, the speaker the author; all of it, and the
 * short chrome lines above the title, give no nodes.
 */
function reportHeadline(blocks: Block[], skip: Set<number>): Headline | null {
  const top = Math.min(blocks.length, TOP_BLOCKS);
  for (let i = 1; i < top; i++) {
    const d = blocks[i]!.text;
    if (skip.has(i) || d.length > MAX_TITLE || !DATELINE.test(d)) continue;
    let t = i - 1;
    while (t >= 0 && (skip.has(t) || isFurniture(blocks[t]!.text))) t--;
    if (t < 0 || !isTitleLike(blocks[t]!)) return null;
    const used = [t, i];
    let dateline = d;
    const cont = blocks[i + 1];
    if (
      cont &&
      !/(?:上|讲话|报告)[）)]?$/.test(d) &&
      /上[）)]?$/.test(cont.text) &&
      cont.text.length <= 30
    ) {
      dateline += cont.text;
      used.push(i + 1);
    }
    let author: string | null = null;
    for (let k = used[used.length - 1]! + 1; k < Math.min(blocks.length, i + 6); k++) {
      if (skip.has(k) || isFurniture(blocks[k]!.text)) continue;
      const m = SPEAKER.exec(blocks[k]!.text);
      if (m && isPersonName(m[1]!)) {
        author = m[1]!;
        used.push(k);
      }
      break;
    }
    for (let k = 0; k < t; k++) if (blocks[k]!.text.length <= MAX_CHROME_LINE) used.push(k);
    const c = cleanTitle(blocks[t]!.text);
    return {
      title: c.title,
      subtitle: strip(dateline.replace(/^[—–-]+/, '')),
      author,
      blocks: used,
    };
  }
  return null;
}

/** An exam prompt's requirements line (要求：, 作答要求：) or the label before the model essay (【参考范文】). */
const PROMPT_REQUIREMENTS =
  /^(?:(?:作答|写作|答题)?要求[：:]?|【[^】]{0,4}(?:范文|答案|参考文章)[^】]{0,4}】)$/;
/** An exam prompt's task: 请结合背景材料…写一篇议论文. */
const PROMPT_TASK = /^请.{0,60}?(?:写一篇|撰写一篇|自拟题目|自选角度)/;
/** A requirement line under 要求：: short, numbered. */
const REQUIREMENT = /^(?:[（(]?\d{1,2}[）)、.．]|[（(]?[一二三四五六七八九十][）)、])/;

/**
 * A 申论 essay printed with its prompt: material, the task (请…写一篇…), 要求： and
 * numbered requirements, then the essay's title and the essay. The prompt gives
 * no nodes; the title is the first title-like line after it.
 */
function promptedEssay(blocks: Block[], skip: Set<number>): Headline | null {
  const half = Math.min(blocks.length, Math.max(TOP_BLOCKS, Math.floor(blocks.length / 2)));
  let end = -1;
  for (let i = 0; i < half; i++) {
    const t = blocks[i]!.text;
    if (PROMPT_REQUIREMENTS.test(t) || PROMPT_TASK.test(t)) end = i;
    else if (end >= 0 && end === i - 1 && REQUIREMENT.test(t) && t.length <= MAX_TITLE) end = i;
    else if (end >= 0) break;
  }
  if (end < 0) return null;
  let t = end + 1;
  while (t < blocks.length && skip.has(t)) t++;
  const b = blocks[t];
  if (!b || !isTitleLike(b) || b.text.length > 40) return null;
  const used = Array.from({ length: t + 1 }, (_, k) => k);
  const c = cleanTitle(b.text);
  return { title: c.title, subtitle: c.subtitle, author: c.author, blocks: used };
}

/** Lines of a headline printed after the body: at most this many. */
const MAX_TAIL_LINES = 4;

/**
 * A headline printed after the body, as PDF text of a newspaper page often has
 * it (the reading order puts the bold headline block last): the last bold,
 * short lines without closing punctuation. Kicker and deck are read as at the
 * top; a three-character name run into the last line is the byline.
 */
function trailingHeadline(
  blocks: Block[],
  skip: Set<number>,
): { title: string; subtitle: string | null; author: string | null; blocks: number[] } | null {
  const lines: number[] = [];
  for (let k = blocks.length - 1; k >= 0 && lines.length < MAX_TAIL_LINES; k--) {
    if (skip.has(k) && lines.length === 0) continue;
    const b = blocks[k]!;
    if (skip.has(k) || !isWholeBold(b) || !isHeadlineLine(b, false)) break;
    lines.unshift(k);
  }
  // The body must come first: a document that is all bold lines is no headline after a body.
  if (!lines.length || lines[0]! < 2) return null;
  let main = lines.map((k) => blocks[k]!.text);
  let author: string | null = null;
  const byline = parseByline(main[main.length - 1]!);
  if (byline && main.length >= 2) {
    author = byline;
    main = main.slice(0, -1);
  } else {
    const last = main[main.length - 1]!;
    const name = last.slice(-3);
    if (last.length >= 11 && isPersonName(name) && SURNAME_AFTER_TITLE.test(last)) {
      author = name;
      main[main.length - 1] = last.slice(0, -3);
    }
  }
  let subtitle: string | null = null;
  if (main.length >= 2 && (KICKER.test(main[0]!) || LEADS_IN.test(main[0]!))) main = main.slice(1);
  if (main.length >= 2 && DECK.test(main[main.length - 1]!)) {
    subtitle = strip(main[main.length - 1]!.replace(/^——/, ''));
    main = main.slice(0, -1);
  }
  const c = cleanTitle(main.join(''));
  if (!c.title) return null;
  return {
    title: c.title,
    subtitle: subtitle ?? c.subtitle,
    author: author ?? c.author,
    blocks: lines,
  };
}

/** Eight or more characters of title before a run-in three-character name. */
const SURNAME_AFTER_TITLE = /^[\u4e00-\u9fff“”《》、]{8,}[\u4e00-\u9fff]{3}$/;

/** Drops addresses and postcodes printed after an affiliation: 某局 江苏 连云港 222100. */
function cleanAffiliation(s: string): string {
  const first = s.trim().split(/[\s\u3000]+/)[0] ?? '';
  const t = strip(first.replace(/\d{6}$/, ''));
  // A trailing province and city name is the postal address (…医疗保障局江苏连云港).
  const addr = PROVINCE_TAIL.exec(t);
  return addr && addr.index > 4 ? t.slice(0, addr.index) : t;
}

const PROVINCE_TAIL =
  /(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)[\u4e00-\u9fff]{0,4}$/;

/** A title-like line directly before (or after) the byline line. */
function titleNearByline(blocks: Block[], at: number, skip: Set<number>): number | null {
  if (at < 0) return null;
  for (const i of [at - 1, at + 1]) {
    const b = blocks[i];
    if (b && !skip.has(i) && isTitleLike(b)) return i;
  }
  return null;
}

/** The first line, when it reads as a headline: short, no closing punctuation, prose after it. */
function titleAtTop(blocks: Block[], skip: Set<number>): number | null {
  for (let i = 0; i < Math.min(blocks.length, 3); i++) {
    if (skip.has(i)) continue;
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (isTitleLike(b) && next && (next.text.length > b.text.length * 2 || skip.has(i + 1)))
      return i;
    return null;
  }
  return null;
}

/** Skips blocks near the top that repeat the title (a headline printed again in the body). */
function skipTitleEchoes(blocks: Block[], title: string, skip: Set<number>): void {
  const t = bare(title);
  if (!t) return;
  for (let i = 0; i < Math.min(blocks.length, EDGE_BLOCKS); i++) {
    const b = bare(blocks[i]!.text);
    if (b && b.length <= t.length + 12 && (b === t || t.includes(b) || b.includes(t))) skip.add(i);
  }
}
