/**
 * Command-line outliner: `npm run outline -- [--format json|md] FILE`
 * FILE is a .txt, .md or .html file, or `-` for standard input.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import {
  analyzeDocument,
  analyzeMarkdown,
  analyzeText,
  type Analysis,
  type OutlineNode,
} from '../lib/index.ts';
import { decodeBytes } from '../lib/io/decode.ts';
import { detectFormat } from '../lib/io/detect-format.ts';
import { outlineToMarkdown } from '../lib/export/to-markdown.ts';

const USAGE = `usage: npm run outline -- [--format json|md] FILE
  FILE  a .txt, .md or .html file, or - for standard input
  --format json   the outline as JSON (title, author, affiliation, outline tree…) [default]
  --format md     the outline as Markdown`;

function fail(message: string, code = 2): never {
  process.stderr.write(`gangmu outline: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { format: 'json' | 'md'; file: string } {
  let format: 'json' | 'md' = 'json';
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '-f') {
      const v = argv[++i];
      if (v !== 'json' && v !== 'md')
        fail(`--format takes json or md, not ${v ?? 'nothing'}\n${USAGE}`);
      format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (v !== 'json' && v !== 'md') fail(`--format takes json or md, not ${v}\n${USAGE}`);
      format = v;
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (file === undefined) {
      file = a;
    } else {
      fail(`one file at a time (got ${file} and ${a})\n${USAGE}`);
    }
  }
  if (file === undefined) fail(`no input file\n${USAGE}`);
  return { format, file };
}

function readInput(file: string): Uint8Array {
  try {
    return file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a directory'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.message;
    return fail(`cannot read ${file}: ${why}`, 1);
  }
}

/** Nodes without their source positions: the JSON the corpus scorer reads. */
function plain(nodes: OutlineNode[]): unknown[] {
  return nodes.map((n) => ({
    level: n.level,
    kind: n.kind,
    marker: n.marker,
    text: n.text,
    key: n.key,
    children: plain(n.children),
  }));
}

function analyze(file: string, bytes: Uint8Array): Analysis {
  const probe = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const format = detectFormat(file, probe);
  const { text } = decodeBytes(bytes, { kind: format === 'html' ? 'html' : 'text' });
  if (format === 'html') {
    const { document } = parseHTML(text);
    return analyzeDocument(document as unknown as Document);
  }
  return format === 'markdown' ? analyzeMarkdown(text) : analyzeText(text);
}

const { format, file } = parseArgs(process.argv.slice(2));
const { outline } = analyze(file, readInput(file));
if (format === 'md') {
  process.stdout.write(outlineToMarkdown(outline) + '\n');
} else {
  const { nodes, ...fields } = outline;
  process.stdout.write(JSON.stringify({ ...fields, outline: plain(nodes) }, null, 2) + '\n');
}
