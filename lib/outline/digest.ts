/**
 * A short extractive digest: what the outline does not already show.
 * - The thesis: the introduction's sentence that states the essay's claim (必须,
 *   要, 关键在于, 就是, 只有…才…; or the one that shares most with the headline),
 *   never a dateline or a scene-setting sentence (9日，海关总署发布…).
 * - One line per top-level point: its claim, the first sentence after its heading
 *   or lead words (the first sentence of the next paragraph when the heading stands
 *   alone); a point with no such sentence gives no line: the heading is never repeated.
 * - The conclusion: the first sentence of a marked closing paragraph (综上所述, 总之),
 *   else the first claim-like sentence of the last paragraph.
 * Deterministic (same input, same digest) and linear in the text. Lines are whole
 * sentences of the essay, at most MAX_SENTENCE characters (cut at a clause, with …).
 */
import type { Block, OutlineNode } from '../types.ts';
import { isEndMatter, isFurniture } from './furniture.ts';
import { bare } from './point-text.ts';

/** The longest sentence kept in a digest, in characters. */
/** Top-level points that get a line of their own in the digest. */
const MAX_POINT_CLAIMS = 40;

const MAX_SENTENCE = 120;
/** Shorter sentences say too little to stand for a point or the essay. */
const MIN_SENTENCE = 8;
/** The least thesis score: a claim word, or a quarter of the headline's words. */
const MIN_THESIS = 0.5;
/** Without points, how many paragraphs from the first long one are read as the introduction. */
const INTRO_BLOCKS = 5;
/** How many blocks from the end are searched for the last paragraph. */
const TAIL_BLOCKS = 8;

const STOP = /[。！？!?]/;
const CLOSERS = /[”’"」』）)]/;
const CLOSERS_END = /[”’"」』）)]+$/;

/**
 * The sentences of `text` from `from`, closing punctuation and quotes kept: a stop
 * inside a closed quotation (“……。”) does not end the sentence that quotes it.
 */
function sentences(text: string, from = 0): string[] {
  const out: string[] = [];
  const lastClose = text.lastIndexOf('”');
  let depth = 0;
  let start = from;
  const push = (end: number) => {
    const t = text.slice(start, end).trim();
    if (t) out.push(t);
    start = end;
  };
  let opened = -1;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' && i < lastClose) {
      if (depth++ === 0) opened = i;
    } else if (ch === '”' && depth > 0) {
      depth--;
      // A quotation that closes a sentence (强调：“……。”) ends it; one that opens it
      // (“……。”某某说) runs on to its speaker.
      const opens = !text.slice(start, opened).trim();
      if (depth === 0 && !opens && STOP.test(text[i - 1] ?? '')) {
        let j = i + 1;
        while (j < text.length && CLOSERS.test(text[j]!)) j++;
        push(j);
        i = j - 1;
      }
    } else if (depth === 0 && STOP.test(ch)) {
      let j = i + 1;
      while (j < text.length && (STOP.test(text[j]!) || CLOSERS.test(text[j]!))) j++;
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

/** `s` cut to MAX_SENTENCE characters at the last clause boundary before it, with …. */
function bounded(s: string): string {
  if (s.length <= MAX_SENTENCE) return s;
  const head = s.slice(0, MAX_SENTENCE - 1);
  const cut = Math.max(...[...'，；：、,;:'].map((p) => head.lastIndexOf(p)));
  return (cut >= MAX_SENTENCE / 3 ? head.slice(0, cut) : head) + '…';
}

/** Leading labels that are not the sentence: 【编前语】, 〔摘要〕. */
const LABEL = /^(?:[【〔［[][^】〕］\]]{1,8}[】〕］\]]\s*)+/;

/** A dateline: 新华社北京5月9日电, 本报讯, …电题：. */
const DATELINE =
  /^(?:新华社|中新社|人民网|央视网|本报|本刊)?[^，。]{0,12}?\d{1,2}月\d{1,2}日电|电题[：:]|^本报讯|^[（(][^）)]*记者[^）)]*[）)]/;
/** Scene-setting, reporting and example openings: a date, 近日, 日前, 记者看到, 比如. */
const SCENE =
  /^(?:\d{4}年|\d{1,2}月|\d{1,2}日|[今昨前]天|近日|日前|近期|前不久|[春夏秋冬]日|清晨|[上下]午|夜幕|走进|记者|比如|例如|譬如)/;
/** Words of a claim: what must be, what is key, what it is. */
const STRONG_CLAIM =
  /必须|务必|只有[^。！？]{1,40}?才|唯有|关键在于|关键是|根本在于|重在|在于|就是|应当|应该|我们要|要坚持|要把|要以|要在/;
const CLAIM =
  /(?<![重主纲摘提概需])要(?![求点素闻])|需要|关键|根本|核心|首要|必然|离不开|(?:重要|重大|深远)意义|是[^，。]{2,30}的(?:重要|根本|关键|必然|必由|重大|核心)|[，,”」』]是/;
