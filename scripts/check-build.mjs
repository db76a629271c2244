#!/usr/bin/env node
// Checks the built extensions in .output/ and reports the content script's size.
//
// 1. Every text file must be valid UTF-8 with no Unicode noncharacters
//    (U+FDD0–U+FDEF, U+FFFE, U+FFFF). Chrome refuses the whole extension when
//    a script contains one ("isn't UTF-8 encoded") and shows no visible error:
//    the service worker simply never starts. The minifier produces them from
//    String.fromCharCode(65535) unless the output charset is ASCII (see
//    wxt.config.ts and ../shared/TOOLCHAIN.md).
// 2. The manifest must exist and parse.
// 3. The content script must not contain Dexie or indexedDB: from a content
//    script IndexedDB belongs to the web page's origin (the page can read it,
//    the popup cannot). Storage lives in the background; see background/db/schema.ts.
// 4. Reports raw and gzip sizes of content-scripts/content.js, which runs on
//    every page, and fails above a budget; the engine must stay out of it (it
//    is engine.js, loaded on first need).
//
// Usage: node scripts/check-build.mjs [DIR…]   (default: every .output/*/ that exists)
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip budget for the content script; it is injected into every page. */
const CONTENT_SCRIPT_GZIP_BUDGET = 60 * 1024;
const TEXT_FILE = /\.(js|mjs|cjs|json|html|css|svg|txt|map)$/i;
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

const root = resolve(import.meta.dirname, '..');
const outputDir = join(root, '.output');
const dirs =
  process.argv.length > 2
    ? process.argv.slice(2).map((d) => resolve(d))
    : existsSync(outputDir)
      ? readdirSync(outputDir)
          .map((d) => join(outputDir, d))
          .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'manifest.json')))
      : [];

if (dirs.length === 0) {
  console.error('check-build: no built extension found in .output/ (run `npm run build` first)');
  process.exit(1);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const problems = [];
const decoder = new TextDecoder('utf-8', { fatal: true });

for (const dir of dirs) {
  const name = relative(root, dir);
  let files = 0;
  for (const file of walk(dir)) {
    if (!TEXT_FILE.test(file)) continue;
    files++;
    const bytes = readFileSync(file);
    let text;
    try {
      text = decoder.decode(bytes);
    } catch {
      problems.push(`${relative(root, file)}: not valid UTF-8`);
      continue;
    }
    const m = NONCHARACTER.exec(text);
    if (m) {
      const line = text.slice(0, m.index).split('\n').length;
      const cp = m[0].codePointAt(0).toString(16).toUpperCase();
      problems.push(`${relative(root, file)}:${line}: contains the noncharacter U+${cp}`);
    }
  }

  try {
    JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch (err) {
    problems.push(`${name}/manifest.json: ${err.message}`);
  }

  const content = join(dir, 'content-scripts', 'content.js');
  if (existsSync(content)) {
    const raw = readFileSync(content);
    const gz = gzipSync(raw, { level: 9 }).length;
    console.log(
      `${name}: ${files} text files checked; content-scripts/content.js ${kB(raw.length)} raw, ${kB(gz)} gzip (budget ${kB(CONTENT_SCRIPT_GZIP_BUDGET)})`,
    );
    const script = raw.toString('utf8');
    for (const word of ['Dexie', 'indexedDB']) {
      if (script.includes(word)) {
        problems.push(
          `${name}/content-scripts/content.js: contains '${word}' (storage belongs in the background, never in the content script)`,
        );
      }
    }
    // The engine is loaded on first need (entrypoints/engine.ts): Readability in the content
    // script means it was pulled back into the script every page carries.
    if (script.includes('Readability')) {
      problems.push(
        `${name}/content-scripts/content.js: contains the outline engine (Readability); it belongs in engine.js, loaded on first need`,
      );
    }
    if (!existsSync(join(dir, 'engine.js'))) problems.push(`${name}: engine.js is missing`);
    if (gz > CONTENT_SCRIPT_GZIP_BUDGET) {
      problems.push(`${name}/content-scripts/content.js: ${kB(gz)} gzip is over the budget`);
    }
  } else {
    problems.push(`${name}: content-scripts/content.js is missing`);
  }
}

if (problems.length > 0) {
  console.error(`check-build: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-build: OK');
