/**
 * The adversarial section of the engine benchmark (issue 18): the hostile
 * shapes of the fuzz suite, built at 1 and 5 million characters, each timed
 * through its entry point (`analyzeText`, `analyzeMarkdown` or
 * `analyzeDocument`) and compared per character with the 20k essay measured
 * in the same run. The target: time per character at 5M within 2× of that at
 * 1M. Reported, not asserted.
 *
 * Each shape runs in a worker thread of its own (a fresh heap, so one shape's
 * garbage or a heap overflow cannot spoil the next), under a deadline: a
 * measurement at 5M gets the time the 2× rule allows it, and one that takes
 * longer is stopped and reported as a FAIL with the ratio it must at least
 * have. An input that throws, or kills its worker, is a FAIL line with the
 * error, never a crash or a hang of the bench.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseHTML } from 'linkedom';
import { analyzeDocument, analyzeMarkdown, analyzeText, type Analysis } from '../lib/index.ts';
import { loadCorpus, type Corpus } from './inputs.ts';
import { measure, median, type Timing, samplesLabel as runs } from './measure.ts';
import { banner, num, paint, sizeLabel, table } from './report.ts';
import { prng } from './synthetic-essay.ts';

/** Sizes of each shape, in characters (of text, or of HTML for the DOM shapes). */
export const ADVERSARIAL_SIZES = [1_000_000, 5_000_000] as const;

/** Time per character at the largest size over that at the smallest above which a shape fails. */
const LINEARITY_LIMIT = 2;

/** The reference: `analyzeText` on the essay of this size, warmed up as the main bench does. */
const ESSAY_SIZE = 20_000;
const ESSAY_TIMING = { budgetMs: 800, warmUpCalls: 100, warmUpMs: 1500 };

/**
 * Runs per size: at the smallest, one warm-up call then the median of up to 5 runs within
 * 1.5 s; at the larger, up to 3 runs within 2.5 s (a single run when a call is slower),
 * after a warm-up call only when the call is projected under 1 s: slower ones have had
 * their warm-up in the runs at the smallest size, in the same worker.
 */
const FIRST_RUNS = { budgetMs: 1500, maxSamples: 5, warmUpCalls: 1 };
const LATER_RUNS = { budgetMs: 2500, maxRuns: 3, warmUpBelowMs: 1000 };

/** Deadlines: building (and parsing) an input, and the whole measurement at the smallest size. */
const BUILD_TIMEOUT_MS = 120_000;
const FIRST_TIMEOUT_MS = 120_000;
/** Bounds on the deadline of a measurement at a larger size (otherwise set by the 2× rule). */
const MIN_TIMEOUT_MS = 20_000;
const MAX_TIMEOUT_MS = 180_000;

/** Deepest nesting of the nested-div page (a stack of this depth is repeated to reach the size). */
const MAX_DEPTH = 5000;

/** The entry point a shape goes through. */
export type Entry = 'analyzeText' | 'analyzeMarkdown' | 'analyzeDocument';

/** One adversarial shape: a deterministic generator of about `chars` characters. */
export interface AdversarialShape {
  name: string;
  entry: Entry;
  make: (chars: number) => string;
}

/** Common Han characters, no punctuation (some are numerals: markers arise by chance). */
const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展';
/** Two-character words of governance prose. */
const WORDS = [
  '加强',
  '学习',
  '改进',
  '作风',
  '落实',
  '责任',
  '推进',
  '改革',
  '完善',
  '机制',
  '提升',
  '效能',
  '服务',
  '群众',
  '统筹',
  '发展',
];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const NUMERALS = '一二三四五六七八九';

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** `n` characters drawn from `pool`. */
function drawn(r: () => number, pool: string, n: number): string {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = pool[Math.floor(r() * pool.length)]!;
  return out.join('');
}

/** `n` words of {@link WORDS}. */
function words(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += WORDS[Math.floor(r() * WORDS.length)]!;
  return s;
}

/** Pieces `piece(0)`, `piece(1)`, … joined by `sep`, until at least `chars` characters. */
function fill(chars: number, piece: (i: number) => string, sep = ''): string {
  const parts: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const p = piece(i);
    parts.push(p);
    n += p.length + (i > 0 ? sep.length : 0);
  }
  return parts.join(sep);
}