/** A sentence that only reports another's words: 习近平总书记强调：“……”, “……”某某说. */
const CITATION =
  /^[^“”]{0,24}(?:强调|指出|说|表示|提出|要求|认为|曰|云)[：:，,]?\s*“|^“[^”]{8,}”[^，。“]{0,20}(?:强调|指出|说|表示|介绍|认为)/;
/** A question or a request: 请您讲讲当时的情况。 */
const ASKING = /[？?]|^请/;

/** How strongly a sentence states a claim: 0, 1 or 2. */
function claimScore(s: string): number {
  return STRONG_CLAIM.test(s) ? 2 : CLAIM.test(s) ? 1 : 0;
}

/** Two-character words of the headline, its parenthesised tag removed. */
function titleBigrams(title: string | null): Set<string> {
  const t = bare((title ?? '').replace(/[（(][^）)]*[）)]\s*$/, ''));
  const set = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) set.add(t.slice(i, i + 2));
  return set;
}

/** Share of the headline's two-character words that `s` holds. */
function titleShare(s: string, words: Set<string>): number {
  if (!words.size) return 0;
  let n = 0;
  for (const w of words) if (s.includes(w)) n++;
  return n / words.size;
}

/** True when a piece of text ends a sentence (。 ！ ？, closing quotes after them). */
function endsSentence(s: string): boolean {
  return STOP.test(s.replace(CLOSERS_END, '').slice(-1));
}

/** A paragraph of prose: a line without a stop is a title or an unrecognised heading. */
function prose(block: Block): boolean {
  return block.kind !== 'heading' && STOP.test(block.text);
}

/** A sentence's text without its leading label, or null when it cannot be a claim. */
function claimText(s: string): string | null {
  const t = s
    .replace(LABEL, '')
    .replace(/^[，,；;：:、\s]+/, '')
    .replace(/^[答问][：:]\s*/, '')
    .trim();
  if (t.length < MIN_SENTENCE || DATELINE.test(t)) return null;
  return t;
}

/** How well a sentence of the introduction states the essay's thesis. */
function thesisScore(s: string, words: Set<string>): number {
  let score = claimScore(s) + 2 * titleShare(s, words);
  if (SCENE.test(s)) score -= 1.5;
  if (CITATION.test(s)) score -= 1;
  if (ASKING.test(s)) score -= 1;
  // Figures are news, not claims: 同比增长5.7%.
  if ((s.match(/\d+(?:\.\d+)?%?/g)?.length ?? 0) >= 3) score -= 1;
  return score;
}

