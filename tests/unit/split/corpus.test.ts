/**
 * A check against the shared corpus, when it is present: every slice whose
 * gold title is printed in it yields an article containing that title (the
 * splitter never cuts through a headline or throws it away). The corpus is
 * real text nobody here wrote; this test reads it and reports, it is not a
 * target to tune to.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../../lib/split/split-articles.ts';

const CORPUS = '/work/shared/corpus';
const present = existsSync(CORPUS);
const files = present ? readdirSync(CORPUS).filter((f) => /^s.*\.txt$/.test(f)) : [];
/** Whitespace and punctuation removed: titles are wrapped and re-punctuated in PDF text. */
const bare = (s: string) => s.replace(/[\s\u3000\p{P}\p{S}]/gu, '');

describe.skipIf(!present)(`splitArticles on the corpus slices (${CORPUS})`, () => {
  it.each(files)('%s', (file) => {
    const raw = readFileSync(join(CORPUS, file), 'utf8');
    const gold = JSON.parse(
      readFileSync(join(CORPUS, file.replace(/\.txt$/, '.json')), 'utf8'),
    ) as {
      title: string | null;
    };
    const articles = splitArticles(raw);
    expect(articles.length).toBeGreaterThan(0);
    const title = gold.title ? bare(gold.title) : '';
    if (!title || !bare(raw).includes(title)) return; // the title is not printed in this slice
    const holding = articles.filter((a) => bare(raw.slice(a.start, a.end)).includes(title));
    expect(holding.length, `no article holds the title ${gold.title}`).toBeGreaterThan(0);
  });
});

if (!present) {
  describe('splitArticles on the corpus slices', () => {
    it.skip(`skipped: ${CORPUS} is absent`, () => {});
  });
}
