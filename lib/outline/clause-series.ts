/**
 * Unmarked inline points: clause series inside one sentence, separated by ；
 * and sharing an opening frame (要…；要…；要…, 抓…；抓…, 在思想上…；在工作上…)
 * or a shape (保持上下贯通，…；提升左右协同，…); and short set-off sub-leads
 * (解放思想。…明确路径。…突出重点。…).
 */
import { plainPoint, type InlinePoint } from './inline.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

/** 。！？!?, and the same or ；; (a clause end). */
const FULL_STOP = /[。！？!?]/g;
const CLAUSE_STOP = /[。！？!?；;]/g;

/**
 * Where the sentence (or clause, with {@link CLAUSE_STOP}) from `s` ends: the index of
 * its stop, or the text's length. A regex search runs as native code from the first
 * call, where a loop over characters is interpreted until the JIT has seen it often.
 */
function stopFrom(text: string, s: number, stop: RegExp = FULL_STOP): number {
  stop.lastIndex = s;
  const m = stop.exec(text);
  return m ? m.index : text.length;
}

/** An opening segment (up to the first comma) of this length range can be a shape match. */
const SHAPE_MIN = 3;
const SHAPE_MAX = 8;
/** A short adverbial before the first clause (今后，) is skipped up to this length. */
const LEAD_IN = 3;

/** The frame a clause opens with: 要 within its first words, else its first character. */
/**
 * The frame a clause opens with: its first character, or 要 when the modal 要
 * follows a short subject (广大党员干部要守住清苦) — but only where the clause
 * does not open with a character of its own that its siblings share.
 */
function opener(clause: string): string {
  return clause[0] ?? '';
}

/** 主要, 重要, 需要, 只要, 纲要, 要素, 要求: the 要 at `i` is part of a word, not the modal verb. */
function yaoInWord(text: string, i: number): boolean {
  return (
    (i > 0 && '主重需只纲摘概简提'.includes(text[i - 1]!)) ||
    '素求点件闻'.includes(text[i + 1] ?? '')
  );
}

/** True when the clause's modal 要 stands within a short subject's reach (…干部要…). */
function hasModalYao(clause: string): boolean {
  for (let i = clause.indexOf('要'); i >= 0 && i <= 6; i = clause.indexOf('要', i + 1)) {
    if (/[，,]/.test(clause.slice(0, i))) return false;
    if (yaoInWord(clause, i)) continue;
    return true;
  }
  return false;
}

/** The frame all clauses share: their common first character, or 要 as above; '' for none. */
function sharedOpening(clauses: string[]): string {
  const firsts = new Set(clauses.map(opener));
  if (firsts.size === 1) return [...firsts][0]!;
  const yao = clauses.filter((c) => c.startsWith('要')).length;
  return yao >= clauses.length - 1 && clauses.every((c) => c.startsWith('要') || hasModalYao(c))
    ? '要'
    : '';
}

function firstSegment(clause: string): string {
  return clause.split(/[，,]/)[0] ?? clause;
}

