/**
 * Keys: a short, readable label for each node, shown in the sidebar and the
 * Markdown export.
 *
 * A key is a phrase of the node's text that starts and ends on word
 * boundaries (`Intl.Segmenter('zh', {granularity: 'word'})`, with numbers and
 * Chinese numerals held together: 2009年, 13.81万亿元, 第一章, 二〇二六年 are
 * never cut). A text that fits in {@link BUDGET} is its own key; a longer one
 * is cut at the last word boundary that fits (at a clause comma when one
 * falls in the second half) and ends with "…". To make room, a long text
 * drops an opening its siblings share only when that is an empty intensifier
 * (大力弘扬…/大力倡导… → 弘扬…/倡导…); a shared verb or frame
 * (向良田要产量/向良种要产量) is kept. Keys of siblings with different texts
 * are kept different by cutting later (within the first {@link WINDOW}
 * characters, the most that is read of a text).
 */
import type { OutlineNode } from '../types.ts';

/** The longest key, in width units: one per CJK character, half per ASCII character. */
const BUDGET = 16;

/** Characters of a text that are segmented at most: a key never needs more. */
const WINDOW = 64;

/**
 * Width segmented first: the budget and a word across it. A text is segmented
 * again up to {@link WINDOW} characters only when that is not enough: when its
 * first atoms do not pass the budget, or its siblings still share its key
 * (ICU's word segmenter costs ~1 µs a character; most keys are cut within the
 * first 20).
 */
const FIRST_WIDTH = BUDGET + 8;

/** Characters of `text` first segmented: those up to {@link FIRST_WIDTH}, at most {@link WINDOW}. */
function firstWindow(text: string): number {
  let w = 0;
  const n = Math.min(text.length, WINDOW);
  for (let i = 0; i < n; i++) {
    w += text.charCodeAt(i) < 0x80 ? 0.5 : 1;
    if (w >= FIRST_WIDTH) return i + 1;
  }
  return WINDOW;
}

/** Marks a key cut short of its text. */
const ELLIPSIS = '…';

/**
 * Shared openings that say nothing of their own: adverbs of degree and manner
 * and the modal 必须. A run of these shared by every sibling is dropped from
 * the keys of the siblings too long to be their own key. Verbs, prepositions
 * and frames (坚持, 加快, 全面, 深入, 向, 要, 在) are never here.
 */
const EMPTY_LEAD =
  /^(?:大力|着力|切实|进一步|更加|不断|持续|积极|努力|坚决|扎实|始终|认真|充分|主动|全力|必须)+$/;

/** Function words a cut key should not end on (…的发展 reads, …的 does not). */
const DANGLING = new Set([
  ...'的地得和与及以为在对把向从将被之并而或且其'.split(''),
  ...['a', 'an', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'and', 'or'],
]);

/** Punctuation that ends a clause: a good place to cut. */
const CLAUSE = /^[，,、；;：:]$/;

/** Chinese numerals and digits: a word boundary between two of these is no boundary. */
const NUMERAL = /[0-9０-９〇零一二三四五六七八九十百千万亿两]/;

/** A measure word or unit after a number belongs to it (2009年, 13.81万亿元, 3项). */
const UNIT = /[年月日号时章节条款项元倍届次个位名家件篇期岁批类种亩吨%％‰]/;

const OPENERS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '(': ')',
  '「': '」',
  '『': '』',
  '【': '】',
  '[': ']',
  '〈': '〉',
  '"': '"',
};
/** Each closer's opener. */
const CLOSER_OF: Record<string, string> = Object.fromEntries(
  Object.entries(OPENERS).map(([open, close]) => [close, open]),
);

/** The part of `Intl.Segmenter` used here. */
interface Segmenter {
  segment(text: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }>;
}

let segmenter: Segmenter | null | undefined;

function getSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Seg = (
      globalThis.Intl as {
        Segmenter?: new (locale: string, options: { granularity: 'word' }) => Segmenter;
      }
    ).Segmenter;
    segmenter = Seg ? new Seg('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Segments without `Intl.Segmenter`: Latin/number runs, other characters one by one. */
function* fallbackSegments(
  text: string,
): Iterable<{ segment: string; index: number; isWordLike: boolean }> {
  for (const m of text.matchAll(/[A-Za-z0-9.]+|\s+|[\s\S]/gu)) {
    yield { segment: m[0], index: m.index, isWordLike: /[\p{L}\p{N}]/u.test(m[0]) };
  }
}

/** A word or a punctuation/space run of a text, with its place. */
interface Atom {
  start: number;
  end: number;
  word: boolean;
}

/** An ASCII or full-width digit. */
const digit = (c: string | undefined) => c !== undefined && /[0-9０-９]/.test(c);

/** Whether a segmenter boundary at `i` would split a number (2009|年, 二|〇, 万|亿, 第|一). */
function holdsTogether(text: string, i: number): boolean {
  const p = text[i - 1]!;
  const n = text[i]!;
  if (/[.．/]/.test(n)) return digit(p) && digit(text[i + 1]); // 1.5, 1/3
  if (/[.．/]/.test(p)) return digit(n) && digit(text[i - 2]);
  if (NUMERAL.test(p)) return NUMERAL.test(n) || UNIT.test(n);
  if (p === '第') return NUMERAL.test(n);
  if (p === '分' && n === '之') return true; // 百分之三十, 三分之一
  if (p === '之' && text[i - 2] === '分') return NUMERAL.test(n);
  return false;
}

type Segment = { segment: string; index: number; isWordLike?: boolean };

/**
 * The segments of many texts' windows from one segmenter pass (each call of
 * `segment()` sets up a break iterator, which costs more than segmenting a
 * heading): the windows are joined by line breaks, always a word boundary.
 */
function segmentAll(texts: string[]): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  const heads = [...new Set(texts)];
  const seg = getSegmenter();
  if (!seg || !heads.length) return out;
  const windows = heads.map((t) => t.slice(0, firstWindow(t)).replace(/[\r\n\u2028\u2029]/g, ' '));
  // In batches of about SEGMENT_BATCH characters: ICU's word segmenter slows down per
  // character as the string grows (4,000 characters of windows: 3.2 ms in one string,
  // 1.9 ms in batches of 200-400), and sharply past about 64K UTF-16 units (60,000:
  // 0.6 s; 66,000: 39 s).
  for (let first = 0; first < windows.length;) {
    let last = first;
    let size = 0;
    while (
      last < windows.length &&
      (last === first || size + windows[last]!.length < SEGMENT_BATCH)
    )
      size += windows[last++]!.length + 1;
    const starts: number[] = [];
    let at = 0;
    for (let k = first; k < last; k++) {
      starts.push(at);
      at += windows[k]!.length + 1;
    }
    let k = 0;
    for (const s of seg.segment(windows.slice(first, last).join('\n'))) {
      while (k + 1 < starts.length && s.index >= starts[k + 1]!) k++;
      const local = s.index - starts[k]!;
      const w = first + k;
      if (local >= windows[w]!.length) continue; // the joining line break
      const list = out.get(heads[w]!) ?? [];
      list.push({ segment: s.segment, index: local, isWordLike: s.isWordLike });
      out.set(heads[w]!, list);
    }
    first = last;
  }
  return out;
}

/** The length of the strings given to the segmenter at once (see {@link segmentAll}). */
const SEGMENT_BATCH = 320;

/**
 * Segments of the texts being keyed over their {@link firstWindow},
 * from {@link segmentAll}; null outside {@link assignKeys}.
 */
let segmented: Map<string, Segment[]> | null = null;

/** A text's atoms over its first `window` characters, numbers held whole. */
function atomsOf(
  text: string,
  wide: boolean,
): { atoms: Atom[]; complete: boolean; window: number } {
  const window = wide ? WINDOW : firstWindow(text);
  const complete = text.length <= window;
  const head = complete ? text : text.slice(0, window);
  const seg = getSegmenter();
  const atoms: Atom[] = [];
  const segments =
    (wide ? undefined : segmented?.get(text)) ?? (seg ? seg.segment(head) : fallbackSegments(head));
  for (const s of segments) {
    const start = s.index;
    const end = start + s.segment.length;
    const word = s.isWordLike ?? /[\p{L}\p{N}]/u.test(s.segment);
    const last = atoms[atoms.length - 1];
    if (last && holdsTogether(text, start)) {
      last.end = end;
      last.word ||= word;
    } else atoms.push({ start, end, word });
  }
  // The window's last atom may be a word cut by the window: not a boundary.
  if (!complete) atoms.pop();
  return { atoms, complete, window };
}

