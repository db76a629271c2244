/**
 * Prints the blocks the front end reads from a file, one per line (index,
 * kind, tag, heading level, bold runs, text): what the recognisers see.
 *
 *   npx tsx eval/blocks.ts FILE [WIDTH]
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { blocksFromDocument, blocksFromMarkdown, blocksFromText } from '../lib/index.ts';
import { decodeBytes } from '../lib/io/decode.ts';
import { detectFormat } from '../lib/io/detect-format.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx eval/blocks.ts FILE [WIDTH]');
  process.exit(2);
}
const width = Number(process.argv[3] ?? 80);
// Piped into head: stop quietly when the reader has seen enough.
process.stdout.on('error', () => process.exit(0));
const bytes = readFileSync(file);
const format = detectFormat(file, new TextDecoder().decode(bytes.subarray(0, 4096)));
const { text } = decodeBytes(bytes, { kind: format === 'html' ? 'html' : 'text' });
const doc =
  format === 'html'
    ? blocksFromDocument(parseHTML(text).document as unknown as Document)
    : format === 'markdown'
      ? blocksFromMarkdown(text)
      : blocksFromText(text);
doc.blocks.forEach((b, i) =>
  console.log(
    [
      i,
      b.kind,
      b.tag ?? '',
      b.headingLevel ?? '',
      b.bold.length ? `B${JSON.stringify(b.bold)}` : '',
      b.text.slice(0, width),
    ]
      .filter((x) => x !== '')
      .join(' '),
  ),
);