/** ；-separated clause series in `text` from `from` on. */
export function clauseSeries(
  text: string,
  from = 0,
  settings: Settings = DEFAULT_SETTINGS,
): InlinePoint[] {
  const MIN_CLAUSES = settings.minClauses;
  const out: InlinePoint[] = [];
  // Sentences of the paragraph, each split into its ；-clauses with offsets.
  let s = from;
  while (s < text.length) {
    const e = stopFrom(text, s);
    const clauses: Array<{ start: number; end: number }> = [];
    let c = s;
    for (let k = s; k <= e; k++) {
      if (k === e || text[k] === '；' || text[k] === ';') {
        if (k > c) clauses.push({ start: c, end: k });
        c = k + 1;
      }
    }
    // …；等等。 closes the list: it is no clause of its own.
    const tail = clauses[clauses.length - 1];
    if (tail && /^(?:等等|等)$/.test(text.slice(tail.start, tail.end).trim())) clauses.pop();
    if (clauses.length >= MIN_CLAUSES) {
      const first = clauses[0]!;
      // 具体来说就是：从…；从…；从…: the series begins after the colon that announces it.
      const colon = text.lastIndexOf('：', first.end - 1);
      if (colon >= first.start && colon < first.end - 1) first.start = colon + 1;
      const seg0 = firstSegment(text.slice(first.start, first.end));
      // 今后，在思想上…；在工作上…: a lead-in before the first clause is not part of it —
      // but only when the first clause does not already open like the others (要敢想，…).
      const second = text.slice(clauses[1]!.start, clauses[1]!.end);
      if (
        seg0.length < first.end - first.start - 1 &&
        opener(text.slice(first.start, first.end)) !== opener(second)
      ) {
        const rest = text.slice(first.start + seg0.length + 1, first.end);
        if (seg0.length <= LEAD_IN || opener(rest) === opener(second))
          first.start += seg0.length + 1;
      }
      const bodies = clauses.map((cl) => text.slice(cl.start, cl.end));
      const shared = sharedOpening(bodies);
      const segLens = new Set(bodies.map((b) => firstSegment(b).length));
      // A shared particle (的 了 和 与 及 是) is no frame; 在 is (在思想上…；在工作上…).
      const sameOpening = shared !== '' && !/[的了和与及是]/.test(shared);
      const [len] = segLens;
      const sameShape =
        segLens.size === 1 &&
        len !== undefined &&
        len >= SHAPE_MIN &&
        len <= SHAPE_MAX &&
        bodies.every((b) => /[，,]/.test(b));
      if (sameOpening || sameShape) {
        for (const cl of clauses) {
          out.push({
            family: 'clause',
            ordinal: 0,
            marker: null,
            start: cl.start,
            textStart: cl.start,
            textEnd: cl.end,
            children: [],
          });
        }
      }
    }
    s = e + 1;
  }
  return out;
}

/** A 要 sentence series: the head before the first comma is this short (要敢想，…). */
const YAO_HEAD = 8;

/**
 * Full-stop-separated 要 sentences with short heads (要敢想，…。要敢闯，…。要敢干，…):
 * parallel points, unlike speech prose that shares nothing but 要.
 */
export function yaoSentences(
  text: string,
  from = 0,
  settings: Settings = DEFAULT_SETTINGS,
): InlinePoint[] {
  const MIN_CLAUSES = settings.minClauses;
  interface Member {
    start: number;
    end: number;
    /** Index of the sentence in the paragraph: how far apart two members stand. */
    index: number;
    /** The head from 要 to the first comma: 要敢想, 要守住清苦. */
    head: string;
  }
  const groups: Member[][] = [[]];
  let s = from;
  let index = 0;
  let last = -Infinity;
  while (s < text.length) {
    const e = stopFrom(text, s);
    const sentence = text.slice(s, e);
    const yao = sentence.startsWith('要') ? 0 : subjectYao(sentence);
    if (yao >= 0 && firstSegment(sentence).length < sentence.length) {
      if (index - last - 1 > YAO_GAP_SHARED) groups.push([]);
      groups[groups.length - 1]!.push({
        start: s,
        end: e,
        index,
        head: firstSegment(sentence.slice(yao)),
      });
      last = index;
    }
    s = e + 1;
    index++;
  }
  const chosen = new Set<Member>();
  for (const g of groups) {
    // Members sharing their verb (要善谋/要善于…/要善成) are parallel even far apart.
    const byVerb = new Map<string, Member[]>();
    for (const m of g) {
      const verb = m.head.slice(0, 2);
      const list = byVerb.get(verb);
      if (list) list.push(m);
      else byVerb.set(verb, [m]);
    }
    for (const list of byVerb.values())
      if (list.length >= MIN_CLAUSES) list.forEach((m) => chosen.add(m));
    // Otherwise: runs of short heads (要敢想/要敢闯/要敢干), at most one other sentence apart.
    let run: Member[] = [];
    const close = () => {
      if (run.length >= MIN_CLAUSES) run.forEach((m) => chosen.add(m));
      run = [];
    };
    for (const m of g) {
      const prev = run[run.length - 1];
      if (m.head.length > YAO_HEAD || (prev && m.index - prev.index - 1 > YAO_GAP)) close();
      if (m.head.length <= YAO_HEAD) run.push(m);
    }
    close();
  }
  return [...chosen]
    .sort((a, b) => a.start - b.start)
    .map((m) => ({
      family: 'yao-sentence',
      ordinal: 0,
      marker: null,
      start: m.start,
      textStart: m.start,
      textEnd: m.end,
      children: [],
    }));
}

