/**
 * Parallel-structure openings (排比): sibling paragraphs that open with the
 * same words — 大力弘扬…/大力倡导…/大力营造…, 用好“严细深实快”这把“金钥匙”，… —
 * are points even with no marker or bold.
 */
import type { Block } from '../types.ts';
import type { Candidate } from './candidates.ts';
import { sentenceEnd } from './point-text.ts';
import { isPersonName } from './names.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { stepCounter, type Steps } from '../steps.ts';

/** A shared opening that ends in a reporting verb. */
const REPORTED = /(?:表示|介绍|说|指出|提醒|认为|透露)$/;
/** A verb of citing, a colon and a quotation mark: what follows is someone else's words. */
const CITATION = /(?:提出|要求|指出|强调|表示|认为|明确|规定|写道|说)[：:]\s*[“"「]/;

/**
 * Openings shared by unrelated prose: pronouns, connectives and time words.
 * Paragraphs that share only these are not parallel points.
 */
const COMMON =
  /^(?:我们|我国|我市|我县|我省|我区|他们|这是|这些|这个|这种|这一|同时|因此|所以|但是|然而|而且|另外|此外|目前|当前|近年|今年|去年|明年|如今|现在|对于|作为|通过|随着|为了|如果|只有|总之|其中|一个|一些|有的|在这|从而|并且|要把|要在|是否|可以|必须|应该|坚持|加强)/;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Finds parallel-opening leads among `free` (indices of body paragraphs with
 * no other candidate, in reading order). Paragraphs group only when no
 * candidate stands between them (`barrier(i, j)` says whether one does).
 */
export function* parallelLeads(
  blocks: Block[],
  free: number[],
  barrier: (from: number, to: number) => boolean,
  settings: Settings = DEFAULT_SETTINGS,
): Steps<Candidate[]> {
  const tick = stepCounter();
  const {
    parallelMinMembers: MIN_MEMBERS,
    parallelLongPrefix: LONG_PREFIX,
    parallelMinParagraph: MIN_PARAGRAPH,
    parallelMaxShortFrameLead: MAX_SHORT_FRAME_LEAD,
    parallelMaxGap: MAX_GAP,
    parallelMaxLead: MAX_LEAD,
  } = settings;
  const out: Candidate[] = [];
  const used = new Set<number>();
  for (let x = 0; x < free.length; x++) {
    if (tick()) yield;
    const i = free[x]!;
    if (used.has(i)) continue;
    const a = blocks[i]!.text;
    if (a.length < MIN_PARAGRAPH || !/^[\u4e00-\u9fff“]/.test(a)) continue;
    const group = [i];
    let prefix = Infinity;
    let gap = 0;
    for (let y = x + 1; y < free.length && gap <= MAX_GAP; y++) {
      const j = free[y]!;
      if (barrier(group[group.length - 1]!, j)) break;
      const b = blocks[j]!.text;
      const p = b.length < MIN_PARAGRAPH ? 0 : commonPrefix(a, b);
      if (p < 2) {
        gap++;
        continue;
      }
      gap = 0;
      group.push(j);
      prefix = Math.min(prefix, p);
    }
    if (group.length < 2) continue;
    // Each paragraph starts at most one group: a group is judged once, whatever the verdict
    // (rejudging its members as starts would make long runs of alike paragraphs quadratic).
    for (const k of group) used.add(k);
    const shared = a.slice(0, prefix);
    if (COMMON.test(shared) && prefix < LONG_PREFIX) continue;
    // 第十二条…/第十三条…: numbered articles of a law share their numbering, not a point.
    if (/^第[一二三四五六七八九十百零〇\d]/.test(shared)) continue;
    // A speaker's name opening reported speech (张晓军介绍/张晓军提醒) is narration, not parallelism.
    if (REPORTED.test(shared) || (isPersonName(shared.slice(0, 3)) && prefix <= 4)) continue;
    if (group.length < MIN_MEMBERS && prefix < LONG_PREFIX) continue;
    const leads = group.map((k) => ({ k, end: sentenceEnd(blocks[k]!.text, 0) }));
    // A citation formula repeated (《方案》提出：“…” / 《方案》要求：“…”) opens quotations, not points.
    if (leads.some(({ k, end }) => CITATION.test(blocks[k]!.text.slice(0, end + 1)))) continue;
    if (leads.some((l) => l.end > MAX_LEAD)) continue;
    // A short shared opening (大力弘扬/大力倡导) marks points only when the sentences it opens
    // are short claims; long narrative sentences sharing their subject (河南…/河南…) are not.
    if (prefix < LONG_PREFIX && leads.some((l) => l.end > MAX_SHORT_FRAME_LEAD)) continue;
    // The same sentence printed twice (a lead repeated by the page) is no parallelism.
    const firsts = new Set(leads.map(({ k, end }) => blocks[k]!.text.slice(0, end)));
    if (firsts.size < leads.length) continue;
    for (const { k, end } of leads) {
      used.add(k);
      out.push({
        block: k,
        family: `parallel:${shared}`,
        ordinal: 0,
        marker: null,
        textStart: 0,
        textEnd: end,
        kind: 'lead',
        strength: 1,
      });
    }
  }
  return out.sort((p, q) => p.block - q.block);
}
