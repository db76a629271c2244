import { describe, expect, it } from 'vitest';
import { MAX_UNIT, mergeSpans, undoFakeBold } from '../../../lib/text/fake-bold.ts';
import { expectMapped } from './offset-check.ts';

/** A text mapped to itself: offsets 0…n. */
const mapped = (text: string) => ({
  text,
  offsets: Int32Array.from({ length: text.length + 1 }, (_, i) => i),
});

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

/**
 * The fake-bold repair written the obvious way (every unit length rescanned at
 * every position, quadratic on long runs): the reference the linear
 * implementation must agree with.
 */
function naiveUndo(s: string): { text: string; bold: [number, number][] } {
  const n = s.length;
  const unitAt = (i: number) => {
    let best: { len: number; k: number } | null = null;
    for (let len = 1; len <= MAX_UNIT && i + 2 * len <= n; len++) {
      let k = 1;
      while (i + (k + 1) * len <= n && s.substr(i + k * len, len) === s.substr(i, len)) k++;
      if (k >= 2 && (best === null || len * k > best.len * best.k)) best = { len, k };
    }
    return best;
  };
  const isQuote = (c: number) =>
    (c >= 0x2018 && c <= 0x201f) ||
    (c >= 0x3008 && c <= 0x3011) ||
    c === 0xff08 ||
    c === 0xff09 ||
    c === 0x22 ||
    c === 0x27;
  const keep = new Array<boolean>(n).fill(true);
  const boldRaw: [number, number][] = [];
  let i = 0;
  while (i < n) {
    const first = unitAt(i);
    if (first === null) {
      i++;
      continue;
    }
    const chain = [{ start: i, ...first }];
    let end = i + first.len * first.k;
    for (let next = unitAt(end); next !== null && next.k === first.k; next = unitAt(end)) {
      chain.push({ start: end, ...next });
      end += next.len * next.k;
    }
    const chars = chain.reduce((a, u) => a + u.len, 0);
    const longest = Math.max(...chain.map((u) => u.len));
    const accept =
      first.k >= 3
        ? chars >= 2 || isQuote(s.charCodeAt(i))
        : i === 0 && end === n
          ? chars >= 2
          : longest >= 4 || (chain.length >= 2 && chars >= 4 && longest >= 2);
    if (!accept) {
      i++;
      continue;
    }
    for (const u of chain) keep.fill(false, u.start + u.len, u.start + u.len * u.k);
    boldRaw.push([i, end]);
    i = end;
  }
  const newIndex: number[] = [];
  let text = '';
  for (let p = 0; p <= n; p++) {
    newIndex.push(text.length);
    if (p < n && keep[p]) text += s[p];
  }
  return { text, bold: mergeSpans(boldRaw.map(([a, b]) => [newIndex[a]!, newIndex[b]!])) };
}

/** Random text over `alphabet`, half of it repeated units of 1–`maxUnit` characters. */
function repetitive(rnd: () => number, alphabet: string, length: number, maxUnit: number): string {
  const pick = () => alphabet[Math.floor(rnd() * alphabet.length)]!;
  let s = '';
  while (s.length < length) {
    if (rnd() < 0.5) {
      s += pick();
      continue;
    }
    let unit = '';
    const len = 1 + Math.floor(rnd() * maxUnit);
    for (let q = 0; q < len; q++) unit += pick();
    s += unit.repeat(1 + Math.floor(rnd() * 4));
  }
  return s;
}

describe('undoFakeBold against the quadratic reference', () => {
  const alphabets = ['ab', 'abc', '好-', '把握四个关键“”', '坚持人民至上的发展思想，。'];
  it.each(alphabets)('agrees on random repetitive text over %s', (alphabet) => {
    const rnd = random(alphabet.length * 7919);
    for (let t = 0; t < 400; t++) {
      const length = 1 + Math.floor(rnd() * (t % 20 === 0 ? 400 : 60));
      const maxUnit = t % 5 === 0 ? MAX_UNIT + 2 : 4;
      const s = repetitive(rnd, alphabet, length, maxUnit);
      const got = undoFakeBold(mapped(s));
      const want = naiveUndo(s);
      expect({ s, text: got.text, bold: got.bold }).toEqual({ s, ...want });
      expectMapped(s, got.text, got.offsets);
    }
  });

  it.each([
    ['a row of dashes kept', '-'.repeat(300), '-'.repeat(300)],
    ['a run of one character kept', '好'.repeat(301), '好'.repeat(301)],
    ['a run of quote marks undone', '“'.repeat(50), '“'],
    ['a repeated two-character unit undone', '把握'.repeat(500), '把握'],
    [
      'a unit of MAX_UNIT characters tripled',
      ('x'.repeat(MAX_UNIT - 1) + 'y').repeat(3),
      'x'.repeat(MAX_UNIT - 1) + 'y',
    ],
  ])('%s', (_name, raw, expected) => {
    expect(undoFakeBold(mapped(raw)).text).toBe(expected);
    expect(naiveUndo(raw).text).toBe(expected);
  });
});

