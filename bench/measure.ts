/**
 * Timing helpers: a warm-up, then the median of N samples, N chosen from the
 * warm-up so that one measurement stays within its time budget.
 */

/** How one function was timed. */
export interface Timing {
  /** Median time of one call, in milliseconds. */
  ms: number;
  /** Number of timed samples the median is taken over. */
  samples: number;
  /** Calls per sample (more than 1 for calls too quick to time one by one). */
  callsPerSample: number;
  /** The first call, before any warm-up: the cost of code the JIT has not compiled yet. */
  firstMs: number;
}

/** Options for {@link measure}. */
export interface MeasureOptions {
  /** Time to spend on timed samples, in milliseconds (at least one sample is always taken). */
  budgetMs: number;
  /** Most samples to take. */
  maxSamples?: number;
  /** Shortest sample, in milliseconds: quicker calls are batched. */
  minSampleMs?: number;
  /** Untimed set-up before each call (e.g. parsing a fresh document); its time is not counted. */
  setup?: () => void;
  /**
   * Warm-up calls at most (default 5) and their wall-clock time at most, set-up included
   * (default 20% of the budget); at least one call is always made.
   */
  warmUpCalls?: number;
  warmUpMs?: number;
}

/** The samples of a timing, as `41` or, for batched calls, `41×8`. */
export const samplesLabel = (t: Timing) =>
  t.callsPerSample > 1 ? `${t.samples}×${t.callsPerSample}` : `${t.samples}`;

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Keeps results alive so that the engine cannot optimise the measured calls away. */
let sink: unknown;

/** Returns the last value measured (keeps it observable). */
export function lastResult(): unknown {
  return sink;
}

/**
 * Time `fn`: warm-up calls (at least one; then until `warmUpCalls` calls or `warmUpMs`
 * of wall-clock time), then up to `maxSamples` samples within `budgetMs`, and report
 * their median, with the first call's time on its own.
 */
export function measure(fn: () => unknown, options: MeasureOptions): Timing {
  const { budgetMs, maxSamples = 41, minSampleMs = 2, setup } = options;
  const { warmUpCalls = 5, warmUpMs = budgetMs * 0.2 } = options;
  const once = (): number => {
    setup?.();
    const t0 = performance.now();
    sink = fn();
    return performance.now() - t0;
  };

  // Warm-up: lets the JIT compile the hot paths and gives an estimate of one call.
  const warmStart = performance.now();
  const firstMs = once();
  let estimate = firstMs;
  for (let i = 1; i < warmUpCalls && performance.now() - warmStart + estimate < warmUpMs; i++)
    estimate = once();

  // Calls too quick to time one by one are batched (never with a set-up step).
  const callsPerSample =
    setup || estimate >= minSampleMs ? 1 : Math.ceil(minSampleMs / Math.max(estimate, 1e-3));
  const perSample = estimate * callsPerSample;
  const samples = Math.max(
    1,
    Math.min(maxSamples, Math.floor(budgetMs / Math.max(perSample, 1e-3))),
  );

  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    if (callsPerSample === 1) {
      times.push(once());
      continue;
    }
    const t0 = performance.now();
    for (let c = 0; c < callsPerSample; c++) sink = fn();
    times.push((performance.now() - t0) / callsPerSample);
  }
  return { ms: median(times), samples, callsPerSample, firstMs };
}
