/**
 * Splitting pasted text that holds several articles — a whole e-paper or PDF
 * page — into articles, at the places where a headline and a byline (or a
 * dateline) open a new one. See README.md in this folder for the rules.
 */
import type { Block } from '../types.ts';
import { blocksFromText } from '../blocks/from-text.ts';
import { isFurniture } from '../outline/furniture.ts';
import { cleanTitle, parseByline } from '../outline/meta.ts';
import { parseNames } from '../outline/names.ts';

/** One article found in the pasted text: raw offsets `[start, end)` and what its head says. */
export interface SplitArticle {
  start: number;
  end: number;
  /** The headline, cleaned (column labels and bracketed kickers removed), or null when the article has none in the text. */
  title: string | null;
  /** The byline's names (王乐文、方敏) or collective author (本报评论员), or null. */
  author: string | null;
}

/**
 * Most lines a printed headline takes above its byline: kicker, main title
 * (sometimes on two lines), deck. A fourth short line above them is the last
 * line of something else (a column label, a subheading).
 */
const MAX_HEAD_LINES = 3;
/**
 * Longest headline line, in characters. Front-page headlines run to about 30;
 * 40 leaves room for a long deck while a short paragraph (usually longer and
 * ending in 。) stays out.
 */
const MAX_TITLE_LINE = 40;
/** Shortest headline line: a two-character line is a column label (评论, 理论) or a name. */
const MIN_TITLE_LINE = 4;
/**
 * Fewest characters of body an article needs. A head followed by less is no
 * article of its own — a title and byline printed after the body (PDF order)
 * or a stray caption — and stays with the article before it.
 */
const MIN_BODY = 80;

/** A news dateline opening the first paragraph: 本报北京5月9日电（记者 王乐文）, 新华社北京5月9日电. */
const DATELINE =
  /^(?:本报|新华社|中新社|人民日报)[\u4e00-\u9fff]{0,10}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)|^本报讯/;
