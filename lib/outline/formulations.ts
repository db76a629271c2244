/**
 * Key formulations (提法): the essay's own formulas, such as “严细深实快”,
 * “三抓一创”, “五问四查三提升”, 1+3+N, with every place they occur.
 *
 * A candidate is a short quoted phrase (in the body or the headline) or a
 * digit formula (1+3+N). Counted slogans are only read where the author quotes
 * them: unquoted, 三个方面, 长三角一体化 or 二十届四中全会 look the same as 三抓一创.
 * A candidate is the essay's own, and kept, when
 * - it occurs at least twice in the body (quoted or not: a formula is quoted once,
 *   then built on: 深化三抓一创), or
 * - it is in the headline and occurs again in the body, or
 * - it is a number formula the text goes on to enumerate (“三抓” → 抓学习、抓作风、抓落实).
 * A one-off quotation, a quoted user or shop name met once, a quoted citation of
 * speech (long, or holding a sentence end) and a book title are not formulations.
 * Linear in the text: candidates are at most MAX_QUOTED long and each window of
 * enumeration is bounded.
 */
import type { Block, Formulation, NodeSource } from '../types.ts';
import { parseCnNumber } from './markers.ts';
import { stepCounter, type Steps } from '../steps.ts';

/** Quoted words of this length are slogans; longer quotations are citations. */
const MIN_QUOTED = 2;
const MAX_QUOTED = 14;
/** At most this many formulations are kept, most frequent first. */
const MAX_FORMULATIONS = 12;

