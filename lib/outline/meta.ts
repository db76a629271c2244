/**
 * Document fields: title, subtitle, author and affiliation, and the blocks
 * that hold them or page furniture (which give no nodes).
 */
import type { Block, BlockDoc } from '../types.ts';
import { isEndMatter, isFurniture } from './furniture.ts';
import { parseNames } from './names.ts';

/** What the recogniser learns about the document around the body. */
export interface Meta {
  title: string | null;
  subtitle: string | null;
  author: string | null;
  affiliation: string | null;
  /** Blocks that are meta, furniture or end matter: they give no nodes. */
  skip: Set<number>;
}

/** How many blocks from either end of the essay are searched for title and byline lines. */
const EDGE_BLOCKS = 8;
/** The longest title line, in characters. */
const MAX_TITLE = 60;

const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** Text with whitespace and punctuation removed, for comparing lines. */
const bare = (s: string) => s.replace(/[\s\u3000\p{P}\p{S}]/gu, '');

/** Byline prefixes: role words before the names (本报记者 王乐文 方敏, □ 张磊, 作者：…). */
const BYLINE_PREFIX =
  /^(?:[□■◎●○◇◆▲△]\s*)?(?:(?:作者|文|撰文|口述|整理|执笔)\s*[：:/／|｜]\s*|(?:本报|本刊|新华社|人民日报|[\u4e00-\u9fff]{2,4}?)?(?:特约)?(?:记者|通讯员|撰稿人)[\s：:]*)/;
/** A collective byline: 本报评论员, 经济日报评论员. */
const COLLECTIVE = /^(?:本报|本刊|[\u4e00-\u9fff]{2,6}?)(?:特约)?评论员$/;

/** The author named by a byline line, or null when the line is no byline. */
export function parseByline(line: string): string | null {
  let t = line.trim().replace(/^[（(](.*)[）)]$/, '$1').trim();
  if (t.length === 0 || t.length > 40) return null;
  if (COLLECTIVE.test(strip(t))) return strip(t);
  const hadPrefix = BYLINE_PREFIX.test(t);
  t = t.replace(BYLINE_PREFIX, '');
  // 本报记者 王乐文 方敏 / 本报记者 王乐文 本报通讯员 方敏: drop the later role words.
  t = t.replace(/(?:本报|特约)?(?:记者|通讯员)/g, ' ').trim();
  if (!t) return null;
  const names = parseNames(t);
  if (names) return names.join('、');
  return hadPrefix && /^[\u4e00-\u9fff]{2,4}$/.test(t) ? t : null;
}

/** Affiliation notes: （作者单位：…）, （作者为…）, 作者系…. Group 1 is the affiliation. */
const AFFILIATION = /[（(]\s*作者(?:单位|为|系|是)\s*[：:]?\s*([^（）()]+?)\s*[）)]|^作者(?:单位|为|系)\s*[：:]?\s*(.+)$/;

/** Cleans a headline: column labels, byline prefixes, site names. */
export function cleanTitle(raw: string): { title: string; subtitle: string | null; author: string | null } {
  let t = raw.trim();
  let author: string | null = null;
  // Site suffixes in <title>: 标题_人民网 / 标题-新华网 / 标题 | 澎湃.
  t = t.replace(/\s*(?:[_|｜]|\s[-—–]\s).*$/, '');
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
  // A column label in brackets after the title: （人民时评） （推动高质量发展·权威发布）.
  t = t.replace(/\s*[（(][^（）()]{2,24}[）)]\s*$/, '');
  return { title: strip(t), subtitle, author };
}

function isTitleLike(b: Block): boolean {
  const t = b.text;
  return t.length >= 4 && t.length <= MAX_TITLE && !/[。！？；，：:]$/.test(t);
}

/** Finds title, subtitle, author and affiliation and the blocks to leave out of the outline. */
export function findMeta(doc: BlockDoc): Meta {
  const { blocks, hints } = doc;
  const skip = new Set<number>();
  let author: string | null = null;
  let affiliation: string | null = null;
  let title: string | null = null;
  let subtitle: string | null = null;
  const n = blocks.length;

  // End matter: references, author notes — only in the second half of the essay.
  for (let i = Math.floor(n / 2); i < n; i++) {
    if (isEndMatter(blocks[i]!.text)) {
      for (let j = i; j < n; j++) skip.add(j);
      break;
    }
  }
  blocks.forEach((b, i) => {
    if (isFurniture(b.text)) skip.add(i);
  });

  // Affiliation notes anywhere; a block that is nothing but the note is skipped.
  for (let i = 0; i < n; i++) {
    const m = AFFILIATION.exec(blocks[i]!.text);
    if (!m) continue;
    const aff = (m[1] ?? m[2] ?? '').trim();
    if (!affiliation && aff) affiliation = cleanAffiliation(aff);
    if (m.index === 0 && m[0].length >= blocks[i]!.text.length - 2) skip.add(i);
  }

  // Bylines near either end.
  const edge = (i: number) => i < EDGE_BLOCKS || i >= n - EDGE_BLOCKS;
  let bylineAt = -1;
  for (let i = 0; i < n; i++) {
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

  // Title: the container's headline, else a title-like line next to the byline, else the first line.
  if (hints.title) {
    const c = cleanTitle(hints.title);
    title = c.title || null;
    subtitle = c.subtitle;
    author ??= c.author;
  }
  if (doc.format !== 'html' || !title) {
    const local = titleNearByline(blocks, bylineAt, skip) ?? titleAtTop(blocks, skip);
    if (local !== null && (!title || doc.format === 'text')) {
      const c = cleanTitle(blocks[local]!.text);
      title = c.title;
      subtitle ??= c.subtitle;
      skip.add(local);
    }
  }
  if (title) skipTitleEchoes(blocks, title, skip);
  if (!author && hints.byline) author = parseByline(hints.byline);
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

/** Drops addresses and postcodes printed after an affiliation: 某局 江苏 连云港 222100. */
function cleanAffiliation(s: string): string {
  const first = s.trim().split(/[\s\u3000]+/)[0] ?? '';
  return strip(first.replace(/\d{6}$/, ''));
}

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
    if (isTitleLike(b) && next && (next.text.length > b.text.length * 2 || skip.has(i + 1))) return i;
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
