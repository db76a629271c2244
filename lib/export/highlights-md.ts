/**
 * Highlights in the Markdown export: each one a block quote of the
 * highlighted words, its colour as a label (or an Obsidian tag), and the
 * reader's note beneath.
 */
import type { Highlight, HighlightColor, OutlineNodeSelector, Selector } from '../model.ts';
import { escapeMarkdown, splitLines } from './markdown-escape.ts';

/** A highlight as the export receives it: where it was placed (if it was). */
export interface ExportedHighlight {
  highlight: Highlight;
  /** The outline node it lies in, or null for the intro (or anywhere outside a node). */
  nodePath: number[] | null;
  /** False for an orphan: it could not be placed on the page as it is now. */
  placed: boolean;
}

/** How highlights are written. */
export interface HighlightStyle {
  /** Obsidian: `==text==` highlights and `#highlight/<colour>` tags. */
  obsidian: boolean;
}

/** Colour names for readers of the plain export: Chinese, then the stored English name. */
const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: '黄 yellow',
  green: '绿 green',
  blue: '蓝 blue',
  pink: '粉 pink',
  purple: '紫 purple',
};

/** The highlighted words (the quote selector's `exact`). */
export function highlightText(h: Highlight): string {
  const q = h.selectors.find((s) => s.kind === 'quote');
  return q ? q.exact : '';
}

/** Where a highlight started when it was made, for ordering (Infinity when unknown). */
export function highlightStart(h: Highlight): number {
  const p = h.selectors.find((s) => s.kind === 'position');
  return p ? p.start : Infinity;
}

const isNodeSelector = (s: Selector): s is OutlineNodeSelector => s.kind === 'outline-node';

/**
 * A note as lines of Markdown for a block quote (the caller adds `> `): each
 * line escaped, `lead` (markup, not escaped) before the first, the note's own
 * line breaks kept as hard breaks (a trailing backslash) and its blank lines
 * as '' (paragraph breaks). None for an empty note.
 */
export function noteLines(note: string, lead: string): string[] {
  const lines = splitLines(note.trim()).map((l) => l.trim());
  if (!lines[0]) return [];
  return lines.map((line, i) => {
    // A trailing backslash is a hard line break: the note's own lines are kept.
    const brk = lines[i + 1] ? '\\' : '';
    return line ? (i === 0 ? lead : '') + escapeMarkdown(line) + brk : '';
  });
}

/**
 * The lines of one highlight, each prefixed by `indent`: the words as a block
 * quote (one quote paragraph per line of the page), the colour after the last
 * line, then the note (line breaks kept as hard breaks, blank lines as
 * paragraph breaks) and, for an orphan, the node it was in.
 */
export function highlightLines(
  item: ExportedHighlight,
  style: HighlightStyle,
  indent: string,
): string[] {
  const { highlight: h } = item;
  const out: string[] = [];
  const q = (s: string) => out.push(s ? `${indent}> ${s}` : `${indent}>`);
  const words = splitLines(highlightText(h))
    .map((l) => l.trim())
    .filter(Boolean);
  words.forEach((line, i) => {
    if (i > 0) q('');
    const text = style.obsidian ? `==${escapeMarkdown(line)}==` : escapeMarkdown(line);
    const last = i === words.length - 1;
    const label = style.obsidian ? ` #highlight/${h.color}` : ` 【${COLOR_LABELS[h.color]}】`;
    q(last ? text + label : text);
  });
  const note = noteLines(h.note, '**笔记 Note:** ');
  if (note.length) {
    q('');
    note.forEach(q);
  }
  if (!item.placed) {
    const node = h.selectors.find(isNodeSelector);
    if (node) {
      q('');
      q(`*原在 Was in:* ${escapeMarkdown(node.text)}`);
    }
  }
  return out;
}

/** Appends highlights separated by blank lines (separate block quotes). */
export function pushHighlights(
  out: string[],
  items: ExportedHighlight[],
  style: HighlightStyle,
  indent: string,
): void {
  items.forEach((item, i) => {
    if (i > 0) out.push('');
    out.push(...highlightLines(item, style, indent));
  });
}

/** Sorts highlights in reading order (by where they started), stable. */
export function inReadingOrder(items: ExportedHighlight[]): ExportedHighlight[] {
  return items
    .map((item, i) => ({ item, i, at: highlightStart(item.highlight) }))
    .sort((a, b) => (a.at === b.at ? a.i - b.i : a.at < b.at ? -1 : 1))
    .map((x) => x.item);
}