/** Members that share their verb may stand this many sentences apart. */
const YAO_GAP_SHARED = 3;
/** A sentence between 要 sentences that elaborates on one (尤其是要…) does not end the series. */
const YAO_GAP = 1;

/**
 * The offset of a modal 要 after a short subject (广大党员干部要守住清苦), or -1.
 * An adverb before 要 (尤其是要, 也要, 还要, 更要) makes it an elaboration, not a point.
 */
function subjectYao(sentence: string): number {
  for (let i = sentence.indexOf('要'); i > 0 && i <= 6; i = sentence.indexOf('要', i + 1)) {
    const subject = sentence.slice(0, i);
    if (/[，,]/.test(subject)) return -1;
    if (yaoInWord(sentence, i)) continue;
    if (
      /[是也还更都就则又才均亦]$/.test(subject) ||
      /^(?:尤其|特别|同时|因此|所以|而且|并且|此外)/.test(subject)
    )
      return -1;
    return i;
  }
  return -1;
}

/** Sentence openings of ordinary prose: short sentences that begin so are no sub-leads. */
const PROSE_OPENING =
  /^(?:我|我们|你|您|他|她|它|这|那|其|此|但|而|且|并|又|也|就|都|还|如|若|因|所以|因此|同时|然而|当然|总之|另外|此外|目前|现在|今天|例如|比如|对此|为此|于是|谢谢|感谢)/;

