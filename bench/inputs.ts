/**
 * Benchmark inputs: essays of a given length built from the real report texts
 * in `../shared/real/texts` (concatenated and repeated), or from the synthetic
 * generator when those are absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syntheticEssay } from './synthetic-essay.ts';

/** Where the real report texts live: `$GANGMU_BENCH_TEXTS`, else `../shared/real/texts` beside the repository. */
const TEXTS_DIR = process.env.GANGMU_BENCH_TEXTS
  ? `${process.env.GANGMU_BENCH_TEXTS.replace(/\/+$/, '')}/`
  : fileURLToPath(new URL('../../shared/real/texts/', import.meta.url));

/** The text every benchmark input is cut from, and where it came from. */
export interface Corpus {
  /** 'real' when built from report texts, 'synthetic' otherwise. */
  source: 'real' | 'synthetic';
  /** Human-readable description of the source. */
  description: string;
  /** Returns the essay text of about `chars` characters. */
  essay(chars: number): string;
}

/** A cut of `text` at most `chars` long, ending at a line or sentence end when one is near. */
function cut(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const head = text.slice(0, chars);
  const line = head.lastIndexOf('\n');
  if (line >= chars * 0.9) return head.slice(0, line);
  const stop = head.lastIndexOf('。');
  if (stop >= chars * 0.9) return head.slice(0, stop + 1);
  return head;
}

/**
 * The benchmark corpus: the real texts when present (unless `forceSynthetic`),
 * else the synthetic essay generator.
 */
export function loadCorpus(forceSynthetic = false): Corpus {
  const files =
    !forceSynthetic && existsSync(TEXTS_DIR)
      ? readdirSync(TEXTS_DIR)
          .filter((f) => f.endsWith('.txt'))
          .sort()
      : [];
  if (files.length === 0) {
    return {
      source: 'synthetic',
      description: forceSynthetic
        ? 'synthetic essay generator (--synthetic)'
        : `synthetic essay generator (${TEXTS_DIR} not found)`,
      essay: (chars) => cut(syntheticEssay(chars), chars),
    };
  }
  const all = files.map((f) => readFileSync(TEXTS_DIR + f, 'utf8')).join('\n\n');
  return {
    source: 'real',
    description: `${files.length} real texts in ${TEXTS_DIR} (${all.length} chars, repeated as needed)`,
    essay: (chars) => cut(all.repeat(Math.ceil(chars / all.length)), chars),
  };
}
