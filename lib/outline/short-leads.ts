/**
 * Set-off leads without bold or marker: sibling paragraphs that each open with
 * a short claim closed by a full stop (建设清廉学校。…/推进民主决策。…,
 * 合作共事，保持一颗平常心。…). In plain text from PDFs this is how bold leads
 * survive; on web pages it is how many reports set off their points.
 */
import type { Block } from '../types.ts';
import { openingCandidate, type Candidate } from './candidates.ts';
import { matchMarkerAt } from './markers.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { stepCounter, type Steps } from '../steps.ts';

/** Shortest set-off lead, in characters (the longest, the body after it and the length ratio are settings). */
const MIN_LEAD = 2;

/** Openings of ordinary sentences, which are prose even when short. */
const PROSE =
  /^(?:同志们|各位|朋友们|女士们|先生们|老师们|同学们|大家|我|你|他|她|它|这|那|其|此|但|而|且|又|也|都|若|所以|因此|因为|同时|然而|当然|总之|另外|此外|目前|现在|今天|今年|去年|近年|如今|如果|首先|其次|最后|例如|比如|对此|为此|于是|据|经|由|并且|并不|就是|就要|就会|还是|还要)/;

/** A lead opening on a quoted word (“清”字打头): the quotation must not be the whole lead. */
const QUOTED_WORD = /^[“"「『][^”"」』]{1,6}[”"」』](?=[\u4e00-\u9fff])/;

/** The set-off lead of `text`: the end of its first sentence, or -1. */
function leadEnd(text: string, s: Settings): number {
  const stop = text.search(/[。！？!?]/);
  if (stop < MIN_LEAD || stop > s.shortLeadMax) return -1;
  if (text.length - stop - 1 < s.shortLeadMinBody) return -1;
  const lead = text.slice(0, stop);
  if (PROSE.test(lead) || /[；;：:]$/.test(lead) || /\d{3,}/.test(lead)) return -1;
  // A paragraph that opens on a marker (一是…二是…) holds inline points, not a set-off lead.
  if (matchMarkerAt(text, 0)) return -1;
  if (/^[“"「『]/.test(lead) && !QUOTED_WORD.test(lead)) return -1;
  // A lead is a phrase or a short claim: at most three commas (锚定自主创新，既打攻坚战，也打持久战，一张蓝图绘到底).
  if (segments(lead).length > MAX_SEGMENTS) return -1;
  return stop;
}

/** A lead has at most this many comma segments. */
const MAX_SEGMENTS = 4;

function segments(lead: string): string[] {
  return lead.split(/[，,]/);
}

interface Member {
  block: number;
  end: number;
  /** The lead's comma segments. */
  segs: string[];
}

/**
 * A family of sibling leads as it grows. Siblings are alike in form: they have
 * as many comma segments; with commas, their first segments (the parallel
 * phrase: 守住安全底线 / 压实主体责任) are of about one length, while rhetorical
 * openings differ in shape (互联网的发展，可谓一日千里 / 网络世界，互联万物). Their
 * lengths are close: the longest at most `ratio` times the shortest, save one
 * much longer sibling in a family of three or more (把预警信息第一时间送到每一位
 * 群众的手机上 after 织牢监测网). Kept as running figures: a family can be long.
 */
class Family {
  members: Member[] = [];
  private segs = 0;
  private firstMin = Infinity;
  private firstMax = 0;
  private min = Infinity;
  /** The two longest leads. */
  private max1 = 0;
  private max2 = 0;
  private readonly leads = new Set<string>();

  constructor(private readonly ratio: number) {}

  /** Would the family stay alike with `m`? A lead said again (a page that prints its essay twice) starts a new family. */
  admits(m: Member, lead: string): boolean {
    if (!this.members.length) return true;
    if (this.leads.has(lead)) return false;
    if (m.segs.length !== this.segs) return false;
    const first = m.segs[0]!.length;
    if (this.segs > 1 && Math.max(this.firstMax, first) - Math.min(this.firstMin, first) > 1)
      return false;
    const min = Math.min(this.min, m.end);
    const [max1, max2] =
      m.end >= this.max1 ? [m.end, this.max1] : [this.max1, Math.max(this.max2, m.end)];
    return (this.members.length + 1 >= 3 ? max2 : max1) <= min * this.ratio;
  }

  add(m: Member, lead: string): void {
    this.leads.add(lead);
    this.segs = m.segs.length;
    const first = m.segs[0]!.length;
    this.firstMin = Math.min(this.firstMin, first);
    this.firstMax = Math.max(this.firstMax, first);
    this.min = Math.min(this.min, m.end);
    if (m.end >= this.max1) [this.max1, this.max2] = [m.end, this.max1];
    else this.max2 = Math.max(this.max2, m.end);
    this.members.push(m);
  }
}

/** Siblings say different things: one lead printed again and again is no series. */
function distinct(blocks: readonly Block[], group: Member[]): boolean {
  return new Set(group.map((g) => blocks[g.block]!.text.slice(0, g.end))).size === group.length;
}

/**
 * `members` (reading order) cut into families of alike siblings (see
 * {@link Family}); a member that is not alike the ones before it, or after
 * which `breaks` says a family ends, starts a new one. Families of two or
 * more distinct leads are kept.
 */
function alikeFamilies(
  blocks: readonly Block[],
  members: Member[],
  ratio: number,
  breaks: (last: Member, next: Member) => boolean = () => false,
): Member[][] {
  const out: Member[][] = [];
  let family = new Family(ratio);
  const close = () => {
    const m = family.members;
    if (m.length >= 2 && distinct(blocks, m)) out.push(m);
    family = new Family(ratio);
  };
  for (const m of members) {
    const lead = blocks[m.block]!.text.slice(0, m.end);
    const last = family.members[family.members.length - 1];
    if ((last && breaks(last, m)) || !family.admits(m, lead)) close();
    family.add(m, lead);
  }
  close();
  return out;
}

/** Non-lead paragraphs (a quotation, a paragraph broken in two) that may stand between two siblings. */
const MAX_GAP = 2;

/**
 * Families of set-off leads among `free` paragraphs (reading order): runs of
 * lead-bearing paragraphs not separated by another candidate (`barrier`) or
 * by more than {@link MAX_GAP} other paragraphs. A run splits where a lead is
 * not alike the ones before it, so an introduction or a closing paragraph that
 * opens with a short sentence of another form neither joins the family nor
 * vetoes it; each part of at least two alike, distinct leads is a family.
 */
export function* shortLeads(
  blocks: readonly Block[],
  free: number[],
  barrier: (from: number, to: number) => boolean,
  settings: Settings = DEFAULT_SETTINGS,
): Steps<Candidate[]> {
  const tick = stepCounter();
  const out: Candidate[] = [];
  const flush = (run: Member[]) => {
    for (const family of alikeFamilies(blocks, run, settings.shortLeadRatio))
      for (const g of family) out.push(openingCandidate(g.block, 'short-lead', g.end));
  };
  let run: Member[] = [];
  let gap = 0;
  for (const i of free) {
    if (tick()) yield;
    const text = blocks[i]!.text;
    const end = leadEnd(text, settings);
    const last = run[run.length - 1];
    if (last && (barrier(last.block, i) || (end < 0 && ++gap > MAX_GAP))) {
      flush(run);
      run = [];
    }
    if (end > 0) {
      run.push({ block: i, end, segs: segments(text.slice(0, end)) });
      gap = 0;
    }
  }
  flush(run);
  return out;
}

/** A one-sentence heading block: its length in characters. */
const MIN_SENTENCE_HEADING = 12;
const MAX_SENTENCE_HEADING = 48;

/**
 * Standalone one-sentence blocks that head the paragraphs after them, closed
 * by a full stop (锚定自主创新，既打攻坚战，也打持久战，一张蓝图绘到底。/
 * 坚持因地制宜，既锻长板，也补短板，解决“卡脖子”难题。): headings when siblings of
 * the same form follow (a lone transition line is none). Each stands before a
 * body paragraph; siblings are alike as set-off leads are.
 */
export function* sentenceHeadings(
  blocks: readonly Block[],
  free: number[],
  barrier: (from: number, to: number) => boolean,
  settings: Settings = DEFAULT_SETTINGS,
): Steps<Candidate[]> {
  const tick = stepCounter();
  const members: Member[] = [];
  for (const i of free) {
    if (tick()) yield;
    const t = blocks[i]!.text;
    const end = t.length - 1;
    const next = blocks[i + 1];
    const one =
      end >= MIN_SENTENCE_HEADING &&
      end <= MAX_SENTENCE_HEADING &&
      t[end] === '。' &&
      !/[。！？!?；;：:]/.test(t.slice(0, end)) &&
      !/^[“"「]/.test(t) &&
      !PROSE.test(t) &&
      !matchMarkerAt(t, 0) &&
      next !== undefined &&
      next.kind !== 'heading' &&
      next.text.length > t.length;
    if (one) members.push({ block: i, end, segs: segments(t.slice(0, end)) });
  }
  yield;
  const families = alikeFamilies(blocks, members, settings.shortLeadRatio, (last, m) =>
    barrier(last.block, m.block),
  );
  return families.flatMap((f) =>
    f.map((g) => openingCandidate(g.block, 'sentence-heading', g.end, 'heading')),
  );
}