/** An HTML page around `body` (its length counted in the page's size). */
const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>对抗性输入</title></head><body>${body}</body></html>`;
const PAGE_OVERHEAD = page('').length;

/**
 * The shapes of issue 18, parameterised by size. Every generator is deterministic:
 * it seeds its own PRNG, so the same size gives the same input.
 */
export function adversarialShapes(corpus: Corpus, seed = 18): AdversarialShape[] {
  return [
    {
      name: 'one paragraph of Han, no punctuation',
      entry: 'analyzeText',
      make: (chars) => {
        const r = prng(seed);
        return fill(chars, (i) => drawn(r, HAN, Math.min(4096, chars - i * 4096))).slice(0, chars);
      },
    },
    {
      name: 'short blocks (2–6 chars) between blank lines',
      entry: 'analyzeText',
      make: (chars) => {
        const r = prng(seed + 1);
        return fill(chars, () => drawn(r, HAN, int(r, 2, 6)), '\n\n');
      },
    },
    {
      name: 'inline points 一是…九是… by ； in one paragraph',
      entry: 'analyzeText',
      make: (chars) => {
        const r = prng(seed + 2);
        return fill(chars, (i) => `${NUMERALS[i % 9]}是${words(r, 2)}`, '；') + '。';
      },
    },
    {
      name: 'lines ①…⑳ of a few words',
      entry: 'analyzeText',
      make: (chars) => {
        const r = prng(seed + 3);
        return fill(chars, (i) => `${CIRCLED[i % 20]}${words(r, int(r, 2, 5))}。`, '\n');
      },
    },
    {
      name: 'essay with CR-only line endings',
      entry: 'analyzeText',
      make: (chars) => corpus.essay(chars).replace(/\n/g, '\r'),
    },
    {
      name: 'one line of 好',
      entry: 'analyzeText',
      make: (chars) => '好'.repeat(chars),
    },
    {
      name: 'bold leads **一是加强学习**， on one line',
      entry: 'analyzeMarkdown',
      make: (chars) => fill(chars, () => '**一是加强学习**，'),
    },
    {
      name: 'HTML: short <p> paragraphs',
      entry: 'analyzeDocument',
      make: (chars) => {
        const r = prng(seed + 4);
        return page(fill(chars - PAGE_OVERHEAD, () => `<p>${drawn(r, HAN, int(r, 2, 6))}</p>`));
      },
    },
    {
      name: `HTML: nested <div>s (stacks ${MAX_DEPTH} deep)`,
      entry: 'analyzeDocument',
      // Stacks of MAX_DEPTH nested divs side by side; every tenth level opens with a
      // short point, so the text sits at every depth.
      make: (chars) => {
        const r = prng(seed + 5);
        const stack = () => {
          const open: string[] = [];
          for (let d = 0; d < MAX_DEPTH; d++)
            open.push(
              d % 10 === 0 ? `<div><p>${NUMERALS[(d / 10) % 9]}是${words(r, 3)}。</p>` : '<div>',
            );
          return open.join('') + '</div>'.repeat(MAX_DEPTH);
        };
        return page(fill(chars - PAGE_OVERHEAD, stack));
      },
    },
  ];
}

/** Runs `entry` on `input`; the DOM shapes get a linkedom document parsed beforehand. */
function prepare(entry: Entry, input: string): { run: () => Analysis; parseMs?: number } {
  switch (entry) {
    case 'analyzeText':
      return { run: () => analyzeText(input) };
    case 'analyzeMarkdown':
      return { run: () => analyzeMarkdown(input) };
    case 'analyzeDocument': {
      const t0 = performance.now();
      const doc = parseHTML(input).document as unknown as Document;
      const parseMs = performance.now() - t0;
      // analyzeDocument leaves the document untouched: one parse serves every run.
      return { run: () => analyzeDocument(doc), parseMs };
    }
  }
}

/** Up to `maxRuns` timed calls of `fn` within `budgetMs` (at least one), after an optional warm-up call. */
function timeRuns(
  fn: () => unknown,
  { warmUp, maxRuns, budgetMs }: { warmUp: boolean; maxRuns: number; budgetMs: number },
): Timing {
  const once = () => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const firstMs = warmUp ? once() : undefined;
  const start = performance.now();
  const times = [once()];
  while (times.length < maxRuns && performance.now() - start + times[0]! <= budgetMs)
    times.push(once());
  return {
    ms: median(times),
    samples: times.length,
    callsPerSample: 1,
    firstMs: firstMs ?? times[0]!,
  };
}

const errorText = (e: unknown) =>
  e instanceof Error ? `${e.name}: ${e.message}`.split('\n')[0]!.slice(0, 200) : String(e);

/** What the main thread hands a worker. */
interface Job {
  adversarialShape: number;
  sizes: number[];
  synthetic: boolean;
}

/** What a worker reports, per size: input built, then its timing (or an error). */
type Message =
  | { type: 'ready'; size: number; chars: number; parseMs?: number; warmUp: boolean }
  | { type: 'result'; size: number; timing: Timing; blocks: number; nodes: number }
  | { type: 'error'; size: number; error: string };

/** The worker: builds its shape at each size in turn and times it, posting as it goes. */
function workerMain(job: Job): void {
  const post = (m: Message) => parentPort!.postMessage(m);
  const shape = adversarialShapes(loadCorpus(job.synthetic))[job.adversarialShape]!;
  let first: { chars: number; ms: number } | undefined;
  for (const size of job.sizes) {
    try {
      const input = shape.make(size);
      const { run, parseMs } = prepare(shape.entry, input);
      let analysis: Analysis | undefined;
      const call = () => (analysis = run());
      let timing: Timing;
      if (!first) {
        post({ type: 'ready', size, chars: input.length, parseMs, warmUp: true });
        timing = measure(call, FIRST_RUNS);
        first = { chars: input.length, ms: timing.ms };
      } else {
        const projected = (first.ms * input.length) / first.chars;
        const warmUp = projected < LATER_RUNS.warmUpBelowMs;
        post({ type: 'ready', size, chars: input.length, parseMs, warmUp });
        timing = timeRuns(call, {
          warmUp,
          maxRuns: LATER_RUNS.maxRuns,
          budgetMs: LATER_RUNS.budgetMs,
        });
      }
      post({
        type: 'result',
        size,
        timing,
        blocks: analysis!.blocks.blocks.length,
        nodes: analysis!.outline.nodes.length,
      });
    } catch (e) {
      post({ type: 'error', size, error: errorText(e) });
    }
  }
}

if (!isMainThread && (workerData as Partial<Job> | null)?.adversarialShape !== undefined)
  workerMain(workerData as Job);

/** A worker of this module with tsx registered (workers do not inherit the loader). */
function startWorker(job: Job): Worker {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(import.meta.url);
  const boot = `import(${api}).then((tsx) => { tsx.register(); return import(${self}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}

/** Messages of `worker` one at a time, each awaited under a deadline. */
function inbox(worker: Worker) {
  const queue: (Message | { type: 'died'; error: string })[] = [];
  let wake: (() => void) | undefined;
  const push = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: Message) => push(m));
  worker.on('error', (e) => push({ type: 'died', error: errorText(e) }));
  worker.on('exit', (code) => push({ type: 'died', error: `worker exited (code ${code})` }));
  return async (timeoutMs: number) => {
    if (!queue.length) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
      wake = undefined;
    }
    return queue.shift();
  };
}

