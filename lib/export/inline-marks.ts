/**
 * One block of page text as one line of Markdown with its bold runs and the
 * reader's highlights marked in place: `**…**` for bold, `==…==` for a
 * highlight (Obsidian) or, in plain Markdown, bold too. Page text is escaped
 * (markdown-escape.ts): only the delimiters written here are markup.
 *
 * Emphasis delimiters work only where CommonMark's flanking rules let them
 * open and close, and Chinese text breaks those rules easily:
 * `**“两个确立”**的` does not close (a closing `**` after punctuation must be
 * followed by a space or punctuation). So every run is trimmed of the
 * punctuation, symbols and spaces at its ends (`“**两个确立**”的`), and runs
 * are laid out so that no two delimiters both open (or both close) at the
 * same place: a mark and a bold run nest only when the inner one lies
 * strictly inside the outer; where they cross or share an end, the bold run
 * is cut at the mark's ends, and the part inside the mark that touches its
 * end is not bold (the mark shows it already).
 */
import { escapeInline, escapeLineStart } from './markdown-escape.ts';

/** A half-open stretch `[start, end)` of a block's text. */
export type Run = readonly [number, number];

/** Punctuation, symbols and spaces: characters a delimiter next to them may not open or close on. */
const EDGE = /[\p{P}\p{S}\p{Z}\s\p{Cc}\p{Cf}]/u;

/**
 * `[start, end)` without the edge characters at either end, or null when
 * nothing is left. Checks one UTF-16 unit at a time: an astral character's
 * halves are no punctuation, so trimming stops at it (never splits it).
 */
function trimRun(text: string, start: number, end: number): [number, number] | null {
  let a = start;
  let b = end;
  while (a < b && EDGE.test(text[a]!)) a++;
  while (b > a && EDGE.test(text[b - 1]!)) b--;
  return a < b ? [a, b] : null;
}

/** Runs sorted, clamped to `[0, length)`, overlapping and touching ones merged. */
export function mergeRuns(runs: readonly Run[], length: number): [number, number][] {
  const sorted = runs
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(length, e)])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

/** Merged runs, each trimmed of its edge characters (empty ones dropped). */
function trimmedRuns(text: string, runs: readonly Run[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of mergeRuns(runs, text.length)) {
    const t = trimRun(text, s, e);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Bold pieces that nest with the marks without crossing or sharing an end
 * with them (see the module comment). `marks` are sorted and apart.
 */
function boldPieces(text: string, bold: readonly Run[], marks: readonly Run[]): [number, number][] {
  const out: [number, number][] = [];
  // Index of the first mark that may still overlap: bold runs come sorted.
  let first = 0;
  const place = (s0: number, e0: number): void => {
    const t = trimRun(text, s0, e0);
    if (!t) return;
    const [s, e] = t;
    while (first < marks.length && marks[first]![1] <= s) first++;
    for (let k = first; k < marks.length && marks[k]![0] < e; k++) {
      const [ms, me] = marks[k]!;
      if (s < ms && me < e) continue; // the mark lies strictly inside: it nests
      if (ms <= s && e <= me) {
        // Inside the mark: nests when strictly inside, else the mark shows it.
        if (ms < s && e < me) out.push([s, e]);
        return;
      }
      // Crossing or sharing an end: cut at the mark's end(s) inside the run.
      if (ms > s) {
        place(s, ms);
        place(ms, e);
      } else {
        place(s, me);
        place(me, e);
      }
      return;
    }
    out.push([s, e]);
  };
  for (const [s, e] of mergeRuns(bold, text.length)) place(s, e);
  return out.sort((a, b) => a[0] - b[0]);
}

/** A delimiter to write before the character at `at`. */
interface Delimiter {
  at: number;
  open: boolean;
  mark: string;
  /** Length of the run it opens or closes: at one place, closers go inner first, openers outer first. */
  span: number;
}

/**
 * `text` as one line of Markdown: its characters escaped, its `bold` runs as
 * `**…**` and its `marks` (the highlights) as `==…==` when `obsidian`, else
 * as bold (merged with the bold runs). Line breaks and control characters
 * become spaces; the line is trimmed and a block marker at its start (`-`,
 * `+`, `1.`) escaped. Runs may overlap, touch and come in any order.
 */
export function markedLine(
  text: string,
  bold: readonly Run[],
  marks: readonly Run[],
  obsidian: boolean,
): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
  if (!bold.length && !marks.length) return escapeLineStart(escapeInline(flat).trim());
  const delimiters: Delimiter[] = [];
  const add = (runs: readonly Run[], mark: string) => {
    for (const [s, e] of runs) {
      delimiters.push({ at: s, open: true, mark, span: e - s });
      delimiters.push({ at: e, open: false, mark, span: e - s });
    }
  };
  if (obsidian) {
    const m = trimmedRuns(flat, marks);
    add(m, '==');
    add(boldPieces(flat, bold, m), '**');
  } else {
    add(trimmedRuns(flat, [...bold, ...marks]), '**');
  }
  // Closers before openers; inner (shorter) closers first, outer (longer) openers first.
  delimiters.sort(
    (a, b) =>
      a.at - b.at ||
      (a.open === b.open ? (a.open ? b.span - a.span : a.span - b.span) : a.open ? 1 : -1),
  );
  let out = '';
  let at = 0;
  for (const d of delimiters) {
    if (d.at > at) out += escapeInline(flat.slice(at, d.at));
    at = d.at;
    out += d.mark;
  }
  out += escapeInline(flat.slice(at));
  return escapeLineStart(out.trim());
}