/** Page furniture, end matter, an author note or an editor's line: not the essay's words. */
function isApparatus(text: string): boolean {
  return (
    isFurniture(text) ||
    isEndMatter(text) ||
    /^[（(【[]/.test(text) ||
    /^(?:责任编辑|编辑|来源|作者|原标题|原题|本文来自|审核|校对)[：:\s]/.test(text)
  );
}

/** Blocks that hold an outline node, at any level. */
function nodeBlocks(nodes: OutlineNode[], into = new Map<number, OutlineNode[]>()) {
  for (const n of nodes) {
    const list = into.get(n.source.block) ?? [];
    list.push(n);
    into.set(n.source.block, list);
    nodeBlocks(n.children, into);
  }
  return into;
}

/** True when a sentence can stand as a point's claim: not a scene, a citation or a question. */
function pointSentence(s: string, node: OutlineNode): string | null {
  const t = claimText(s);
  if (!t || SCENE.test(t) || CITATION.test(t) || ASKING.test(t) || repeatsHeading(t, node))
    return null;
  // An inline point's clause ends where the next one's marker starts: …；二要.
  return t
    .replace(
      /[；;，,：:、]?\s*(?:[一二三四五六七八九十]+[是要来则]|其[一二三四五六七八九十]|第[一二三四五六七八九十]+|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])?\s*$/,
      '',
    )
    .replace(/[；;，,：:、]+$/, '');
}

/** True when `s` says again what the point's own words say. */
function repeatsHeading(s: string, node: OutlineNode): boolean {
  const a = bare(s);
  const b = bare(node.text);
  return (
    !a ||
    a === b ||
    (b.includes(a) && a.length >= b.length / 2) ||
    (a.includes(b) && b.length >= a.length * 0.8)
  );
}

/**
 * The claim of a top-level point: the first sentence after its words in its own
 * block (stopping where a child point starts), or, when its words fill the block,
 * the first sentence of the paragraph that follows it; null when there is none.
 */
function pointClaim(
  blocks: Block[],
  node: OutlineNode,
  next: number,
  byBlock: Map<number, OutlineNode[]>,
): string | null {
  const { block, end } = node.source;
  const text = blocks[block]!.text;
  // Children in the same block are shown by the outline: the claim ends before them.
  let stop = text.length;
  for (const n of byBlock.get(block) ?? [])
    if (n !== node && n.source.start >= end) stop = Math.min(stop, n.source.start);
  let own = false;
  for (const s of sentences(text.slice(0, stop), end)) {
    if (bare(s).length >= MIN_SENTENCE) own = true;
    const t = pointSentence(s, node);
    if (t && t.length >= MIN_SENTENCE) return t;
  }
  // Words of its own that hold no claim (a question, a scene, inline points): no line.
  if (stop < text.length || (own && !ASKING.test(text.slice(end)))) return null;
  // A heading (or a lead that fills its block): the next paragraph, up to its first point.
  const b = block + 1;
  if (b >= next || b >= blocks.length) return null;
  const para = blocks[b]!;
  if (!prose(para) || isApparatus(para.text)) return null;
  // A fold, not Math.min(...list): a block may hold more nodes than a call has arguments.
  const upTo = (byBlock.get(b) ?? []).reduce(
    (m, n) => Math.min(m, n.source.start),
    para.text.length,
  );
  for (const s of sentences(para.text.slice(0, upTo))) {
    // Only whole sentences before a point: 他说，要抓好3件事，一是 is no claim.
    if (upTo < para.text.length && !endsSentence(s)) break;
    const t = pointSentence(s, node);
    if (t && t.length >= MIN_SENTENCE) return t;
  }
  return null;
}

/**
 * The thesis: the best-scoring sentence of the introduction (from `intro` to the
 * first point, and the words before the first point in its own paragraph); ties go
 * to the later sentence, where an introduction usually lands its claim.
 */
function thesis(
  blocks: Block[],
  nodes: OutlineNode[],
  byBlock: Map<number, OutlineNode[]>,
  title: string | null,
  intro: number,
): string | null {
  const words = titleBigrams(title);
  let best: string | null = null;
  let score = 0;
  const consider = (t: string | null) => {
    if (!t) return;
    const v = thesisScore(t, words);
    if (v >= MIN_THESIS && v >= score) {
      score = v;
      best = t;
    }
  };
  const first = nodes[0]?.source;
  const firstNode = first?.block ?? blocks.length;
  // Without a long paragraph before the first point, the short prose paragraphs just
  // before it are the introduction (a title or a byline is no prose, a dateline no claim).
  let from = intro;
  let last = first ? firstNode : intro + INTRO_BLOCKS;
  if (intro < 0) [from, last] = first ? [Math.max(0, firstNode - INTRO_BLOCKS), firstNode] : [0, 0];
  for (let b = from; b < Math.min(last, blocks.length); b++) {
    const block = blocks[b]!;
    if (!prose(block) || byBlock.has(b) || (b > intro && isApparatus(block.text))) continue;
    for (const s of sentences(block.text)) consider(claimText(s));
  }
  if (first && first.start > 0) {
    // Only whole sentences: the marker of the first point (一方面，) is no sentence.
    for (const s of sentences(blocks[first.block]!.text.slice(0, first.start)))
      if (endsSentence(s)) consider(claimText(s));
  }
  return best;
}

/**
 * Builds the digest from the intro paragraph (`intro`, block index or -1: the first
 * long body paragraph), the tree and the conclusion paragraph (`conclusion`, block
 * index or -1). The introduction runs from `intro` to the first point.
 */
export function buildDigest(
  blocks: Block[],
  nodes: OutlineNode[],
  title: string | null,
  intro: number,
  conclusion: number,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string | null) => {
    if (!s) return;
    const key = bare(s);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(bounded(s));
  };
  const byBlock = nodeBlocks(nodes);

  // 1. The thesis.
  add(thesis(blocks, nodes, byBlock, title, intro));

  // 2. One claim per top-level point, for the first MAX_POINT_CLAIMS of them: a summary of
  //    thousands of points says nothing more (and each claim reads its point's block).
  for (let k = 0; k < Math.min(nodes.length, MAX_POINT_CLAIMS); k++) {
    const next = nodes[k + 1]?.source.block ?? blocks.length;
    add(pointClaim(blocks, nodes[k]!, next, byBlock));
  }

  // 3. The conclusion: the marked closing paragraph's first sentence, else the first
  //    claim of the last paragraph (when it is no point's own paragraph).
  if (conclusion >= 0) {
    add(
      sentences(blocks[conclusion]!.text)
        .map((s) => claimText(s))
        .find(Boolean) ?? null,
    );
  } else {
    const lastNode = nodes.length
      ? [...byBlock.keys()].reduce((m, b) => Math.max(m, b), -1)
      : intro;
    for (let b = blocks.length - 1; b > lastNode && b >= blocks.length - TAIL_BLOCKS; b--) {
      const block = blocks[b]!;
      if (!prose(block) || isApparatus(block.text) || block.text.length < 30) continue;
      for (const s of sentences(block.text)) {
        const t = claimText(s);
        if (t && !seen.has(bare(t)) && claimScore(t) > 0 && !CITATION.test(t) && !SCENE.test(t)) {
          add(t);
          break;
        }
      }
      break;
    }
  }
  return out;
}
