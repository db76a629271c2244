/**
 * Interviews: paragraphs opened by a speaker label (采访组：…, 记者：…, 问：…).
 * The interviewer's turns are level-1 leads and the answers' points nest
 * under them; the interviewee's turns are not nodes.
 */
import type { Block } from '../types.ts';
import type { Candidate } from './candidates.ts';
import { sentenceEnd } from './point-text.ts';

const LABEL = /^([\u4e00-\u9fff]{1,5})[：:]/;
/** Labels that always ask: an interviewer. */
const ASKING = /^(?:问|记者|本报记者|采访组|采访者|主持人|编者|本刊)$/;
/** Signs that a turn asks something. */
const QUESTION = /[？?]|请您|请你|谈谈|能否|如何看|怎么看|怎样/;
/** A turn is prose: the label's line is not a header such as 采访组：张三李四. */
const PROSE = /[。！？，,?!]/;

/**
 * The interviewer's turns among the `body` blocks, or [] when the text is no
 * interview (fewer than two turns for two different speakers).
 */
export function interviewerTurns(blocks: Block[], body: number[]): Candidate[] {
  const turns = new Map<string, number[]>();
  for (const i of body) {
    const t = blocks[i]!.text;
    const m = LABEL.exec(t);
    if (!m || !PROSE.test(t.slice(m[0].length))) continue;
    const list = turns.get(m[1]!) ?? [];
    list.push(i);
    turns.set(m[1]!, list);
  }
  const speakers = [...turns].filter(([, list]) => list.length >= 2);
  if (speakers.length < 2) return [];
  // The interviewer: a label that asks, else the speaker whose turns ask most often.
  const score = ([label, list]: [string, number[]]) =>
    (ASKING.test(label) ? 100 : 0) +
    list.filter((i) => QUESTION.test(blocks[i]!.text)).length / list.length;
  const [label, list] = speakers.reduce((a, b) => (score(b) > score(a) ? b : a));
  return list.map((i) => {
    const start = label.length + 1;
    return {
      block: i,
      family: 'dialogue',
      ordinal: 0,
      marker: label,
      textStart: start,
      textEnd: sentenceEnd(blocks[i]!.text, start),
      kind: 'lead',
      strength: 2,
    };
  });
}
