/** The isolated-world global through which entrypoints/engine.ts hands the engine to the content script. */
export const ENGINE_GLOBAL = '__gangmuEngine';
