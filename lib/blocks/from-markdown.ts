/**
 * The Markdown front end: a clipping (Obsidian Web Clipper, MarkDownload…) to
 * a {@link BlockDoc}. Block syntax is read line by line: ATX and setext
 * headings, paragraphs (hard-wrapped lines joined; no space between CJK),
 * `-`/`*`/`+`/`1.` list items, block quotes. Front matter and a quoted byline
 * (`> 作者：…`, `> 来源：…`) become hints; fenced code, rules and images are
 * dropped. Inline markup is removed by lib/text/md-inline.ts with bold kept
 * as spans; every block maps back to the raw Markdown through its offsets.
 */
import type { Block, BlockDoc, BlockKind, DocHints } from '../types.ts';
import { mergeSpans } from '../text/fake-bold.ts';
import { readFrontMatter } from '../text/front-matter.ts';
import { stripInline } from '../text/md-inline.ts';
import { normalizeText } from '../text/normalize.ts';

interface Range {
  start: number;
  end: number;
}

interface Pending {
  kind: BlockKind;
  headingLevel?: number;
  parts: Range[];
}

const ATX_RE = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const RULE_RE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT1_RE = /^ {0,3}=+[ \t]*$/;
const BULLET_RE = /^ {0,3}[-*+][ \t]+/;
const ORDERED_RE = /^ {0,3}(\d{1,9}[.)])[ \t]+/;
const QUOTE_RE = /^ {0,3}>[ \t]?/;
const TABLE_RULE_RE = /^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
/** Meta lines of a quoted byline block: 作者 → byline, 来源/出处 → site name; the rest is dropped. */
const QUOTE_META_RE =
  /^(作者|来源|出处|原文|原标题|编辑|责任编辑|责编|发布时间|时间|日期|记者)\s*[：:]\s*(.*)$/;

/** Build one block from its source ranges, or null when nothing visible is left. */
function buildBlock(md: string, p: Pending): Block | null {
  let src = '';
  const srcOffsets: number[] = [];
  let prevEnd = 0;
  for (const r of p.parts) {
    if (src.length > 0) {
      src += '\n';
      srcOffsets.push(prevEnd); // the line break (or the \r of a CRLF) ending the previous line
    }
    prevEnd = r.end;
    src += md.slice(r.start, r.end);
    for (let i = r.start; i < r.end; i++) srcOffsets.push(i);
  }
  const stripped = stripInline(src, srcOffsets);
  const norm = normalizeText(stripped.text);
  const n = norm.text.length;
  if (n === 0) return null;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i] = stripped.offsets[norm.offsets[i]!]!;
  const lastStripped = norm.offsets[n]! - 1;
  offsets[n] = (stripped.offsets[lastStripped] ?? -1) + 1;
  // Stripped index → normalised index (first normalised char at or after it).
  const toNorm = new Int32Array(stripped.text.length + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) toNorm[norm.offsets[i]!] = i;
  for (let i = stripped.text.length - 1; i >= 0; i--) {
    if (toNorm[i] === n && toNorm[i + 1]! < n) toNorm[i] = toNorm[i + 1]!;
  }
  const bold = mergeSpans(
    stripped.bold
      .map(([a, b]) => [toNorm[a]!, toNorm[b]!] as [number, number])
      .filter(([a, b]) => b > a),
  );
  const block: Block = {
    kind: p.kind,
    text: norm.text,
    bold,
    source: { kind: 'text', offsets },
  };
  if (p.headingLevel !== undefined) block.headingLevel = p.headingLevel;
  return block;
}

/** Record a `> 作者：…` style meta line in the hints; true when it was one. */
function readQuoteMeta(line: string, hints: DocHints): boolean {
  const m = QUOTE_META_RE.exec(line.trim());
  if (!m) return false;
  const value = m[2]!.replace(/[*_]/g, '').trim();
  if (value === '') return true;
  if (m[1] === '作者' || m[1] === '记者') hints.byline ??= value;
  else if (m[1] === '来源' || m[1] === '出处') hints.siteName ??= value;
  return true;
}

/**
 * Cut a Markdown document into blocks.
 *
 * @param md the Markdown source
 * @returns a `markdown` BlockDoc: `heading` blocks with `headingLevel`,
 *   `list-item` blocks (an ordered item keeps its number, `1.`, since it is an
 *   ordinal the recogniser reads; bullets are dropped), `paragraph` blocks;
 *   hints from front matter and a quoted byline
 */
export function blocksFromMarkdown(md: string): BlockDoc {
  const { hints, bodyStart } = readFrontMatter(md);
  const blocks: Block[] = [];
  let pending: Pending | null = null;
  let fence: string | null = null;
  const flush = (): void => {
    if (pending) {
      const block = buildBlock(md, pending);
      if (block) blocks.push(block);
    }
    pending = null;
  };
  const open = (kind: BlockKind, start: number, end: number, headingLevel?: number): void => {
    flush();
    pending = { kind, parts: [{ start, end }] };
    if (headingLevel !== undefined) pending.headingLevel = headingLevel;
  };

  let pos = bodyStart;
  while (pos <= md.length) {
    let eol = md.indexOf('\n', pos);
    if (eol < 0) eol = md.length;
    const end = eol > pos && md[eol - 1] === '\r' ? eol - 1 : eol;
    const line = md.slice(pos, end);
    const start = pos;
    pos = eol + 1;

    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    const fenceMatch = FENCE_RE.exec(line);
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const cur = pending as Pending | null;
    if (cur && cur.kind === 'paragraph' && cur.parts.length > 0) {
      if (SETEXT1_RE.test(line) || /^ {0,3}-+[ \t]*$/.test(line)) {
        cur.kind = 'heading';
        cur.headingLevel = line.includes('=') ? 1 : 2;
        flush();
        continue;
      }
    }
    const atx = ATX_RE.exec(line);
    if (atx) {
      let hEnd = end;
      const closing = /[ \t]+#+[ \t]*$/.exec(line);
      if (closing) hEnd = start + closing.index;
      open('heading', start + atx[0].length, Math.max(start + atx[0].length, hEnd), atx[1]!.length);
      flush();
      continue;
    }
    if (RULE_RE.test(line) || TABLE_RULE_RE.test(line)) {
      flush();
      continue;
    }
    const quote = QUOTE_RE.exec(line);
    if (quote) {
      const inner = line.slice(quote[0].length);
      if (readQuoteMeta(inner.replace(/^[*_]+/, ''), hints)) {
        flush();
        continue;
      }
      if (inner.trim() === '') {
        flush();
        continue;
      }
      if (cur && cur.kind === 'paragraph' && (cur as Pending & { quote?: boolean }).quote) {
        cur.parts.push({ start: start + quote[0].length, end });
      } else {
        open('paragraph', start + quote[0].length, end);
        (pending as unknown as { quote: boolean }).quote = true;
      }
      continue;
    }
    const bullet = BULLET_RE.exec(line);
    if (bullet) {
      open('list-item', start + bullet[0].length, end);
      continue;
    }
    const ordered = ORDERED_RE.exec(line);
    if (ordered) {
      open('list-item', start + ordered.index + line.indexOf(ordered[1]!), end);
      continue;
    }
    if (cur && !(cur as Pending & { quote?: boolean }).quote) {
      cur.parts.push({ start, end }); // hard-wrapped continuation (or lazy list continuation)
    } else {
      open('paragraph', start, end);
    }
  }
  flush();
  return { format: 'markdown', blocks, hints };
}