/** Width in budget units: ASCII counts half, everything else one. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/** Punctuation or space (a surrogate half belongs to a character beyond the BMP: not punctuation). */
const isPunct = (ch: string) => !/[\p{L}\p{N}%％‰\uD800-\uDFFF]/u.test(ch);

/**
 * `text.slice(start, end)` without leading or trailing punctuation and spaces,
 * except a quote or bracket whose partner is kept too (“严”字当头).
 */
function trimmed(text: string, start: number, end: number): string {
  const t = text.slice(start, end);
  let s = 0;
  let e = t.length;
  const plain = () => {
    while (s < e && isPunct(t[s]!) && !OPENERS[t[s]!]) s++;
    while (e > s && isPunct(t[e - 1]!) && !CLOSER_OF[t[e - 1]!]) e--;
  };
  plain();
  // An opener stays when its closer follows within the phrase.
  while (s < e && OPENERS[t[s]!]) {
    const close = t.indexOf(OPENERS[t[s]!]!, s + 1);
    if (close !== -1 && close < e) break;
    s++;
    plain();
  }
  // A closer stays when its opener comes before it within the phrase.
  while (e > s && CLOSER_OF[t[e - 1]!]) {
    const open = t.lastIndexOf(CLOSER_OF[t[e - 1]!]!, e - 2);
    if (open >= s) break;
    e--;
    plain();
  }
  return t.slice(s, e);
}

/** One node's candidate keys: where the phrase starts and where it may end. */
interface Plan {
  text: string;
  atoms: Atom[];
  complete: boolean;
  /** Index of the first atom of the phrase (after a dropped opening). */
  from: number;
  /** Possible ends, ascending (ends of words and of closing quotes), all short of the whole. */
  ends: number[];
  /** For each end, whether it may fall inside a word the segmenter did not know. */
  weak: boolean[];
  /** Index into `ends` of the chosen cut, or `ends.length` for the whole remainder. */
  at: number;
  /** The key when the phrase is not cut, once worked out. */
  whole?: string;
  /** Characters segmented for `atoms` (the {@link firstWindow}, or {@link WINDOW} once widened). */
  window: number;
}

function keyOf(p: Plan): string {
  const start = p.atoms[p.from]?.start ?? 0;
  if (p.at < p.ends.length) {
    const cut = trimmed(p.text, start, p.ends[p.at]!);
    if (cut) return cut + ELLIPSIS;
  }
  // Past the window nothing is read: a long text's longest key is its window.
  p.whole ??= p.complete
    ? trimmed(p.text, start, p.text.length) || p.text.trim() || p.text
    : (trimmed(p.text, start, start + WINDOW) || p.text.slice(0, BUDGET)) + ELLIPSIS;
  return p.whole;
}

