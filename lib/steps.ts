/**
 * Long work in steps: a stage of the engine written as a generator yields
 * between small pieces of its work (a few hundred nodes or blocks), so a
 * caller in a web page can pause it between tasks and the page never waits
 * long (content/sliced.ts), while Node and the extension's own pages run it
 * to the end at once ({@link runSteps}). A yield carries no value: the work's
 * state stays in the generator.
 */

/** A stage of work that yields between pieces and returns `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end without pausing and returns its result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Units of work (nodes walked, blocks read) between two yields: small enough that
 * a piece takes well under a millisecond on the slowest units (a computed style),
 * large enough that yielding costs nothing to speak of.
 */
export const STEP_UNITS = 256;

/**
 * A counter for a loop that yields every {@link STEP_UNITS} units:
 * `if (tick()) yield;`.
 */
export function stepCounter(units = STEP_UNITS): () => boolean {
  let n = 0;
  return () => {
    if (++n < units) return false;
    n = 0;
    return true;
  };
}
