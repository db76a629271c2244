/**
 * The full engine for web pages, loaded by the content script only when a
 * page needs it (the reader opens the sidebar, saves, exports, or the page
 * has saved highlights): the script injected into every page stays small.
 * Loaded with `import()` from the content script, it runs in the content
 * script's isolated world, so the global it sets is out of the page's reach.
 * See content/engine.ts.
 */
import { defineUnlistedScript } from '#imports';
import { analyzeDocumentSteps } from '@/lib/index';
import { ENGINE_GLOBAL } from '@/content/engine-global';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = analyzeDocumentSteps;
});