/** Plans the key of one text whose phrase starts at atom `from`. */
function plan(text: string, atoms: Atom[], complete: boolean, from: number, window = WINDOW): Plan {
  const start = atoms[from]?.start ?? 0;
  const rest = text.slice(start);
  // The end of the last word: past it there is only punctuation.
  let lastWord = -1;
  for (let i = atoms.length - 1; i >= from; i--) {
    if (atoms[i]!.word) {
      lastWord = i;
      break;
    }
  }
  // A boundary between two one-character words is weak: ICU splits words it
  // does not know into characters (纵|深, 入|脑), so it may be inside a word.
  // So is one after a function word (…向, …的): a key does not end there.
  const single = (a: Atom | undefined) =>
    a !== undefined &&
    a.word &&
    a.end - a.start === 1 &&
    /\p{Script=Han}/u.test(text[a.start]!) &&
    !DANGLING.has(text[a.start]!);
  const ends: number[] = [];
  const weak: boolean[] = [];
  for (let i = from; i < atoms.length; i++) {
    const a = atoms[i]!;
    if (complete && i >= lastWord) break;
    const ch = text.slice(a.start, a.end);
    if (a.word || CLOSER_OF[ch] !== undefined) {
      ends.push(a.end);
      weak.push((single(a) && single(atoms[i + 1])) || DANGLING.has(ch.toLowerCase()));
    }
  }
  if (!complete && ends.length === 0) {
    // No word ends in the window (a long URL, a run of letters): cut at the budget.
    let w = 0;
    let i = start;
    for (const ch of text.slice(start, start + WINDOW)) {
      w += width(ch);
      if (w > BUDGET) break;
      i += ch.length;
    }
    if (i > start) {
      ends.push(i);
      weak.push(false);
    }
  }
  const p: Plan = { text, atoms, complete, from, ends, weak, at: ends.length, window };
  if (width(rest) <= BUDGET || ends.length === 0) return p;

  // The last word end within the budget; better, a clause end or a strong
  // boundary in its second half.
  let w = 0;
  let last = -1;
  let strong = -1;
  let clause = -1;
  let e = 0;
  for (let i = from; i < atoms.length; i++) {
    const a = atoms[i]!;
    const ch = text.slice(a.start, a.end);
    w += width(ch);
    if (w > BUDGET) break;
    if (CLAUSE.test(ch) && w - width(ch) >= BUDGET / 2) clause = e;
    if (ends[e] === a.end) {
      if (!weak[e] && w >= BUDGET / 2) strong = e;
      last = e++;
    }
  }
  if (clause >= 0) last = clause - 1;
  else if (strong >= 0) last = strong;
  if (last < 0) {
    // The first word alone is over the budget: keep it whole.
    p.at = 0;
    return p;
  }
  // Do not end on a dangling function word (…的, …和) when a word comes before it.
  while (last > 0) {
    const endAt = ends[last]!;
    const prev = ends[last - 1]!;
    const tail = text.slice(prev, endAt).trim();
    if (DANGLING.has(tail.toLowerCase())) last--;
    else break;
  }
  // Nor inside a quote or bracket (…领会“两个确立…): cut before it instead.
  const head = text.slice(start, ends[last]);
  for (let q = head.length - 1; q > 0; q--) {
    const close = OPENERS[head[q]!];
    if (!close) continue;
    // A straight quote closes one opened before it when it comes an even number of times.
    if (close === head[q] && head.slice(0, q).split(close).length % 2 === 0) break;
    if (head.indexOf(close, q + 1) !== -1) break;
    let before = last;
    while (before >= 0 && ends[before]! > start + q) before--;
    if (before >= 0 && trimmed(text, start, ends[before]!)) last = before;
    break;
  }
  p.at = last;
  return p;
}

/** A text opening with an empty lead word (a quick test before any segmenting). */
const EMPTY_OPENING = new RegExp(EMPTY_LEAD.source.replace(/\)\+\$$/, ')'));

/** Whether siblings may share an empty lead: two or more, all opening with one. */
const mayShareLead = (nodes: OutlineNode[]) =>
  nodes.length >= 2 && nodes.every((n) => EMPTY_OPENING.test(n.text));

/** How many opening atoms every text shares, to drop when they are an empty lead. */
function emptyLead(all: { text: string; atoms: Atom[] }[]): number {
  if (all.length < 2) return 0;
  const first = all[0]!;
  const same = (i: number) =>
    all.every((t) => {
      const a = t.atoms[i];
      const b = first.atoms[i];
      return a && b && t.text.slice(a.start, a.end) === first.text.slice(b.start, b.end) && a.word;
    });
  let shared = 0;
  while (shared < first.atoms.length && same(shared)) shared++;
  for (let k = shared; k > 0; k--) {
    const lead = first.text.slice(0, first.atoms[k - 1]!.end);
    if (!EMPTY_LEAD.test(lead)) continue;
    // What is left of every sibling must still be a phrase of two or more characters.
    const ok = all.every((t) => {
      const next = t.atoms[k];
      return next?.word && width(trimmed(t.text, next.start, t.text.length)) >= 2;
    });
    if (ok) return k;
  }
  return 0;
}

