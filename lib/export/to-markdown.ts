/**
 * The Markdown serialiser shared by the command-line outliner and the
 * extension's export: YAML front matter, the outline as a nested list with
 * markers kept, the reader's highlights under the nodes they lie in, the
 * highlights that could not be placed, then key formulations and the digest.
 * All page text and notes are escaped: the output never carries raw HTML.
 * Front-matter values are one-line quoted YAML scalars (yaml-scalar.ts) and
 * body text is made one line where a line is expected (markdown-escape.ts
 * oneLine), so no value (a title with a line break, a `---`) can end the front
 * matter, start a YAML document or put a heading or rule in the body.
 * The library's export adds the saved text after it (article-markdown.ts):
 * not here, so the content script's copy carries none of that code.
 */
import { nodeAtPath } from '../model.ts';
import type { Outline, OutlineNode } from '../types.ts';
import {
  inReadingOrder,
  pushHighlights,
  type ExportedHighlight,
  type HighlightStyle,
} from './highlights-md.ts';
import { escapeMarkdown } from './markdown-escape.ts';
import { yamlString } from './yaml-scalar.ts';

export { escapeMarkdown, oneLine } from './markdown-escape.ts';
export { yamlString } from './yaml-scalar.ts';
export type { ExportedHighlight } from './highlights-md.ts';

/** What the caller knows beyond the outline itself. All optional. */
export interface MarkdownOptions {
  /** The article's address, for the front matter. */
  url?: string;
  /** When the article was saved (ISO 8601). */
  savedAt?: string;
  tags?: string[];
  /** The title to use when the outline found none (e.g. the saved article's title). */
  title?: string;
  /** The author's unit, when known better than the outline's `affiliation`. */
  affiliation?: string;
  /** The reader's highlights, placed (under their node, or the intro) or not (listed at the end). */
  highlights?: ExportedHighlight[];
  /** Write highlights the Obsidian way: `==text==` and `#highlight/<colour>` tags. */
  obsidian?: boolean;
}

/** Heading of the section for highlights that could not be placed. */
export const ORPHANS_HEADING = '## 未能定位的划线 / Could not be placed';

function nodeLine(n: OutlineNode): string {
  const marker = n.marker ? `${escapeMarkdown(n.marker)} ` : '';
  const key =
    n.key && n.key !== n.text && n.text.includes(n.key) ? ` — *${escapeMarkdown(n.key)}*` : '';
  return `${marker}${escapeMarkdown(n.text)}${key}`;
}

/** Highlights grouped by where they go: a node (by path), the intro, or the orphans. */
interface Grouped {
  byNode: Map<string, ExportedHighlight[]>;
  intro: ExportedHighlight[];
  orphans: ExportedHighlight[];
}

function groupHighlights(outline: Outline, items: ExportedHighlight[]): Grouped {
  const g: Grouped = { byNode: new Map(), intro: [], orphans: [] };
  for (const item of inReadingOrder(items)) {
    if (!item.placed) g.orphans.push(item);
    else if (item.nodePath?.length && nodeAtPath(outline.nodes, item.nodePath)) {
      const key = item.nodePath.join('.');
      const list = g.byNode.get(key) ?? [];
      list.push(item);
      g.byNode.set(key, list);
    } else g.intro.push(item);
  }
  return g;
}

/** The line for points beyond the outline's cap (lib/outline/cap.ts). */
const moreLine = (more: number) =>
  `*（另有 ${more} 个要点未列出 / ${more} more points not listed）*`;

function listLines(
  nodes: OutlineNode[],
  path: number[],
  g: Grouped,
  style: HighlightStyle,
  out: string[],
  more = 0,
): void {
  const indent = '  '.repeat(path.length);
  nodes.forEach((n, i) => {
    const p = [...path, i];
    out.push(`${indent}- ${nodeLine(n)}`);
    // Quotes indented to the item's content column belong to the item.
    const mine = g.byNode.get(p.join('.'));
    if (mine) pushHighlights(out, mine, style, indent + '  ');
    listLines(n.children, p, g, style, out, n.more ?? 0);
  });
  if (more > 0) out.push(`${indent}- ${moreLine(more)}`);
}

/**
 * Serialises an outline (and, optionally, the reader's highlights) as
 * Markdown. Without highlights the output is the outline alone, as the CLI
 * prints it. A highlight whose `nodePath` no longer names a node goes with the
 * intro; orphans (`placed: false`) are listed under {@link ORPHANS_HEADING}.
 */
export function outlineToMarkdown(outline: Outline, options: MarkdownOptions = {}): string {
  const title = outline.title ?? options.title ?? null;
  const affiliation = options.affiliation ?? outline.affiliation;
  const style: HighlightStyle = { obsidian: options.obsidian ?? false };
  const g = groupHighlights(outline, options.highlights ?? []);

  const out: string[] = ['---'];
  const field = (name: string, v: string | null | undefined) => {
    if (v) out.push(`${name}: ${yamlString(v)}`);
  };
  field('title', title);
  field('subtitle', outline.subtitle);
  field('author', outline.author);
  field('affiliation', affiliation);
  field('source', options.url);
  field('saved', options.savedAt);
  if (options.tags?.length) out.push(`tags: [${options.tags.map(yamlString).join(', ')}]`);
  out.push('---', '');
  // One line, never empty: a title of line breaks alone has no words to show.
  out.push(`# ${escapeMarkdown(title ?? '') || '（无标题）'}`, '');
  const subtitle = escapeMarkdown(outline.subtitle ?? '');
  if (subtitle) out.push(`## ${subtitle}`, '');
  const by =
    [outline.author, affiliation].filter(Boolean).join('（') +
    (outline.author && affiliation ? '）' : '');
  if (by) out.push(`*${escapeMarkdown(by)}*`, '');
  if (g.intro.length) {
    out.push('## 导语 Intro', '');
    pushHighlights(out, g.intro, style, '');
    out.push('');
  }
  out.push('## 纲目 Outline', '');
  if (outline.nodes.length) listLines(outline.nodes, [], g, style, out, outline.more ?? 0);
  else out.push('（未识别到结构 / no structure found）');
  out.push('');
  if (outline.conclusion)
    out.push(`**结论 Conclusion:** ${escapeMarkdown(outline.conclusion)}`, '');
  if (g.orphans.length) {
    out.push(ORPHANS_HEADING, '');
    pushHighlights(out, g.orphans, style, '');
    out.push('');
  }
  if (outline.formulations.length) {
    out.push('## 提法 Key formulations', '');
    for (const f of outline.formulations)
      out.push(`- “${escapeMarkdown(f.text)}” ×${f.occurrences.length}`);
    out.push('');
  }
  if (outline.digest.length) {
    out.push('## 摘要 Digest', '');
    for (const d of outline.digest) out.push(`> ${escapeMarkdown(d)}`, '>');
    out.pop();
    out.push('');
  }
  return out.join('\n');
}
