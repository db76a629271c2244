/**
 * Runs the engine over the shared essay corpus in-process, exactly as the
 * command-line outliner does (cli/outline.ts): sniff the format, decode the
 * bytes, parse HTML with linkedom, and print the scorer's JSON fields.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import {
  analyzeDocument,
  analyzeMarkdown,
  analyzeText,
  type Analysis,
  type Settings,
} from '../lib/index.ts';
import type { OutlineNode } from '../lib/types.ts';
import { decodeBytes } from '../lib/io/decode.ts';
import { detectFormat } from '../lib/io/detect-format.ts';
import type { ScoredNode, ScoredOutline } from './score.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** ../shared/corpus beside the repository: /work/shared/corpus for a checkout at /work/main. */
export const CORPUS_DIR = resolve(here, '../../shared/corpus');
export const SCORER = resolve(here, '../../shared/eval/score-outlines.mjs');

/** The input file of an essay id, as the scorer picks it (.txt, then .md, then .html). */
export function inputOf(dir: string, id: string): string | undefined {
  return ['.txt', '.md', '.html'].map((e) => join(dir, id + e)).find((p) => existsSync(p));
}

/** Essay ids with both a gold file and an input, sorted as the scorer sorts them. */
export function corpusIds(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .filter((id) => inputOf(dir, id))
    .sort();
}

function analyzeFile(file: string, settings: Partial<Settings>): Analysis {
  const bytes = readFileSync(file);
  const probe = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const format = detectFormat(file, probe);
  const { text } = decodeBytes(bytes, { kind: format === 'html' ? 'html' : 'text' });
  if (format === 'html')
    return analyzeDocument(parseHTML(text).document as unknown as Document, {}, settings);
  return format === 'markdown' ? analyzeMarkdown(text, settings) : analyzeText(text, settings);
}

function plain(nodes: OutlineNode[]): ScoredNode[] {
  return nodes.map((n) => ({
    level: n.level,
    text: n.text,
    key: n.key,
    children: plain(n.children),
  }));
}

/** The prediction the CLI would print for one input file. */
export function predictFile(file: string, settings: Partial<Settings> = {}): ScoredOutline {
  const { outline } = analyzeFile(file, settings);
  return {
    title: outline.title,
    author: outline.author,
    affiliation: outline.affiliation,
    outline: plain(outline.nodes),
  };
}
