/**
 * Running the engine's steps (lib/steps.ts) in the page a slice at a time: a
 * slice works for about {@link SLICE_MS} and then gives the page its turn, so
 * a page of 50,000 paragraphs never holds the reader's tab for long; past
 * {@link BUDGET_MS} of work in all it gives up with {@link TooLong}, a message
 * the sidebar shows, never a frozen tab. A run whose lifetime stops, or that a newer
 * one replaces, ends with {@link Stopped}.
 */
import type { Steps } from '../lib/steps.ts';
import type { Lifetime } from './lifetime.ts';

/** Work per task (ms): with the longest piece of the engine, a task stays under 50 ms. */
export const SLICE_MS = 20;
/**
 * Work in the first slice (ms), in the task that asked: an essay of 20,000 characters
 * (20–30 ms of engine on a slow machine) is done in it, and its sidebar shows the outline
 * in one render, with no notice first.
 */
export const FIRST_SLICE_MS = 35;
/** Work in all before the engine gives up on a page (ms). */
export const BUDGET_MS = 15_000;

/** The engine gave up on a page past its budget. */
export class TooLong extends Error {
  constructor(readonly workedMs: number) {
    super(`the page is too long to outline (${Math.round(workedMs / 1000)} s of work)`);
    this.name = 'TooLong';
  }
}

/** The work was dropped: its lifetime ended (the content script stopped). */
export class Stopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'Stopped';
  }
}

/** Finished in the first slice (`value`), or still running (`promise`). */
export type Sliced<T> = { done: true; value: T } | { done: false; promise: Promise<T> };

export interface SliceOptions {
  sliceMs?: number;
  /** Work in the first slice, in the caller's task (default {@link FIRST_SLICE_MS}). */
  firstSliceMs?: number;
  budgetMs?: number;
  now?: () => number;
  /** The page's document: how a slice hands over depends on whether its tab is shown. */
  doc?: Document;
  /** True when the work is no longer wanted (a newer run replaced it): it stops with {@link Stopped}. */
  cancelled?: () => boolean;
}

/**
 * Runs `fn` in a new task: a timer, which lets the page's own timers, input and
 * frames run in between (a chain of posted messages starved them for seconds in
 * Chromium). A hidden tab throttles timers, so there a message to ourselves (the
 * content script's own channel, which the page cannot see) goes on instead.
 */
function nextTask(fn: () => void, life: Lifetime, doc: Document | undefined): void {
  if (doc?.visibilityState !== 'hidden' || typeof MessageChannel !== 'function') {
    life.timeout(fn, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/**
 * Runs `steps`: the first slice at once (a short page is done in it, with no
 * task in between), the rest a slice per task. What the steps throw is thrown
 * (first slice) or rejected.
 */
export function runSliced<T>(
  steps: Steps<T>,
  life: Lifetime,
  options: SliceOptions = {},
): Sliced<T> {
  const {
    sliceMs = SLICE_MS,
    firstSliceMs = Math.max(sliceMs, FIRST_SLICE_MS),
    budgetMs = BUDGET_MS,
    now = () => performance.now(),
  } = options;
  let worked = 0;
  const slice = (ms: number): IteratorResult<void, T> => {
    const start = now();
    for (;;) {
      const r = steps.next();
      const spent = now() - start;
      if (r.done || spent >= ms) {
        worked += spent;
        return r;
      }
    }
  };
  const first = slice(firstSliceMs);
  if (first.done) return { done: true, value: first.value };
  const promise = new Promise<T>((resolve, reject) => {
    // A stopped lifetime runs no timer: the run ends with Stopped there and then.
    life.onStop(() => reject(new Stopped()));
    const go = () => {
      try {
        if (life.stopped || options.cancelled?.()) throw new Stopped();
        if (worked > budgetMs) throw new TooLong(worked);
        const r = slice(sliceMs);
        // What waits for the result runs in a task of its own, not at the end of this slice.
        if (r.done) return nextTask(() => resolve(r.value), life, options.doc);
        nextTask(go, life, options.doc);
      } catch (err) {
        steps.return(undefined as T);
        reject(err);
      }
    };
    nextTask(go, life, options.doc);
  });
  return { done: false, promise };
}