interface Row {
  shape: AdversarialShape;
  size: number;
  chars?: number;
  timing?: Timing;
  blocks?: number;
  nodes?: number;
  parseMs?: number;
  error?: string;
}

/** Times one shape at every size in a worker of its own; never throws. */
async function benchShape(
  shape: AdversarialShape,
  index: number,
  sizes: number[],
  synthetic: boolean,
): Promise<Row[]> {
  const rows: Row[] = [];
  let worker: Worker;
  try {
    worker = startWorker({ adversarialShape: index, sizes, synthetic });
  } catch (e) {
    return sizes.map((size) => ({ shape, size, error: errorText(e) }));
  }
  const next = inbox(worker);
  let stopped: string | undefined;
  for (const size of sizes) {
    const t0 = performance.now();
    if (stopped) {
      rows.push({ shape, size, error: `not run: ${stopped}` });
      continue;
    }
    const row: Row = { shape, size };
    rows.push(row);
    const ready = await next(BUILD_TIMEOUT_MS);
    if (!ready || ready.type !== 'ready') {
      // An input that throws is reported and the worker goes on to the next size;
      // one that never comes, or a dead worker, stops the shape.
      if (!ready) {
        row.error = `building the input took over ${BUILD_TIMEOUT_MS / 1000} s, stopped`;
        stopped = `${sizeLabel(size)} timed out`;
      } else if (ready.type === 'error') row.error = ready.error;
      else {
        row.error = ready.type === 'died' ? ready.error : 'unexpected message';
        stopped = `worker died at ${sizeLabel(size)}`;
      }
    } else {
      row.chars = ready.chars;
      row.parseMs = ready.parseMs;
      // The deadline: at a larger size, the time the 2× rule allows (the warm-up call
      // included), projected from the smallest size.
      const base = rows[0]!;
      let timeoutMs = FIRST_TIMEOUT_MS;
      let allowedMs: number | undefined;
      if (row !== base && base.timing && base.chars) {
        allowedMs =
          LINEARITY_LIMIT * ((base.timing.ms * ready.chars) / base.chars) * (ready.warmUp ? 2 : 1);
        timeoutMs = Math.min(
          MAX_TIMEOUT_MS,
          Math.max(MIN_TIMEOUT_MS, allowedMs + LATER_RUNS.budgetMs),
        );
      }
      const result = await next(timeoutMs);
      if (result?.type === 'result') {
        row.timing = result.timing;
        row.blocks = result.blocks;
        row.nodes = result.nodes;
      } else if (!result) {
        // The ratio the stopped run had at least; under the limit only when the cap cut the deadline.
        const least =
          allowedMs === undefined
            ? undefined
            : (LINEARITY_LIMIT * (timeoutMs - LATER_RUNS.budgetMs)) / allowedMs;
        const bound =
          least === undefined
            ? ''
            : `: ns/char over ${num(least)}× that at ${sizeLabel(base.size)}` +
              (least < LINEARITY_LIMIT ? ` (the bench's ${MAX_TIMEOUT_MS / 1000} s cap)` : '');
        row.error = `no result after ${num(timeoutMs / 1000)} s, stopped${bound}`;
        stopped = `${sizeLabel(size)} timed out`;
      } else if (result.type === 'error') row.error = result.error;
      else {
        row.error = result.type === 'died' ? result.error : 'unexpected message';
        stopped = `worker died at ${sizeLabel(size)}`;
      }
    }
    console.error(
      `  adversarial: ${shape.name} ${sizeLabel(size)} ${row.error ? 'FAILED' : 'done'} in ${num((performance.now() - t0) / 1000)} s`,
    );
  }
  await worker.terminate();
  return rows;
}

