/**
 * The DOM front end over the annotated whole-page corpus (../shared/corpus/h*.html):
 * every gold outline node's text must be inside the article's blocks, and the
 * gold title inside a block or hints.title. Skipped when the corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blocksFromDocument } from '../../../lib/blocks/from-dom.ts';
import { normalizeText } from '../../../lib/text/normalize.ts';

const CORPUS = resolve(__dirname, '../../../../shared/corpus');
const present = existsSync(CORPUS);
const pages = present ? readdirSync(CORPUS).filter((f) => /^h\d+\.html$/.test(f)) : [];

interface GoldNode {
  kind: string;
  marker: string | null;
  text: string;
  children: GoldNode[];
}

const flat = (nodes: GoldNode[]): GoldNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
/** Normalised like block text, then all whitespace dropped. */
const squeeze = (s: string) => normalizeText(s).text.replace(/\s+/g, '');

describe.skipIf(!present)(`DOM front end over the corpus pages (${CORPUS})`, () => {
  it.each(pages)('%s: gold nodes and title are in the article blocks', (file) => {
    const gold = JSON.parse(readFileSync(join(CORPUS, file.replace(/\.html$/, '.json')), 'utf8'));
    const doc = parseHTML(readFileSync(join(CORPUS, file), 'utf8')).document as unknown as Document;
    const bd = blocksFromDocument(doc);
    const all = bd.blocks.map((b) => b.text.replace(/\s+/g, '')).join('');
    const nodes = flat(gold.outline as GoldNode[]);
    const missing = nodes.filter((n) => !all.includes(squeeze(n.text))).map((n) => n.text);
    expect(missing).toEqual([]);

    // Headings and leads start a block, or a bold run, right after their marker.
    const squeezedBlocks = bd.blocks.map((b) => ({ b, t: b.text.replace(/\s+/g, '') }));
    const badStarts = nodes
      .filter((n) => n.kind !== 'inline')
      .filter((n) => {
        const head = squeeze(n.text).slice(0, 6);
        const slack = (n.marker?.length ?? 0) + 2; // marker plus its 、．： and an opening quote
        return !squeezedBlocks.some(({ b, t }) => {
          const at = t.indexOf(head);
          if (at < 0) return false;
          if (at <= slack) return true;
          const raw = b.text.indexOf(head);
          return b.bold.some(([s]) => raw >= s && raw - s <= slack);
        });
      })
      .map((n) => n.text);
    expect(badStarts).toEqual([]);

    if (gold.title) {
      const title = squeeze(gold.title);
      expect(all.includes(title) || squeeze(bd.hints.title ?? '').includes(title)).toBe(true);
    }
  });
});

if (!present) {
  // Said once, loudly, instead of a placeholder test that would show as skipped when present.
  console.warn(
    `corpus-pages.test.ts: ../shared/corpus is not present next to the repository (looked for ${CORPUS}); these tests are skipped.`,
  );
}
