/**
 * The recogniser: from an essay's blocks to its outline. Each step is its own
 * module; this file only orders them.
 */
import type { Block, BlockDoc, Outline } from '../types.ts';
import { bare, onlyPunctuationAfter } from './point-text.ts';
import {
  blockCandidate,
  boldRunAt,
  isBodyParagraph,
  isSectionFrame,
  reportSentences,
  SECTION_FRAME,
  type Candidate,
} from './candidates.ts';
import { buildTree } from './build-tree.ts';
import { buildDigest } from './digest.ts';
import { findFormulations } from './formulations.ts';
import { inlinePoints, plainPoint, type InlinePoint } from './inline.ts';
import { assignKeys } from './keys.ts';
import { capOutline } from './cap.ts';
import { interviewerTurns } from './dialogue.ts';
import { findMeta } from './meta.ts';
import { parallelLeads } from './parallel.ts';
import { sentenceHeadings, shortLeads } from './short-leads.ts';
import {
  clauseSeries,
  repeatedOpenings,
  roleLeads,
  subLeads,
  yaoSentences,
} from './clause-series.ts';
import { withSettings, type Settings } from './settings.ts';
import { keepSeries } from './series.ts';
import { frameLeads, framePoints } from './topic-frames.ts';
import { enforceOutlineSteps } from './validate.ts';
import { runSteps, stepCounter, type Steps } from '../steps.ts';

/** Openings that mark the closing paragraph. */
const CONCLUSION = /^(综上所述|总而言之|总之|综上|结语|结束语)(?:[，,：:\s]|$)/;

/**
 * A recogniser of point groups among the paragraphs no block recogniser took:
 * `free` in reading order, `barrier(i, j)` true when a point stands between.
 */
export interface GroupRecogniser {
  name: string;
  find(
    blocks: BlockDoc['blocks'],
    free: number[],
    barrier: (from: number, to: number) => boolean,
    settings: Settings,
  ): Steps<Candidate[]>;
}

/** Group recognisers, in order: a paragraph one of them takes is not offered to the next. */
export const GROUP_RECOGNISERS: readonly GroupRecogniser[] = [
  { name: 'topic-frame', find: frameLeads },
  { name: 'sentence-heading', find: sentenceHeadings },
  { name: 'short-lead', find: shortLeads },
  { name: 'parallel', find: parallelLeads },
];

/**
 * A recogniser of unmarked points inside one paragraph, from offset `from`
 * (after the paragraph's lead); the first that finds any wins. Marked inline
 * points (一是…二是…) come first, from the block pass.
 */
export interface InlineRecogniser {
  name: string;
  /** Cheap test on the block: is it worth asking? */
  applies(block: Block): boolean;
  /** Where its points start, given the lead's end (-1 for no lead). */
  offset(leadEnd: number): number;
  find(block: Block, from: number, settings: Settings): InlinePoint[];
}

export const INLINE_RECOGNISERS: readonly InlineRecogniser[] = [
  {
    name: 'bold-runs',
    applies: (b) => b.bold.length >= 2,
    offset: (end) => end + 1,
    find: boldRunPoints,
  },
  {
    name: 'clause-series',
    applies: (b) => b.text.includes('；') || b.text.includes(';'),
    offset: (end) => Math.max(end, 0),
    find: (b, from, s) => clauseSeries(b.text, from, s),
  },
  {
    name: 'yao-sentences',
    applies: (b) => b.text.includes('要'),
    offset: (end) => end + 1,
    find: (b, from, s) => yaoSentences(b.text, from, s),
  },
  {
    name: 'topic-frames',
    applies: (b) => /方面|层面|维度|领域|看|而言/.test(b.text),
    offset: (end) => end + 1,
    find: (b, from, s) => framePoints(b.text, from, s),
  },
  {
    name: 'role-leads',
    applies: (b) => b.text.includes('是'),
    offset: (end) => end + 1,
    find: (b, from) => roleLeads(b.text, from),
  },
  {
    name: 'repeated-openings',
    applies: () => true,
    offset: (end) => end + 1,
    find: (b, from) => repeatedOpenings(b.text, from),
  },
  {
    name: 'sub-leads',
    applies: () => true,
    offset: (end) => end + 1,
    find: (b, from, s) => subLeads(b.text, from, s),
  },
];