const nsPerChar = (r: Row) => (r.timing && r.chars ? (r.timing.ms * 1e6) / r.chars : NaN);

/** Options for {@link benchAdversarial}. */
export interface AdversarialOptions {
  /** The corpus the reference essay and the CR-only shape are cut from (rebuilt in each worker). */
  corpus: Corpus;
  /** Sizes to build each shape at (default {@link ADVERSARIAL_SIZES}); linearity compares the largest with the smallest. */
  sizes?: readonly number[];
}

/**
 * Times every adversarial shape at every size, prints the table, the linearity
 * PASS/FAIL lines and the ratio to the essay at the largest size. Returns the
 * number of FAIL lines (reported, not asserted: the caller decides the exit code).
 */
export async function benchAdversarial(options: AdversarialOptions): Promise<{ failed: number }> {
  const sizes = [...new Set(options.sizes ?? ADVERSARIAL_SIZES)].sort((a, b) => a - b);
  const synthetic = options.corpus.source === 'synthetic';
  const started = performance.now();

  // The reference, warmed up as in the main bench, in this thread, in the same run: before
  // and after the shapes, the quicker kept (a busy machine slows one of them, not both).
  const essay = options.corpus.essay(ESSAY_SIZE);
  const before = measure(() => analyzeText(essay), ESSAY_TIMING);

  const shapes = adversarialShapes(options.corpus);
  const rows: Row[] = [];
  for (const [index, shape] of shapes.entries())
    rows.push(...(await benchShape(shape, index, sizes, synthetic)));

  const after = measure(() => analyzeText(essay), ESSAY_TIMING);
  const essayTiming = after.ms < before.ms ? after : before;
  const essayNs = (essayTiming.ms * 1e6) / essay.length;

  const low = sizes[0]!;
  const high = sizes[sizes.length - 1]!;
  const rowOf = (shape: AdversarialShape, size: number) =>
    rows.find((r) => r.shape === shape && r.size === size)!;

  console.log(`\n${banner('Adversarial shapes (issue 18): time per character')}`);
  console.log(
    `reference: analyzeText on the ${sizeLabel(ESSAY_SIZE)} essay = ${num(essayTiming.ms)} ms, ` +
      `${num(essayNs)} ns/char (median of ${runs(essayTiming)}; the quicker of ${num(before.ms)} ms before ` +
      `the shapes and ${num(after.ms)} ms after)`,
  );
  console.log(
    table(
      [
        'shape',
        'entry',
        'size',
        'chars',
        'blocks',
        'nodes',
        'median ms',
        'runs',
        'first ms',
        'ns/char',
        '× essay',
        `× ${sizeLabel(low)}`,
        'parse ms',
      ],
      rows.map((r) => {
        const head = [r.shape.name, r.shape.entry, sizeLabel(r.size)];
        const parse = r.parseMs === undefined ? '' : num(r.parseMs);
        if (!r.timing)
          return [
            ...head,
            r.chars ? String(r.chars) : '',
            'FAILED',
            ...Array<string>(6).fill(''),
            parse,
          ];
        const ns = nsPerChar(r);
        return [
          ...head,
          String(r.chars),
          String(r.blocks),
          String(r.nodes),
          num(r.timing.ms),
          runs(r.timing),
          num(r.timing.firstMs),
          num(ns),
          num(ns / essayNs),
          r.size === low ? '' : num(ns / nsPerChar(rowOf(r.shape, low))),
          parse,
        ];
      }),
    ),
  );
  console.log(
    `(median ms of the runs; first ms = the first call: at ${sizeLabel(low)} a warm-up call, at larger sizes\n` +
      ` the warm-up call when the call is quick, else the first timed run; ns/char counts the input\n` +
      ` characters (HTML for analyzeDocument); × essay = ns/char over the ${sizeLabel(ESSAY_SIZE)} essay's;\n` +
      ` × ${sizeLabel(low)} = ns/char over the same shape's at ${sizeLabel(low)}; parse ms = linkedom parseHTML, not timed;\n` +
      ` each shape runs in a worker of its own)`,
  );

  console.log(
    `\n${banner(`Targets (adversarial): ns/char at ${sizeLabel(high)} within ${LINEARITY_LIMIT}× of ${sizeLabel(low)}`)}`,
  );
  let failed = 0;
  for (const shape of shapes) {
    const what = `${shape.entry} ${shape.name}: within ${LINEARITY_LIMIT}× of linear`;
    const errors = sizes
      .map((s) => rowOf(shape, s))
      .filter((r) => r.error)
      .map((r) => `${sizeLabel(r.size)}: ${r.error}`);
    if (errors.length) {
      failed++;
      console.log(paint(`FAIL  ${what}: ${errors.join('; ')}`, 'red'));
      continue;
    }
    if (high === low) {
      console.log(`SKIP  ${what}: needs two sizes`);
      continue;
    }
    const ratio = nsPerChar(rowOf(shape, high)) / nsPerChar(rowOf(shape, low));
    const ok = ratio <= LINEARITY_LIMIT;
    if (!ok) failed++;
    const detail = `ns/char ${sizeLabel(high)}/${sizeLabel(low)} = ${num(ratio)}`;
    console.log(
      ok
        ? `${paint('PASS', 'green')}  ${what}: ${detail}`
        : paint(`FAIL  ${what}: ${detail}`, 'red'),
    );
  }

  console.log(
    `\n${banner(`Information: ns/char at ${sizeLabel(high)} over the ${sizeLabel(ESSAY_SIZE)} essay's`)}`,
  );
  for (const shape of shapes) {
    const r = rowOf(shape, high);
    const label = `${shape.entry} ${shape.name}`;
    console.log(`${label.padEnd(62)} ${r.timing ? `${num(nsPerChar(r) / essayNs)}×` : '—'}`);
  }

  if (failed)
    console.log(paint(`\n${banner(`${failed} ADVERSARIAL TARGET(S) FAILED`, '!')}`, 'red'));
  else console.log(paint(`\n${banner('ALL ADVERSARIAL TARGETS PASS')}`, 'green'));
  console.log(`adversarial section ${num((performance.now() - started) / 1000)} s`);
  return { failed };
}
