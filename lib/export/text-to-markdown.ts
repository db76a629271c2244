/**
 * An article's saved text (lib/model.ts ArticleText) as Markdown, with the
 * reader's highlights marked where they lie: headings as `#` lines (below the
 * document's own title and sections), list items as `- `, paragraphs as
 * paragraphs, bold runs as `**…**`, highlights as `==…==` (Obsidian) or bold
 * (inline-marks.ts), and each highlight's note in a block quote right after
 * the block where the highlight ends. Highlights are placed by
 * lib/anchoring/place-in-text.ts; those it cannot place are returned, for the
 * caller to list — never marked on look-alike words. All page text and notes
 * are escaped: the output never carries the page's markup, HTML or links.
 */
import { placeInText, type BlockSpan } from '../anchoring/place-in-text.ts';
import type { ArticleText, Highlight } from '../model.ts';
import type { OutlineNode } from '../types.ts';
import { noteLines, pushHighlights } from './highlights-md.ts';
import { markedLine, type Run } from './inline-marks.ts';
import { escapeInline, oneLine } from './markdown-escape.ts';

/** How the text is written. */
export interface TextMarkdownOptions {
  /** Obsidian: highlights as `==…==`; else as bold. */
  obsidian?: boolean;
  /**
   * The Markdown level of the text's top heading (default 3: under the
   * document's `#` title and a `##` section); deeper headings keep their
   * distance below it, down to `######`.
   */
  topHeading?: number;
  /**
   * The stored outline, whose node sources point into the same blocks: a
   * highlight must then lie in the section of the node it was made in (or
   * match its words and context nearly perfectly).
   */
  outline?: { nodes: OutlineNode[] };
}

/** The text as Markdown, and the highlights that could not be placed in it. */
export interface TextMarkdown {
  /** Blocks separated by blank lines (list items by line breaks); no trailing line break. */
  markdown: string;
  /** In the order given. */
  unplaced: Highlight[];
}

/** Heading of the full-text section of an article's export. */
export const FULL_TEXT_HEADING = '## 正文 Full text';
/** Heading of the highlights the full text could not place. */
export const NOT_IN_TEXT_HEADING = '## 正文中未能定位的划线 / Not found in the text';

/** Marks the note line starts with. */
const NOTE_LEAD = '📝 ';
/** Characters of a highlight's words shown before its note when a block has several notes. */
const EXCERPT_CHARS = 16;

/** A block's marks and the highlights whose notes follow it. */
interface BlockMarks {
  marks: Run[];
  notes: Array<{ highlight: Highlight; spans: BlockSpan[] }>;
}

/** The words of a placed highlight, cut to {@link EXCERPT_CHARS} characters, escaped, in 「」. */
function excerpt(text: ArticleText, spans: readonly BlockSpan[]): string {
  const words = spans.map((s) => text.blocks[s.block]!.text.slice(s.start, s.end)).join(' ');
  const chars = [...oneLine(words)];
  const cut = chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : words;
  return `「${escapeInline(oneLine(cut))}」`;
}

/** The block-quote lines of a block's notes (without `> `), notes apart by blank quote lines. */
function notesOf(text: ArticleText, notes: BlockMarks['notes']): string[] {
  const noted = notes.filter((n) => n.highlight.note.trim());
  const out: string[] = [];
  for (const n of noted) {
    const lead = noted.length > 1 ? `${NOTE_LEAD}${excerpt(text, n.spans)} ` : NOTE_LEAD;
    const lines = noteLines(n.highlight.note, lead);
    if (!lines.length) continue;
    if (out.length) out.push('');
    out.push(...lines);
  }
  return out;
}

/**
 * `text` as Markdown with `highlights` marked in place (see the module
 * comment). Overlapping highlights make one mark; a highlight across blocks
 * is marked in each, its note after the last. Linear in the text's length
 * apart from placing the highlights (place-in-text.ts).
 */
export function articleTextToMarkdown(
  text: ArticleText,
  highlights: readonly Highlight[],
  options: TextMarkdownOptions = {},
): TextMarkdown {
  const obsidian = options.obsidian ?? false;
  const top = Math.min(6, Math.max(1, options.topHeading ?? 3));
  const { placed, unplaced } = placeInText(text, highlights, options.outline);
  const byBlock = new Map<number, BlockMarks>();
  const at = (b: number) => {
    let m = byBlock.get(b);
    if (!m) byBlock.set(b, (m = { marks: [], notes: [] }));
    return m;
  };
  for (const p of placed) {
    for (const s of p.spans) at(s.block).marks.push([s.start, s.end]);
    at(p.spans[p.spans.length - 1]!.block).notes.push(p);
  }

  let minLevel = 6;
  for (const b of text.blocks)
    if (b.kind === 'heading' && b.level) minLevel = Math.min(minLevel, b.level);

  const out: string[] = [];
  let inList = false;
  text.blocks.forEach((block, i) => {
    const m = byBlock.get(i);
    const line = markedLine(block.text, block.bold ?? [], m?.marks ?? [], obsidian);
    const notes = m ? notesOf(text, m.notes) : [];
    if (!line && !notes.length) return;
    if (block.kind === 'list-item') {
      if (!inList && out.length) out.push('');
      inList = true;
      out.push(`- ${line}`);
      // Indented to the item's content: the quote belongs to the item, the list goes on.
      for (const n of notes) out.push(n ? `  > ${n}` : '  >');
      return;
    }
    inList = false;
    if (out.length) out.push('');
    if (line) {
      if (block.kind === 'heading') {
        const level = Math.min(6, top + (block.level ?? minLevel) - minLevel);
        out.push(`${'#'.repeat(level)} ${line}`);
      } else out.push(line);
    }
    if (notes.length) {
      if (line) out.push('');
      for (const n of notes) out.push(n ? `> ${n}` : '>');
    }
  });
  return { markdown: out.join('\n'), unplaced };
}

/** The line for text beyond the saved bound (lib/text/article-text.ts). */
const cutLine = (cut: number) =>
  `*（正文另有 ${cut} 字未保存 / ${cut} more characters were not saved）*`;

/**
 * The full-text section of an article's export: {@link FULL_TEXT_HEADING},
 * the text with the highlights marked ({@link articleTextToMarkdown}), a line
 * for text beyond the saved bound, then the highlights that could not be
 * placed under {@link NOT_IN_TEXT_HEADING} (words, colour, note and the
 * outline point they were made in). Lines, each section followed by a blank one.
 */
export function fullTextSection(
  text: ArticleText,
  highlights: readonly Highlight[],
  options: TextMarkdownOptions = {},
): string[] {
  const { markdown, unplaced } = articleTextToMarkdown(text, highlights, options);
  const out = [FULL_TEXT_HEADING, ''];
  if (markdown) out.push(markdown, '');
  if (text.cut) out.push(cutLine(text.cut), '');
  if (unplaced.length) {
    out.push(NOT_IN_TEXT_HEADING, '');
    const items = unplaced.map((highlight) => ({ highlight, nodePath: null, placed: false }));
    pushHighlights(out, items, { obsidian: options.obsidian ?? false }, '');
    out.push('');
  }
  return out;
}
