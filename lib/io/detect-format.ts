/** Which front end reads an input: by file name, else by a look at the text. */
export type InputFormat = 'text' | 'markdown' | 'html';

/** Markdown signs: headings, bold runs, front matter, list or quote lines. */
const MARKDOWN = /^(?:---\s*$|#{1,6}\s|>\s|[-*+]\s|\d+\.\s)|\*\*[^*\n]+\*\*/m;

/** Picks the front end for `name` (a file name or `-`) holding `text`. */
export function detectFormat(name: string, text: string): InputFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt') return 'text';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /<(?:body|p|div|article)[\s>]/.test(head)
  )
    return 'html';
  return MARKDOWN.test(text.slice(0, 4096)) ? 'markdown' : 'text';
}