/**
 * A preview list (下面我讲三方面内容，一是…；二是…；三是…) only repeats the
 * headings that follow: every point's words stand again, whole, as a later
 * heading or lead. It gives no nodes; a list that the later points expand
 * (坚持和巩固 → 毫不动摇坚持和巩固…制度) does.
 */
function isPreview(
  text: string,
  points: InlinePoint[],
  block: number,
  lastAt: Map<string, number>,
): boolean {
  if (points.length < 2) return false;
  return points.every((p) => (lastAt.get(bare(text.slice(p.textStart, p.textEnd))) ?? -1) > block);
}

/** Where each candidate's words (bare) last stand: a lookup for {@link isPreview}. */
function* lastCandidateAt(
  cands: Candidate[],
  blocks: BlockDoc['blocks'],
): Steps<Map<string, number>> {
  const tick = stepCounter();
  const at = new Map<string, number>();
  for (const c of cands) {
    if (tick()) yield;
    at.set(bare(blocks[c.block]!.text.slice(c.textStart, c.textEnd)), c.block);
  }
  return at;
}

/** Shortest and longest bold run that is an inline point's lead, and how many a paragraph needs. */
const INLINE_BOLD_MIN = 4;
const INLINE_BOLD_MAX = 30;
const MIN_BOLD_POINTS = 2;

/**
 * Bold runs that open clauses inside one paragraph (…；**盯紧任务表抓好落实**，…；
 * **拧紧安全阀守住底线**，…): the page set off each point's lead. A bold word in
 * the middle of a clause is emphasis, not a point.
 */
function boldRunPoints(block: Block, from: number): InlinePoint[] {
  const t = block.text;
  const out: InlinePoint[] = [];
  let afterComma = 0;
  for (const [a, b] of block.bold) {
    if (a < Math.max(from, 1) || b - a < INLINE_BOLD_MIN || b - a > INLINE_BOLD_MAX) continue;
    const before = t[a - 1] ?? '';
    const comma = before === '，' || before === ',';
    if (!comma && !/[。；;！？!?：:]/.test(before)) continue;
    if (onlyPunctuationAfter(t, b)) continue;
    if (comma) afterComma++;
    out.push(plainPoint('bold-run', a, b));
  }
  // After a comma a bold run may be emphasis: then it takes a third sibling to make a series.
  return out.length >= MIN_BOLD_POINTS + (afterComma ? 1 : 0) ? out : [];
}

/**
 * An inline point whose opening words are bold (…；**把好方向盘厘清工作思路**，明确主次…)
 * is those words: the page set them off as the point's lead.
 */
function boldLeads(block: Block, points: InlinePoint[]): InlinePoint[] {
  if (!block.bold.length) return points;
  for (const p of points) {
    const run = boldRunAt(block, p.textStart);
    if (run && run[1] - p.textStart >= 2 && run[1] < p.textEnd) p.textEnd = run[1];
    p.children = boldLeads(block, p.children);
  }
  return points;
}

/** A numbered article of a law: 第一条, 第二十三条. */
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]{1,5}条/;
/** A law's parts: 第一编, 第二章, 第三节. */
const STATUTE_PART = /^第[一二三四五六七八九十百零〇\d]{1,4}[编章节]/;
/** Articles a text needs to read as a law. */
const MIN_ARTICLES = 3;

/** True when the body is a law's or regulation's numbered articles. */
function isStatute(blocks: readonly Block[], body: number[]): boolean {
  let n = 0;
  for (const i of body) if (ARTICLE.test(blocks[i]!.text) && ++n >= MIN_ARTICLES) return true;
  return false;
}

/** A standalone line of two phrases of four or more characters each, joined by a comma. */
const LONE_HEADING = /^[\u4e00-\u9fff“”]{4,}[，,][\u4e00-\u9fff“”]{4,}$/;

