/**
 * The content script's handle on the full engine (lib/), which is built as
 * its own script (entrypoints/engine.ts) and loaded on first need: the script
 * injected into every page carries only the quick check, the painter and the
 * UI. Tests pass `analyzeDocumentSteps` directly; extension pages run `analyzeDocument`.
 */
import type { analyzeDocument, analyzeDocumentSteps } from '../lib/index.ts';
import { ENGINE_GLOBAL } from './engine-global.ts';

/** The engine, run at once (extension pages, tests). */
export type Analyze = typeof analyzeDocument;
/** The engine in steps (lib/steps.ts), as web pages run it: a slice at a time (sliced.ts). */
export type AnalyzeSteps = typeof analyzeDocumentSteps;

/**
 * Thrown where the page's outline is asked for before it can be made at once: the
 * engine has not loaded yet, or the page is long enough to be outlined in slices
 * (the caller awaits its `ready()` and asks again).
 */
export class EngineNotReady extends Error {
  constructor(message = 'the outline engine is not loaded yet') {
    super(message);
    this.name = 'EngineNotReady';
  }
}

/**
 * A loader for the engine script at `url` (the extension's `engine.js`): the
 * first call imports it, later calls share that import; a failed import is
 * retried on the next call.
 */
export function engineLoader(url: string): () => Promise<AnalyzeSteps> {
  let loading: Promise<AnalyzeSteps> | null = null;
  return () =>
    (loading ??= import(/* @vite-ignore */ url).then(
      () => {
        const analyze = (globalThis as Record<string, unknown>)[ENGINE_GLOBAL];
        if (typeof analyze !== 'function') throw new Error('the outline engine did not load');
        return analyze as AnalyzeSteps;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
}
