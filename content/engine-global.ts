/**
 * The isolated-world global through which entrypoints/engine.ts hands the engine (in
 * steps: analyzeDocumentSteps) to the content script. Named for what it holds, so a
 * content script never takes an engine of another shape from an older engine.js.
 */
export const ENGINE_GLOBAL = '__gangmuEngineSteps';
