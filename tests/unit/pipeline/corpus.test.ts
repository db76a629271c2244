import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, SCORER, corpusIds, inputOf, predictFile } from '../../../eval/corpus-run.ts';
import { familyOf } from '../../../eval/families.ts';
import {
  parseSummaryLine,
  scoreItem,
  summarize,
  type ItemScore,
  type ScoredOutline,
} from '../../../eval/score.ts';

const haveCorpus = existsSync(CORPUS_DIR);
const haveScorer = existsSync(SCORER);
if (!haveCorpus) {
  console.warn(
    `corpus.test.ts: the shared essay corpus was NOT FOUND at ${CORPUS_DIR} ` +
      '(looked for ../shared/corpus beside the repository); the corpus tests are skipped.',
  );
}

describe.skipIf(!haveCorpus)(`dev corpus at ${CORPUS_DIR}`, () => {
  const ids = haveCorpus ? corpusIds(CORPUS_DIR) : [];
  const preds = new Map<string, ScoredOutline>();
  const items: ItemScore[] = [];

  beforeAll(() => {
    for (const id of ids) {
      const gold = JSON.parse(
        readFileSync(join(CORPUS_DIR, `${id}.json`), 'utf8'),
      ) as ScoredOutline;
      const pred = predictFile(inputOf(CORPUS_DIR, id)!);
      preds.set(id, pred);
      items.push(scoreItem(pred, gold));
    }
  }, 120_000);

  it('holds essays to score', () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  /**
   * The figures the code reaches on the 52-item corpus (24 essays before it grew:
   * F1 0.978, meta ≥ 0.85): first outline F1 0.907, level 0.915, parent 0.936, meta 0.843 (0.8427);
   * then F1 0.921, level 0.946, parent 0.946; then F1 0.932, level 0.948, parent 0.948, meta 0.955;
   * then F1 0.943, level 0.961, parent 0.961; then F1 0.951; then F1 0.955, level 0.966, parent 0.966;
   * then F1 0.957, macro F1 0.903; then F1 0.958, macro 0.904, every family ≥ 0.90.
   * The gate rises with every improvement and is never set below a figure reached.
   */
  it('outline F1 ≥ 0.957, level ≥ 0.965, parent ≥ 0.965, title/author/affiliation ≥ 0.954, macro F1 ≥ 0.903', () => {
    const s = summarize(items);
    expect(s.f1, 'outline F1').toBeGreaterThanOrEqual(0.957);
    expect(s.level, 'level accuracy').toBeGreaterThanOrEqual(0.965);
    expect(s.parent, 'parent accuracy').toBeGreaterThanOrEqual(0.965);
    expect(s.meta, 'title/author/affiliation accuracy').toBeGreaterThanOrEqual(0.954);
    expect(s.macroF1, 'macro F1 (the mean of the essays’ F1)').toBeGreaterThanOrEqual(0.903);
  });

  it('every source family reaches outline F1 0.90 (s, h, x, p, e)', () => {
    const byFamily = new Map<string, ItemScore[]>();
    ids.forEach((id, k) => {
      const f = familyOf(id);
      byFamily.set(f, [...(byFamily.get(f) ?? []), items[k]!]);
    });
    for (const [f, list] of byFamily)
      expect(summarize(list).f1, `family ${f}`).toBeGreaterThanOrEqual(0.9);
  });

  describe.skipIf(!haveScorer)('the in-process scorer agrees with score-outlines.mjs', () => {
    let dir = '';
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('gives the same summary for the same predictions', () => {
      dir = mkdtempSync(join(tmpdir(), 'gangmu-pred-'));
      for (const [id, pred] of preds) writeFileSync(join(dir, `${id}.json`), JSON.stringify(pred));
      const out = execFileSync(
        process.execPath,
        [SCORER, '--gold', CORPUS_DIR, '--pred-dir', dir],
        { encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      const lines = out.trim().split('\n');
      const ref = parseSummaryLine(lines[lines.length - 1]!);
      const mine = summarize(items);
      expect(mine.items).toBe(ref.items);
      for (const k of [
        'f1',
        'precision',
        'recall',
        'level',
        'parent',
        'meta',
        'macroF1',
      ] as const) {
        expect(Number(mine[k].toFixed(3)), k).toBe(ref[k]);
      }
    }, 60_000);
  });
});
