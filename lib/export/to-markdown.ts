/**
 * The Markdown serialiser shared by the command-line outliner and the
 * extension's export: YAML front matter, the outline as a nested list with
 * markers kept, then key formulations and the digest.
 */
import type { Outline, OutlineNode } from '../types.ts';

/** What the caller knows beyond the outline itself. */
export interface MarkdownOptions {
  /** The article's address, for the front matter. */
  url?: string;
  /** When the article was saved (ISO 8601). */
  savedAt?: string;
  tags?: string[];
}

/** Quotes a YAML scalar when it needs it (always double-quoted, JSON escaping is valid YAML). */
function yamlValue(v: string): string {
  return JSON.stringify(v);
}

/** Escapes text so that Markdown shows it literally (page text is never markup). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/([\\`*_[\]<>#|~=])/g, '\\$1')
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*\d+)\.(\s)/, '$1\\.$2');
}

function nodeLine(n: OutlineNode): string {
  const marker = n.marker ? `${escapeMarkdown(n.marker)} ` : '';
  const key =
    n.key && n.key !== n.text && n.text.includes(n.key) ? ` — *${escapeMarkdown(n.key)}*` : '';
  return `${marker}${escapeMarkdown(n.text)}${key}`;
}

function listLines(nodes: OutlineNode[], depth: number, out: string[]): void {
  for (const n of nodes) {
    out.push(`${'  '.repeat(depth)}- ${nodeLine(n)}`);
    listLines(n.children, depth + 1, out);
  }
}

/** Serialises an outline as Markdown. */
export function outlineToMarkdown(outline: Outline, options: MarkdownOptions = {}): string {
  const out: string[] = ['---'];
  const field = (name: string, v: string | null | undefined) => {
    if (v) out.push(`${name}: ${yamlValue(v)}`);
  };
  field('title', outline.title);
  field('subtitle', outline.subtitle);
  field('author', outline.author);
  field('affiliation', outline.affiliation);
  field('source', options.url);
  field('saved', options.savedAt);
  if (options.tags?.length) out.push(`tags: [${options.tags.map(yamlValue).join(', ')}]`);
  out.push('---', '');
  out.push(`# ${escapeMarkdown(outline.title ?? '（无标题）')}`, '');
  if (outline.subtitle) out.push(`## ${escapeMarkdown(outline.subtitle)}`, '');
  const by =
    [outline.author, outline.affiliation].filter(Boolean).join('（') +
    (outline.author && outline.affiliation ? '）' : '');
  if (by) out.push(`*${escapeMarkdown(by)}*`, '');
  out.push('## 纲目 Outline', '');
  if (outline.nodes.length) listLines(outline.nodes, 0, out);
  else out.push('（未识别到结构 / no structure found）');
  out.push('');
  if (outline.conclusion)
    out.push(`**结论 Conclusion:** ${escapeMarkdown(outline.conclusion)}`, '');
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
