/**
 * Robustness over the saved real pages (../shared/real/pages, some 2 MB, some
 * declaring gbk while UTF-8): decode, parse with linkedom, extract; never throw,
 * never mutate the page, and give some article text. Skipped when absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blocksFromDocument } from '../../../lib/blocks/from-dom.ts';
import { decodeBytes } from '../../../lib/io/decode.ts';

const PAGES = resolve(__dirname, '../../../../shared/real/pages');
const present = existsSync(PAGES);
const files = present ? readdirSync(PAGES).filter((f) => f.endsWith('.html')) : [];

describe.skipIf(!present)(`DOM front end over real pages (${PAGES})`, () => {
  it.each(files)('%s', (file) => {
    const { text, encoding } = decodeBytes(new Uint8Array(readFileSync(join(PAGES, file))));
    expect(encoding).toBe('utf-8');
    const doc = parseHTML(text).document as unknown as Document;
    const before = doc.toString();
    const bd = blocksFromDocument(doc);
    expect(doc.toString()).toBe(before);
    expect(bd.blocks.length).toBeGreaterThan(0);
    expect(bd.blocks.every((b) => b.text.length > 0)).toBe(true);
  });
});

if (!present) {
  // Said once, loudly, instead of a placeholder test that would show as skipped when present.
  console.warn(
    `real-pages.test.ts: ../shared/real/pages is not present next to the repository (looked for ${PAGES}); these tests are skipped.`,
  );
}
