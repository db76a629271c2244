/**
 * Topic frames: sibling sentences that open by naming the aspect they treat —
 * 在原则立场方面，… / 产业形态方面，… / 在价值引领层面，…, 从发展宗旨上看，… /
 * 从主体内容上看，…, 就企业而言，… / 就群众而言，… A frame is a pattern, not
 * shared words: siblings share its kind, and each is a point. They open
 * paragraphs (a group recogniser) or sentences inside one paragraph (an
 * inline recogniser).
 */
import type { Block } from '../types.ts';
import { openingCandidate, type Candidate } from './candidates.ts';
import { plainPoint, type InlinePoint } from './inline.ts';
import { fullStopEnd, sentenceEnd } from './point-text.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';
import { stepCounter, type Steps } from '../steps.ts';

/** The aspect named: two to ten characters, not a pronoun (在这方面, 在此基础上 are prose). */
const ASPECT = '(?![这那此其各某该])[\\u4e00-\\u9fff“”"]{2,10}?';

/** Frame kinds, each a sticky pattern tried at a sentence's start. */
const FRAMES: ReadonlyArray<{ kind: string; re: RegExp }> = [
  // 在X方面， X层面， 在X领域，
  { kind: 'aspect', re: new RegExp(`(?:在|从)?${ASPECT}(?:方面|层面|维度|领域)[，,]`, 'y') },
  // 从X看， 从X上看， 从X来看，
  { kind: 'view', re: new RegExp(`从${ASPECT}(?:上看|来看|看)[，,]`, 'y') },
  // 看动能，看潜能，看应用， — 看 and a short object (看来, 看起来, 看到 are prose).
  { kind: 'look', re: /看(?![来起到得似待上])[\u4e00-\u9fff“”"]{1,6}[，,]/y },
  // 就X而言， 对X而言，
  { kind: 'regard', re: new RegExp(`(?:就|对于?)${ASPECT}而言[，,]`, 'y') },
];

/** The kind of frame that opens `text` at `pos`, or null. */
export function frameAt(text: string, pos = 0): string | null {
  for (const f of FRAMES) {
    f.re.lastIndex = pos;
    if (f.re.test(text)) return f.kind;
  }
  return null;
}

/** A connective before an inline frame: 比如， 又如， 同时， 此外， 再如，. */
const CONNECTIVE = /^(?:比如|例如|又如|再如|同时|此外|另外|其次|再次|最后)[，,]/;

/** Sentences inside one paragraph that open with a frame of one kind: at least this many. */
const MIN_INLINE = 3;
/** Paragraphs in a row that open with a frame of one kind: at least this many. */
const MIN_PARAGRAPHS = 2;
/** Other paragraphs that may stand between two framed ones. */
const MAX_GAP = 1;

/**
 * Paragraph leads: runs of free paragraphs opening with frames of one kind,
 * no candidate between them. The lead is the first sentence.
 */
export function* frameLeads(
  blocks: readonly Block[],
  free: number[],
  barrier: (from: number, to: number) => boolean,
  _settings: Settings = DEFAULT_SETTINGS,
): Steps<Candidate[]> {
  const tick = stepCounter();
  const out: Candidate[] = [];
  let run: number[] = [];
  let kind: string | null = null;
  let gap = 0;
  const flush = () => {
    if (run.length >= MIN_PARAGRAPHS)
      for (const b of run)
        out.push(openingCandidate(b, `frame:${kind}`, sentenceEnd(blocks[b]!.text, 0)));
    run = [];
    kind = null;
    gap = 0;
  };
  for (const i of free) {
    if (tick()) yield;
    const k = frameAt(blocks[i]!.text);
    const last = run[run.length - 1];
    if (last !== undefined && (barrier(last, i) || (k && k !== kind) || (!k && ++gap > MAX_GAP)))
      flush();
    if (k) {
      if (!run.length) kind = k;
      run.push(i);
      gap = 0;
    }
  }
  flush();
  return out;
}

/** Inline points: sentences of one paragraph, from `from` on, opening with frames of one kind. */
export function framePoints(
  text: string,
  from = 0,
  _settings: Settings = DEFAULT_SETTINGS,
): InlinePoint[] {
  const byKind = new Map<string, InlinePoint[]>();
  for (let s = Math.max(0, from); s < text.length;) {
    const e = fullStopEnd(text, s);
    // 比如，在文化功能方面，… / 同时，在…方面，…: a connective may stand before the frame.
    const lead = CONNECTIVE.exec(text.slice(s, s + 6));
    const f = lead ? s + lead[0].length : s;
    const k = frameAt(text, f);
    if (k) {
      const list = byKind.get(k) ?? [];
      list.push(plainPoint(`frame:${k}`, f, sentenceEnd(text, f, e)));
      byKind.set(k, list);
    }
    s = e + 1;
  }
  const best = [...byKind.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return best.length >= MIN_INLINE ? best : [];
}