const QUOTED = /[“「『"]([^“”「」『』"\n]{2,14})[”」』"]/g;
/** Number formulas: 1+3+N, 1+11868. */
const PLUS_FORMULA = /\d+(?:\s?[+＋]\s?[0-9A-Za-z]+)+/g;
/** A count other than 一 (一定, 一般 are words): 十五五, 新三样, 两个确立, 3+2. */
const COUNT = /[二三四五六七八九十两百千万0-9]/;
/** A quotation that is a sentence or a clause series (…，…), not a formula. */
const SENTENCE_INSIDE = /[，,。；;！？!?]/;
/** A quoted book or document title: “《论语》”. */
const BOOK_TITLE = /^《[^》]*》$/;
/** A handle or code in quotes (love9413, ABC): a name, not the essay's formula. */
const LATIN_NAME = /^[A-Za-z0-9_.\-@\s]+$/;
const OPEN_QUOTE = /[“「『"]/;
const CLOSE_QUOTE = /[”」』"]/;

/** Plain words shorter than this count only where quoted: unquoted, 突破 or 数字 is just a word. */
const MIN_UNQUOTED = 5;
/** …or this long when the headline quotes them (以“一窗通办”…): 数字 stays a word. */
const MIN_UNQUOTED_HEADLINE = 4;
/** How far after a number formula its enumeration is looked for, in characters. */
const ENUM_WINDOW = 800;

/** Should a quoted phrase be considered at all? */
function isCandidate(q: string): boolean {
  if (q.length < MIN_QUOTED || q.length > MAX_QUOTED) return false;
  if (SENTENCE_INSIDE.test(q) || BOOK_TITLE.test(q)) return false;
  if (LATIN_NAME.test(q) && !/\d\s?[+＋]/.test(q)) return false;
  return q.trim() === q;
}

/** The value of a Chinese numeral (一 … 十, 十一 … 九十九) or of digits; capped at 10. */
function numeralValue(s: string): number {
  if (/^\d+$/.test(s)) return Math.min(Number(s), 10);
  return s.length === 1 ? parseCnNumber(s) || 0 : 10;
}

/** Measure words between a numeral and its noun: 四个意识 → 意识, 三项机制 → 机制. */
const MEASURE = /^[个项条种类件大张位次]/;

/**
 * The parts of a number formula: 三抓一创 → [3 抓, 1 创], 五问四查三提升 →
 * [5 问, 4 查, 3 提升], 四个意识 → [4 意识]. A part without a word of its own gives none.
 */
function formulaParts(text: string): { n: number; word: string }[] {
  const parts: { n: number; word: string }[] = [];
  for (const m of text.matchAll(/([一二三四五六七八九十两]+|\d+)([^一二三四五六七八九十两\d]*)/g)) {
    const word = m[2]!.replace(MEASURE, '').replace(/[^\p{Script=Han}]/gu, '');
    if (word) parts.push({ n: numeralValue(m[1]!), word });
  }
  return parts;
}

/** What may stand before an enumerated item: a stop, a list mark or an ordinal. */
const ITEM_BEFORE =
  /(?:^|[、，,；;：:。！？!?“”"（）()\s])(?:[一二三四五六七八九十]+[是要、，]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+[，、]?|其[一二三四五六七八九十][，、]?|\d+[.．、])?$/;
/** What may stand after an enumerated item's noun. */
const ITEM_AFTER = /^(?:$|[、，,；;：:。！？!?“”"（）()\s])/;

/** How many times `word` opens or closes an item of a list in `text`. */
function itemCount(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
    const before = text.slice(Math.max(0, i - 6), i);
    const after = text.slice(i + word.length, i + word.length + 1);
    if (ITEM_BEFORE.test(before) || ITEM_AFTER.test(after)) n++;
  }
  return n;
}

/**
 * True when the text after `at` enumerates the number formula `text`: each of
 * its counted words opens or closes as many items as it counts (三抓 → 抓…、抓…、抓…).
 */
function enumerated(
  text: string,
  blocks: Block[],
  order: { body: number[]; at: Map<number, number> },
  at: NodeSource,
): boolean {
  const parts = formulaParts(text);
  if (!parts.some((p) => p.n >= 2)) return false;
  let window = blocks[at.block]!.text.slice(at.end);
  const { body } = order;
  for (let k = (order.at.get(at.block) ?? body.length) + 1; k < body.length; k++) {
    if (window.length >= ENUM_WINDOW) break;
    window += '\n' + blocks[body[k]!]!.text;
  }
  window = window.slice(0, ENUM_WINDOW);
  return parts.every((p) => itemCount(window, p.word) >= p.n);
}

/** Finds the formulations of the body blocks (indices in `body`). */
export function* findFormulations(
  blocks: Block[],
  body: number[],
  title: string | null,
): Steps<Formulation[]> {
  const tick = stepCounter();
  // 1. Candidates: quoted phrases of the body and the headline, digit formulas.
  const candidates = new Set<string>();
  const quotedIn = (t: string, into = candidates) => {
    for (const m of t.matchAll(QUOTED)) if (isCandidate(m[1]!)) into.add(m[1]!);
  };
  // The headline's own formulas: quoted there (“质升量稳”), or long or counted enough to
  // be one unquoted; a plain word of the headline (突破, 思维) is not.
  const inTitle = new Set<string>();
  if (title) quotedIn(title, inTitle);
  for (const q of inTitle) candidates.add(q);
  // A formula may also be counted where it stands unquoted (深化三抓一创) when it is long,
  // counted or the headline's own; a short plain word only where quoted.
  const countsUnquoted = (text: string) =>
    text.length >= MIN_UNQUOTED ||
    COUNT.test(text) ||
    (inTitle.has(text) && text.length >= MIN_UNQUOTED_HEADLINE);
  const headline = (text: string) =>
    inTitle.has(text) || (countsUnquoted(text) && (title?.includes(text) ?? false));
  for (const b of body) {
    if (tick()) yield;
    const t = blocks[b]!.text;
    quotedIn(t);
    for (const m of t.matchAll(PLUS_FORMULA)) candidates.add(m[0]);
  }
  if (!candidates.size) return [];

  // 2. Every occurrence, leftmost-longest: 干在实处、走在前列 is not also 走在前列.
  // The lengths of the candidates that open with each character (by code), longest first:
  // one table lookup per character of the body, linear however many candidates there are.
  const lengthsAt = new Map<number, number[]>();
  for (const c of candidates) {
    const code = c.charCodeAt(0);
    const list = lengthsAt.get(code) ?? [];
    if (!list.includes(c.length)) list.push(c.length);
    lengthsAt.set(code, list);
  }
  for (const list of lengthsAt.values()) list.sort((a, b) => b - a);
  // One bit per UTF-16 code: does a candidate open with it? (most characters open none)
  const opens = new Uint8Array(0x10000 >> 3);
  for (const code of lengthsAt.keys()) opens[code >> 3]! |= 1 << (code & 7);
  const found = new Map<string, NodeSource[]>();
  for (const b of body) {
    if (tick()) yield;
    const t = blocks[b]!.text;
    for (let i = 0; i < t.length;) {
      const code = t.charCodeAt(i);
      if (!(opens[code >> 3]! & (1 << (code & 7)))) {
        i++;
        continue;
      }
      const lengths = lengthsAt.get(code);
      let hit = '';
      if (lengths)
        for (const len of lengths) {
          if (i + len > t.length) continue;
          const s = t.slice(i, i + len);
          if (!candidates.has(s)) continue;
          const quoted = OPEN_QUOTE.test(t[i - 1] ?? '') && CLOSE_QUOTE.test(t[i + len] ?? '');
          if (quoted || countsUnquoted(s)) {
            hit = s;
            break;
          }
        }
      if (!hit) {
        i++;
        continue;
      }
      const list = found.get(hit) ?? [];
      list.push({ block: b, start: i, end: i + hit.length });
      found.set(hit, list);
      i += hit.length;
    }
  }

  // 3. The essay's own: repeated, headline and body, or enumerated.
  const order = { body, at: new Map(body.map((b, k) => [b, k])) };
  const result: Formulation[] = [];
  for (const [text, occurrences] of found) {
    const own =
      occurrences.length >= 2 ||
      headline(text) ||
      (COUNT.test(text) && enumerated(text, blocks, order, occurrences[0]!));
    if (own) result.push({ text, occurrences });
  }
  const first = (f: Formulation) => f.occurrences[0]!;
  return result
    .sort(
      (a, b) =>
        b.occurrences.length - a.occurrences.length ||
        first(a).block - first(b).block ||
        first(a).start - first(b).start,
    )
    .slice(0, MAX_FORMULATIONS);
}