describe('undoFakeBold time', () => {
  /**
   * Least CPU time of one call of `f` over `rounds` rounds of `reps` calls, in
   * ms. CPU time of this process, not wall time: on a loaded machine other
   * processes preempt this one, and that waiting is not the repair's cost.
   */
  const cpuMs = (f: () => unknown, reps: number, rounds = 1) => {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t0 = process.cpuUsage();
      for (let k = 0; k < reps; k++) f();
      const t = process.cpuUsage(t0);
      best = Math.min(best, (t.user + t.system) / 1000 / reps);
    }
    return best;
  };
  /** Runs of 好 of every length from 1 to 200, each followed by a clause of prose. */
  const mixedRuns = (n: number) => {
    let s = '';
    for (let r = 1; s.length < n; r = (r % 200) + 1) s += '好'.repeat(r) + '坚持人民至上，';
    return s.slice(0, n);
  };
  /** Repeats (three times) of random units of every length up to MAX_UNIT. */
  const unitRuns = (n: number) => {
    const rnd = random(42);
    let s = '';
    for (let len = 1; s.length < n; len = (len % MAX_UNIT) + 1) {
      let unit = '';
      for (let q = 0; q < len; q++) unit += String.fromCharCode(0x61 + Math.floor(rnd() * 26));
      s += unit.repeat(3) + '。';
    }
    return s.slice(0, n);
  };
  const randomText = (n: number) => {
    const rnd = random(7);
    let s = '';
    while (s.length < n) s += 'ab'[Math.floor(rnd() * 2)];
    return s;
  };
  const shapes: [name: string, make: (n: number) => string][] = [
    ['a row of "-"', (n) => '-'.repeat(n)],
    ['a run of 好', (n) => '好'.repeat(n)],
    ['a repeated two-character unit', (n) => '把握'.repeat(n >> 1)],
    ['runs of 好 of every length mixed with text', mixedRuns],
    ['repeats of units of every length up to MAX_UNIT', unitRuns],
    ['random text over two letters', randomText],
  ];

  it.each(shapes)('grows linearly on %s (80,000 against 20,000 characters)', (_name, make) => {
    // Growth, not speed: both sizes are timed in the same run, so a loaded
    // machine slows both. Linear is 4x; quadratic (the old repair took 16 s on
    // 20,000 dashes) would be 16x.
    const small = mapped(make(20_000));
    const large = mapped(make(80_000));
    cpuMs(() => undoFakeBold(large), 2); // warm-up
    // Interleaved rounds, least of each: a slow round spoils only itself.
    let smallMs = Infinity;
    let largeMs = Infinity;
    for (let round = 0; round < 5; round++) {
      smallMs = Math.min(
        smallMs,
        cpuMs(() => undoFakeBold(small), 4),
      );
      largeMs = Math.min(
        largeMs,
        cpuMs(() => undoFakeBold(large), 1),
      );
    }
    expect(largeMs).toBeLessThan(8 * smallMs + 0.5);
  });

  it('repairs 100,000 "-" within 100 regex passes over the same string', () => {
    const text = '-'.repeat(100_000);
    const input = mapped(text);
    const scan = () => {
      const re = /./gs; // visits every character, unlike a search for an absent one
      let count = 0;
      while (re.test(text)) count++;
      return count;
    };
    cpuMs(() => undoFakeBold(input), 2); // warm-up
    cpuMs(scan, 2);
    const repairMs = cpuMs(() => undoFakeBold(input), 1, 5);
    const scanMs = cpuMs(scan, 1, 5);
    expect(undoFakeBold(input).text).toBe(text);
    // About 10x here; the quadratic repair took over two minutes.
    expect(repairMs).toBeLessThan(100 * scanMs + 1);
  });
});