/** The reporters named in a dateline's brackets. */
const DATELINE_NAMES =
  /^[^（(]{0,24}[（(]\s*(?:本报|新华社)?(?:记者|通讯员)\s*([^（）()]{2,24})[）)]/;
/** An author note that closes an article: （作者单位：…）, （作者为…）. */
const AUTHOR_NOTE = /^[（(]\s*作者(?:单位|为|系|是)/;

/**
 * A page number on its own line: 第5版, 5版, A5版. (lib/outline/furniture.ts has a
 * pattern for it that a trailing `\b` keeps from matching a bare 第5版.)
 */
const PAGE_NUMBER = /^第?\s*[A-Z]?[0-9一二三四五六七八九十]{1,3}\s*版(?:[\s：:].*)?$/;

/**
 * What a block is on the page: furniture, a byline, an author note, a
 * headline-like line, a short label (a column name such as 评论, 要闻), or body.
 */
type Role = 'furniture' | 'byline' | 'note' | 'title' | 'label' | 'body';

function roleOf(b: Block): Role {
  const t = b.text;
  if (isFurniture(t) || PAGE_NUMBER.test(t)) return 'furniture';
  if (AUTHOR_NOTE.test(t)) return 'note';
  if (parseByline(t)) return 'byline';
  if (
    t.length >= MIN_TITLE_LINE &&
    t.length <= MAX_TITLE_LINE &&
    !/[。！？；，、：:…]$/.test(t) &&
    !/^[（(].*[）)]$/.test(t)
  )
    return 'title';
  if (t.length < MIN_TITLE_LINE && !/[。！？；，、：:…]$/.test(t)) return 'label';
  return 'body';
}

/** Raw offsets of a text block. */
function rawRange(b: Block): [number, number] {
  if (b.source.kind !== 'text') throw new Error('splitArticles works on text blocks');
  const o = b.source.offsets;
  return [o[0]!, o[b.text.length]!];
}

/** The headline among head lines: a deck (——…) and a kicker are left aside for the longest line. */
function headline(lines: string[]): string | null {
  const main = lines.filter((l) => !l.startsWith('——'));
  if (main.length === 0) return null;
  const best = main.reduce((a, b) => (b.length > a.length ? b : a));
  return cleanTitle(best).title || null;
}

interface Cut {
  /** First block of the article (its head). */
  first: number;
  title: string | null;
  author: string | null;
}

/**
 * Splits raw pasted text into articles.
 *
 * A new article opens at a head: one to {@link MAX_HEAD_LINES} headline-like
 * lines (short, no closing punctuation) directly followed by a byline
 * (□ 张磊, 本报记者 王乐文 方敏, 本报评论员) or by a paragraph opening with a
 * news dateline (本报北京5月9日电（记者 …）). After an author note or a
 * closing signature, a headline-like line followed by prose opens one too. A
 * head with less than {@link MIN_BODY} characters of body before the next one
 * stays with the article before it, so an essay whose title and byline are
 * printed at its end, or that has subheadings, stays one article. Page
 * furniture (dates, 版次, 责任编辑) before the first article and at the end of
 * each article is left out of the ranges.
 *
 * @returns the articles in reading order, as raw offsets with title and
 *   author; empty when the text holds no words
 */
export function splitArticles(raw: string): SplitArticle[] {
  const blocks = blocksFromText(raw).blocks;
  const roles = blocks.map(roleOf);
  const n = blocks.length;
  const cuts: Cut[] = [];

  const isHeadLine = (i: number) => roles[i] === 'title';
  /** The head lines ending at block `last`, walking up. */
  const headAbove = (last: number): number => {
    let first = last + 1;
    while (first - 1 >= 0 && last - first + 1 < MAX_HEAD_LINES && isHeadLine(first - 1)) first--;
    return first;
  };

  for (let i = 0; i < n; i++) {
    const role = roles[i];
    // Headline lines, then a byline.
    if (role === 'byline') {
      const first = headAbove(i - 1);
      if (first <= i - 1) {
        const lines = blocks.slice(first, i).map((b) => b.text);
        cuts.push({ first, title: headline(lines), author: parseByline(blocks[i]!.text) });
      }
      continue;
    }
    // Headline lines, then a dateline paragraph.
    if (role === 'body' && DATELINE.test(blocks[i]!.text)) {
      const first = headAbove(i - 1);
      if (first <= i - 1) {
        const m = DATELINE_NAMES.exec(blocks[i]!.text);
        const names = m?.[1] ? parseNames(m[1].trim()) : null;
        const lines = blocks.slice(first, i).map((b) => b.text);
        cuts.push({ first, title: headline(lines), author: names ? names.join('、') : null });
      }
      continue;
    }
    // After an author note or a closing signature, a headline over prose.
    if (role === 'title' && i > 0 && (roles[i - 1] === 'note' || roles[i - 1] === 'byline')) {
      let j = i;
      while (j < n && j - i < MAX_HEAD_LINES && roles[j] === 'title') j++;
      if (j < n && roles[j] === 'body' && !cuts.some((c) => c.first === i)) {
        const closes = roles[i - 1] === 'note' || /^[（(].*[）)]$/.test(blocks[i - 1]!.text);
        if (closes)
          cuts.push({
            first: i,
            title: headline(blocks.slice(i, j).map((b) => b.text)),
            author: null,
          });
      }
    }
  }

  // The text before the first head is an article of its own (the end of one continued from another page).
  const firstWords = roles.findIndex((r) => r !== 'furniture');
  if (firstWords < 0) return [];
  if (cuts.length === 0 || cuts[0]!.first > firstWords)
    cuts.unshift({ first: firstWords, title: null, author: null });

  // Body size of each cut; a cut with too little body joins the one before.
  const bodyChars = (from: number, to: number) => {
    let c = 0;
    for (let k = from; k < to; k++) if (roles[k] === 'body') c += blocks[k]!.text.length;
    return c;
  };
  const kept: Cut[] = [];
  cuts.forEach((c, k) => {
    const next = cuts[k + 1]?.first ?? n;
    // The opening stretch is judged below, not here: it may be the short end of a jump.
    const prev = kept[kept.length - 1];
    if (prev && k > 0 && bodyChars(c.first, next) < MIN_BODY) {
      // A head printed after the body (PDF order) names the article it closes.
      if (prev.title === null && prev.author === null)
        kept[kept.length - 1] = { ...prev, title: c.title, author: c.author };
      return;
    }
    kept.push(c);
  });
  // An opening stretch without a head is the end of an article continued from another page:
  // an article of its own when it has any body, dropped when it is only labels (评论, 要闻).
  if (kept.length > 1 && kept[0]!.title === null && bodyChars(kept[0]!.first, kept[1]!.first) === 0)
    kept.shift();

  // A text with no head above a byline may still open with its headline: a short line over prose.
  const top = kept[0]!;
  if (top.title === null && roles[top.first] === 'title' && roles[top.first + 1] === 'body')
    kept[0] = { ...top, title: cleanTitle(blocks[top.first]!.text).title || null };

  return kept.map((c, k) => {
    let last = (kept[k + 1]?.first ?? n) - 1;
    while (last > c.first && (roles[last] === 'furniture' || roles[last] === 'label')) last--;
    return {
      start: rawRange(blocks[c.first]!)[0],
      end: rawRange(blocks[last]!)[1],
      title: c.title,
      author: c.author,
    };
  });
}