/** Sets `key` on every node of the forest, siblings considered together. */
export function assignKeys(nodes: OutlineNode[]): void {
  if (segmented) return keyForest(nodes);
  // Only texts too long to be their own key need word boundaries (see keyForest), and
  // the others only to find an empty lead all siblings share.
  const texts: string[] = [];
  const collect = (list: OutlineNode[]) => {
    if (!allFit(list)) {
      const lead = mayShareLead(list);
      for (const n of list) if (lead || !fits(n.text)) texts.push(n.text);
    }
    for (const n of list) collect(n.children);
  };
  collect(nodes);
  segmented = segmentAll(texts);
  try {
    keyForest(nodes);
  } finally {
    segmented = null;
  }
}

/** True when a text is its own key: short enough for the budget. */
function fits(text: string): boolean {
  return text.length <= WINDOW && width(text) <= BUDGET;
}

/** True when every sibling's whole text fits the budget. */
function allFit(nodes: OutlineNode[]): boolean {
  return nodes.every((n) => fits(n.text));
}

/** Whether the atoms of `p` read from its phrase's start reach past the budget. */
function passesBudget(p: Plan): boolean {
  const first = p.atoms[p.from];
  const last = p.atoms[p.atoms.length - 1];
  return !!first && !!last && width(p.text.slice(first.start, last.end)) > BUDGET;
}

/** `p` planned again over {@link WINDOW} characters; cut where it is cut now when `keepCut`. */
function widen(p: Plan, keepCut = true): Plan {
  if (p.window >= WINDOW) return p;
  const { atoms, complete } = atomsOf(p.text, true);
  const q = plan(p.text, atoms, complete, p.from, WINDOW);
  const cut = p.ends[p.at];
  if (keepCut && cut !== undefined) {
    const k = q.ends.findIndex((e) => e >= cut);
    q.at = k >= 0 ? k : q.ends.length;
  }
  return q;
}

function keyForest(nodes: OutlineNode[]): void {
  // Siblings that all fit are their own keys: no word boundary is needed (most headings).
  if (allFit(nodes)) {
    for (const n of nodes) {
      n.key = trimmed(n.text, 0, n.text.length) || n.text.trim() || n.text;
      keyForest(n.children);
    }
    return;
  }
  const lead = mayShareLead(nodes);
  // A text that fits is its own key: it needs no atoms unless an empty lead may be shared.
  const parsed = nodes.map((n) =>
    !lead && fits(n.text)
      ? { text: n.text, atoms: [] as Atom[], complete: true, window: WINDOW }
      : { text: n.text, ...atomsOf(n.text, false) },
  );
  const from = lead ? emptyLead(parsed) : 0;
  // A text that fits is its own key: the lead is dropped only to make room.
  const plans = parsed.map((t) => {
    const p = plan(
      t.text,
      t.atoms,
      t.complete,
      t.complete && width(t.text) <= BUDGET ? 0 : from,
      t.window,
    );
    // The budget's cut is chosen among the atoms that pass it: all of them must be read.
    return p.complete || passesBudget(p) ? p : widen(p, false);
  });
  const keys = plans.map(keyOf);

  // Siblings whose texts differ keep different keys: cut them later until they do.
  for (let changed = true; changed;) {
    changed = false;
    const byKey = new Map<string, number[]>();
    keys.forEach((k, i) => {
      const group = byKey.get(k);
      if (group) group.push(i);
      else byKey.set(k, [i]);
    });
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      const texts = new Set(group.map((i) => nodes[i]!.text));
      if (texts.size < 2) continue;
      for (const i of group) {
        let p = plans[i]!;
        // A long text goes no further than its last word in the window.
        let max = p.ends.length - (p.complete ? 0 : 1);
        if (p.window < WINDOW && !p.complete) {
          // No strong end ahead in the first window: read the whole window.
          let next = p.at + 1;
          while (next < max && p.weak[next]) next++;
          if (next >= max) {
            p = plans[i] = widen(p);
            max = p.ends.length - (p.complete ? 0 : 1);
          }
        }
        if (p.at >= max) continue;
        p.at++;
        while (p.at < max && p.weak[p.at]) p.at++;
        keys[i] = keyOf(p);
        changed = true;
      }
    }
  }

  nodes.forEach((n, i) => {
    n.key = keys[i]!;
    keyForest(n.children);
  });
}
