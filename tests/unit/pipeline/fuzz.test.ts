/**
 * The fuzz suite of issue 18 (hostile pages and files): adversarial shapes and
 * seeded mutations of invented essays (tests/unit/pipeline/fuzz-shapes.ts),
 * each through analyzeText, analyzeMarkdown and, for HTML-ish input,
 * analyzeDocument. Every run must not throw, must give an outline with no
 * broken invariant (lib/outline/validate.ts), and must stay within a time
 * budget: BUDGET times the CPU time of one `/./gsu` pass over the same input,
 * measured in the same run (CPU time, not wall time, so that a loaded machine
 * slows both sides alike). Deterministic: the same seeds give the same inputs.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeDocument,
  analyzeMarkdown,
  analyzeText,
  type Analysis,
} from '../../../lib/index.ts';
import { outlineProblems } from '../../../lib/outline/validate.ts';
import { adversarialShapes, FIXTURES, mutants, type FuzzInput } from './fuzz-shapes.ts';

/**
 * How many `/./gsu` passes an entry point may take. The inputs here measure up
 * to about 600 (the DOM front end on thousands of tiny paragraphs: linkedom and
 * Readability), most under 200; a quadratic stage shows as thousands to tens of
 * thousands at these sizes.
 */
const BUDGET = 1500;
/** The regex pass runs over at least this many characters: small inputs get a floor of the same unit. */
const MIN_BASE = 65_536;
const MUTANTS = 300;
const SEED = 18;

function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

let sink = 0;
/** CPU time of one `/./gsu` pass over `s` (padded to {@link MIN_BASE}), the best of three. */
function regexPass(s: string): number {
  const pad = s.length >= MIN_BASE ? s : (s || ' ').repeat(Math.ceil(MIN_BASE / (s.length || 1)));
  let best = Infinity;
  for (let i = 0; i < 3; i++)
    best = Math.min(
      best,
      cpuMs(() => (sink += pad.replace(/./gsu, '').length)),
    );
  return Math.max(best, 0.001);
}

/** Every failure of one input: throws, broken invariants, time over budget. */
function fuzz(input: FuzzInput): string[] {
  const failures: string[] = [];
  const base = regexPass(input.text);
  const runs: Array<[string, () => Analysis]> = [
    ['analyzeText', () => analyzeText(input.text)],
    ['analyzeMarkdown', () => analyzeMarkdown(input.text)],
  ];
  if (input.html) {
    const doc = parseHTML(input.text).document as unknown as Document;
    runs.push(['analyzeDocument', () => analyzeDocument(doc)]);
  }
  for (const [entry, run] of runs) {
    const at = `${input.name} → ${entry}`;
    let result: Analysis | undefined;
    let error: unknown;
    const ms = cpuMs(() => {
      try {
        result = run();
      } catch (e) {
        error = e;
      }
    });
    if (!result) {
      failures.push(`${at}: threw ${error instanceof Error ? error.stack : String(error)}`);
      continue;
    }
    const problems = outlineProblems(result.outline);
    if (problems.length)
      failures.push(`${at}: ${problems.length} problems: ${problems.slice(0, 3).join('; ')}`);
    const ratio = ms / base;
    if (ratio > BUDGET)
      failures.push(
        `${at}: ${ms.toFixed(0)} ms CPU = ${ratio.toFixed(0)} × a /./gsu pass (${base.toFixed(2)} ms), budget ${BUDGET} ×`,
      );
  }
  return failures;
}

beforeAll(() => {
  // Warm the engine up, so that the first input's time is not the compiler's.
  for (let k = 0; k < 3; k++)
    for (const f of FIXTURES) {
      analyzeText(f.text);
      analyzeMarkdown(f.text);
      if (f.html) analyzeDocument(parseHTML(f.text).document as unknown as Document);
    }
});

describe('the fixtures', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s has an outline', (_, f) => {
    const a = f.html
      ? analyzeDocument(parseHTML(f.text).document as unknown as Document)
      : analyzeMarkdown(f.text);
    expect(a.outline.nodes.length).toBeGreaterThan(1);
    expect(outlineProblems(a.outline)).toEqual([]);
  });
});

describe('adversarial shapes', () => {
  it.each(adversarialShapes(SEED).map((s) => [s.name, s] as const))(
    '%s',
    (_, input) => {
      expect(fuzz(input)).toEqual([]);
    },
    30_000,
  );
});

describe(`${MUTANTS} mutants of the fixtures (seed ${SEED})`, () => {
  const all = mutants(MUTANTS, SEED);
  const batches = Array.from({ length: Math.ceil(all.length / 25) }, (_, k) =>
    all.slice(25 * k, 25 * k + 25),
  );
  it.each(batches.map((b) => [b[0]!.name, b] as const))(
    'a batch of 25 from %s',
    (_, batch) => {
      expect(batch.flatMap(fuzz)).toEqual([]);
    },
    30_000,
  );
});
