#!/usr/bin/env node
/**
 * Runs the command-line outliner (cli/outline.ts). It is bundled once with
 * esbuild into node_modules/.cache and rebuilt when a source file is newer,
 * so each run costs a Node start-up, not a TypeScript compile (the corpus
 * scorer runs it once per essay).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'gangmu', 'outline.mjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale =
  !existsSync(out) ||
  statSync(out).mtimeMs <
    Math.max(
      newest(join(root, 'lib')),
      newest(join(root, 'cli')),
      statSync(join(root, 'package-lock.json')).mtimeMs,
    );
if (stale) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(root, 'cli', 'outline.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // linkedom pulls in CommonJS modules that call require(): give the ESM bundle one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}
await import(pathToFileURL(out).href);
