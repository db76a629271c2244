/**
 * The content script's handle on the full engine (lib/), which is built as
 * its own script (entrypoints/engine.ts) and loaded on first need: the script
 * injected into every page carries only the quick check, the painter and the
 * UI. Tests and extension pages pass `analyzeDocument` directly.
 */
import type { analyzeDocument } from '../lib/index.ts';
import { ENGINE_GLOBAL } from './engine-global.ts';

export type Analyze = typeof analyzeDocument;

/** Thrown where the page's outline is asked for before the engine has loaded. */
export class EngineNotReady extends Error {
  constructor() {
    super('the outline engine is not loaded yet');
    this.name = 'EngineNotReady';
  }
}

/**
 * A loader for the engine script at `url` (the extension's `engine.js`): the
 * first call imports it, later calls share that import; a failed import is
 * retried on the next call.
 */
export function engineLoader(url: string): () => Promise<Analyze> {
  let loading: Promise<Analyze> | null = null;
  return () =>
    (loading ??= import(/* @vite-ignore */ url).then(
      () => {
        const analyze = (globalThis as Record<string, unknown>)[ENGINE_GLOBAL];
        if (typeof analyze !== 'function') throw new Error('the outline engine did not load');
        return analyze as Analyze;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
}