/**
 * A heading printed on two lines (流程再造 / 让群众办事少跑腿) is one heading: two
 * plain headings in adjacent blocks, with no third line before or after.
 */
function joinTwoLineHeadings(raw: Candidate[], blocks: readonly Block[]): Candidate[] {
  const plain = (c: Candidate | undefined) => c?.family === 'plain-heading';
  const out: Candidate[] = [];
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    const next = raw[k + 1];
    const prev = out[out.length - 1];
    if (
      plain(c) &&
      plain(next) &&
      next!.block === c.block + 1 &&
      !(plain(prev) && prev!.block === c.block - 1) &&
      !(plain(raw[k + 2]) && raw[k + 2]!.block === next!.block + 1) &&
      isBodyParagraph(blocks[c.block - 1]) &&
      isBodyParagraph(blocks[next!.block + 1])
    ) {
      out.push({ ...c, joined: next!.block });
      k++;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Recognises the outline of an essay from its blocks. Never throws on odd input. */
export function recognize(doc: BlockDoc, overrides: Partial<Settings> = {}): Outline {
  return runSteps(recognizeSteps(doc, overrides));
}

/**
 * {@link recognize} in steps (lib/steps.ts): it yields between its stages and
 * every few hundred blocks inside the passes over all blocks.
 */
export function* recognizeSteps(doc: BlockDoc, overrides: Partial<Settings> = {}): Steps<Outline> {
  const tick = stepCounter();
  const settings = withSettings(overrides);
  const on = (name: string) => !settings.off.includes(name);
  const { blocks } = doc;
  const meta = yield* findMeta(doc);
  yield;
  const body: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (!meta.skip.has(i)) body.push(i);

  // 1. What opens each block. A block that opens with 一是 and holds its 二是
  //    is one paragraph of inline points, not a lead.
  const markerPoints = new Map<number, InlinePoint[]>();
  const turns = new Map(
    (on('interviewer') ? interviewerTurns(blocks, body) : []).map((c) => [c.block, c]),
  );
  yield;
  const raw: Candidate[] = [];
  for (const i of body) {
    if (tick()) yield;
    const b = blocks[i]!;
    const points = on('inline-markers') ? inlinePoints(b.text, 0) : [];
    if (points.length) markerPoints.set(i, points);
    const cand = turns.get(i) ?? blockCandidate(blocks, i, doc.format, settings);
    if (!cand) continue;
    if (cand.ordinal > 0 && points.some((p) => p.start <= 1 && `m:${p.family}` === cand.family))
      continue;
    raw.push(cand);
  }

  // 2. Only series with siblings are structure; then set-off and parallel openings among the rest.
  yield;
  const frames = raw.filter((c) => c.strength === 2 && isSectionFrame(blocks[c.block]!));
  const framed = new Set(frames);
  let cands = yield* keepSeries(
    joinTwoLineHeadings(
      raw.filter((c) => !framed.has(c)),
      blocks,
    ),
  );
  const hasHeadings = cands.some((c) => c.strength === 2);
  const kept = new Set(cands);
  // 引言 / 结语 among numbered sections belong to their layer, whatever their own form.
  if (hasHeadings) for (const c of frames) cands.push({ ...c, family: SECTION_FRAME });
  for (const c of raw) {
    if (kept.has(c) || framed.has(c) || c.strength !== 2) continue;
    // A lone subheading of two parallel phrases (搭建实践平台，让科研成果走进田间地头) in a
    // slice whose other sections lie outside it.
    if (!hasHeadings && c.family === 'plain-heading' && LONE_HEADING.test(blocks[c.block]!.text))
      cands.push(c);
  }
  cands.sort((a, b) => a.block - b.block);
  yield;
  // Reporting statements (他强调, 某某在讲话中指出) are the structure of a report that has no
  // other: where the essay has headings, they are what its paragraphs say, not its points.
  if (cands.some((c) => c.strength === 2)) cands = cands.filter((c) => c.family !== 'report');
  const taken = new Set(cands.map((c) => c.block));
  const sortedTaken = [...taken].sort((a, b) => a - b);
  // Is there a candidate strictly between blocks `from` and `to`? (binary search: called for many pairs)
  const barrier = (from: number, to: number) => {
    let lo = 0;
    let hi = sortedTaken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedTaken[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    return lo < sortedTaken.length && sortedTaken[lo]! < to;
  };
  let free = body.filter((i) => !taken.has(i));
  yield;
  for (const r of GROUP_RECOGNISERS) {
    if (!on(r.name)) continue;
    const found = yield* r.find(blocks, free, barrier, settings);
    if (!found.length) continue;
    const got = new Set(found.map((c) => c.block));
    free = free.filter((i) => !got.has(i));
    cands = cands.concat(found);
  }
  cands.sort((a, b) => a.block - b.block);

  // A law or regulation (第一条…第二条…) is no essay: its outline is its chapters and sections.
  const statute = isStatute(blocks, body);
  if (statute) cands = cands.filter((c) => STATUTE_PART.test(blocks[c.block]!.text));

  // 3. Inline points of each block, after its lead's words.
  const byBlock = new Map(cands.map((c) => [c.block, c]));
  const inline = new Map<number, InlinePoint[]>();
  const lastAt = yield* lastCandidateAt(cands, blocks);
  yield;
  for (const i of statute ? [] : body) {
    if (tick()) yield;
    const text = blocks[i]!.text;
    const cand = byBlock.get(i);
    let points = (markerPoints.get(i) ?? []).filter((p) => !cand || p.start >= cand.textStart);
    for (const r of INLINE_RECOGNISERS) {
      if (points.length) break;
      if (on(r.name) && r.applies(blocks[i]!))
        points = r.find(blocks[i]!, r.offset(cand ? cand.textEnd : -1), settings);
    }
    if (points.length && !isPreview(text, points, i, lastAt))
      inline.set(i, boldLeads(blocks[i]!, points));
  }

  // Reporting statements inside paragraphs (…在新疆调研。他强调，要…) are the points of a
  // report with no headings, where two or more stand (with those that open paragraphs).
  if (on('inline-reports') && !cands.some((c) => c.strength === 2)) {
    const found = new Map<number, InlinePoint[]>();
    let n = cands.filter((c) => c.family === 'report').length;
    for (const i of body) {
      if (tick()) yield;
      if (inline.has(i)) continue;
      const cand = byBlock.get(i);
      const pts = reportSentences(blocks[i]!.text, cand ? cand.textEnd : 0);
      if (pts.length) {
        found.set(i, pts);
        n += pts.length;
      }
    }
    if (n >= 2) for (const [i, pts] of found) inline.set(i, pts);
  }

  // 4. Conclusion: a marked closing paragraph in the last part of the body.
  let conclusion: string | null = null;
  let conclusionAt = -1;
  const zone = on('conclusion')
    ? body.length - Math.ceil(body.length * settings.conclusionZone)
    : body.length;
  for (let k = body.length - 1; k >= Math.max(0, zone); k--) {
    const m = CONCLUSION.exec(blocks[body[k]!]!.text);
    if (m) {
      conclusion = m[1]!;
      conclusionAt = body[k]!;
      break;
    }
  }

  // 5. The tree (valid by construction, capped), keys, formulations and digest.
  yield;
  const tree = yield* buildTree(blocks, cands, inline);
  yield;
  const { nodes, more } = capOutline(yield* enforceOutlineSteps(tree));
  assignKeys(nodes);
  yield;
  const firstNode = cands[0]?.block ?? Infinity;
  const intro = body.find((i) => i < firstNode && blocks[i]!.text.length > 40) ?? -1;
  const formulations = yield* findFormulations(blocks, body, meta.title);
  yield;
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    author: meta.author,
    affiliation: meta.affiliation,
    conclusion,
    formulations,
    digest: buildDigest(blocks, nodes, meta.title, intro, conclusionAt),
    nodes,
    ...(more ? { more } : {}),
  };
}