/** Short set-off sub-leads: ≥3 very short sentences standing inside one paragraph. */
export function subLeads(
  text: string,
  from = 0,
  settings: Settings = DEFAULT_SETTINGS,
): InlinePoint[] {
  const { subLeadMax: SUBLEAD_MAX, minSubLeads: MIN_SUBLEADS } = settings;
  const out: InlinePoint[] = [];
  let s = from;
  while (s < text.length) {
    const e = stopFrom(text, s);
    const len = e - s;
    // A sub-lead is a bare phrase closed by a full stop (not a question or exclamation):
    // no comma, no quotation, not an ordinary sentence opening, and more text follows.
    const phrase = text.slice(s, e);
    if (
      text[e] === '。' &&
      len >= 2 &&
      e < text.length - 1 &&
      !/[、“”"：:；;]/.test(phrase) &&
      !PROSE_OPENING.test(phrase) &&
      isSubLeadPhrase(phrase, SUBLEAD_MAX)
    ) {
      out.push(plainPoint('sublead', s, e));
    }
    s = e + 1;
  }
  // Siblings have one form: as many comma segments each (解放思想。/ 加强系统谋划，凝聚工作合力。);
  // the form most of them share is the series.
  const bySegs: InlinePoint[][] = [[], [], []];
  for (const p of out) bySegs[text.slice(p.textStart, p.textEnd).split(/[，,]/).length]!.push(p);
  const best = bySegs[1]!.length >= bySegs[2]!.length ? bySegs[1]! : bySegs[2]!;
  return best.length >= MIN_SUBLEADS ? best : [];
}

/**
 * A sub-lead is a bare phrase (解放思想) or two short phrases joined by a comma
 * (加强系统谋划，凝聚工作合力): each part at most `max` characters.
 */
function isSubLeadPhrase(phrase: string, max: number): boolean {
  const parts = phrase.split(/[，,]/);
  // A modal verb makes it a statement about the points (推进这项工作，要在机制上下功夫), not one.
  if (parts.length === 2 && /要|应当|应该|需要|必须/.test(phrase)) return false;
  return parts.length <= 2 && parts.every((p) => p.length >= 2 && p.length <= max);
}

/** What a role sentence ends on: 完善基础设施是前提, 加强监管是保障. */
const ROLE =
  /^[^，。；！？]{2,14}是(?:前提|基础|关键|保障|根本|核心|重点|方法|途径|手段|目的|方向|抓手|支撑|动力|保证|根基|灵魂|主线|底线)(?=[，,。；;！!])/;

/**
 * Role sentences inside one paragraph (完善基础设施是前提。… 加强监管是保障，…；):
 * each names a measure and its role; two or more are points.
 */
export function roleLeads(text: string, from = 0): InlinePoint[] {
  const out: InlinePoint[] = [];
  for (let s = Math.max(0, from); s < text.length;) {
    const e = stopFrom(text, s, CLAUSE_STOP);
    if (ROLE.test(text.slice(s, e + 1))) out.push(plainPoint('role', s, e));
    s = e + 1;
  }
  return out.length >= 2 ? out : [];
}

/** Sentences of one paragraph that open alike at least this many times are a 排比 series. */
const MIN_REPEATS = 3;
/** The longest such sentence when they follow each other, and when other sentences stand between. */
const MAX_REPEATED_SENTENCE = 60;
const MAX_SPACED_SENTENCE = 40;
/** The shortest. */
const MIN_REPEATED_SENTENCE = 8;
/** Openings that are a preposition's clause (为改善…，…), not a claim: 为 在 对 把 从 以 向 据 经 由 随 将 被. */
const PREPOSITION = /^[为在对把从以向据经由随将被]/;

/**
 * Sentences inside one paragraph that open with the same words: in a row
 * (这是…。这是…。这是…。) or each followed by its elaboration (这是…的内在要求。
 * 教育的目标在于…。这是…的有效途径。…). A 排比 series; each sentence is a point.
 */
export function repeatedOpenings(text: string, from = 0): InlinePoint[] {
  const sentences: Array<{ start: number; end: number }> = [];
  for (let s = Math.max(0, from); s < text.length;) {
    const e = stopFrom(text, s);
    if (e > s) sentences.push({ start: s, end: e });
    s = e + 1;
  }
  const byHead = new Map<string, number[]>();
  sentences.forEach((r, i) => {
    const head = text.slice(r.start, r.start + 2);
    if (!/^[\u4e00-\u9fff]{2}$/.test(head) || PREPOSITION.test(head)) return;
    const list = byHead.get(head);
    if (list) list.push(i);
    else byHead.set(head, [i]);
  });
  let best: Array<{ start: number; end: number }> = [];
  for (const idx of byHead.values()) {
    if (idx.length < MIN_REPEATS || idx.length <= best.length) continue;
    const inRow = idx.every((k, j) => j === 0 || k === idx[j - 1]! + 1);
    const max = inRow ? MAX_REPEATED_SENTENCE : MAX_SPACED_SENTENCE;
    const run = idx.map((k) => sentences[k]!);
    // Claims, closed by a full stop: not exclamations, not an address (孩子们，…).
    const claim = (r: { start: number; end: number }) =>
      r.end - r.start >= MIN_REPEATED_SENTENCE &&
      r.end - r.start <= max &&
      text[r.end] === '。' &&
      !/[，,]/.test(text.slice(r.start, r.start + 4));
    // Siblings say different things: one sentence printed again and again is no series.
    const distinct = new Set(run.map((r) => text.slice(r.start, r.end))).size === run.length;
    if (distinct && run.every(claim)) best = run;
  }
  return best.map((r) => plainPoint('repeated-opening', r.start, r.end));
}
